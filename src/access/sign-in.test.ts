import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { ManualClock } from '../platform/clock.ts';
import { listStaffHistory } from './history.ts';
import { makeStaff, outsideAddress, StaffClient } from './testing/staff-client.ts';
import { totpCodeAt } from './totp.ts';

const clock = new ManualClock('2026-12-01T09:00:00+09:00');
const system = await openTestSystem({ clock });
const deps = { db: system.handle.db, clock };
const MINUTE = 60_000;

test('five wrong passwords lock the account; the right one on the sixth try is refused', async () => {
  const nurse = await makeStaff(deps, { role: 'clinician' });
  const client = new StaffClient(system.app);
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await client.signIn(nurse.loginId, `Wrong-Password-${attempt}x`);
    assert.equal(response.status, 401, `attempt ${attempt}`);
    if (attempt === 5) assert.match(await response.text(), /잠겼습니다/);
  }
  const sixth = await client.signIn(nurse.loginId, nurse.password);
  assert.equal(sixth.status, 401);
  assert.match(await sixth.text(), /잠긴 계정입니다/);
  assert.equal(client.cookies.size, 0, 'no session for a locked account');

  const history = await listStaffHistory(deps.db, nurse.id);
  const lock = history.find((h) => h.event === 'locked');
  assert.ok(lock, 'the lock is in the history');
  assert.equal(lock.actor_channel, 'system');
});

test('a privacy staff member unlocks the account, and the history says who and why', async () => {
  const nurse = await makeStaff(deps, { role: 'clinician' });
  const officer = await makeStaff(deps, { role: 'privacy_staff' });
  const locked = new StaffClient(system.app);
  for (let i = 0; i < 5; i++) await locked.signIn(nurse.loginId, 'Wrong-Password-1x');

  const privacy = new StaffClient(system.app);
  assert.equal((await privacy.signIn(officer.loginId, officer.password)).status, 303);
  const unlock = await privacy.post(`/staff/accounts/${nurse.id}/unlock`, {
    reason: '본인 확인 후 해제 (verified by phone)',
  });
  assert.equal(unlock.status, 303);

  assert.equal((await locked.signIn(nurse.loginId, nurse.password)).status, 303);
  const page = await privacy.get(`/staff/accounts/${nurse.id}/history`);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.match(html, /잠금 해제/);
  assert.match(html, new RegExp(officer.loginId));
  assert.match(html, /본인 확인 후 해제/);
  const entry = (await listStaffHistory(deps.db, nurse.id)).find((h) => h.event === 'unlocked');
  assert.equal(entry?.actor_id, officer.id);
});

test('a clinician cannot unlock an account', async () => {
  const victim = await makeStaff(deps, { role: 'front_desk' });
  const doctor = await makeStaff(deps, { role: 'clinician' });
  const other = new StaffClient(system.app);
  for (let i = 0; i < 5; i++) await other.signIn(victim.loginId, 'Wrong-Password-1x');
  const client = new StaffClient(system.app);
  await client.signIn(doctor.loginId, doctor.password);
  const response = await client.post(`/staff/accounts/${victim.id}/unlock`, { reason: 'please' });
  assert.equal(response.status, 403);
});

test('a session unused for 31 minutes has expired; one used every 20 minutes lives on', async () => {
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const client = new StaffClient(system.app);
  await client.signIn(clerk.loginId, clerk.password);
  clock.advance(20 * MINUTE);
  assert.equal((await client.get('/staff')).status, 200);
  clock.advance(20 * MINUTE);
  assert.equal((await client.get('/staff')).status, 200);
  clock.advance(31 * MINUTE);
  const expired = await client.get('/staff');
  assert.equal(expired.status, 303);
  assert.equal(expired.headers.get('location'), '/staff/login');
  const api = await client.get('/api/v1/staff/me');
  assert.equal(api.status, 401);
  assert.equal(api.headers.get('content-type'), 'application/problem+json; charset=utf-8');
});

test('a session ends 12 hours after sign-in however busy it is', async () => {
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const client = new StaffClient(system.app);
  await client.signIn(clerk.loginId, clerk.password);
  for (let i = 0; i < 48; i++) {
    clock.advance(15 * MINUTE);
    const response = await client.get('/staff');
    if (i < 47) assert.equal(response.status, 200, `after ${(i + 1) * 15} minutes`);
    else assert.equal(response.status, 303);
  }
});

test('signing out deletes the session: the old cookie no longer works', async () => {
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const client = new StaffClient(system.app);
  await client.signIn(clerk.loginId, clerk.password);
  const stolen = new Map(client.cookies);
  assert.equal((await client.post('/staff/logout', {})).status, 303);
  const replay = new StaffClient(system.app);
  for (const [k, v] of stolen) replay.cookies.set(k, v);
  assert.equal((await replay.get('/api/v1/staff/me')).status, 401);
});

