import { type Kysely, sql } from 'kysely';

/**
 * Consents: the standing choice per subject and kind, the append-only history
 * of every choice and reminder (proof for 정보통신망법 제50조), and the cookie
 * banner's choices. Subjects appear only by their opaque id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kinds = sql`('membership_terms', 'marketing_sms', 'marketing_email', 'guardian_consent', 'cookies_optional')`;
  await sql`
    create table app.consents (
      subject_id text not null,
      kind text not null check (kind in ${kinds}),
      granted boolean not null,
      policy_version_id uuid not null references app.policy_versions (id),
      channel text not null check (channel in ('web', 'app', 'desk')),
      at timestamptz not null,
      actor text not null,
      granted_since timestamptz,
      next_reminder_at timestamptz,
      primary key (subject_id, kind),
      check (granted = (granted_since is not null)),
      check (next_reminder_at is null or granted)
    )`.execute(db);
  await sql`create index consents_reminders_due on app.consents (next_reminder_at)
    where next_reminder_at is not null`.execute(db);

  await sql`
    create table app.consent_events (
      seq bigint generated always as identity primary key,
      subject_id text not null,
      kind text not null check (kind in ${kinds}),
      event text not null check (event in ('choice', 'reminder')),
      granted boolean not null,
      policy_version_id uuid not null references app.policy_versions (id),
      channel text not null check (channel in ('web', 'app', 'desk', 'system')),
      at timestamptz not null,
      actor text not null
    )`.execute(db);
  await sql`create index consent_events_subject on app.consent_events (subject_id, seq)`.execute(
    db,
  );
  await sql`
    create function app.refuse_consent_event_change() returns trigger language plpgsql as $$
    begin
      raise exception '동의 이력은 수정하거나 지울 수 없습니다: % on app.consent_events refused (consent history is append-only)',
        tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger consent_events_append_only before update or delete on app.consent_events
    for each row execute function app.refuse_consent_event_change()`.execute(db);
  await sql`create trigger consent_events_no_truncate before truncate on app.consent_events
    for each statement execute function app.refuse_consent_event_change()`.execute(db);

  await sql`
    create table app.cookie_choices (
      id bigint generated always as identity primary key,
      visitor_id text not null,
      categories jsonb not null check ((categories ->> 'necessary')::boolean is true),
      policy_version_id uuid not null references app.policy_versions (id),
      at timestamptz not null
    )`.execute(db);
  await sql`create index cookie_choices_visitor on app.cookie_choices (visitor_id, at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.cookie_choices`.execute(db);
  await sql`drop table app.consent_events`.execute(db);
  await sql`drop function app.refuse_consent_event_change()`.execute(db);
  await sql`drop table app.consents`.execute(db);
}
