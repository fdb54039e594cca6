import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestSystem } from '../../test/system.ts';
import { sessionIdOf } from '../access/sessions.ts';
import { StaffClient } from '../access/testing/staff-client.ts';
import { searchAccessLog } from '../platform/audit/search.ts';
import type { ManualClock } from '../platform/clock.ts';
import { createFieldCipher } from '../platform/crypto/fields.ts';
import { expireGuardianRequests, GUARDIAN_REQUEST_DAYS } from './guardian.ts';
import { adultForm, childForm } from './testing/member-form.ts';

const system = await openTestSystem();
const db = system.handle.db;
const clock = system.clock as ManualClock;
const cipher = createFieldCipher({ db, keyring: system.keyring, clock });
const browser = () => new StaffClient(system.app);

/** Every value of every row of a table, as text a person could search for a name in. */
async function rawDump(table: string) {
  const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return JSON.stringify(rows.rows, (_k, v) =>
    v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v,
  );
}

async function latestGuardianCode(): Promise<string> {
  const row = await db
    .selectFrom('app.outbox')
    .select(['id', 'recipient_subject_id', 'content_ct'])
    .where('template', '=', 'guardian_consent_code')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const content = await cipher.decrypt(
    row.recipient_subject_id,
    { table: 'app.outbox', column: 'content_ct', rowId: row.id },
    row.content_ct,
  );
  return /(\d{5}-\d{5})/.exec(content)?.[1] ?? '';
}

test('adult: sign up, sign in, view and correct, withdraw; nothing readable remains and the id is never reused', async () => {
  const form = adultForm({ name: '정다은', email: 'daeun@example.com', phone: '010-2222-3333' });
  const member = browser();
  assert.equal((await member.post('/signup', form)).status, 201);
  assert.equal(
    (await member.post('/login', { loginId: form.loginId ?? '', password: form.password ?? '' }))
      .status,
    303,
  );

  const me = await member.get('/me');
  assert.equal(me.status, 200);
  const page = await me.text();
  assert.match(page, /정다은/);
  assert.match(page, /daeun@example\.com/);
  assert.match(page, /data-item="membership.referral_source"/);
  assert.match(page, /탈퇴 시 즉시 파기/, 'retention from the declaration');
  const memberRow = await db
    .selectFrom('app.members')
    .select('id')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const [line] = (await searchAccessLog(db, { subjectId: `member:${memberRow.id}`, limit: 5 }))
    .entries;
  assert.equal(line?.actor.kind, 'member');
  assert.equal(line?.actor.id, memberRow.id);
  assert.equal(line?.action, 'read');

  const corrected = await member.post('/me', {
    name: '정다은',
    district: 'seoul.mapo',
    phone: '010-4444-5555',
  });
  assert.equal(corrected.status, 200);
  assert.match(await corrected.text(), /01044445555/);
  const [update] = (
    await searchAccessLog(db, { subjectId: `member:${memberRow.id}`, limit: 5 })
  ).entries.filter((e) => e.action === 'update');
  assert.ok(update?.items.includes('membership.phone'), 'the correction names the items changed');

  const wrong = await member.post('/me/withdraw', { password: 'not-the-password-1' });
  assert.equal(wrong.status, 400);
  const gone = await member.post('/me/withdraw', { password: form.password ?? '' });
  assert.equal(gone.status, 200);
  assert.match(await gone.text(), /파기되었습니다/);

  for (const table of [
    'app.members',
    'app.guardian_requests',
    'app.member_sessions',
    'app.subject_keys',
    'separated.withdrawn_login_ids',
    'audit.destruction_ledger',
    'app.consents',
  ]) {
    const dump = await rawDump(table);
    for (const value of [
      '정다은',
      'daeun@example.com',
      '01044445555',
      '01022223333',
      form.loginId ?? '',
    ]) {
      assert.ok(!dump.includes(value), `${table} holds no readable value`);
    }
  }
  assert.equal(
    (await db.selectFrom('app.members').select('id').where('id', '=', memberRow.id).execute())
      .length,
    0,
  );
  assert.equal(
    (
      await db
        .selectFrom('app.subject_keys')
        .select('subject_id')
        .where('subject_id', '=', `member:${memberRow.id}`)
        .execute()
    ).length,
    0,
  );
  const ledger = await db
    .selectFrom('audit.destruction_ledger')
    .selectAll()
    .where('trigger', '=', 'withdrawal')
    .execute();
  assert.equal(ledger.length, 1);
  assert.equal(ledger[0]?.counts.members, 1);

  assert.equal((await member.get('/me')).status, 303, 'signed out');
  assert.equal(
    (await browser().post('/login', { loginId: form.loginId ?? '', password: form.password ?? '' }))
      .status,
    401,
  );
  const again = await browser().post('/signup', adultForm({ loginId: form.loginId }));
  assert.equal(again.status, 400);
  assert.match(await again.text(), /id="loginId-error"/);
});