test('the session cookie is HttpOnly and SameSite=Strict, with __Host- and Secure over HTTPS', async () => {
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const plain = await new StaffClient(system.app).signIn(clerk.loginId, clerk.password);
  const plainCookie = plain.headers.get('set-cookie') ?? '';
  assert.match(plainCookie, /^jikim_staff=/);
  assert.match(plainCookie, /HttpOnly/);
  assert.match(plainCookie, /SameSite=Strict/);
  assert.match(plainCookie, /Path=\//);

  const https = new StaffClient(system.app);
  const response = await https.post(
    'https://jikim.example/staff/login',
    { loginId: clerk.loginId, password: clerk.password },
    { origin: 'https://jikim.example' },
  );
  const cookie = response.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^__Host-jikim_staff=/);
  assert.match(cookie, /Secure/);
});

test('from outside the hospital, a password alone is not enough; a valid TOTP code is', async () => {
  const doctor = await makeStaff(deps, { role: 'clinician' });
  const inside = new StaffClient(system.app);
  await inside.signIn(doctor.loginId, doctor.password);

  const away = new StaffClient(system.app, outsideAddress);
  const before = await away.signIn(doctor.loginId, doctor.password);
  assert.equal(before.status, 401, 'no OTP enrolled yet: refused from outside');
  assert.match(await before.text(), /OTP를 등록하세요/);

  const enrol = await inside.post('/staff/totp', {});
  const uri = (await enrol.text()).match(/otpauth:\/\/totp\/[^<"]+/)?.[0] ?? '';
  const secret = new URL(uri.replaceAll('&amp;', '&')).searchParams.get('secret') ?? '';
  assert.ok(secret, 'the enrolment page shows an otpauth URI');
  // The database holds the secret only sealed: a reader of the table cannot make codes.
  const stored = await system.handle.db
    .selectFrom('app.staff_accounts')
    .select('totp_secret_ct')
    .where('id', '=', doctor.id)
    .executeTakeFirstOrThrow();
  assert.ok(stored.totp_secret_ct && stored.totp_secret_ct.length > secret.length);
  assert.equal(Buffer.from(stored.totp_secret_ct).includes(secret), false);
  assert.equal(
    (await inside.post('/staff/totp/confirm', { code: totpCodeAt(secret, clock.now()) })).status,
    200,
  );

  clock.advance(MINUTE);
  const signIn = await away.signIn(doctor.loginId, doctor.password);
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get('location'), '/staff/login/code');
  const blocked = await away.get('/staff');
  assert.equal(blocked.status, 303, 'the console waits for the code');
  assert.equal(blocked.headers.get('location'), '/staff/login/code');
  assert.equal((await away.get('/api/v1/staff/me')).status, 401);

  const wrong = await away.post('/staff/login/code', { code: '000000' });
  assert.equal(wrong.status, 401);
  const code = totpCodeAt(secret, clock.now());
  const right = await away.post('/staff/login/code', { code });
  assert.equal(right.status, 303);
  assert.equal((await away.get('/staff')).status, 200);

  const replay = new StaffClient(system.app, outsideAddress);
  await replay.signIn(doctor.loginId, doctor.password);
  assert.equal((await replay.post('/staff/login/code', { code })).status, 401, 'a code works once');
});

test('X-Forwarded-For is not believed unless the proxy is trusted', async () => {
  const doctor = await makeStaff(deps, { role: 'clinician' });
  const away = new StaffClient(system.app, outsideAddress);
  const response = await away.post(
    '/staff/login',
    { loginId: doctor.loginId, password: doctor.password },
    { origin: 'http://localhost', 'x-forwarded-for': '10.0.0.5' },
  );
  assert.equal(response.status, 401, 'a forged internal address does not skip the second factor');
});

test('a form posted from another site is refused', async () => {
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const client = new StaffClient(system.app);
  await client.signIn(clerk.loginId, clerk.password);
  const forged = await client.post('/staff/logout', {}, { origin: 'https://evil.example' });
  assert.equal(forged.status, 403);
  const noOrigin = await client.post('/staff/logout', {}, {});
  assert.equal(noOrigin.status, 403);
  assert.equal((await client.get('/staff')).status, 200, 'the session is still there');
});

test('an account created with a one-time password must change it before anything else', async () => {
  const { createStaffAccount } = await import('./accounts.ts');
  const { initialPassword } = await createStaffAccount(
    deps,
    { loginId: 'newcomer', displayName: 'Newcomer', department: '원무과', role: 'front_desk' },
    { channel: 'cli' },
  );
  assert.ok(initialPassword);
  const client = new StaffClient(system.app);
  assert.equal((await client.signIn('newcomer', initialPassword)).status, 303);
  const home = await client.get('/staff');
  assert.equal(home.status, 303);
  assert.equal(home.headers.get('location'), '/staff/password');

  const weak = await client.post('/staff/password', {
    current: initialPassword,
    next: 'password1',
  });
  assert.equal(weak.status, 400);
  const changed = await client.post('/staff/password', {
    current: initialPassword,
    next: 'Jikim-Desk-2026!',
  });
  assert.equal(changed.status, 200);
  assert.equal((await client.get('/staff')).status, 200);
});
