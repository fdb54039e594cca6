import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { startSmtpServer } from '../../../test/smtp.ts';
import { openTestSystem } from '../../../test/system.ts';
import { createPersonalDataDoor } from '../../access/personal-data.ts';
import { createAccessLog } from '../audit/access-log.ts';
import { searchAccessLog } from '../audit/search.ts';
import type { ManualClock } from '../clock.ts';
import { createFieldCipher } from '../crypto/fields.ts';
import { deliverDue, RETRY_DELAYS_MS } from './deliver.ts';
import { readDevInbox } from './dev-inbox.ts';
import { cancelMessagesFor, enqueueMessage, type MessageToEnqueue } from './enqueue.ts';
import { SmtpTransport } from './smtp.ts';
import { DevSmsTransport } from './transports.ts';

const system = await openTestSystem();
const db = system.handle.db;
const clock = system.clock as ManualClock;
const cipher = createFieldCipher({ db, keyring: system.keyring, clock });
const accessLog = createAccessLog({ clock, auditKey: system.keyring.auditKey });
const door = createPersonalDataDoor({ db, accessLog, publisher: system.publisher, clock });
const smtp = await startSmtpServer();
const email = new SmtpTransport({ url: smtp.url, from: 'Jikim <no-reply@hospital.test>' });
const transports = { email, sms: new DevSmsTransport() };
const deliver = () => deliverDue({ db, cipher, clock, door, transports });
after(async () => {
  email.close();
  await smtp.stop();
});

const newMember = () => `member:${randomUUID()}`;

function welcome(subjectId: string, address: string): MessageToEnqueue {
  return {
    channel: 'email',
    subjectId,
    address,
    addressItem: 'membership.email',
    purpose: 'complaints_and_notices',
    template: 'test.welcome',
    subject: { ko: '가입을 환영합니다', en: 'Welcome' },
    body: { ko: '회원가입이 완료되었습니다.', en: 'Your membership is ready.' },
  };
}

async function enqueue(message: MessageToEnqueue): Promise<string> {
  return db.transaction().execute((trx) => enqueueMessage({ cipher, clock }, trx, message));
}

async function mailsTo(address: string) {
  return smtp.received.filter((m) => m.to.includes(address));
}

test('a message queued in a transaction that rolls back is never sent', async () => {
  const address = 'rollback@example.test';
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await enqueueMessage({ cipher, clock }, trx, welcome(newMember(), address));
      throw new Error('the business change failed');
    }),
  );
  await deliver();
  assert.equal((await mailsTo(address)).length, 0);
});

test('a committed message reaches the SMTP server once, with its subject and recipient', async () => {
  const subject = newMember();
  const address = 'jisu.kim@example.test';
  const id = await enqueue(welcome(subject, address));
  const report = await deliver();
  assert.equal(report.sent, 1);
  const mails = await mailsTo(address);
  assert.equal(mails.length, 1);
  assert.equal(mails[0]?.subject, '가입을 환영합니다 / Welcome');
  assert.match(mails[0]?.text ?? '', /회원가입이 완료되었습니다\.\s+Your membership is ready\./);
  assert.equal(mails[0]?.from, 'no-reply@hospital.test');

  // A second run finds nothing due.
  assert.equal((await deliver()).sent, 0);
  assert.equal((await mailsTo(address)).length, 1);

  const row = await db
    .selectFrom('app.outbox')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.sent_via, 'smtp');
  assert.ok(row.sent_at);
  const raw = JSON.stringify(
    (await sql`select * from app.outbox where id = ${id}`.execute(db)).rows,
    (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v),
  );
  assert.ok(!raw.includes(address), 'the address is stored only as ciphertext');
  assert.ok(!raw.includes('환영'), 'the text is stored only as ciphertext');

  const { entries } = await searchAccessLog(db, { subjectId: subject, limit: 10 });
  assert.equal(entries.length, 1, 'the delivery read the address through the door');
  assert.deepEqual(entries[0]?.actor, { kind: 'system', id: 'outbox' });
  assert.deepEqual(entries[0]?.items, ['membership.email']);
  assert.equal(entries[0]?.purpose, 'complaints_and_notices');
});

