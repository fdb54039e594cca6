import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDatabase } from '../../test/db.ts';
import { openTestSystem } from '../../test/system.ts';
import { childForm } from '../members/testing/member-form.ts';
import { searchAccessLog } from '../platform/audit/search.ts';
import { ManualClock } from '../platform/clock.ts';
import {
  DEV_EMAIL_LABEL,
  DEV_SMS_LABEL,
  DevSmsTransport,
  SmtpTransport,
} from '../platform/outbox/index.ts';
import { devAdaptersIn } from '../platform/outbox/transports.ts';
import { openSystem } from '../system.ts';
import type { Role } from './roles.ts';
import { makeStaff, StaffClient } from './testing/staff-client.ts';

const clock = new ManualClock('2026-12-01T09:00:00+09:00');
const system = await openTestSystem({ clock });
const db = system.handle.db;
const page = '/staff/dev-outbox';

async function signedInAs(role: Role) {
  const account = await makeStaff({ db, clock }, { role });
  const client = new StaffClient(system.app);
  assert.equal((await client.signIn(account.loginId, account.password)).status, 303);
  return { client, id: account.id };
}

/** A child signs up naming the guardian's mobile; the outbox job hands the code to the dev SMS adapter. */
async function childWithSmsGuardian(phone: string) {
  const form = childForm({ guardianContact: phone });
  assert.equal((await new StaffClient(system.app).post('/signup/child', form)).status, 201);
  const deliver = system.jobs.find((job) => job.name === 'outbox.deliver');
  await deliver?.run();
  const row = await db
    .selectFrom('app.outbox')
    .select(['recipient_subject_id', 'sent_via'])
    .where('template', '=', 'guardian_consent_code')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(row.sent_via, 'dev-sms');
  return row.recipient_subject_id;
}

test('the front desk reads the dev adapters’ messages, newest first, labelled as not sent, without addresses; logged', async () => {
  const first = await childWithSmsGuardian('010-5555-1234');
  clock.advance(60_000);
  const second = await childWithSmsGuardian('010-7777-4321');
  const { client, id } = await signedInAs('front_desk');

  const home = await client.get('/staff');
  assert.match(await home.text(), /href="\/staff\/dev-outbox\?purpose=guardian_consent_check"/);

  const response = await client.get(`${page}?purpose=guardian_consent_check`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.ok(html.includes(DEV_SMS_LABEL), 'the SMS adapter is named');
  assert.ok(html.includes(DEV_EMAIL_LABEL), 'so is the e-mail one, configured here');
  assert.match(html, /실제로 발송되지 않았습니다/);
  const codes = [...html.matchAll(/확인 코드 (\d{5}-\d{5})/g)].map((m) => m[1]);
  assert.equal(codes.length, 2, 'both guardians’ codes are there');
  for (const address of ['010-5555-1234', '01055551234', '010-7777-4321', '01077774321']) {
    assert.ok(!html.includes(address), 'no recipient address is shown');
  }
  assert.match(html, /법정대리인/, 'the item the message went to is named instead');

  // Newest first: the second guardian's code comes first, and confirms the second child.
  const newest = await new StaffClient(system.app).post('/signup/guardian', {
    code: codes[0] ?? '',
  });
  assert.equal(newest.status, 200);
  const confirmed = await db
    .selectFrom('app.guardian_requests')
    .select('id')
    .where('confirmed_at', 'is not', null)
    .execute();
  assert.deepEqual(
    confirmed.map((r) => `guardian:${r.id}`),
    [second],
  );

  const line = (await searchAccessLog(db, { actorId: id, limit: 5 })).entries.find(
    (e) => e.outcome === 'allowed',
  );
  assert.equal(line?.action, 'read');
  assert.equal(line?.purpose, 'guardian_consent_check');
  assert.deepEqual(new Set(line?.subjectIds), new Set([first, second]));
  assert.equal(line?.resultCount, 2);

  const english = await client.get(`${page}?purpose=guardian_consent_check&lang=en`);
  assert.match(await english.text(), /Nothing below was really sent/);
});

test('only a role with the permission and a purpose it may declare gets in; marketing is never shown', async () => {
  const admin = await signedInAs('administrator');
  assert.equal((await admin.client.get(`${page}?purpose=guardian_consent_check`)).status, 403);
  assert.doesNotMatch(
    await (await admin.client.get('/staff')).text(),
    /dev-outbox/,
    'no link for a role that may not open it',
  );
  const clinician = await signedInAs('clinician');
  assert.equal((await clinician.client.get(`${page}?purpose=complaints_and_notices`)).status, 403);

  const desk = await signedInAs('front_desk');
  assert.equal((await desk.client.get(page)).status, 403, 'a purpose must be named');
  assert.equal((await desk.client.get(`${page}?purpose=marketing`)).status, 403);
  assert.equal((await desk.client.get(`${page}?purpose=complaints_and_notices`)).status, 200);
  const refused = (await searchAccessLog(db, { actorId: admin.id, limit: 5 })).entries[0];
  assert.equal(refused?.outcome, 'refused', 'a refusal is logged too');

  assert.equal((await new StaffClient(system.app).get(page)).status, 303, 'anonymous: sign in');
});

test('the page exists only while a dev adapter is configured, never in production', async () => {
  const sms = new DevSmsTransport();
  const smtp = new SmtpTransport({ url: 'smtp://127.0.0.1:2525', from: 'no-reply@hospital.test' });
  assert.deepEqual(devAdaptersIn({ sms, email: smtp }, 'development'), ['dev-sms']);
  assert.deepEqual(devAdaptersIn({ sms, email: smtp }, 'production'), []);
  smtp.close();

  const production = await openSystem({
    config: {
      databaseUrl: undefined,
      dataDir: 'memory://',
      demo: 'off',
      env: 'production',
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'no-reply@hospital.test',
    },
    clock,
    handle: await freshDatabase(),
    keyring: system.keyring,
  });
  try {
    const account = await makeStaff({ db: production.handle.db, clock }, { role: 'front_desk' });
    const client = new StaffClient(production.app);
    assert.equal((await client.signIn(account.loginId, account.password)).status, 303);
    const response = await client.get(`${page}?purpose=guardian_consent_check`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(await (await client.get('/staff')).text(), /dev-outbox/);
  } finally {
    await production.close();
  }
});
