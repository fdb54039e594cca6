import { type Kysely, sql } from 'kysely';

/**
 * A guardian's access codes are counted as a member's reset codes are: how
 * many were sent since when, so that no more than a few go out in a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.guardian_access
    add column sends integer not null default 1,
    add column sends_since timestamptz`.execute(db);
  await sql`update app.guardian_access set sends_since = created_at`.execute(db);
  await sql`alter table app.guardian_access alter column sends_since set not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.guardian_access drop column sends, drop column sends_since`.execute(db);
}
