import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { Context } from 'hono';
import { openTestSystem } from '../../test/system.ts';
import { ManualClock } from '../platform/clock.ts';
import { staffAccess } from '../platform/http/access.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { createRootApp } from '../platform/http/create-app.ts';
import { createLogger } from '../platform/log.ts';
import { activeGrants } from './grants.ts';
import { staffAccessEnforcement } from './guard.ts';
import { purposeAllowed } from './roles.ts';
import { makeStaff, StaffClient } from './testing/staff-client.ts';

const clock = new ManualClock('2026-12-01T09:00:00+09:00');
const system = await openTestSystem({ clock });
const deps = { db: system.handle.db, clock };

const logLines: string[] = [];
const log = createLogger({
  level: 'info',
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
});

/** A module's route that reads health information, as the patients module will declare one. */
const records = createRootApp(log);
records.use('*', staffAccessEnforcement(deps));
const readsHealth = staffAccess('patients.health.read', [
  'care',
  'treatment_and_billing',
  'marketing',
]);
const show = (c: Context<AppEnv>) =>
  c.json({ purpose: c.get('purpose'), grantId: c.get('grantId'), actor: c.get('actor') });
records.get('/api/v1/test/records', readsHealth, show);
records.get('/staff/test/records', readsHealth, show);

async function clientOf(role: 'clinician' | 'front_desk' | 'privacy_officer') {
  const account = await makeStaff(deps, { role });
  const signIn = new StaffClient(system.app);
  await signIn.signIn(account.loginId, account.password);
  const client = new StaffClient(records);
  for (const [k, v] of signIn.cookies) client.cookies.set(k, v);
  return { account, client };
}

test('a clinician naming care reads; the context names the actor, purpose and grant', async () => {
  const { account, client } = await clientOf('clinician');
  const response = await client.get('/api/v1/test/records', { 'x-jikim-purpose': 'care' });
  assert.equal(response.status, 200);
  const body = (await response.json()) as {
    purpose: string;
    grantId: string;
    actor: { kind: string; id: string; roles: string[]; grantIds: string[] };
  };
  const [grant] = await activeGrants(deps.db, account.id);
  assert.equal(body.purpose, 'care');
  assert.equal(body.grantId, grant?.id);
  assert.deepEqual(body.actor, {
    kind: 'staff',
    id: account.id,
    roles: ['clinician'],
    grantIds: [grant?.id],
  });
  const page = await client.get('/staff/test/records?purpose=treatment_and_billing');
  assert.equal(page.status, 200);
});

test('no purpose, a purpose the route does not serve, or one no role may declare: 403', async () => {
  const { client } = await clientOf('clinician');
  for (const purpose of [undefined, 'facility_safety', 'marketing']) {
    const response = await client.get(
      '/api/v1/test/records',
      purpose ? { 'x-jikim-purpose': purpose } : {},
    );
    assert.equal(response.status, 403, `purpose ${purpose}`);
    const problem = (await response.json()) as { type: string; title: string; title_en: string };
    assert.equal(problem.type, '/problems/purpose-not-allowed');
    assert.ok(problem.title && problem.title_en, 'the reason in Korean and English');
  }
  const page = await client.get('/staff/test/records?purpose=marketing');
  assert.equal(page.status, 403);
  assert.match(await page.text(), /허용되지 않은 이용 목적/);
});

test('a role without the permission is refused before any purpose is considered', async () => {
  const { client } = await clientOf('front_desk');
  const response = await client.get('/api/v1/test/records', { 'x-jikim-purpose': 'care' });
  assert.equal(response.status, 403);
  assert.equal(((await response.json()) as { type: string }).type, '/problems/permission-denied');
});

test('each refusal is one structured log line without what the caller sent', async () => {
  logLines.length = 0;
  const { client } = await clientOf('clinician');
  await client.get('/api/v1/test/records', { 'x-jikim-purpose': 'hong-gildong 850101-1234567' });
  const refusals = logLines
    .map((l) => JSON.parse(l))
    .filter((l) => l.event === 'staff_access_refused');
  assert.equal(refusals.length, 1);
  assert.equal(refusals[0].refusal, 'purpose-not-allowed');
  assert.equal(refusals[0].route, '/api/v1/test/records');
  assert.doesNotMatch(logLines.join(''), /gildong|850101/);
});

test('a staff route in an app without the guard is refused, not opened', async () => {
  const bare = createRootApp(log);
  bare.get('/api/v1/test/records', readsHealth, (c) => c.json({ ok: true }));
  const response = await bare.request('/api/v1/test/records', {
    headers: { 'x-jikim-purpose': 'care' },
  });
  assert.equal(response.status, 500);
});

test('purposeAllowed answers for a set of roles', () => {
  assert.equal(purposeAllowed(['clinician'], 'care'), true);
  assert.equal(purposeAllowed(['front_desk'], 'care'), false);
  assert.equal(purposeAllowed(['front_desk', 'control_room'], 'facility_safety'), true);
  assert.equal(purposeAllowed([], 'care'), false);
});
