import { type Kysely, sql } from 'kysely';

/**
 * The outbox: a message is written in the same transaction as the change it
 * reports, so it exists only if that change committed, and a delivery worker
 * sends it afterwards. Addresses and texts are ciphertext under the
 * recipient's data key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app.outbox (
      id uuid primary key,
      channel text not null check (channel in ('email', 'sms')),
      recipient_subject_id text not null,
      address_item text not null,
      member_email_ct bytea,
      member_phone_ct bytea,
      guardian_contact_ct bytea,
      template text not null,
      content_ct bytea not null,
      purpose text not null,
      created_at timestamptz not null,
      send_after timestamptz not null,
      claimed_until timestamptz,
      attempts integer not null default 0,
      last_error_code text,
      sent_at timestamptz,
      sent_via text,
      cancelled_at timestamptz,
      cancel_reason text,
      check (num_nonnulls(member_email_ct, member_phone_ct, guardian_contact_ct) = 1),
      check (sent_at is null or cancelled_at is null)
    )`.execute(db);
  await sql`create index outbox_due on app.outbox (send_after)
    where sent_at is null and cancelled_at is null`.execute(db);
  await sql`create index outbox_recipient on app.outbox (recipient_subject_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table app.outbox`.execute(db);
}
