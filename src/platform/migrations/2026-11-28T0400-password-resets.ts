import { type Kysely, sql } from 'kysely';

/**
 * A member's own password reset: a code sent to the phone or e-mail on record,
 * good for a few minutes and a few tries. One row per member; only the code's
 * keyed hash is kept, and the row goes with the membership.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.password_resets (
      member_id uuid primary key references app.members (id) on delete cascade,
      code_hash bytea not null,
      code_expires_at timestamptz not null,
      failed_attempts integer not null default 0,
      created_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.password_resets`.execute(db);
}