test('five wrong passwords lock a member; an idle session times out', async () => {
  const form = adultForm();
  assert.equal((await browser().post('/signup', form)).status, 201);
  const member = browser();
  assert.equal(
    (await member.post('/login', { loginId: form.loginId ?? '', password: form.password ?? '' }))
      .status,
    303,
  );
  clock.advance(31 * 60_000);
  assert.equal((await member.get('/me')).status, 303, 'idle for 31 minutes: back to sign-in');
  for (let i = 0; i < 5; i++)
    await browser().post('/login', { loginId: form.loginId ?? '', password: 'Wrong-Password-9' });
  const locked = await browser().post('/login', {
    loginId: form.loginId ?? '',
    password: form.password ?? '',
  });
  assert.equal(locked.status, 401);
  assert.match(await locked.text(), /잠겼습니다/);
});

test('child: the adult form points to the child form; no sign-in until the guardian confirms', async () => {
  const form = childForm();
  assert.equal((await browser().post('/signup/child', form)).status, 201);
  const refused = await browser().post('/login', {
    loginId: form.loginId ?? '',
    password: form.password ?? '',
  });
  assert.equal(refused.status, 401);
  assert.match(await refused.text(), /보호자의 동의 확인/);
  const code = await latestGuardianCode();
  assert.match(code, /^\d{5}-\d{5}$/);
  assert.equal((await browser().post('/signup/guardian', { code: '00000-00000' })).status, 400);
  assert.equal((await browser().post('/signup/guardian', { code })).status, 200);
  assert.equal(
    (await browser().post('/login', { loginId: form.loginId ?? '', password: form.password ?? '' }))
      .status,
    303,
  );
  const adultOnChild = await browser().post(
    '/signup/child',
    childForm({ birthDate: '1990-01-01' }),
  );
  assert.equal(adultOnChild.status, 400);
});

test('an unconfirmed guardian request expires and is destroyed with the pending account', async () => {
  const form = childForm({ guardianContact: '010-7777-8888' });
  assert.equal((await browser().post('/signup/child', form)).status, 201);
  const pending = await db
    .selectFrom('app.guardian_requests')
    .select(['id', 'member_id'])
    .where('confirmed_at', 'is', null)
    .execute();
  assert.equal(pending.length, 1);
  assert.equal(await expireGuardianRequests({ db, cipher, clock }), 0, 'not yet due');
  clock.advance(GUARDIAN_REQUEST_DAYS * 86_400_000 + 1);
  assert.equal(await expireGuardianRequests({ db, cipher, clock }), 1);
  assert.equal(
    (await db.selectFrom('app.guardian_requests').select('id').execute()).filter(
      (r) => r.id === pending[0]?.id,
    ).length,
    0,
  );
  const keys = await db
    .selectFrom('app.subject_keys')
    .select('subject_id')
    .where('subject_id', 'in', [`member:${pending[0]?.member_id}`, `guardian:${pending[0]?.id}`])
    .execute();
  assert.equal(keys.length, 0, 'both keys shredded');
  const ledger = await db
    .selectFrom('audit.destruction_ledger')
    .selectAll()
    .where('trigger', '=', 'guardian_request_expired')
    .execute();
  assert.equal(ledger.length, 1);
  assert.ok(!JSON.stringify(ledger).includes('7777'));
});

test('a session is kept alive by use, seen to the minute: views in between write nothing', async () => {
  const form = adultForm();
  assert.equal((await browser().post('/signup', form)).status, 201);
  const member = browser();
  await member.post('/login', { loginId: form.loginId ?? '', password: form.password ?? '' });
  const sessionId = sessionIdOf(member.cookies.get('jikim_member') ?? '');
  const lastSeen = async () =>
    (
      await db
        .selectFrom('app.member_sessions')
        .select('last_seen_at')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow()
    ).last_seen_at.getTime();
  const signedIn = await lastSeen();
  clock.advance(30_000);
  assert.equal((await member.get('/me')).status, 200);
  assert.equal(await lastSeen(), signedIn, 'seen 30 s after the last write: not written again');
  clock.advance(31_000);
  assert.equal((await member.get('/me')).status, 200);
  assert.equal(await lastSeen(), clock.now().getTime(), 'a minute on: written');
  // Idle 29 minutes after that view: still signed in; then 31 minutes idle: out.
  clock.advance(29 * 60_000);
  assert.equal((await member.get('/me')).status, 200, 'idle 29 minutes: still signed in');
  clock.advance(31 * 60_000);
  assert.equal((await member.get('/me')).status, 303, 'idle 31 minutes: back to sign-in');
});
