import { openMailingTestSystem } from '../../test/mailing-system.ts';
import type { AccessContext } from '../access/personal-data.ts';

/** A fresh system with the consent module's dependencies and a local SMTP server. */
export async function openConsentTestbed() {
  const bed = await openMailingTestSystem();
  const { db, clock, cipher, door, publisher } = bed;
  return { ...bed, deps: { db, clock, cipher, door, publisher } };
}

export function memberContext(memberId: string): AccessContext {
  return { actor: { kind: 'member', id: memberId }, purpose: 'marketing', grantId: null };
}
