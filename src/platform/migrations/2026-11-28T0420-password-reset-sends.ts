import { type Kysely, sql } from 'kysely';

/** A member's reset codes are counted as a guardian's access codes are (see 0410). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.password_resets
    add column sends integer not null default 1,
    add column sends_since timestamptz`.execute(db);
  await sql`update app.password_resets set sends_since = created_at`.execute(db);
  await sql`alter table app.password_resets alter column sends_since set not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.password_resets drop column sends, drop column sends_since`.execute(db);
}
