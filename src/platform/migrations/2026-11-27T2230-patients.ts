import { type Kysely, sql } from 'kysely';

/**
 * Patients as the front desk registers them (의료법 시행규칙 제14조: the register
 * holds the RRN), with every personal value encrypted, and their health records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence app.patient_number_seq`.execute(db);
  await sql`
    create table app.patients (
      id uuid primary key,
      patient_number text not null unique,
      name_ct bytea not null,
      rrn_ct bytea,
      rrn_index bytea unique,
      foreigner_number_ct bytea,
      foreigner_number_index bytea unique,
      address_ct bytea,
      department text,
      phone_ct bytea,
      phone_index bytea,
      registered_at timestamptz not null,
      last_entry_at timestamptz not null,
      check (rrn_ct is not null or foreigner_number_ct is not null)
    )`.execute(db);
  await sql`create index patients_phone_index on app.patients (phone_index)`.execute(db);
  await sql`
    create table app.health_records (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references app.patients (id) on delete cascade,
      record_class text not null,
      body_ct bytea not null,
      written_by text not null,
      written_at timestamptz not null
    )`.execute(db);
  await sql`create index health_records_patient on app.health_records (patient_id, written_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.health_records`.execute(db);
  await sql`drop table app.patients`.execute(db);
  await sql`drop sequence app.patient_number_seq`.execute(db);
}
