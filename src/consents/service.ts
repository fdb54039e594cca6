import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database.ts';
import { addYearsInKorea, MARKETING_CONSENT_REMINDER } from './reminder-period.ts';
import type { ConsentChannel, ConsentKind } from './tables.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export const marketingKinds = ['marketing_sms', 'marketing_email'] as const;
export type MarketingKind = (typeof marketingKinds)[number];
export const marketingKindOf = { sms: 'marketing_sms', email: 'marketing_email' } as const;

export interface ConsentToRecord {
  /** Opaque subject id (`member:<uuid>`); nothing else about the person is stored. */
  subjectId: string;
  kind: ConsentKind;
  granted: boolean;
  /** The policy version the person was shown when choosing. */
  policyVersionId: string;
  channel: ConsentChannel;
  /** Who recorded it: the member's own id, a staff id at the desk. */
  actor: string;
  at: Date;
}

/**
 * Records a choice in the caller's transaction: the standing state per kind,
 * and a line in the append-only history. A grant of marketing starts the
 * 2-year reminder clock again; a refusal stops it.
 */
export async function recordConsent(trx: Executor, consent: ConsentToRecord): Promise<void> {
  const remindable = (marketingKinds as readonly string[]).includes(consent.kind);
  const grantedSince = consent.granted ? consent.at : null;
  const nextReminder =
    consent.granted && remindable
      ? addYearsInKorea(consent.at, MARKETING_CONSENT_REMINDER.years)
      : null;
  const state = {
    granted: consent.granted,
    policy_version_id: consent.policyVersionId,
    channel: consent.channel,
    at: consent.at,
    actor: consent.actor,
    granted_since: grantedSince,
    next_reminder_at: nextReminder,
  };
  await trx
    .insertInto('app.consents')
    .values({ subject_id: consent.subjectId, kind: consent.kind, ...state })
    .onConflict((oc) => oc.columns(['subject_id', 'kind']).doUpdateSet(state))
    .execute();
  await trx
    .insertInto('app.consent_events')
    .values({
      subject_id: consent.subjectId,
      kind: consent.kind,
      event: 'choice',
      granted: consent.granted,
      policy_version_id: consent.policyVersionId,
      channel: consent.channel,
      at: consent.at,
      actor: consent.actor,
    })
    .execute();
}

export interface StandingConsent {
  kind: ConsentKind;
  granted: boolean;
  policyVersionId: string;
  channel: ConsentChannel;
  at: Date;
  grantedSince: Date | null;
  nextReminderAt: Date | null;
}

/** The subject's standing choices, one per kind they were asked about. */
export async function consentsOf(db: Executor, subjectId: string): Promise<StandingConsent[]> {
  const rows = await db
    .selectFrom('app.consents')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    granted: r.granted,
    policyVersionId: r.policy_version_id,
    channel: r.channel,
    at: r.at,
    grantedSince: r.granted_since,
    nextReminderAt: r.next_reminder_at,
  }));
}

export interface ConsentEvent {
  kind: ConsentKind;
  event: 'choice' | 'reminder';
  granted: boolean;
  policyVersionId: string;
  channel: ConsentChannel | 'system';
  at: Date;
  actor: string;
}

/** Every choice and reminder, oldest first. */
export async function consentHistory(db: Executor, subjectId: string): Promise<ConsentEvent[]> {
  const rows = await db
    .selectFrom('app.consent_events')
    .select(['kind', 'event', 'granted', 'policy_version_id', 'channel', 'at', 'actor'])
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
  return rows.map(({ policy_version_id, ...rest }) => ({
    ...rest,
    policyVersionId: policy_version_id,
  }));
}

/** Whether advertising may go to the subject by this channel now. */
export async function canSendMarketing(
  db: Executor,
  subjectId: string,
  channel: 'sms' | 'email',
): Promise<boolean> {
  const row = await db
    .selectFrom('app.consents')
    .select('granted')
    .where('subject_id', '=', subjectId)
    .where('kind', '=', marketingKindOf[channel])
    .executeTakeFirst();
  return row?.granted === true;
}

/**
 * Deletes the subject's standing consents (membership ended). Their history
 * stays: opaque id, kinds, versions and times, the proof of what was agreed.
 */
export async function forgetStandingConsentsOf(trx: Executor, subjectId: string): Promise<number> {
  const result = await trx
    .deleteFrom('app.consents')
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
