import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessSource } from '../access/guess-throttle.ts';
import type { StaffClient } from '../access/testing/staff-client.ts';
import { GUARDIAN_CODE_GUESSES } from './guardian.ts';
import { apiCall, problemOf } from './testing/api-call.ts';
import { childForm } from './testing/member-form.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const { limit, windowMs } = GUARDIAN_CODE_GUESSES;

/** A child signed up by the API; their credentials and the code sent to the guardian. */
async function pendingChild() {
  // The newest message is told by its time: each child signs up a second after the last.
  bed.clock.advance(1000);
  const form = childForm({ guardianContact: 'guardian@example.com' });
  const signUp = await apiCall(bed.browser(), 'POST', '/api/v1/members/children', {
    ...form,
    agreeRequired: true,
  });
  assert.equal(signUp.status, 201);
  const code = /(\d{5}-\d{5})/.exec(await bed.latestMessage('guardian_consent_code'))?.[1] ?? '';
  assert.match(code, /^\d{5}-\d{5}$/);
  return { credentials: { loginId: form.loginId, password: form.password }, code };
}

const signInStatus = async (credentials: { loginId?: string; password?: string }) =>
  (await apiCall(bed.browser(), 'POST', '/api/v1/members/sessions', credentials)).status;

/** Another code of the same shape that is not this one. */
const wrong = (code: string, n: number) =>
  `${code.slice(0, 6)}${String((Number(code.slice(6)) + n + 1) % 100000).padStart(5, '0')}`;

const confirmOnPage = (client: StaffClient, code: string) =>
  client.post('/signup/guardian', { code });

test('too many wrong codes from one address: even the right one is refused there until the window ends', async () => {
  const first = await pendingChild();
  const second = await pendingChild();
  const guesser = bed.browser();
  guesser.address = '198.51.100.23';

  for (let n = 0; n < limit; n++) {
    const missed = await confirmOnPage(guesser, wrong(first.code, n));
    assert.equal(missed.status, 400, `wrong code ${n + 1} is only wrong`);
  }
  const refused = await confirmOnPage(guesser, first.code);
  assert.equal(refused.status, 429);
  assert.ok(refused.headers.get('retry-after'), 'says when to come back');
  const page = await refused.text();
  assert.match(page, /틀린 코드가 너무 많이 입력되었습니다/);
  assert.match(page, /aria-invalid="true"/, 'the refusal is on the code field');
  assert.equal(await signInStatus(first.credentials), 401, 'the child still waits');

  // Someone else, from another network, is not held back by the guesser.
  const guardian = bed.browser();
  guardian.address = '203.0.113.80';
  assert.equal((await confirmOnPage(guardian, first.code)).status, 200);
  assert.equal(await signInStatus(first.credentials), 200);

  bed.clock.advance(windowMs - 1000);
  assert.equal(
    (await confirmOnPage(guesser, second.code)).status,
    429,
    'not before the window ends',
  );
  bed.clock.advance(1000);
  assert.equal(
    (await confirmOnPage(guesser, second.code)).status,
    200,
    'then the right code works',
  );
  assert.equal(await signInStatus(second.credentials), 200);
});

test('the API and the pages count the same guesses, and answer 429 with a problem', async () => {
  const child = await pendingChild();
  const guesser = bed.browser();
  guesser.address = '198.51.100.77';
  const half = Math.floor(limit / 2);
  for (let n = 0; n < half; n++) {
    assert.equal((await confirmOnPage(guesser, wrong(child.code, n))).status, 400);
  }
  const viaApi = (code: string) =>
    apiCall(guesser, 'POST', '/api/v1/members/guardian-confirmations', { code });
  for (let n = half; n < limit; n++) {
    assert.equal((await viaApi(wrong(child.code, n))).status, 400);
  }
  const refused = await viaApi(child.code);
  assert.equal(refused.status, 429);
  const retryAfter = Date.parse(refused.headers.get('retry-after') ?? '');
  assert.ok(retryAfter > bed.clock.now().getTime(), 'Retry-After is an HTTP date ahead');
  const problem = await problemOf(refused);
  assert.equal(problem.type, '/problems/too-many-wrong-codes');
  assert.equal(problem.title, '틀린 코드가 너무 많이 입력되었습니다');
  assert.equal(problem.title_en, 'Too many wrong codes were entered');
  assert.deepEqual(
    problem.errors?.map((e) => e.field),
    ['code'],
  );
  assert.equal(await signInStatus(child.credentials), 401);

  // A code that cannot be a code (the wrong shape) is bad input, not a guess.
  const other = bed.browser();
  other.address = '198.51.100.78';
  for (let n = 0; n < limit + 2; n++) {
    assert.equal(
      (await apiCall(other, 'POST', '/api/v1/members/guardian-confirmations', { code: '12' }))
        .status,
      400,
    );
  }
  assert.equal(
    (await apiCall(other, 'POST', '/api/v1/members/guardian-confirmations', { code: child.code }))
      .status,
    204,
  );
});

test('guesses sent all at once are counted before any is checked', async () => {
  const child = await pendingChild();
  const burst = bed.browser();
  burst.address = '198.51.100.99';
  const statuses = await Promise.all(
    Array.from({ length: limit * 3 }, (_, n) => confirmOnPage(burst, wrong(child.code, n))),
  ).then((responses) => responses.map((r) => r.status));
  assert.equal(statuses.filter((s) => s === 400).length, limit, 'only the first ten are tried');
  assert.equal(statuses.filter((s) => s === 429).length, limit * 2);
});

test('an IPv6 host is one source however many of its /64 addresses it uses', () => {
  assert.equal(
    guessSource('2001:db8:1:2:aaaa::1'),
    guessSource('2001:db8:1:2:bbbb:cccc:dddd:eeee'),
  );
  assert.equal(guessSource('2001:0db8:0001:0002::9'), '2001:db8:1:2::/64');
  assert.notEqual(guessSource('2001:db8:1:2::1'), guessSource('2001:db8:1:3::1'));
  assert.equal(guessSource('::1'), '0:0:0:0::/64');
  assert.equal(guessSource('198.51.100.23'), '198.51.100.23');
  assert.equal(guessSource('::ffff:198.51.100.23'), '198.51.100.23');
  assert.equal(guessSource(undefined), 'unknown');
});
