import type { GuessThrottle } from '../access/guess-throttle.ts';
import type { PersonalDataDoor } from '../access/personal-data.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';
import type { PolicyVersion } from '../policy/versions.ts';
import type { MemberConsents, MemberMessages } from './ports.ts';
import type { MemberSettings } from './sessions.ts';

/** Everything the member services are given; app.ts wires it once. */
export interface MemberDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  door: PersonalDataDoor;
  publisher: PolicyPublisher;
  consents: MemberConsents;
  messages: MemberMessages;
  settings: MemberSettings;
  /** Wrong guardian confirmation codes, per client address (one count for pages and API). */
  guardianCodeGuesses: GuessThrottle;
  /** Failed sign-ins, per client address (one count for pages and API). */
  signInFailures: GuessThrottle;
}

export function policyInForce(
  deps: Pick<MemberDeps, 'publisher' | 'clock'>,
): Promise<PolicyVersion> {
  return deps.publisher.inForce(deps.clock.now());
}

/** The member acting on their own data, for the access log. */
export function memberContext(
  memberId: string,
  purpose: string,
  via?: { ip?: string | null; requestId?: string | null },
) {
  return {
    actor: { kind: 'member' as const, id: memberId },
    purpose,
    grantId: null,
    ip: via?.ip ?? null,
    requestId: via?.requestId ?? null,
  };
}

/** A verified guardian acting on their child's data (guardian access), for the access log. */
export function guardianContext(
  requestId: string,
  purpose: string,
  via?: { ip?: string | null; requestId?: string | null },
) {
  return {
    actor: { kind: 'guardian' as const, id: requestId },
    purpose,
    grantId: null,
    ip: via?.ip ?? null,
    requestId: via?.requestId ?? null,
  };
}

/** Who acts on a membership's data: the member, or their verified guardian. */
export type ActingContext = ReturnType<typeof memberContext> | ReturnType<typeof guardianContext>;
