import { after } from 'node:test';
import { startSmtpServer } from '../../test/smtp.ts';
import { openTestSystem } from '../../test/system.ts';
import type { AccessContext } from '../access/personal-data.ts';
import type { ManualClock } from '../platform/clock.ts';
import { deliverDue } from '../platform/outbox/deliver.ts';
import { SmtpTransport } from '../platform/outbox/smtp.ts';
import { DevSmsTransport } from '../platform/outbox/transports.ts';

/** A fresh system with the consent module's dependencies and a local SMTP server. */
export async function openConsentTestbed() {
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
  const deps = { db, clock, cipher, door, publisher: system.publisher };
  const transports = { email, sms: new DevSmsTransport() };
  return {
    ...deps,
    deps,
    smtp,
    deliver: () => deliverDue({ ...deps, transports }),
    mailsTo: (address: string) => smtp.received.filter((m) => m.to.includes(address)),
  };
}

export function memberContext(memberId: string): AccessContext {
  return { actor: { kind: 'member', id: memberId }, purpose: 'marketing', grantId: null };
}
