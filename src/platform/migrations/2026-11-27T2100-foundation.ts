import { type Kysely, sql } from 'kysely';

/**
 * The three storage areas of DESIGN.md: active data, separated storage for data
 * a law makes us keep after its purpose ends, and the append-only audit area.
 * Then the policy versions and the notice board that announces them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists app`.execute(db);
  await sql`create schema if not exists separated`.execute(db);
  await sql`create schema if not exists audit`.execute(db);

  await sql`
    create table app.policy_versions (
      id uuid primary key default gen_random_uuid(),
      label text not null unique,
      declaration jsonb not null,
      status text not null check (status in ('draft', 'announced')),
      announced_at timestamptz,
      effective_at timestamptz,
      created_at timestamptz not null,
      created_by text not null,
      check ((status = 'draft') = (announced_at is null and effective_at is null)),
      check (effective_at is null or effective_at >= announced_at)
    )`.execute(db);
  await sql`create index policy_versions_effective on app.policy_versions (effective_at)
    where status = 'announced'`.execute(db);

  await sql`
    create table app.notices (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('general', 'policy_change')),
      title_ko text not null,
      title_en text not null,
      body_ko text not null,
      body_en text not null,
      published_at timestamptz not null,
      policy_version_id uuid references app.policy_versions (id),
      created_by text not null
    )`.execute(db);
  await sql`create index notices_published on app.notices (published_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.notices`.execute(db);
  await sql`drop table app.policy_versions`.execute(db);
  await sql`drop schema audit`.execute(db);
  await sql`drop schema separated`.execute(db);
  await sql`drop schema app`.execute(db);
}
