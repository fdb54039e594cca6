import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

export interface CookieChoiceToRecord {
  /** The random id the banner keeps in its own (necessary) cookie. */
  visitorId: string;
  categories: { necessary: true } & Record<string, boolean>;
  /** The policy version whose cookie section the banner showed. */
  policyVersionId: string;
  at: Date;
}

/** Keeps each banner choice on the server, as proof of what the browser agreed to and when. */
export async function recordCookieChoice(db: Db, choice: CookieChoiceToRecord): Promise<void> {
  await db
    .insertInto('app.cookie_choices')
    .values({
      visitor_id: choice.visitorId,
      categories: sql`${JSON.stringify(choice.categories)}::jsonb`,
      policy_version_id: choice.policyVersionId,
      at: choice.at,
    })
    .execute();
}

export interface RecordedCookieChoice {
  categories: Record<string, boolean>;
  policyVersionId: string;
  at: Date;
}

/** The browser's latest choice, or undefined when it has not chosen yet. */
export async function latestCookieChoice(
  db: Db,
  visitorId: string,
): Promise<RecordedCookieChoice | undefined> {
  const row = await db
    .selectFrom('app.cookie_choices')
    .select(['categories', 'policy_version_id', 'at'])
    .where('visitor_id', '=', visitorId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row
    ? { categories: row.categories, policyVersionId: row.policy_version_id, at: row.at }
    : undefined;
}
