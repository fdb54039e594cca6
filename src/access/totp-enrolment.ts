import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import { Invalid } from '../platform/errors.ts';
import { accountNotFound } from './grants.ts';
import { recordStaffEvent } from './history.ts';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp.ts';

// A staff member's TOTP secret is sealed under their own data key, bound to its
// table, column and row: a database reader cannot make their codes.
const totpPlace = (staffId: string) => ({
  subjectId: `staff:${staffId}`,
  ref: { table: 'app.staff_accounts', column: 'totp_secret_ct', rowId: staffId },
});

export function sealTotpSecret(
  cipher: FieldCipher,
  staffId: string,
  secret: string,
  executor: Kysely<Database>,
): Promise<Buffer> {
  const { subjectId, ref } = totpPlace(staffId);
  return cipher.encrypt(subjectId, ref, secret, executor);
}

export function openTotpSecret(
  cipher: FieldCipher,
  staffId: string,
  sealed: Buffer,
  executor: Kysely<Database>,
): Promise<string> {
  const { subjectId, ref } = totpPlace(staffId);
  return cipher.decrypt(subjectId, ref, sealed, executor);
}

/**
 * Starts enrolment: a new secret replaces any earlier one and opens nothing
 * until the holder confirms it with a code from their authenticator.
 */
export async function startTotpEnrolment(
  deps: { db: Db; cipher: FieldCipher },
  staffId: string,
): Promise<{ uri: string; secret: string }> {
  const account = await deps.db
    .selectFrom('app.staff_accounts')
    .select(['login_id', 'totp_enrolled_at'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!account) throw accountNotFound();
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app.staff_accounts')
      .set({
        totp_secret_ct: await sealTotpSecret(deps.cipher, staffId, secret, trx),
        totp_enrolled_at: null,
        totp_last_step: null,
      })
      .where('id', '=', staffId)
      .execute();
  });
  return { uri: totpUri(secret, account.login_id), secret };
}

/** Confirms the pending secret with a code from the authenticator. */
export async function confirmTotpEnrolment(
  deps: { db: Db; clock: Clock; cipher: FieldCipher },
  input: { staffId: string; code: string },
): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('app.staff_accounts')
      .select(['totp_secret_ct', 'totp_enrolled_at'])
      .where('id', '=', input.staffId)
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw accountNotFound();
    const step = account.totp_secret_ct
      ? acceptedTotpStep(
          await openTotpSecret(deps.cipher, input.staffId, account.totp_secret_ct, trx),
          input.code.trim(),
          at,
          null,
        )
      : undefined;
    if (account.totp_enrolled_at || step === undefined) {
      throw Invalid('wrong-code', {
        ko: '인증 코드가 맞지 않습니다. 새로 등록을 시작하세요',
        en: 'The code does not match; start the enrolment again',
      });
    }
    await trx
      .updateTable('app.staff_accounts')
      .set({ totp_enrolled_at: at, totp_last_step: step, updated_at: at })
      .where('id', '=', input.staffId)
      .execute();
    await recordStaffEvent(trx, {
      staffId: input.staffId,
      event: 'totp_enrolled',
      actor: { channel: 'console', staffId: input.staffId },
      at,
    });
  });
}
