import { type Kysely, sql } from 'kysely';

/**
 * Website members (회원관리, 아동의 개인정보보호, 동의철회 및 탈퇴). Every personal
 * value is ciphertext under the member's own data key, so withdrawal is one key
 * deletion plus row deletion. The login ID exists only as a keyed hash: in
 * app.members while the member is active, then in separated storage for good,
 * so that it can never be taken again (the policy's retention of the login ID).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.members (
      id uuid primary key,
      login_id_index bytea not null unique,
      login_id_ct bytea not null,
      name_ct bytea not null,
      birth_date_ct bytea not null,
      sex_ct bytea not null,
      referral_source_ct bytea,
      district_ct bytea not null,
      phone_ct bytea not null,
      phone_index bytea not null,
      email_ct bytea not null,
      email_index bytea not null,
      password_hash text not null,
      is_child boolean not null,
      status text not null check (status in ('pending_guardian', 'active', 'locked')),
      failed_attempts integer not null default 0 check (failed_attempts >= 0),
      locked_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((status = 'locked') = (locked_at is not null))
    )`.execute(db);
  await sql`create index members_phone_index on app.members (phone_index)`.execute(db);
  await sql`create index members_email_index on app.members (email_index)`.execute(db);

  await sql`
    create table app.member_sessions (
      id text primary key,
      member_id uuid not null references app.members (id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index member_sessions_member on app.member_sessions (member_id)`.execute(db);

  await sql`
    create table app.guardian_requests (
      id uuid primary key,
      member_id uuid not null unique references app.members (id) on delete cascade,
      guardian_name_ct bytea not null,
      guardian_contact_ct bytea not null,
      contact_channel text not null check (contact_channel in ('email', 'sms')),
      code_hash bytea not null unique,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      confirmed_at timestamptz
    )`.execute(db);
  await sql`create index guardian_requests_expiry on app.guardian_requests (expires_at)
    where confirmed_at is null`.execute(db);

  await sql`
    create table separated.withdrawn_login_ids (
      login_id_index bytea primary key
    )`.execute(db);

  // 파기 관리대장: what rule destroyed which categories, how many, when; never a value.
  await sql`
    create table audit.destruction_ledger (
      id uuid primary key default gen_random_uuid(),
      at timestamptz not null,
      rule_id text not null,
      trigger text not null,
      categories text[] not null,
      counts jsonb not null,
      method text not null,
      policy_version_id uuid references app.policy_versions (id)
    )`.execute(db);
  await sql`create trigger destruction_ledger_append_only before update or delete
    on audit.destruction_ledger for each row execute function audit.refuse_change()`.execute(db);
  await sql`create trigger destruction_ledger_no_truncate before truncate
    on audit.destruction_ledger for each statement execute function audit.refuse_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit.destruction_ledger`.execute(db);
  await sql`drop table separated.withdrawn_login_ids`.execute(db);
  await sql`drop table app.guardian_requests`.execute(db);
  await sql`drop table app.member_sessions`.execute(db);
  await sql`drop table app.members`.execute(db);
}
