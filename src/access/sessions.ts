import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import type { AccessSettings } from './settings.ts';
import type { StaffSessionRow } from './tables.ts';

const MINUTE_MS = 60_000;

/** The database keeps only the token's hash: reading the table does not let anyone sign in. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session and returns the token for the cookie; the only time it exists in clear. */
export async function createSession(
  trx: Kysely<Database>,
  input: { staffId: string; ip: string | undefined; at: Date; settings: AccessSettings },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('app.staff_sessions')
    .values({
      id: sessionIdOf(token),
      staff_id: input.staffId,
      created_at: input.at,
      last_seen_at: input.at,
      expires_at: new Date(
        input.at.getTime() + input.settings.sessionLifetimeHours * 60 * MINUTE_MS,
      ),
      ip: input.ip ?? null,
      second_factor_done: false,
    })
    .execute();
  return token;
}

/** Idle too long (last_seen + idle < now) or past its absolute lifetime. */
export function sessionExpired(
  session: Pick<StaffSessionRow, 'last_seen_at' | 'expires_at'>,
  now: Date,
  settings: Pick<AccessSettings, 'idleTimeoutMinutes'>,
) {
  const idleUntil = session.last_seen_at.getTime() + settings.idleTimeoutMinutes * MINUTE_MS;
  return idleUntil < now.getTime() || session.expires_at.getTime() <= now.getTime();
}

/**
 * The session behind a cookie, if still alive; an expired one is deleted on
 * sight, and a live one is marked as seen now.
 */
export async function useSession(
  deps: { db: Db; clock: Clock; settings: AccessSettings },
  sessionId: string,
): Promise<StaffSessionRow | undefined> {
  const session = await deps.db
    .selectFrom('app.staff_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) return undefined;
  const now = deps.clock.now();
  if (sessionExpired(session, now, deps.settings)) {
    await deleteSession(deps.db, sessionId);
    return undefined;
  }
  await deps.db
    .updateTable('app.staff_sessions')
    .set({ last_seen_at: now })
    .where('id', '=', sessionId)
    .execute();
  return { ...session, last_seen_at: now };
}

export async function markSecondFactorDone(trx: Kysely<Database>, sessionId: string) {
  await trx
    .updateTable('app.staff_sessions')
    .set({ second_factor_done: true })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('app.staff_sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of an account: on lock, on password change. */
export async function deleteSessionsOf(
  db: Kysely<Database>,
  staffId: string,
  except?: string,
): Promise<void> {
  let query = db.deleteFrom('app.staff_sessions').where('staff_id', '=', staffId);
  if (except) query = query.where('id', '<>', except);
  await query.execute();
}
