import { after } from 'node:test';
import { startSmtpServer } from '../../../test/smtp.ts';
import { openTestSystem } from '../../../test/system.ts';
import { StaffClient } from '../../access/testing/staff-client.ts';
import type { ManualClock } from '../../platform/clock.ts';
import { deliverDue } from '../../platform/outbox/deliver.ts';
import { SmtpTransport } from '../../platform/outbox/smtp.ts';
import { DevSmsTransport } from '../../platform/outbox/transports.ts';
import { loginIdIndex } from '../subjects.ts';
import { adultForm } from './member-form.ts';

/** The whole system, a local SMTP server the outbox delivers to, and a browser per member. */
export async function openPortalTestbed() {
  const system = await openTestSystem();
  const db = system.handle.db;
  const clock = system.clock as ManualClock;
  // The system's own cipher and door: one key cache, as in production.
  const { cipher, door } = system;
  const smtp = await startSmtpServer();
  const email = new SmtpTransport({ url: smtp.url, from: 'no-reply@hospital.test' });
  after(async () => {
    email.close();
    await smtp.stop();
  });
  const transports = { email, sms: new DevSmsTransport() };
  const browser = () => new StaffClient(system.app);

  /** Decrypted text of the newest outbox message of a template, to read a code out of it. */
  async function latestMessage(template: string): Promise<string> {
    const row = await db
      .selectFrom('app.outbox')
      .select(['id', 'recipient_subject_id', 'content_ct'])
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return cipher.decrypt(
      row.recipient_subject_id,
      { table: 'app.outbox', column: 'content_ct', rowId: row.id },
      row.content_ct,
    );
  }

  /** An adult member signed up and signed in through the pages; returns the browser and their id. */
  async function signedInMember(overrides: Record<string, string | undefined> = {}) {
    const form = adultForm(overrides);
    const member = browser();
    const signUp = await member.post('/signup', form);
    if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status}`);
    const signIn = await member.post('/login', {
      loginId: form.loginId ?? '',
      password: form.password ?? '',
    });
    if (signIn.status !== 303) throw new Error(`sign-in failed: ${signIn.status}`);
    const row = await db
      .selectFrom('app.members')
      .select('id')
      .where('login_id_index', '=', loginIdIndex(cipher, form.loginId ?? ''))
      .executeTakeFirstOrThrow();
    return { member, memberId: row.id, form };
  }

  return {
    system,
    db,
    clock,
    cipher,
    door,
    publisher: system.publisher,
    smtp,
    browser,
    latestMessage,
    signedInMember,
    deliver: () => deliverDue({ db, cipher, clock, door, transports }),
    mailsTo: (address: string) => smtp.received.filter((m) => m.to.includes(address)),
  };
}
