import { type Kysely, sql } from 'kysely';

/**
 * The access log of 안전성 확보조치 기준 제8조: one line per access to personal
 * data, hash-chained per segment, with the segment heads and signed checkpoints
 * that let `jikim audit verify` notice a removed tail. The database itself
 * refuses to change or remove a line, and keeps every chain gapless: a line
 * goes in only as the successor of its segment's head, and moves the head.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit.access_log (
      id bigint generated always as identity primary key,
      segment int not null check (segment >= 0),
      seq bigint not null check (seq >= 1),
      prev_hash bytea not null,
      hash bytea not null,
      at timestamptz not null,
      actor_kind text not null
        check (actor_kind in ('staff', 'member', 'processor', 'guardian', 'system')),
      actor_id text not null,
      ip text,
      subject_ids text[] not null,
      items text[] not null,
      action text not null check (action in
        ('read', 'search', 'create', 'update', 'delete', 'export', 'print', 'download', 'destroy')),
      purpose text not null,
      outcome text not null check (outcome in ('allowed', 'refused')),
      refusal_reason text,
      search_fields text[],
      result_count int check (result_count >= 0),
      stated_reason text,
      grant_id text,
      policy_version_id text,
      request_id text,
      unique (segment, seq),
      check ((outcome = 'refused') = (refusal_reason is not null))
    )`.execute(db);
  await sql`create index access_log_actor on audit.access_log (actor_id, at desc, id desc)`.execute(
    db,
  );
  await sql`create index access_log_subjects on audit.access_log using gin (subject_ids)`.execute(
    db,
  );
  await sql`create index access_log_at on audit.access_log (at desc, id desc)`.execute(db);

  await sql`
    create table audit.access_log_heads (
      segment int primary key check (segment >= 0),
      seq bigint not null check (seq >= 0),
      hash bytea not null
    )`.execute(db);

  await sql`
    create table audit.access_log_checkpoints (
      id bigint generated always as identity primary key,
      segment int not null,
      seq bigint not null check (seq >= 1),
      hash bytea not null,
      at timestamptz not null,
      signature bytea not null
    )`.execute(db);
  await sql`create index access_log_checkpoints_segment
    on audit.access_log_checkpoints (segment, seq)`.execute(db);

  await sql`
    create function audit.refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '감사 기록은 수정하거나 지울 수 없습니다: % on %.% refused (the audit area is append-only)',
        tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);

  // Only the insert trigger below may move a head, and only one step forward.
  await sql`
    create function audit.guard_access_log_head() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and pg_trigger_depth() > 1
        and new.segment = old.segment and new.seq = old.seq + 1 then
        return new;
      end if;
      raise exception '접속기록 체인의 머리는 기록 추가로만 움직입니다: % on audit.access_log_heads refused (a head moves only when a line is appended)',
        tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);

  await sql`
    create function audit.advance_access_log_head() returns trigger language plpgsql as $$
    begin
      update audit.access_log_heads set seq = new.seq, hash = new.hash
        where segment = new.segment and seq = new.seq - 1 and hash = new.prev_hash;
      if not found then
        raise exception '접속기록이 체인의 다음 자리가 아닙니다: segment % seq % does not follow its segment head',
          new.segment, new.seq
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
    $$`.execute(db);

  await sql`create trigger access_log_follows_head before insert on audit.access_log
    for each row execute function audit.advance_access_log_head()`.execute(db);
  await sql`create trigger access_log_heads_forward before update or delete on audit.access_log_heads
    for each row execute function audit.guard_access_log_head()`.execute(db);
  for (const table of ['access_log', 'access_log_checkpoints']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete
      on ${sql.table(`audit.${table}`)}
      for each row execute function audit.refuse_change()`.execute(db);
  }
  for (const table of ['access_log', 'access_log_heads', 'access_log_checkpoints']) {
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate
      on ${sql.table(`audit.${table}`)}
      for each statement execute function audit.refuse_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit.access_log_checkpoints`.execute(db);
  await sql`drop table audit.access_log_heads`.execute(db);
  await sql`drop table audit.access_log`.execute(db);
  await sql`drop function audit.advance_access_log_head()`.execute(db);
  await sql`drop function audit.guard_access_log_head()`.execute(db);
  await sql`drop function audit.refuse_change()`.execute(db);
}
