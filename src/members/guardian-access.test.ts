import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchAccessLog } from '../platform/audit/search.ts';
import { GUARDIAN_CODE_ATTEMPTS, GUARDIAN_SESSION_MINUTES } from './guardian-access.ts';
import { loginIdIndex } from './subjects.ts';
import { fourteenTomorrow } from './testing/birthday.ts';
import { childForm } from './testing/member-form.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const { db, clock } = bed;

/** A child whose guardian has confirmed; returns the child's login ID and ids. */
async function confirmedChild(guardianEmail: string, birthDate?: string) {
  const form = childForm({
    guardianContact: guardianEmail,
    name: '이하늘',
    ...(birthDate ? { birthDate } : {}),
  });
  clock.advance(1_000); // so that its code is the newest message
  assert.equal((await bed.browser().post('/signup/child', form)).status, 201);
  const code = /(\d{5}-\d{5})/.exec(await bed.latestMessage('guardian_consent_code'))?.[1] ?? '';
  assert.equal((await bed.browser().post('/signup/guardian', { code })).status, 200);
  const loginId = form.loginId ?? '';
  const row = await db
    .selectFrom('app.members as m')
    .innerJoin('app.guardian_requests as g', 'g.member_id', 'm.id')
    .select(['m.id as memberId', 'g.id as requestId'])
    .where('m.login_id_index', '=', loginIdIndex(bed.cipher, loginId))
    .executeTakeFirstOrThrow();
  return { loginId, form, ...row };
}

/** Asks for a code and reads it from the mail the local SMTP server received. */
async function codeByMail(loginId: string, guardianEmail: string): Promise<string> {
  const mail = await bed.newMailTo(
    guardianEmail,
    async () => assert.equal((await bed.browser().post('/guardian', { loginId })).status, 200),
    'one code mail to the guardian contact on record',
  );
  return /(\d{5}-\d{5})/.exec(mail)?.[1] ?? '';
}

async function guardianSignedIn(loginId: string, guardianEmail: string) {
  const code = await codeByMail(loginId, guardianEmail);
  const guardian = bed.browser();
  const verified = await guardian.post('/guardian/verify', { loginId, code });
  assert.equal(verified.status, 303);
  assert.match(verified.headers.get('location') ?? '', /\/guardian\/child/);
  return { guardian, code };
}

