import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchAccessLog } from '../platform/audit/search.ts';
import { CODE_SENDING, nextSend } from './one-time-codes.ts';
import { RESET_CODE_ATTEMPTS, RESET_CODE_MINUTES } from './password-reset.ts';
import { memberSubject } from './subjects.ts';
import { apiCall, problemOf } from './testing/api-call.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const newPassword = 'Bomnal-Baram-2031';

/** A signed-in member with their own e-mail address, so the mails to it are theirs alone. */
async function member() {
  const email = `reset${Math.random().toString(36).slice(2, 8)}@example.com`;
  // Each member a minute after the last, so that no request is paced by another's.
  bed.clock.advance(61_000);
  return { email, ...(await bed.signedInMember({ email })) };
}

const codeIn = (text: string) => /(\d{5}-\d{5})/.exec(text)?.[1] ?? '';

async function askForCode(loginId: string, email: string) {
  const text = await bed.newMailTo(email, async () => {
    const res = await bed.browser().post('/login/reset', { loginId, channel: 'email' });
    assert.equal(res.status, 200);
  });
  const code = codeIn(text);
  assert.match(code, /^\d{5}-\d{5}$/, 'the mail carries the code');
  return code;
}

const useCode = (loginId: string, code: string, password: string) =>
  bed.browser().post('/login/reset/code', { 'reset-loginId': loginId, code, password });

const signInStatus = async (loginId: string, password: string) =>
  (await bed.browser().post('/login', { loginId, password })).status;

test('a member who forgot the password gets a code by e-mail and chooses a new one; every session ends', async () => {
  const { member: signedIn, form, memberId, email } = await member();
  const loginId = form.loginId ?? '';
  const signInPage = await (await bed.browser().get('/login')).text();
  assert.match(signInPage, /href="\/login\/reset"/, 'the sign-in page leads to the reset');
  const resetPage = await (await bed.browser().get('/login/reset')).text();
  assert.match(resetPage, /<label for="channel">코드를 받을 곳<\/label>/);

  const code = await askForCode(loginId, email);

  const weak = await useCode(loginId, code, 'password1');
  assert.equal(weak.status, 400);
  assert.match(await weak.text(), /id="password-error"/, 'a weak password is refused on its field');
  assert.equal(await signInStatus(loginId, form.password ?? ''), 303, 'nothing changed yet');

  const changed = await bed.newMailTo(email, async () => {
    const done = await useCode(loginId, code, newPassword);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /비밀번호가 바뀌었습니다/);
  });
  assert.match(changed, /비밀번호가 바뀌었고/, 'the member is told at the same address');
  assert.equal((await signedIn.get('/me')).status, 303, 'the open session ended');
  assert.equal(await signInStatus(loginId, form.password ?? ''), 401, 'the old password is gone');
  assert.equal(await signInStatus(loginId, newPassword), 303);
  assert.equal(
    (await useCode(loginId, code, 'Another-Spring-88')).status,
    400,
    'a code works once',
  );

  const lines = (await searchAccessLog(bed.db, { actorId: memberId, limit: 20 })).entries;
  const sent = lines.find((l) => l.purpose === 'member_identity' && l.action === 'read');
  assert.deepEqual(sent?.items, ['membership.email']);
  assert.deepEqual(sent?.subjectIds, [memberSubject(memberId)]);
  assert.ok(lines.some((l) => l.purpose === 'member_identity' && l.action === 'update'));
});

test('an unknown login ID gets the same answer and nothing is sent', async () => {
  const before = await bed.outboxSize();
  const res = await bed
    .browser()
    .post('/login/reset', { loginId: 'nobody-at-all', channel: 'sms' });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /가입된 아이디라면 등록된 연락처로/);
  assert.equal(await bed.outboxSize(), before);
  const bad = await bed.browser().post('/login/reset', { loginId: '', channel: 'pigeon' });
  assert.equal(bad.status, 400);
  const page = await bad.text();
  assert.match(page, /id="loginId-error"/);
  assert.match(page, /id="channel-error"/);
});

test('a locked member resets by the API with a code by text message, and the account opens', async () => {
  const { form } = await member();
  const loginId = form.loginId ?? '';
  for (let n = 0; n < 5; n++) await signInStatus(loginId, 'Wrong-Password-00');
  assert.equal(await signInStatus(loginId, form.password ?? ''), 401, 'locked');

  const asked = await apiCall(bed.browser(), 'POST', '/api/v1/members/password-resets', {
    loginId,
    channel: 'sms',
  });
  assert.equal(asked.status, 202);
  const code = codeIn(await bed.latestMessage('password_reset_code'));
  const done = await apiCall(
    bed.browser(),
    'POST',
    '/api/v1/members/password-resets/confirmations',
    {
      loginId,
      code,
      password: newPassword,
    },
  );
  assert.equal(done.status, 204);
  assert.equal(await signInStatus(loginId, newPassword), 303, 'unlocked, with the new password');
});

