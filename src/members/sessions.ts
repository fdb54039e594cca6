import { type Kysely, sql } from 'kysely';
import { newSession, sessionIdOf, touchLiveSession } from '../access/sessions.ts';
import type { AccessSettings } from '../access/settings.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import type { MemberSessionRow } from './tables.ts';

/** The staff rules for sessions and lock-out, applied to members too. */
export type MemberSettings = Pick<
  AccessSettings,
  'idleTimeoutMinutes' | 'sessionLifetimeHours' | 'lockAfterFailures' | 'trustProxy'
>;

/** Starts a session; the returned token goes into the cookie, the database keeps only its hash. */
export async function createMemberSession(
  db: Kysely<Database>,
  input: { memberId: string; at: Date; settings: MemberSettings },
): Promise<string> {
  const { token, row } = newSession(input.at, input.settings);
  await db
    .insertInto('app.member_sessions')
    .values({ ...row, member_id: input.memberId })
    .execute();
  return token;
}

/**
 * The live session behind a token, touched now, if its member is still active;
 * an idle or expired one is deleted on sight.
 */
export function useMemberSession(
  deps: { db: Db; clock: Clock; settings: MemberSettings },
  token: string,
): Promise<MemberSessionRow | undefined> {
  return touchLiveSession<MemberSessionRow>(
    deps,
    'app.member_sessions',
    sessionIdOf(token),
    sql`exists (select 1 from app.members m where m.id = member_id and m.status = 'active')`,
  );
}

export async function endMemberSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('app.member_sessions').where('id', '=', sessionIdOf(token)).execute();
}