test('a confirmed guardian verifies by a fresh code, sees and corrects the child’s data, as guardian in the log', async () => {
  const child = await confirmedChild('parent1@example.com');
  assert.equal(
    (await bed.browser().get('/guardian/child')).status,
    303,
    'no session: back to /guardian',
  );

  const code = await codeByMail(child.loginId, 'parent1@example.com');
  const wrong = await bed.browser().post('/guardian/verify', {
    loginId: child.loginId,
    code: code === '00000-00000' ? '11111-11111' : '00000-00000',
  });
  assert.equal(wrong.status, 400);
  assert.match(await wrong.text(), /id="code-error"/);
  const guardian = bed.browser();
  assert.equal(
    (await guardian.post('/guardian/verify', { loginId: child.loginId, code })).status,
    303,
  );
  assert.equal(
    (await bed.browser().post('/guardian/verify', { loginId: child.loginId, code })).status,
    400,
    'a code works once',
  );

  const view = await guardian.get('/guardian/child');
  assert.equal(view.status, 200);
  const page = await view.text();
  assert.match(page, /이하늘/);
  assert.match(page, /parent1@example\.com/, "the guardian's own recorded contact is shown");
  const subject = `member:${child.memberId}`;
  const read = (await searchAccessLog(db, { subjectId: subject, limit: 5 })).entries[0];
  assert.equal(read?.actor.kind, 'guardian');
  assert.equal(read?.actor.id, child.requestId);
  assert.equal(read?.action, 'read');

  const corrected = await guardian.post('/guardian/child', { district: 'seoul.mapo' });
  assert.equal(corrected.status, 200);
  assert.match(await corrected.text(), /자녀의 정보를 정정했습니다/);
  const update = (await searchAccessLog(db, { subjectId: subject, limit: 5 })).entries.find(
    (e) => e.action === 'update',
  );
  assert.equal(update?.actor.kind, 'guardian');
  assert.deepEqual(update?.items, ['membership.district']);
  const bad = await guardian.post('/guardian/child', { phone: 'nope' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /id="phone-error"/);

  assert.equal(
    (await guardian.get('/me')).status,
    303,
    'a guardian session is not a member session',
  );
  clock.advance((GUARDIAN_SESSION_MINUTES + 1) * 60_000);
  assert.equal((await guardian.get('/guardian/child')).status, 303, 'the session is short-lived');
});

test('codes go only to a confirmed guardian; unknown IDs get the same answer; guessing voids the code', async () => {
  const adult = await bed.signedInMember();
  const before = await bed.outboxSize();
  const unknown = await bed.browser().post('/guardian', { loginId: 'nobody_at_all' });
  const ofAdult = await bed.browser().post('/guardian', { loginId: adult.form.loginId ?? '' });
  assert.equal(unknown.status, 200);
  assert.equal(ofAdult.status, 200);
  assert.match(await unknown.text(), /등록된 보호자 연락처가 있으면/);
  assert.equal(await bed.outboxSize(), before, 'nothing is sent for an adult or an unknown ID');

  const pending = childForm({ guardianContact: 'waiting@example.com' });
  assert.equal((await bed.browser().post('/signup/child', pending)).status, 201);
  const afterSignUp = await bed.outboxSize();
  await bed.browser().post('/guardian', { loginId: pending.loginId ?? '' });
  assert.equal(await bed.outboxSize(), afterSignUp, 'an unconfirmed guardian gets no access code');

  const child = await confirmedChild('parent2@example.com');
  const code = await codeByMail(child.loginId, 'parent2@example.com');
  const guess = code === '12345-67890' ? '09876-54321' : '12345-67890';
  for (let i = 0; i < GUARDIAN_CODE_ATTEMPTS; i++) {
    await bed.browser().post('/guardian/verify', { loginId: child.loginId, code: guess });
  }
  const late = await bed.browser().post('/guardian/verify', { loginId: child.loginId, code });
  assert.equal(late.status, 400, 'after five wrong tries the right code no longer works');
});

test('a guardian deletes the child’s membership by the withdrawal path', async () => {
  const child = await confirmedChild('parent3@example.com');
  clock.advance(2 * 60_000);
  const { guardian } = await guardianSignedIn(child.loginId, 'parent3@example.com');
  const unconfirmed = await guardian.post('/guardian/child/delete', {});
  assert.equal(unconfirmed.status, 400);
  // The refusal stands on the checkbox it is about, for a screen reader too.
  assert.match(
    await unconfirmed.text(),
    /<input id="confirm"[^>]*aria-describedby="confirm-error"[\s\S]*id="confirm-error"[^>]*>[^<]*삭제에 동의/,
  );
  assert.ok(await bed.memberExists(child.memberId));

  const deleted = await guardian.post('/guardian/child/delete', { confirm: 'on' });
  assert.equal(deleted.status, 200);
  assert.match(await deleted.text(), /파기했습니다/);
  assert.equal(await bed.memberExists(child.memberId), false);
  const keys = await db
    .selectFrom('app.subject_keys')
    .select('subject_id')
    .where('subject_id', 'in', [`member:${child.memberId}`, `guardian:${child.requestId}`])
    .execute();
  assert.equal(keys.length, 0, "the child's and the guardian's keys are shredded");
  assert.ok(
    await db
      .selectFrom('separated.withdrawn_login_ids')
      .select('login_id_index')
      .where('login_id_index', '=', loginIdIndex(bed.cipher, child.loginId))
      .executeTakeFirst(),
    'the login ID is never reused',
  );
  const destroy = (
    await searchAccessLog(db, { subjectId: `member:${child.memberId}`, limit: 5 })
  ).entries.find((e) => e.action === 'destroy');
  assert.equal(destroy?.actor.kind, 'guardian');
  assert.equal(
    (await guardian.get('/guardian/child')).status,
    303,
    'the session ends with the child',
  );
  const signIn = await bed.browser().post('/login', {
    loginId: child.loginId,
    password: child.form.password ?? '',
  });
  assert.equal(signIn.status, 401);
});

test('guardian access ends on the child’s 14th birthday in Korea: the day before works, the birthday is refused', async () => {
  const { today, tomorrow, birthDate } = fourteenTomorrow(clock.now());
  const withSession = await confirmedChild('parent4@example.com', birthDate);
  const withCode = await confirmedChild('parent5@example.com', birthDate);

  clock.set(`${today}T23:50:00+09:00`);
  const { guardian } = await guardianSignedIn(withSession.loginId, 'parent4@example.com');
  assert.equal((await guardian.get('/guardian/child')).status, 200, 'the day before: allowed');
  clock.set(`${today}T23:55:00+09:00`);
  const code = await codeByMail(withCode.loginId, 'parent5@example.com');

  // 00:00:30 in Seoul on the birthday: the session (till 00:05) and the code (till 00:05) are still live.
  clock.set(`${tomorrow}T00:00:30+09:00`);
  const refusedView = await guardian.get('/guardian/child');
  assert.equal(refusedView.status, 422);
  const text = await refusedView.text();
  assert.match(text, /만 14세가 되어 법정대리인의 열람·정정·삭제는 끝났습니다/);
  assert.match(text, /access as legal guardian has ended/, 'said in English too');
  assert.doesNotMatch(text, /이하늘/, "none of the child's data is shown");
  assert.equal((await guardian.post('/guardian/child', { district: 'seoul.mapo' })).status, 422);
  assert.equal((await guardian.post('/guardian/child/delete', { confirm: 'on' })).status, 422);
  assert.ok(await bed.memberExists(withSession.memberId), 'nothing was deleted');

  const usedCode = await bed
    .browser()
    .post('/guardian/verify', { loginId: withCode.loginId, code });
  assert.equal(usedCode.status, 422, 'the right code, on the birthday: refused');
  assert.match(await usedCode.text(), /만 14세가 되어/);
  assert.equal(usedCode.headers.get('set-cookie'), null, 'no session is opened');

  const told = await bed.newMailTo(
    'parent4@example.com',
    async () => {
      const asked = await bed.browser().post('/guardian', { loginId: withSession.loginId });
      assert.equal(asked.status, 200);
      assert.match(
        await asked.text(),
        /등록된 보호자 연락처가 있으면/,
        'the form answers as for anyone',
      );
    },
    'the guardian, and only the guardian, is told',
  );
  assert.match(told, /만 14세가 되어 법정대리인의 열람·정정·삭제는 끝났습니다/);
  assert.match(told, /access as legal guardian has ended/);
  assert.doesNotMatch(told, /\d{5}-\d{5}/, 'no code is sent');

  const signIn = await bed.browser().post('/login', {
    loginId: withSession.loginId,
    password: withSession.form.password ?? '',
  });
  assert.equal(signIn.status, 303, 'the child, now 14, signs in for themselves');
});
