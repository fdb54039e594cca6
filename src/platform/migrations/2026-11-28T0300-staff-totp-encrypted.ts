import { type Kysely, sql } from 'kysely';

/**
 * The staff TOTP secret moves under field encryption (a data key per staff
 * member, bound to its table, column and row): a database reader can no longer
 * make codes. A migration holds no key, so a secret kept in clear is not
 * carried over: whoever had enrolled enrols again, with a new secret, at their
 * next sign-in from inside the hospital.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.staff_accounts add column totp_secret_ct bytea`.execute(db);
  // Dropping the column drops the check that named it.
  await sql`alter table app.staff_accounts drop column totp_secret`.execute(db);
  await sql`update app.staff_accounts set totp_enrolled_at = null, totp_last_step = null`.execute(
    db,
  );
  await sql`alter table app.staff_accounts
    add constraint staff_accounts_totp_enrolled_has_secret
    check (totp_enrolled_at is null or totp_secret_ct is not null)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app.staff_accounts drop column totp_secret_ct`.execute(db);
  await sql`alter table app.staff_accounts add column totp_secret text`.execute(db);
  await sql`update app.staff_accounts set totp_enrolled_at = null, totp_last_step = null`.execute(
    db,
  );
}
