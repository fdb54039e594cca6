import { after } from 'node:test';
import type { ManualClock } from '../src/platform/clock.ts';
import { deliverDue } from '../src/platform/outbox/deliver.ts';
import { SmtpTransport } from '../src/platform/outbox/smtp.ts';
import { DevSmsTransport } from '../src/platform/outbox/transports.ts';
import { startSmtpServer } from './smtp.ts';
import { openTestSystem } from './system.ts';

/**
 * The whole system on a fresh database, its outbox delivering e-mail to a local
 * SMTP server (text messages stay with the dev adapter); closed when the file ends.
 */
export async function openMailingTestSystem() {
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
  return {
    system,
    db,
    clock,
    cipher,
    door,
    publisher: system.publisher,
    smtp,
    /** Runs the outbox once, as the delivery job would. */
    deliver: () => deliverDue({ db, cipher, clock, door, transports }),
    mailsTo: (address: string) => smtp.received.filter((m) => m.to.includes(address)),
  };
}
