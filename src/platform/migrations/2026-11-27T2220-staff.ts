import { type Kysely, sql } from 'kysely';

const roleList = sql.raw(
  `'front_desk', 'clinician', 'privacy_staff', 'privacy_officer', 'control_room', 'administrator'`,
);

/**
 * Staff accounts, their database-held sessions, role grants, and the history of
 * every grant, change, revocation, lock and unlock (안전성 확보조치 기준 제5조③:
 * kept 3 years). The history lives in the append-only audit area.
 *
 * totp_secret is stored as text for now; it is an authentication secret and is
 * meant to move under the platform's field encryption once that exists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.staff_accounts (
      id uuid primary key default gen_random_uuid(),
      login_id text not null unique check (login_id = lower(login_id)),
      display_name text not null,
      department text not null,
      password_hash text not null,
      password_must_change boolean not null default false,
      status text not null default 'active' check (status in ('active', 'locked', 'disabled')),
      failed_attempts integer not null default 0 check (failed_attempts >= 0),
      locked_at timestamptz,
      totp_secret text,
      totp_enrolled_at timestamptz,
      totp_last_step integer,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((status = 'locked') = (locked_at is not null)),
      check (totp_enrolled_at is null or totp_secret is not null)
    )`.execute(db);

  await sql`
    create table app.staff_sessions (
      id text primary key,
      staff_id uuid not null references app.staff_accounts (id),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text,
      second_factor_done boolean not null default false
    )`.execute(db);
  await sql`create index staff_sessions_staff on app.staff_sessions (staff_id)`.execute(db);

  await sql`
    create table app.staff_grants (
      id uuid primary key default gen_random_uuid(),
      staff_id uuid not null references app.staff_accounts (id),
      role text not null check (role in (${roleList})),
      granted_by uuid references app.staff_accounts (id),
      granted_at timestamptz not null,
      reason text not null check (reason <> ''),
      revoked_at timestamptz,
      revoked_by uuid references app.staff_accounts (id),
      revoke_reason text,
      check ((revoked_at is null) = (revoke_reason is null))
    )`.execute(db);
  await sql`create unique index staff_grants_one_active_role on app.staff_grants (staff_id, role)
    where revoked_at is null`.execute(db);

  await sql`
    create table audit.staff_history (
      seq integer generated always as identity primary key,
      at timestamptz not null,
      staff_id uuid not null,
      event text not null check (event in ('account_created', 'granted', 'grant_changed',
        'revoked', 'locked', 'unlocked', 'password_changed', 'totp_enrolled')),
      grant_id uuid,
      role_before text check (role_before in (${roleList})),
      role_after text check (role_after in (${roleList})),
      actor_id uuid,
      actor_channel text not null check (actor_channel in ('console', 'cli', 'demo', 'system')),
      reason text,
      check (event not in ('granted', 'grant_changed', 'revoked', 'unlocked') or (reason is not null and reason <> ''))
    )`.execute(db);
  await sql`create index staff_history_staff on audit.staff_history (staff_id, seq)`.execute(db);

  await sql`
    create function audit.refuse_staff_history_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'audit.staff_history is append-only';
    end
    $$`.execute(db);
  await sql`
    create trigger staff_history_append_only
      before update or delete on audit.staff_history
      for each row execute function audit.refuse_staff_history_change()`.execute(db);
  await sql`
    create trigger staff_history_no_truncate
      before truncate on audit.staff_history
      for each statement execute function audit.refuse_staff_history_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit.staff_history`.execute(db);
  await sql`drop function audit.refuse_staff_history_change()`.execute(db);
  await sql`drop table app.staff_grants`.execute(db);
  await sql`drop table app.staff_sessions`.execute(db);
  await sql`drop table app.staff_accounts`.execute(db);
}
