import { type Kysely, sql } from 'kysely';

/**
 * Envelope encryption: one data key per data subject, wrapped by a master key
 * named by master_key_id, so that rotation can re-wrap row by row and
 * destruction (crypto-shredding) is deleting one row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.subject_keys (
      subject_id text primary key,
      wrapped_key bytea not null,
      master_key_id text not null,
      created_at timestamptz not null,
      rotated_at timestamptz
    )`.execute(db);
  await sql`create index subject_keys_master_key on app.subject_keys (master_key_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.subject_keys`.execute(db);
}
