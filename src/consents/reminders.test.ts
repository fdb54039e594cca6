import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { setMarketingConsent } from './marketing.ts';
import { remindStandingMarketingConsents } from './reminders.ts';
import { consentRecordOf } from './service.ts';
import { memberContext, openConsentTestbed } from './testbed.ts';

const bed = await openConsentTestbed();
const { clock, deps } = bed;

// The members module owns addresses; here, a map stands in for it.
const addresses = new Map<string, string>();
const remind = () =>
  remindStandingMarketingConsents({
    ...deps,
    addressOf: async (_trx, subjectId) => addresses.get(subjectId) ?? null,
  });

async function member(address: string, granted: boolean) {
  const id = randomUUID();
  const subjectId = `member:${id}`;
  addresses.set(subjectId, address);
  await setMarketingConsent(deps, memberContext(id), {
    subjectId,
    channel: 'email',
    granted,
    address,
  });
  return subjectId;
}

const standing = await member('standing@example.test', true);
const refused = await member('refused@example.test', false);
await bed.deliver();
const remindersTo = (address: string) =>
  bed.mailsTo(address).filter((m) => m.subject.includes('수신동의 유지 안내'));

test('no reminder a day before two years have passed since the consent', async () => {
  clock.set('2028-11-26T10:00:00+09:00');
  assert.equal((await remind()).reminded, 0);
  await bed.deliver();
  assert.equal(remindersTo('standing@example.test').length, 0);
});

test('two years after the consent, one reminder says it stands and how to withdraw it', async () => {
  clock.set('2028-11-27T10:00:00+09:00');
  assert.equal((await remind()).reminded, 1);
  await bed.deliver();
  const [mail, ...more] = remindersTo('standing@example.test');
  assert.equal(more.length, 0);
  assert.match(mail?.text ?? '', /2026-11-27에 이메일 광고성 정보 수신에 동의하셨으며/);
  assert.match(mail?.text ?? '', /철회하실 수 있습니다/);
  assert.match(mail?.text ?? '', /To stop receiving it, withdraw it/);
  assert.equal(remindersTo('refused@example.test').length, 0, 'no reminder without a consent');

  const history = (await consentRecordOf(bed.db, standing)).history;
  assert.deepEqual(
    history.map((e) => e.event),
    ['choice', 'reminder'],
  );
});

test('running the job again sends no second reminder', async () => {
  clock.advance(3_600_000);
  assert.equal((await remind()).reminded, 0);
  await bed.deliver();
  assert.equal(remindersTo('standing@example.test').length, 1);
});

test('the next reminder comes two years later again', async () => {
  clock.set('2030-11-26T23:00:00+09:00');
  assert.equal((await remind()).reminded, 0);
  clock.set('2030-11-27T10:00:00+09:00');
  assert.equal((await remind()).reminded, 1);
  await bed.deliver();
  assert.equal(remindersTo('standing@example.test').length, 2);
  assert.equal((await consentRecordOf(bed.db, refused)).history.length, 1);
});
