import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { ManualClock } from '../platform/clock.ts';
import { declaredAccess } from '../platform/http/access.ts';
import { activeGrants } from './grants.ts';
import type { Role } from './roles.ts';
import { makeStaff, StaffClient } from './testing/staff-client.ts';

const clock = new ManualClock('2026-12-01T09:00:00+09:00');
const system = await openTestSystem({ clock });
const deps = { db: system.handle.db, clock };

/** A fresh subject for each call, so that one row's success does not change another's. */
async function target() {
  const account = await makeStaff(deps, { role: 'front_desk' });
  await deps.db
    .updateTable('app.staff_accounts')
    .set({ status: 'locked', locked_at: clock.now() })
    .where('id', '=', account.id)
    .execute();
  const [grant] = await activeGrants(deps.db, account.id);
  return { id: account.id, grantId: grant?.id ?? '' };
}

interface Row {
  method: 'GET' | 'POST';
  /** The route's pattern, as the router knows it. */
  route: string;
  path: (t: { id: string; grantId: string }) => string;
  body?: Record<string, string>;
  headers?: Record<string, string>;
  /** A role the route refuses (403); none for routes any signed-in staff member may use. */
  refused?: Role;
  permitted: Role;
  ok: number;
}

const reason = { reason: '매트릭스 시험 (matrix test)' };
const matrix: Row[] = [
  { method: 'GET', route: '/staff', path: () => '/staff', permitted: 'control_room', ok: 200 },
  {
    method: 'GET',
    route: '/staff/password',
    path: () => '/staff/password',
    permitted: 'clinician',
    ok: 200,
  },
  {
    method: 'POST',
    route: '/staff/password',
    path: () => '/staff/password',
    body: { current: 'Correct-Horse-91', next: 'Another-Pass-73!' },
    permitted: 'clinician',
    ok: 200,
  },
  {
    method: 'POST',
    route: '/staff/totp',
    path: () => '/staff/totp',
    permitted: 'control_room',
    ok: 200,
  },
  // The guard lets it through; the made-up code is then refused by the enrolment itself.
  {
    method: 'POST',
    route: '/staff/totp/confirm',
    path: () => '/staff/totp/confirm',
    body: { code: '000000' },
    permitted: 'control_room',
    ok: 400,
  },
  {
    method: 'POST',
    route: '/staff/accounts/new',
    path: () => '/staff/accounts/new',
    body: { loginId: 'matrix.new', displayName: 'Matrix', department: 'IT' },
    refused: 'clinician',
    permitted: 'privacy_staff',
    ok: 201,
  },
  {
    method: 'GET',
    route: '/staff/totp',
    path: () => '/staff/totp',
    permitted: 'front_desk',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/staff/accounts',
    path: () => '/staff/accounts',
    refused: 'front_desk',
    permitted: 'privacy_staff',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/staff/accounts/new',
    path: () => '/staff/accounts/new',
    refused: 'clinician',
    permitted: 'administrator',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/staff/accounts/:id',
    path: (t) => `/staff/accounts/${t.id}`,
    refused: 'clinician',
    permitted: 'privacy_officer',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/staff/accounts/:id/history',
    path: (t) => `/staff/accounts/${t.id}/history`,
    refused: 'control_room',
    permitted: 'administrator',
    ok: 200,
  },
  {
    method: 'POST',
    route: '/staff/accounts/:id/grants',
    path: (t) => `/staff/accounts/${t.id}/grants`,
    body: { role: 'clinician', ...reason },
    refused: 'administrator',
    permitted: 'privacy_staff',
    ok: 303,
  },
  {
    method: 'POST',
    route: '/staff/grants/:id/change',
    path: (t) => `/staff/grants/${t.grantId}/change`,
    body: { role: 'clinician', ...reason },
    refused: 'privacy_officer',
    permitted: 'privacy_staff',
    ok: 303,
  },
  {
    method: 'POST',
    route: '/staff/grants/:id/revoke',
    path: (t) => `/staff/grants/${t.grantId}/revoke`,
    body: reason,
    refused: 'front_desk',
    permitted: 'privacy_staff',
    ok: 303,
  },
  {
    method: 'POST',
    route: '/staff/accounts/:id/unlock',
    path: (t) => `/staff/accounts/${t.id}/unlock`,
    body: reason,
    refused: 'privacy_officer',
    permitted: 'privacy_staff',
    ok: 303,
  },
  {
    method: 'GET',
    route: '/staff/access-log',
    path: () => '/staff/access-log?action=read',
    refused: 'clinician',
    permitted: 'privacy_staff',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/staff/dev-outbox',
    path: () => '/staff/dev-outbox?purpose=guardian_consent_check',
    refused: 'administrator',
    permitted: 'front_desk',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/v1/staff/access-log',
    path: () => '/api/v1/staff/access-log?outcome=refused',
    refused: 'front_desk',
    permitted: 'privacy_officer',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/v1/staff/me',
    path: () => '/api/v1/staff/me',
    permitted: 'clinician',
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/v1/staff/accounts/:id/history',
    path: (t) => `/api/v1/staff/accounts/${t.id}/history`,
    refused: 'front_desk',
    permitted: 'privacy_officer',
    ok: 200,
  },
  {
    method: 'POST',
    route: '/api/v1/staff/accounts/:id/grants',
    path: (t) => `/api/v1/staff/accounts/${t.id}/grants`,
    body: { role: 'clinician', ...reason },
    refused: 'clinician',
    permitted: 'privacy_staff',
    ok: 201,
  },
  {
    method: 'POST',
    route: '/api/v1/staff/grants/:id/revoke',
    path: (t) => `/api/v1/staff/grants/${t.grantId}/revoke`,
    body: reason,
    refused: 'control_room',
    permitted: 'privacy_staff',
    ok: 204,
  },
  {
    method: 'GET',
    route: '/staff/members/unlock',
    path: () => '/staff/members/unlock',
    refused: 'clinician',
    permitted: 'front_desk',
    ok: 200,
  },
  // The guard lets it through; the made-up login ID is then refused by the unlock itself.
  {
    method: 'POST',
    route: '/staff/members/unlock',
    path: () => '/staff/members/unlock',
    body: { loginId: 'no-such-member', purpose: 'member_identity' },
    refused: 'privacy_officer',
    permitted: 'front_desk',
    ok: 400,
  },
  {
    method: 'POST',
    route: '/api/v1/staff/member-unlocks',
    path: () => '/api/v1/staff/member-unlocks',
    body: { loginId: 'no-such-member' },
    headers: { 'X-Jikim-Purpose': 'member_identity' },
    refused: 'control_room',
    permitted: 'front_desk',
    ok: 400,
  },
  {
    method: 'POST',
    route: '/api/v1/staff/accounts/:id/unlock',
    path: (t) => `/api/v1/staff/accounts/${t.id}/unlock`,
    body: reason,
    refused: 'administrator',
    permitted: 'privacy_staff',
    ok: 204,
  },
];

