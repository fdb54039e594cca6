import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/errors.ts';
import { type HistoryActor, recordStaffEvent } from './history.ts';
import type { Role } from './roles.ts';
import type { StaffGrantRow } from './tables.ts';

export interface GrantDeps {
  db: Db;
  clock: Clock;
}

const reasonRequired = Invalid('reason-required', {
  ko: '사유를 입력해야 합니다',
  en: 'A reason is required',
});

/** 제5조: nobody widens or keeps their own access; another person decides. */
function refuseOwnGrant(actor: HistoryActor, staffId: string): void {
  if (actor.channel === 'console' && actor.staffId === staffId) {
    throw Forbidden('own-grant', {
      ko: '자신의 권한은 직접 부여·변경·회수할 수 없습니다',
      en: 'You cannot grant, change or revoke your own access',
    });
  }
}

function actorId(actor: HistoryActor): string | null {
  return actor.channel === 'console' ? actor.staffId : null;
}

/** The grants in force for a staff member now; read on every request, never cached. */
export async function activeGrants(
  db: Kysely<Database>,
  staffId: string,
): Promise<StaffGrantRow[]> {
  return db
    .selectFrom('app.staff_grants')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

export async function listGrants(db: Db, staffId: string): Promise<StaffGrantRow[]> {
  return db
    .selectFrom('app.staff_grants')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('granted_at')
    .execute();
}

/** Grants a role inside the caller's transaction, with its history row. */
export async function insertGrant(
  trx: Kysely<Database>,
  input: { staffId: string; role: Role; reason: string; actor: HistoryActor; at: Date },
): Promise<StaffGrantRow> {
  const grant = await trx
    .insertInto('app.staff_grants')
    .values({
      staff_id: input.staffId,
      role: input.role,
      granted_by: actorId(input.actor),
      granted_at: input.at,
      reason: input.reason,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordStaffEvent(trx, {
    staffId: input.staffId,
    event: 'granted',
    actor: input.actor,
    at: input.at,
    reason: input.reason,
    grantId: grant.id,
    roleAfter: input.role,
  });
  return grant;
}

export async function grantRole(
  deps: GrantDeps,
  input: { staffId: string; role: Role; reason: string; actor: HistoryActor },
): Promise<StaffGrantRow> {
  requireReason(input.reason);
  refuseOwnGrant(input.actor, input.staffId);
  return deps.db.transaction().execute(async (trx) => {
    await lockStaffAccount(trx, input.staffId);
    const existing = (await activeGrants(trx, input.staffId)).find((g) => g.role === input.role);
    if (existing) {
      throw Conflict('role-already-granted', {
        ko: '이미 부여된 역할입니다',
        en: 'That role is already granted',
      });
    }
    return insertGrant(trx, { ...input, at: deps.clock.now() });
  });
}

/** Replaces one grant's role by another, as one change in the history. */
export async function changeGrant(
  deps: GrantDeps,
  input: { grantId: string; role: Role; reason: string; actor: HistoryActor },
): Promise<StaffGrantRow> {
  requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const old = await lockActiveGrant(trx, input.grantId);
    refuseOwnGrant(input.actor, old.staff_id);
    const at = deps.clock.now();
    await closeGrant(trx, old.id, input.actor, at, input.reason);
    const next = await trx
      .insertInto('app.staff_grants')
      .values({
        staff_id: old.staff_id,
        role: input.role,
        granted_by: actorId(input.actor),
        granted_at: at,
        reason: input.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStaffEvent(trx, {
      staffId: old.staff_id,
      event: 'grant_changed',
      actor: input.actor,
      at,
      reason: input.reason,
      grantId: next.id,
      roleBefore: old.role,
      roleAfter: input.role,
    });
    return next;
  });
}

/** Ends a grant; the very next request of its holder no longer has it. Returns the holder. */
export async function revokeGrant(
  deps: GrantDeps,
  input: { grantId: string; reason: string; actor: HistoryActor },
): Promise<string> {
  requireReason(input.reason);
  return deps.db.transaction().execute(async (trx) => {
    const grant = await lockActiveGrant(trx, input.grantId);
    refuseOwnGrant(input.actor, grant.staff_id);
    const at = deps.clock.now();
    await closeGrant(trx, grant.id, input.actor, at, input.reason);
    await recordStaffEvent(trx, {
      staffId: grant.staff_id,
      event: 'revoked',
      actor: input.actor,
      at,
      reason: input.reason,
      grantId: grant.id,
      roleBefore: grant.role,
    });
    return grant.staff_id;
  });
}

async function lockActiveGrant(trx: Kysely<Database>, grantId: string): Promise<StaffGrantRow> {
  const grant = await trx
    .selectFrom('app.staff_grants')
    .selectAll()
    .where('id', '=', grantId)
    .where('revoked_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!grant) {
    throw NotFound('grant-not-found', {
      ko: '유효한 권한 부여를 찾을 수 없습니다',
      en: 'No grant in force with that id',
    });
  }
  return grant;
}

async function closeGrant(
  trx: Kysely<Database>,
  grantId: string,
  actor: HistoryActor,
  at: Date,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('app.staff_grants')
    .set({ revoked_at: at, revoked_by: actorId(actor), revoke_reason: reason })
    .where('id', '=', grantId)
    .execute();
}

export const accountNotFound = () =>
  NotFound('staff-not-found', { ko: '직원 계정을 찾을 수 없습니다', en: 'No such staff account' });

/** A change to someone's access says why, for the account's history. */
export function requireReason(reason: string): void {
  if (!reason.trim()) throw reasonRequired;
}

/** The account's row, locked for the rest of the transaction; not found: 404. */
export async function lockStaffAccount(trx: Kysely<Database>, staffId: string) {
  const account = await trx
    .selectFrom('app.staff_accounts')
    .select(['id', 'status'])
    .where('id', '=', staffId)
    .forUpdate()
    .executeTakeFirst();
  if (!account) throw accountNotFound();
  return account;
}
