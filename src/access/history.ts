import type { Kysely } from 'kysely';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import type { Role } from './roles.ts';
import type { ActorChannel, StaffEvent, StaffHistoryRow } from './tables.ts';

/**
 * How long the history of access rights is kept: 3 years (개인정보의 안전성
 * 확보조치 기준 제5조③). Nothing in Jikim deletes it before then; the table
 * refuses UPDATE and DELETE outright, so the retention job, when it comes,
 * must move whole years to cold storage rather than edit rows.
 */
export const STAFF_HISTORY_RETENTION = {
  years: 3,
  legalBasis: '개인정보의 안전성 확보조치 기준 제5조③',
} as const;

/** Who did something: a staff member at the console, or the installation itself. */
export type HistoryActor =
  | { channel: 'console'; staffId: string }
  | { channel: Exclude<ActorChannel, 'console'> };

export interface StaffHistoryEntry {
  staffId: string;
  event: StaffEvent;
  actor: HistoryActor;
  at: Date;
  reason?: string | null;
  grantId?: string | null;
  roleBefore?: Role | null;
  roleAfter?: Role | null;
}

/** Appends one row; always inside the transaction of the change it records. */
export async function recordStaffEvent(
  trx: Kysely<Database>,
  entry: StaffHistoryEntry,
): Promise<void> {
  await trx
    .insertInto('audit.staff_history')
    .values({
      at: entry.at,
      staff_id: entry.staffId,
      event: entry.event,
      grant_id: entry.grantId ?? null,
      role_before: entry.roleBefore ?? null,
      role_after: entry.roleAfter ?? null,
      actor_id: entry.actor.channel === 'console' ? entry.actor.staffId : null,
      actor_channel: entry.actor.channel,
      reason: entry.reason ?? null,
    })
    .execute();
}

export interface StaffHistoryItem extends StaffHistoryRow {
  actor_login_id: string | null;
}

/** A staff member's whole history, oldest first, with who acted. */
export async function listStaffHistory(db: Db, staffId: string): Promise<StaffHistoryItem[]> {
  return db
    .selectFrom('audit.staff_history as h')
    .leftJoin('app.staff_accounts as actor', 'actor.id', 'h.actor_id')
    .selectAll('h')
    .select('actor.login_id as actor_login_id')
    .where('h.staff_id', '=', staffId)
    .orderBy('h.seq')
    .execute();
}
