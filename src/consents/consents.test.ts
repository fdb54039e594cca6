import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { latestCookieChoice, recordCookieChoice } from './cookies.ts';
import { outsideQuietHours, sendMarketingMessage, setMarketingConsent } from './marketing.ts';
import { cookieChoiceSchema, marketingChoiceSchema } from './schema.ts';
import { canSendMarketing, consentRecordOf } from './service.ts';
import { memberContext, openConsentTestbed } from './testbed.ts';

const bed = await openConsentTestbed();
const { db, clock, deps } = bed;
const policyInForce = await bed.publisher.versionIdInForce(clock.now());

function newMember(address: string) {
  const id = randomUUID();
  return { id, subjectId: `member:${id}`, address, context: memberContext(id) };
}

const advert = {
  subject: { ko: '봄맞이 건강검진 안내', en: 'Spring health check-ups' },
  body: { ko: '4월 한 달간 검진 예약을 받습니다.', en: 'Book a check-up during April.' },
};

test('opting in is recorded with version, time and channel, and confirmed by e-mail at once', async () => {
  const m = newMember('opt.in@example.test');
  const result = await setMarketingConsent(deps, m.context, {
    subjectId: m.subjectId,
    channel: 'email',
    granted: true,
    address: m.address,
    via: 'web',
  });
  assert.equal(result.changed, true);
  const [standing] = (await consentRecordOf(db, m.subjectId)).standing;
  assert.equal(standing?.kind, 'marketing_email');
  assert.equal(standing?.granted, true);
  assert.equal(standing?.policyVersionId, policyInForce);
  assert.equal(standing?.channel, 'web');
  assert.deepEqual(standing?.at, clock.now());
  assert.equal(await canSendMarketing(db, m.subjectId, 'email'), true);
  assert.equal(await canSendMarketing(db, m.subjectId, 'sms'), false, 'each channel on its own');

  await bed.deliver();
  const [mail, ...rest] = bed.mailsTo(m.address);
  assert.equal(rest.length, 0);
  assert.match(mail?.subject ?? '', /광고성 정보 수신동의 처리 결과 안내/);
  assert.match(mail?.text ?? '', /2026-11-27 10:00\(한국시간\)에 이메일 광고성 정보 수신 동의/);
  assert.match(mail?.text ?? '', /agreed to receive advertising by e-mail/);

  // The same choice again changes nothing and sends nothing.
  const again = await setMarketingConsent(deps, m.context, {
    subjectId: m.subjectId,
    channel: 'email',
    granted: true,
    address: m.address,
  });
  assert.equal(again.changed, false);
  await bed.deliver();
  assert.equal(bed.mailsTo(m.address).length, 1);
  assert.equal((await consentRecordOf(db, m.subjectId)).history.length, 1);
});

