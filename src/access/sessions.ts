import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
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

/**
 * A new session's token, for the cookie (the only time it exists in clear), and
 * the columns every session table shares: the database keeps only the token's hash.
 */
export function newSession(at: Date, settings: Pick<AccessSettings, 'sessionLifetimeHours'>) {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    row: {
      id: sessionIdOf(token),
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(at.getTime() + settings.sessionLifetimeHours * 60 * MINUTE_MS),
    },
  };
}

/** Starts a staff session and returns the token for the cookie. */
export async function createSession(
  trx: Kysely<Database>,
  input: { staffId: string; ip: string | undefined; at: Date; settings: AccessSettings },
): Promise<string> {
  const { token, row } = newSession(input.at, input.settings);
  await trx
    .insertInto('app.staff_sessions')
    .values({ ...row, staff_id: input.staffId, ip: input.ip ?? null, second_factor_done: false })
    .execute();
  return token;
}

type SessionTable = 'app.staff_sessions' | 'app.member_sessions';

/**
 * Returns a live session and marks it seen, in one statement: every signed-in
 * request pays for this, so it is one round trip. The time seen is kept to the
 * minute (a session seen in the last minute is only read, not written), so a
 * page view costs no write and no commit; the idle timeout may therefore end a
 * session up to a minute early, never late. An idle or expired session is
 * deleted on sight. `alsoRequire` adds a condition the session must meet (a
 * member's account still active); a session failing only that is left alone.
 */
export async function touchLiveSession<Row>(
  deps: { db: Db; clock: Clock; settings: Pick<AccessSettings, 'idleTimeoutMinutes'> },
  table: SessionTable,
  sessionId: string,
  alsoRequire: RawBuilder<unknown> = sql`true`,
): Promise<Row | undefined> {
  const now = deps.clock.now();
  // Live: seen within the idle timeout, and before its absolute end.
  const idleCutoff = new Date(now.getTime() - deps.settings.idleTimeoutMinutes * MINUTE_MS);
  const seenBefore = new Date(now.getTime() - MINUTE_MS);
  const { rows } = await sql<Row>`
    with live as (
      select * from ${sql.table(table)}
      where id = ${sessionId} and last_seen_at >= ${idleCutoff} and expires_at > ${now}
        and ${alsoRequire}
    ), seen as (
      update ${sql.table(table)} set last_seen_at = ${now}
      where id in (select id from live) and last_seen_at < ${seenBefore}
    )
    select * from live`.execute(deps.db);
  if (rows[0]) return rows[0];
  await sql`
    delete from ${sql.table(table)}
    where id = ${sessionId} and (last_seen_at < ${idleCutoff} or expires_at <= ${now})`.execute(
    deps.db,
  );
  return undefined;
}

/** The staff session behind a cookie, if still alive, marked as seen now. */
export function useSession(
  deps: { db: Db; clock: Clock; settings: AccessSettings },
  sessionId: string,
): Promise<StaffSessionRow | undefined> {
  return touchLiveSession<StaffSessionRow>(deps, 'app.staff_sessions', sessionId);
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