test('five wrong codes void the code; an expired code is refused; a second ask within a minute sends nothing', async () => {
  const { form, email } = await member();
  const loginId = form.loginId ?? '';
  const code = await askForCode(loginId, email);
  const digits = code.replace('-', '');
  const wrong = `${digits.slice(0, 9)}${(Number(digits.at(-1)) + 1) % 10}`;
  for (let n = 0; n < RESET_CODE_ATTEMPTS; n++) {
    assert.equal((await useCode(loginId, wrong, newPassword)).status, 400);
  }
  const voided = await apiCall(
    bed.browser(),
    'POST',
    '/api/v1/members/password-resets/confirmations',
    { loginId, code, password: newPassword },
  );
  assert.equal(voided.status, 400);
  assert.deepEqual(
    (await problemOf(voided)).errors?.map((e) => e.field),
    ['code'],
  );

  const mails = bed.mailsTo(email).length;
  await bed.browser().post('/login/reset', { loginId, channel: 'email' });
  await bed.deliver();
  assert.equal(bed.mailsTo(email).length, mails, 'paced: no second code within a minute');

  bed.clock.advance(61_000);
  const fresh = await askForCode(loginId, email);
  bed.clock.advance(RESET_CODE_MINUTES * 60_000);
  assert.equal((await useCode(loginId, fresh, newPassword)).status, 400, 'expired');
  assert.equal(await signInStatus(loginId, form.password ?? ''), 303, 'the password never changed');
});

test('no more than five codes a day go to one member, however often the form is sent', async () => {
  const { form, email } = await member();
  const loginId = form.loginId ?? '';
  for (let n = 0; n < CODE_SENDING.perDay; n++) {
    await askForCode(loginId, email);
    bed.clock.advance(CODE_SENDING.minGapMs);
  }
  const mails = bed.mailsTo(email).length;
  const sixth = await bed.browser().post('/login/reset', { loginId, channel: 'email' });
  assert.match(await sixth.text(), /가입된 아이디라면/, 'the answer does not change');
  await bed.deliver();
  assert.equal(bed.mailsTo(email).length, mails, 'the sixth in a day is not sent');
  bed.clock.advance(24 * 3_600_000);
  await askForCode(loginId, email);
});

test('the sending rule: a minute apart, five a day counted from the first', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 0, minutes));
  assert.deepEqual(nextSend(undefined, at(0)), { sends: 1, sends_since: at(0) });
  const first = { created_at: at(0), sends: 1, sends_since: at(0) };
  assert.equal(nextSend(first, at(0.5)), undefined, 'not within a minute');
  assert.deepEqual(nextSend(first, at(1)), { sends: 2, sends_since: at(0) });
  const fifth = { created_at: at(10), sends: 5, sends_since: at(0) };
  assert.equal(nextSend(fifth, at(60)), undefined);
  assert.deepEqual(nextSend(fifth, at(24 * 60)), { sends: 1, sends_since: at(24 * 60) });
});

test('requests sent all at once send one code', async () => {
  const { form, email } = await member();
  const loginId = form.loginId ?? '';
  await bed.deliver();
  const before = bed.mailsTo(email).length;
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      bed.browser().post('/login/reset', { loginId, channel: 'email' }),
    ),
  );
  assert.deepEqual(
    answers.map((a) => a.status),
    [200, 200, 200, 200, 200],
  );
  await bed.deliver();
  assert.equal(bed.mailsTo(email).length, before + 1);
});

test('wrong codes sent all at once are each counted: the code is void after five', async () => {
  const { form, email } = await member();
  const loginId = form.loginId ?? '';
  const code = await askForCode(loginId, email);
  const digits = code.replace('-', '');
  const guesses = Array.from({ length: 20 }, (_, n) =>
    String((Number(digits) + n + 1) % 10_000_000_000).padStart(10, '0'),
  );
  await Promise.all(guesses.map((guess) => useCode(loginId, guess, newPassword)));
  assert.equal((await useCode(loginId, code, newPassword)).status, 400, 'the right code is void');
  assert.equal(await signInStatus(loginId, form.password ?? ''), 303);
});
