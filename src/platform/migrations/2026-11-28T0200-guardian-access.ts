import { type Kysely, sql } from 'kysely';

/**
 * A confirmed guardian's access to their child's data: a fresh code sent to
 * the guardian contact on record, then a short session scoped to that one
 * child. One row per guardian request; nothing personal is stored here (the
 * code and the session token only as hashes), and the row goes with the request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.guardian_access (
      request_id uuid primary key references app.guardian_requests (id) on delete cascade,
      code_hash bytea not null,
      code_expires_at timestamptz not null,
      failed_attempts integer not null default 0,
      session_id text unique,
      session_expires_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.guardian_access`.execute(db);
}
