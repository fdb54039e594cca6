import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestSystem } from '../../test/system.ts';
import { ManualClock } from '../platform/clock.ts';
import { activeGrants } from './grants.ts';
import { listStaffHistory, STAFF_HISTORY_RETENTION } from './history.ts';
import { makeStaff, origin, StaffClient } from './testing/staff-client.ts';

const clock = new ManualClock('2026-12-01T09:00:00+09:00');
const system = await openTestSystem({ clock });
const deps = { db: system.handle.db, clock };

async function signedIn(account: { loginId: string; password: string }) {
  const client = new StaffClient(system.app);
  assert.equal((await client.signIn(account.loginId, account.password)).status, 303);
  return client;
}

test('privacy staff grant, change and revoke a role; each step is in the history with its reason', async () => {
  const privacy = await makeStaff(deps, { role: 'privacy_staff' });
  const newcomer = await makeStaff(deps);
  let desk = await signedIn(privacy);

  const granted = await desk.post(`/staff/accounts/${newcomer.id}/grants`, {
    role: 'front_desk',
    reason: '원무과 발령 (assigned to front desk)',
  });
  assert.equal(granted.status, 303);
  const [grant] = await activeGrants(deps.db, newcomer.id);
  assert.equal(grant?.role, 'front_desk');

  clock.advance(86_400_000);
  desk = await signedIn(privacy);
  const changed = await desk.post(`/staff/grants/${grant?.id}/change`, {
    role: 'clinician',
    reason: '진료부 전보 (moved to clinical staff)',
  });
  assert.equal(changed.status, 303);
  const [current] = await activeGrants(deps.db, newcomer.id);
  assert.equal(current?.role, 'clinician');

  const revoked = await desk.post(`/staff/grants/${current?.id}/revoke`, { reason: '퇴사 (left)' });
  assert.equal(revoked.status, 303);
  assert.deepEqual(await activeGrants(deps.db, newcomer.id), []);

  const history = await listStaffHistory(deps.db, newcomer.id);
  assert.deepEqual(
    history.map((h) => [h.event, h.role_before, h.role_after, h.actor_id]),
    [
      ['account_created', null, null, null],
      ['granted', null, 'front_desk', privacy.id],
      ['grant_changed', 'front_desk', 'clinician', privacy.id],
      ['revoked', 'clinician', null, privacy.id],
    ],
  );
  assert.match(history[3]?.reason ?? '', /퇴사/);
  const page = await (await desk.get(`/staff/accounts/${newcomer.id}/history`)).text();
  assert.match(page, /원무 → 진료부/);
  assert.match(page, /3년간 보관/);
  assert.equal(STAFF_HISTORY_RETENTION.years, 3);
});

test('a clinician can neither grant nor revoke', async () => {
  const doctor = await makeStaff(deps, { role: 'clinician' });
  const clerk = await makeStaff(deps, { role: 'front_desk' });
  const client = await signedIn(doctor);
  const grant = await client.post(`/staff/accounts/${clerk.id}/grants`, {
    role: 'privacy_officer',
    reason: 'why not',
  });
  assert.equal(grant.status, 403);
  assert.match(await grant.text(), /grants\.manage/);
  const [clerkGrant] = await activeGrants(deps.db, clerk.id);
  const revoke = await client.postJson(`/api/v1/staff/grants/${clerkGrant?.id}/revoke`, {
    reason: 'no',
  });
  assert.equal(revoke.status, 403);
  assert.equal((await activeGrants(deps.db, clerk.id)).length, 1);
});

test('nobody grants themselves a role', async () => {
  const privacy = await makeStaff(deps, { role: 'privacy_staff' });
  const client = await signedIn(privacy);
  const response = await client.postJson(`/api/v1/staff/accounts/${privacy.id}/grants`, {
    role: 'privacy_officer',
    reason: 'self-promotion',
  });
  assert.equal(response.status, 403);
  assert.equal(((await response.json()) as { type: string }).type, '/problems/own-grant');
});

test('a revoked grant stops working on the very next request', async () => {
  const privacy = await makeStaff(deps, { role: 'privacy_staff' });
  const colleague = await makeStaff(deps, { role: 'privacy_staff' });
  const client = await signedIn(colleague);
  assert.equal((await client.get('/staff/accounts')).status, 200);

  const [grant] = await activeGrants(deps.db, colleague.id);
  const admin = await signedIn(privacy);
  const revoke = await admin.postJson(`/api/v1/staff/grants/${grant?.id}/revoke`, {
    reason: '부서 이동 (changed department)',
  });
  assert.equal(revoke.status, 204);

  assert.equal((await client.get('/staff/accounts')).status, 403);
  const me = (await (await client.get('/api/v1/staff/me')).json()) as { roles: string[] };
  assert.deepEqual(me.roles, []);
});

test('the history refuses UPDATE and DELETE', async () => {
  const someone = await makeStaff(deps, { role: 'front_desk' });
  await assert.rejects(
    sql`update audit.staff_history set reason = 'rewritten' where staff_id = ${someone.id}`.execute(
      deps.db,
    ),
    /append-only/,
  );
  await assert.rejects(
    sql`delete from audit.staff_history where staff_id = ${someone.id}`.execute(deps.db),
    /append-only/,
  );
  assert.equal((await listStaffHistory(deps.db, someone.id)).length, 2);
});

test('the JSON API grants and shows the history with its retention', async () => {
  const privacy = await makeStaff(deps, { role: 'privacy_staff' });
  const target = await makeStaff(deps);
  const client = await signedIn(privacy);
  const grant = await client.postJson(
    `/api/v1/staff/accounts/${target.id}/grants`,
    { role: 'control_room', reason: '관제실 배치' },
    { origin },
  );
  assert.equal(grant.status, 201);
  const history = (await (
    await client.get(`/api/v1/staff/accounts/${target.id}/history`)
  ).json()) as { retentionYears: number; legalBasis: string; entries: { event: string }[] };
  assert.equal(history.retentionYears, 3);
  assert.match(history.legalBasis, /제5조③/);
  assert.deepEqual(
    history.entries.map((e) => e.event),
    ['account_created', 'granted'],
  );
  const bad = await client.postJson(`/api/v1/staff/accounts/${target.id}/grants`, {
    role: 'superuser',
    reason: 'x',
  });
  assert.equal(bad.status, 400);
  const missing = await client.get('/api/v1/staff/accounts/not-a-uuid/history');
  assert.ok([400, 404].includes(missing.status));
});
