import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/database.ts';
import { addYearsInKorea, MARKETING_CONSENT_REMINDER } from './reminder-period.ts';
import type { ConsentChannel, ConsentKind, ConsentRow } from './tables.ts';

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

function standingOf(r: ConsentRow): StandingConsent {
  return {
    kind: r.kind,
    granted: r.granted,
    policyVersionId: r.policy_version_id,
    channel: r.channel,
    at: r.at,
    grantedSince: r.granted_since,
    nextReminderAt: r.next_reminder_at,
  };
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

function eventOf({ policy_version_id, ...rest }: EventRow): ConsentEvent {
  return { ...rest, policyVersionId: policy_version_id };
}

type EventRow = Omit<ConsentEvent, 'policyVersionId'> & { policy_version_id: string };

/** A row as JSON carries it: times as text. */
type AsJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
const maybeDate = (value: string | null) => (value === null ? null : new Date(value));

/** The standing consents and the whole history of a subject, as rows of JSON text. */
export interface ConsentRecordColumns {
  consent_standing: AsJson<ConsentRow>[];
  consent_history: AsJson<EventRow>[];
}

/**
 * The two columns that hold a subject's consent record, for a caller that reads
 * them with a row of its own (one round trip for a page that shows both);
 * `consentRecordFrom` turns them into records.
 */
export function consentRecordColumns(subjectId: string) {
  return [
    sql<AsJson<ConsentRow>[]>`coalesce((select json_agg(c order by c.kind) from app.consents c
      where c.subject_id = ${subjectId}), '[]')`.as('consent_standing'),
    sql<AsJson<EventRow>[]>`coalesce((select json_agg(e order by e.seq) from (
      select kind, event, granted, policy_version_id, channel, at, actor, seq
      from app.consent_events where subject_id = ${subjectId}) e), '[]')`.as('consent_history'),
  ] as const;
}

export function consentRecordFrom(row: ConsentRecordColumns): {
  standing: StandingConsent[];
  history: ConsentEvent[];
} {
  return {
    standing: row.consent_standing.map((r) =>
      standingOf({
        ...r,
        at: new Date(r.at),
        granted_since: maybeDate(r.granted_since),
        next_reminder_at: maybeDate(r.next_reminder_at),
      }),
    ),
    history: row.consent_history.map((e) => eventOf({ ...e, at: new Date(e.at) })),
  };
}

/**
 * The subject's standing choices, one per kind they were asked about, and every
 * choice and reminder, oldest first: read in one round trip, as a person's own
 * page shows both on each view.
 */
export async function consentRecordOf(
  db: Executor,
  subjectId: string,
): Promise<{ standing: StandingConsent[]; history: ConsentEvent[] }> {
  const row = await db.selectNoFrom(consentRecordColumns(subjectId)).executeTakeFirstOrThrow();
  return consentRecordFrom(row);
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
