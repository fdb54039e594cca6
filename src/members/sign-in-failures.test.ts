import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEMBER_SIGN_IN_FAILURES } from './sign-in.ts';
import { apiCall, problemOf } from './testing/api-call.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const { limit, windowMs } = MEMBER_SIGN_IN_FAILURES;

const signInOnPage = (address: string, loginId: string, password: string) => {
  const client = bed.browser();
  client.address = address;
  return client.post('/login', { loginId, password });
};

test('passwords sprayed over many login IDs from one network: it is held back, the members are not', async () => {
  const { member, form } = await bed.signedInMember();
  const loginId = form.loginId ?? '';
  const password = form.password ?? '';
  const sprayer = '198.51.100.40';

  // A few tries at the real member (fewer than lock an account), the rest at IDs nobody has.
  for (let n = 0; n < limit; n++) {
    const target = n < 4 ? loginId : `nobody${n}`;
    const refused = await signInOnPage(sprayer, target, `Wrong-Guess-${n}!`);
    assert.equal(refused.status, 401, `failure ${n + 1} is only a failure`);
  }
  const held = await signInOnPage(sprayer, loginId, password);
  assert.equal(held.status, 429, 'even the right password is refused from that network');
  assert.ok(held.headers.get('retry-after'), 'says when to come back');
  assert.equal(held.headers.getSetCookie().length, 0, 'no session');
  const page = await held.text();
  assert.match(page, /이 네트워크에서 로그인 실패가 너무 많습니다/);
  assert.match(page, new RegExp(`value="${loginId}"`), 'the form keeps the login ID');

  // The member, from their own network, is neither locked nor held back.
  assert.equal((await signInOnPage('203.0.113.9', loginId, password)).status, 303);
  assert.equal((await member.get('/me')).status, 200);

  bed.clock.advance(windowMs - 1000);
  assert.equal(
    (await signInOnPage(sprayer, loginId, password)).status,
    429,
    'not before the window ends',
  );
  bed.clock.advance(1000);
  assert.equal((await signInOnPage(sprayer, loginId, password)).status, 303, 'then it signs in');
});

test('a right password is not counted: many members behind one address sign in all day', async () => {
  const { form } = await bed.signedInMember();
  const shared = '198.51.100.41';
  for (let n = 0; n < limit + 5; n++) {
    const ok = await signInOnPage(shared, form.loginId ?? '', form.password ?? '');
    assert.equal(ok.status, 303, `sign-in ${n + 1}`);
  }
  const typo = await signInOnPage(shared, form.loginId ?? '', 'Gaeul-Haneul-78');
  assert.equal(typo.status, 401, 'a mistyped password is an ordinary failure');
});

test('the API and the pages count the same failures; the API answers 429 with a problem', async () => {
  const { form } = await bed.signedInMember();
  const address = '198.51.100.42';
  const viaApi = (password: string) => {
    const client = bed.browser();
    client.address = address;
    return apiCall(client, 'POST', '/api/v1/members/sessions', {
      loginId: form.loginId,
      password,
    });
  };
  const half = Math.floor(limit / 2);
  for (let n = 0; n < half; n++) {
    assert.equal((await signInOnPage(address, `nobody${n}`, 'Wrong-Guess-1!')).status, 401);
  }
  for (let n = half; n < limit; n++) {
    assert.equal((await viaApi(`Wrong-Guess-${n}!`)).status, 401);
  }
  const refused = await viaApi(form.password ?? '');
  assert.equal(refused.status, 429);
  const retryAfter = Date.parse(refused.headers.get('retry-after') ?? '');
  assert.ok(retryAfter > bed.clock.now().getTime(), 'Retry-After is an HTTP date ahead');
  const problem = await problemOf(refused);
  assert.equal(problem.type, '/problems/too-many-failed-sign-ins');
  assert.equal(problem.title, '로그인 실패가 너무 많습니다');
  assert.equal(problem.title_en, 'Too many failed sign-ins');
});

test('sign-ins sent all at once are counted before any password is checked', async () => {
  const burst = '198.51.100.43';
  const statuses = await Promise.all(
    Array.from({ length: limit + 10 }, (_, n) =>
      signInOnPage(burst, `nobody${n}`, 'Wrong-Guess-1!'),
    ),
  ).then((responses) => responses.map((r) => r.status));
  assert.equal(statuses.filter((s) => s === 401).length, limit, 'only the first thirty are tried');
  assert.equal(statuses.filter((s) => s === 429).length, 10);
});
