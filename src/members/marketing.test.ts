import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendMarketingMessage } from '../consents/marketing.ts';
import { searchAccessLog } from '../platform/audit/search.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const { db, clock } = bed;

const advert = (subjectId: string, address: string) =>
  sendMarketingMessage(
    bed,
    { actor: { kind: 'staff', id: 'marketing-desk' }, purpose: 'marketing', grantId: null },
    {
      subjectId,
      channel: 'email',
      address,
      subject: { ko: '건강검진 할인', en: 'Check-up discount' },
      body: { ko: '이번 달 건강검진 할인', en: 'Check-ups discounted this month' },
    },
  );

test('turning e-mail marketing off on /me: recorded, confirmed, and nothing more is sent', async () => {
  const address = 'optout@example.com';
  const { member, memberId } = await bed.signedInMember({
    email: address,
    emailOptIn: 'on',
    smsOptIn: 'on',
  });
  const subject = `member:${memberId}`;
  const page = await (await member.get('/me')).text();
  assert.match(page, /data-channel="email"/);
  assert.match(page, /수신 거부하기/);

  assert.equal((await advert(subject, address)).queued, true, 'consent stands: an advert queues');
  const refused = await member.post(
    '/me/marketing',
    { channel: 'email', optIn: 'off' },
    { origin: 'https://evil.example' },
  );
  assert.equal(refused.status, 403, 'a cross-site form cannot withdraw consent');

  clock.advance(60_000);
  const off = await member.post('/me/marketing', { channel: 'email', optIn: 'off' });
  assert.equal(off.status, 200);
  assert.match(await off.text(), /이메일 광고 수신을 거부했습니다/);

  const consents = await db
    .selectFrom('app.consents')
    .selectAll()
    .where('subject_id', '=', subject)
    .execute();
  const email = consents.find((c) => c.kind === 'marketing_email');
  assert.equal(email?.granted, false);
  assert.equal(email?.channel, 'web');
  assert.equal(email?.at.getTime(), clock.now().getTime());
  assert.equal(consents.find((c) => c.kind === 'marketing_sms')?.granted, true, 'SMS untouched');
  const events = await db
    .selectFrom('app.consent_events')
    .selectAll()
    .where('subject_id', '=', subject)
    .where('kind', '=', 'marketing_email')
    .orderBy('at')
    .execute();
  assert.deepEqual(
    events.map((e) => [e.granted, e.channel]),
    [
      [true, 'web'],
      [false, 'web'],
    ],
  );
  const line = (await searchAccessLog(db, { subjectId: subject, limit: 10 })).entries.find(
    (e) => e.purpose === 'marketing' && e.action === 'update',
  );
  assert.equal(line?.actor.kind, 'member', 'the change is in the access log, by the member');
  assert.ok(line?.items.includes('membership.email_opt_in'));

  assert.equal((await advert(subject, address)).queued, false, 'the opt-out stops sending at once');
  await bed.deliver();
  const mails = bed.mailsTo(address);
  assert.equal(mails.length, 1, 'only the confirmation arrives, not the queued advert');
  assert.match(mails[0]?.subject ?? '', /수신거부 처리 결과 안내/);

  const again = await member.post('/me/marketing', { channel: 'email', optIn: 'off' });
  assert.match(await again.text(), /이미 그렇게 되어 있습니다/);
  const on = await member.post('/me/marketing', { channel: 'email', optIn: 'on' });
  assert.match(await on.text(), /이메일 광고 수신을 동의했습니다/);
  await bed.deliver();
  assert.equal(bed.mailsTo(address).length, 2, 'turning it back on is confirmed too');
});

test('bad choices are refused; anonymous callers are sent to sign in', async () => {
  const { member } = await bed.signedInMember();
  const bad = await member.post('/me/marketing', { channel: 'fax', optIn: 'on' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /id="marketing-error"[^>]*>수신 방법을 고르세요/);
  const anonymous = await bed.browser().post('/me/marketing', { channel: 'sms', optIn: 'off' });
  assert.equal(anonymous.status, 303);
});

test('the daily job reminds a standing e-mail consent after 2 years, at the member’s address', async () => {
  const address = 'twoyears@example.com';
  await bed.signedInMember({ email: address, emailOptIn: 'on' });
  const job = bed.system.jobs.find((j) => j.name === 'consents.marketing-reminders');
  assert.ok(job);
  assert.equal(job.everyMs, 24 * 3_600_000);
  await job.run();
  await bed.deliver();
  assert.equal(bed.mailsTo(address).length, 0, 'not due yet');
  clock.advance(2 * 366 * 86_400_000);
  await job.run();
  await bed.deliver();
  const mails = bed.mailsTo(address);
  assert.equal(mails.length, 1);
  assert.match(mails[0]?.subject ?? '', /수신동의 유지 안내/);
  await job.run();
  await bed.deliver();
  assert.equal(bed.mailsTo(address).length, 1, 'a second run sends nothing more');
});