test('when the mail server refuses, the message is retried later by the clock', async () => {
  const address = 'retry@example.test';
  const id = await enqueue(welcome(newMember(), address));
  smtp.refuseWith = 451;
  try {
    assert.deepEqual(await deliver(), { sent: 0, retrying: 1, abandoned: 0 });
  } finally {
    smtp.refuseWith = null;
  }
  const failed = await db
    .selectFrom('app.outbox')
    .select(['attempts', 'last_error_code', 'send_after', 'sent_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(failed.attempts, 1);
  assert.equal(failed.last_error_code, 'smtp_451', 'a code only, never the server text');
  assert.equal(failed.sent_at, null);

  // Not before the back-off has passed, even though the server is back.
  assert.equal((await deliver()).sent, 0);
  clock.advance((RETRY_DELAYS_MS[0] ?? 0) - 1000);
  assert.equal((await deliver()).sent, 0);
  clock.advance(1000);
  assert.equal((await deliver()).sent, 1);
  assert.equal((await mailsTo(address)).length, 1);
});

test('a server that never accepts: the message is given up after the last retry', async () => {
  const address = 'never@example.test';
  const id = await enqueue(welcome(newMember(), address));
  smtp.refuseWith = 550;
  try {
    for (const delay of RETRY_DELAYS_MS) {
      assert.equal((await deliver()).retrying, 1);
      clock.advance(delay);
    }
    assert.equal((await deliver()).abandoned, 1);
  } finally {
    smtp.refuseWith = null;
  }
  const row = await db
    .selectFrom('app.outbox')
    .select(['attempts', 'cancel_reason', 'sent_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.attempts, RETRY_DELAYS_MS.length + 1);
  assert.equal(row.cancel_reason, 'undeliverable');
  clock.advance(86_400_000);
  await deliver();
  assert.equal((await mailsTo(address)).length, 0);
});

test('cancelled messages are not sent; others to the same person are', async () => {
  const subject = newMember();
  const address = 'cancel@example.test';
  await enqueue({ ...welcome(subject, address), purpose: 'marketing', template: 'marketing' });
  await enqueue(welcome(subject, address));
  const cancelled = await cancelMessagesFor(db, subject, {
    purpose: 'marketing',
    channel: 'email',
    reason: 'opted_out',
    at: clock.now(),
  });
  assert.equal(cancelled, 1);
  assert.equal((await deliver()).sent, 1);
  const mails = await mailsTo(address);
  assert.equal(mails.length, 1);
  assert.equal(mails[0]?.subject, '가입을 환영합니다 / Welcome');
});

test('two delivery runs at once send each message once', async () => {
  const addresses = ['a@example.test', 'b@example.test', 'c@example.test'];
  for (const a of addresses) await enqueue(welcome(newMember(), a));
  const [one, two] = await Promise.all([deliver(), deliver()]);
  assert.equal((one?.sent ?? 0) + (two?.sent ?? 0), 3);
  for (const a of addresses) assert.equal((await mailsTo(a)).length, 1);
});

test('SMS goes through the dev adapter, which keeps it in the outbox, labelled as such', async () => {
  const subject = newMember();
  await enqueue({
    channel: 'sms',
    subjectId: subject,
    address: '01012345678',
    addressItem: 'membership.phone',
    purpose: 'complaints_and_notices',
    body: { ko: '인증번호 123456', en: 'Code 123456' },
  });
  assert.equal((await deliver()).sent, 1);
  assert.equal(transports.sms.label, '개발용 문자 어댑터 (dev SMS adapter)');
  const inbox = await readDevInbox({ db, cipher }, subject);
  assert.equal(inbox.length, 1);
  assert.equal(inbox[0]?.text, '인증번호 123456\n\nCode 123456');
  assert.equal(inbox[0]?.addressItem, 'membership.phone');
});

test('an address the policy does not allow for the purpose is never sent to', async () => {
  const subject = newMember();
  const address = 'guardian@example.test';
  await enqueue({
    ...welcome(subject, address),
    addressItem: 'child_guardian.contact',
    purpose: 'marketing',
  });
  assert.equal((await deliver()).abandoned, 1);
  assert.equal((await mailsTo(address)).length, 0);
  const { entries } = await searchAccessLog(db, { subjectId: subject, limit: 10 });
  assert.equal(entries[0]?.outcome, 'refused');
});

test('messages to a destroyed subject are dropped, not retried', async () => {
  const subject = newMember();
  const address = 'withdrawn@example.test';
  const id = await enqueue(welcome(subject, address));
  await cipher.destroySubjectKey(subject);
  assert.equal((await deliver()).abandoned, 1);
  const row = await db
    .selectFrom('app.outbox')
    .select('cancel_reason')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.cancel_reason, 'recipient_destroyed');
  assert.equal((await mailsTo(address)).length, 0);
});

test('an address item that cannot use the channel is refused when queued', async () => {
  await assert.rejects(
    enqueue({ ...welcome(newMember(), '01000000000'), addressItem: 'membership.phone' }),
    RangeError,
  );
});