test('turning marketing off stops sending at once: queued and later advertisements never arrive', async () => {
  const m = newMember('opt.out@example.test');
  const on = { subjectId: m.subjectId, channel: 'email' as const, address: m.address };
  await setMarketingConsent(deps, m.context, { ...on, granted: true });
  await bed.deliver();

  // While the consent stands, an advertisement is sent, marked as one.
  assert.deepEqual(
    (await sendMarketingMessage(deps, m.context, { ...on, ...advert })).queued,
    true,
  );
  await bed.deliver();
  const ad = bed.mailsTo(m.address).find((mail) => mail.subject.includes('(광고)'));
  assert.ok(ad, 'the advertisement arrived');
  assert.match(ad.text, /^\(광고\) \[/);
  assert.match(ad.text, /수신거부:/);

  // One more is queued, then the member turns marketing off before delivery.
  await sendMarketingMessage(deps, m.context, { ...on, ...advert });
  clock.advance(60_000);
  const off = await setMarketingConsent(deps, m.context, { ...on, granted: false, via: 'app' });
  assert.equal(off.cancelled, 1, 'the queued advertisement is cancelled');
  assert.equal(await canSendMarketing(db, m.subjectId, 'email'), false);

  // Sending after turning off queues nothing.
  const after = await sendMarketingMessage(deps, m.context, { ...on, ...advert });
  assert.equal(after.queued, false);

  const before = bed.mailsTo(m.address).length;
  await bed.deliver();
  const arrived = bed.mailsTo(m.address).slice(before);
  assert.equal(arrived.length, 1, 'only the opt-out confirmation');
  assert.match(arrived[0]?.subject ?? '', /수신거부 처리 결과 안내/);
  assert.match(arrived[0]?.text ?? '', /수신 거부\(동의 철회\)/);

  const history = (await consentRecordOf(db, m.subjectId)).history;
  assert.deepEqual(
    history.map((e) => [e.granted, e.channel]),
    [
      [true, 'web'],
      [false, 'app'],
    ],
  );
  assert.equal(history[1]?.actor, m.id);
});

test('SMS consent confirmations go to the phone through the dev SMS adapter', async () => {
  const m = newMember('01098765432');
  await setMarketingConsent(deps, m.context, {
    subjectId: m.subjectId,
    channel: 'sms',
    granted: true,
    address: m.address,
  });
  await bed.deliver();
  const row = await db
    .selectFrom('app.outbox')
    .select(['sent_via', 'address_item', 'purpose'])
    .where('recipient_subject_id', '=', m.subjectId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, {
    sent_via: 'dev-sms',
    address_item: 'membership.phone',
    purpose: 'complaints_and_notices',
  });
});

test('advertising by SMS waits for 08:00 when asked for at night (제50조제3항)', () => {
  const at = (iso: string) => outsideQuietHours(new Date(iso)).toISOString();
  assert.equal(at('2026-11-27T14:00:00+09:00'), '2026-11-27T05:00:00.000Z');
  assert.equal(at('2026-11-27T21:30:00+09:00'), '2026-11-27T23:00:00.000Z');
  assert.equal(at('2026-11-28T07:59:00+09:00'), '2026-11-27T23:00:00.000Z');
});

test('consent history is append-only', async () => {
  const m = newMember('history@example.test');
  await setMarketingConsent(deps, m.context, {
    subjectId: m.subjectId,
    channel: 'email',
    granted: true,
    address: m.address,
  });
  await assert.rejects(
    sql`update app.consent_events set granted = false where subject_id = ${m.subjectId}`.execute(
      db,
    ),
    /append-only/,
  );
  await assert.rejects(
    sql`delete from app.consent_events where subject_id = ${m.subjectId}`.execute(db),
    /append-only/,
  );
});

test('consent records hold no personal value: only the opaque subject id', async () => {
  const rows = await sql`select * from app.consents`.execute(db);
  const events = await sql`select * from app.consent_events`.execute(db);
  const dump = JSON.stringify([rows.rows, events.rows]);
  assert.ok(!dump.includes('@example.test'));
  assert.ok(!dump.includes('01098765432'));
});

test('each cookie banner choice is kept on the server; the latest one counts', async () => {
  const visitorId = randomUUID().replaceAll('-', '');
  const first = cookieChoiceSchema.parse({
    visitorId,
    categories: { necessary: true, analytics: true },
  });
  assert.ok(policyInForce);
  await recordCookieChoice(db, { ...first, policyVersionId: policyInForce, at: clock.now() });
  await recordCookieChoice(db, {
    visitorId,
    categories: { necessary: true, analytics: false },
    policyVersionId: policyInForce,
    at: clock.now(),
  });
  const latest = await latestCookieChoice(db, visitorId);
  assert.deepEqual(latest?.categories, { necessary: true, analytics: false });
  assert.equal(latest?.policyVersionId, policyInForce);
  assert.equal(await latestCookieChoice(db, 'x'.repeat(20)), undefined);

  assert.equal(
    cookieChoiceSchema.safeParse({ visitorId, categories: { necessary: false } }).success,
    false,
    'necessary cookies cannot be refused',
  );
  assert.equal(marketingChoiceSchema.safeParse({ channel: 'fax', granted: true }).success, false);
});