async function call(client: StaffClient, row: Row) {
  const path = row.path(await target());
  if (row.method === 'GET') return client.get(path);
  if (path.startsWith('/api/')) return client.postJson(path, row.body ?? {}, row.headers);
  return client.post(path, row.body ?? {});
}

async function signedInAs(role: Role) {
  const account = await makeStaff(deps, { role });
  const client = new StaffClient(system.app);
  await client.signIn(account.loginId, account.password);
  return client;
}

test('the matrix covers every guarded staff route of the module', () => {
  const guarded = new Set<string>();
  for (const route of system.app.routes) {
    const declaration = declaredAccess(route.handler);
    if (!declaration || declaration.kind === 'public') continue;
    if (!/^\/(api\/v1\/)?staff(\/|$)/.test(route.path)) continue;
    if (declaration.kind === 'signed_in' && declaration.pending?.includes('second_factor'))
      continue;
    guarded.add(`${route.method} ${route.path}`);
  }
  const covered = new Set(matrix.map((row) => `${row.method} ${row.route}`));
  assert.deepEqual(
    [...guarded].filter((r) => !covered.has(r)),
    [],
  );
});

for (const row of matrix) {
  test(`${row.method} ${row.route}: anonymous, a role without the permission, the permitted role`, async () => {
    const anonymous = await call(new StaffClient(system.app), row);
    if (row.route.startsWith('/api/')) {
      assert.equal(anonymous.status, 401);
    } else {
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.get('location'), '/staff/login');
    }
    if (row.refused) assert.equal((await call(await signedInAs(row.refused), row)).status, 403);
    const permitted = await call(await signedInAs(row.permitted), row);
    assert.equal(permitted.status, row.ok, await permitted.clone().text());
  });
}
