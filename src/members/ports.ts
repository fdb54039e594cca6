import type { AliasedExpression, Transaction } from 'kysely';
import type { Database } from '../platform/database.ts';
import type { L10n } from '../platform/i18n.ts';

/**
 * What the member portal needs from the consents module and the outbox, as
 * small interfaces: app.ts wires the real ones, tests may pass their own.
 * Each write takes the caller's transaction, so a consent or a message exists
 * only if the sign-up, correction or withdrawal it belongs to committed.
 */
export type MarketingChannel = 'sms' | 'email';

/** A consent as the member sees it: which kind, given or not, under which policy version, when, where. */
export interface ConsentRecord {
  kind: string;
  granted: boolean;
  policyVersionId: string;
  channel: string;
  at: Date;
  /** In the history: a choice, or a reminder sent by the system. */
  event?: string;
}

export interface MemberConsents {
  /** The consents given at sign-up: the required purposes and each marketing channel as chosen. */
  recordSignUp(
    trx: Transaction<Database>,
    input: {
      subjectId: string;
      policyVersionId: string;
      purposeIds: string[];
      marketing: Record<MarketingChannel, boolean>;
      via: 'web' | 'api';
    },
  ): Promise<void>;
  /** Turns one marketing channel on or off; the change is confirmed to the member. */
  setMarketing(
    trx: Transaction<Database>,
    input: { subjectId: string; channel: MarketingChannel; optIn: boolean; via: 'web' | 'api' },
  ): Promise<void>;
  /**
   * The consents in force and every change, as two columns to add to a read of
   * one's own, so that a page showing both costs one round trip.
   */
  recordColumns(
    subjectId: string,
  ): readonly [
    AliasedExpression<unknown, 'consent_standing'>,
    AliasedExpression<unknown, 'consent_history'>,
  ];
  /** The records out of those columns: the standing ones, and every change newest first. */
  recordsFrom(row: { consent_standing: unknown; consent_history: unknown }): {
    standing: ConsentRecord[];
    history: ConsentRecord[];
  };
  /** Deletes the subject's consent records when the membership ends; returns how many. */
  forget(trx: Transaction<Database>, subjectId: string): Promise<number>;
}

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  /** Whose key encrypts the queued message (the guardian's request, the member). */
  recipientSubjectId: string;
  /** The declared item the address is. */
  addressItem: 'membership.email' | 'membership.phone' | 'child_guardian.contact';
  address: string;
  template: string;
  content: { subject: L10n; text: L10n };
  purpose: string;
}

export interface MemberMessages {
  enqueue(trx: Transaction<Database>, message: OutgoingMessage): Promise<void>;
}
