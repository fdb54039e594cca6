import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { hashPassword, passwordNeedsRehash, verifyPassword } from '../platform/crypto/passwords.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import { recordStaffEvent } from './history.ts';
import { createSession, deleteSessionsOf, markSecondFactorDone } from './sessions.ts';
import type { AccessSettings } from './settings.ts';
import { acceptedTotpStep } from './totp.ts';
import { openTotpSecret } from './totp-enrolment.ts';

export interface SignInDeps {
  db: Db;
  clock: Clock;
  settings: AccessSettings;
  cipher: FieldCipher;
}

export type SignInResult =
  | { ok: true; staffId: string; token: string; needsSecondFactor: boolean }
  | {
      ok: false;
      reason: 'invalid' | 'locked' | 'disabled' | 'second-factor-not-enrolled';
      /** This failure was the one that locked the account. */
      lockedNow?: boolean;
    };

// Verifying against a real hash for an unknown login id keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a password. A locked account is refused before its password is even
 * looked at, so the right password after five wrong ones still does not open
 * it (안전성 확보조치 기준 제5조⑥); only a privacy staff member unlocks it.
 */
export async function signIn(
  deps: SignInDeps,
  input: { loginId: string; password: string; address: string | undefined; inside: boolean },
): Promise<SignInResult> {
  const account = await deps.db
    .selectFrom('app.staff_accounts')
    .selectAll()
    .where('login_id', '=', input.loginId.trim().toLowerCase())
    .executeTakeFirst();
  if (!account) {
    decoyHash ??= hashPassword('decoy password for unknown ids 1!');
    await verifyPassword(await decoyHash, input.password);
    return { ok: false, reason: 'invalid' };
  }
  if (account.status === 'locked') return { ok: false, reason: 'locked' };
  if (account.status === 'disabled') return { ok: false, reason: 'disabled' };
  if (!(await verifyPassword(account.password_hash, input.password))) {
    const lockedNow = await countFailure(deps, account.id);
    return { ok: false, reason: 'invalid', lockedNow };
  }
  const needsSecondFactor = !input.inside;
  if (needsSecondFactor && !account.totp_enrolled_at) {
    return { ok: false, reason: 'second-factor-not-enrolled' };
  }
  const at = deps.clock.now();
  const rehashed = passwordNeedsRehash(account.password_hash)
    ? await hashPassword(input.password)
    : undefined;
  const token = await deps.db.transaction().execute(async (trx) => {
    if (rehashed) {
      await trx
        .updateTable('app.staff_accounts')
        .set({ password_hash: rehashed })
        .where('id', '=', account.id)
        .execute();
    }
    // A wrong code after a right password still counts, so the count resets only inside.
    if (!needsSecondFactor) await resetFailures(trx, account.id, at);
    return createSession(trx, {
      staffId: account.id,
      ip: input.address,
      at,
      settings: deps.settings,
    });
  });
  return { ok: true, staffId: account.id, token, needsSecondFactor };
}

export type SecondFactorResult = { ok: true } | { ok: false; lockedNow: boolean };

/** Checks the one-time code of a session opened from outside. */
export async function verifySecondFactor(
  deps: SignInDeps,
  input: { staffId: string; sessionId: string; code: string },
): Promise<SecondFactorResult> {
  const at = deps.clock.now();
  const accepted = await deps.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('app.staff_accounts')
      .select(['status', 'totp_secret_ct', 'totp_enrolled_at', 'totp_last_step'])
      .where('id', '=', input.staffId)
      .forUpdate()
      .executeTakeFirst();
    if (!account?.totp_secret_ct || !account.totp_enrolled_at || account.status !== 'active') {
      return false;
    }
    const step = acceptedTotpStep(
      await openTotpSecret(deps.cipher, input.staffId, account.totp_secret_ct, trx),
      input.code.trim(),
      at,
      account.totp_last_step,
    );
    if (step === undefined) return false;
    await trx
      .updateTable('app.staff_accounts')
      .set({ totp_last_step: step })
      .where('id', '=', input.staffId)
      .execute();
    await resetFailures(trx, input.staffId, at);
    await markSecondFactorDone(trx, input.sessionId);
    return true;
  });
  if (accepted) return { ok: true };
  return { ok: false, lockedNow: await countFailure(deps, input.staffId) };
}

async function resetFailures(trx: Kysely<Database>, staffId: string, at: Date) {
  await trx
    .updateTable('app.staff_accounts')
    .set({ failed_attempts: 0, updated_at: at })
    .where('id', '=', staffId)
    .where('failed_attempts', '>', 0)
    .execute();
}

/** One more consecutive failure; the one that reaches the limit locks the account. */
async function countFailure(deps: SignInDeps, staffId: string): Promise<boolean> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('app.staff_accounts')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: at }))
      .where('id', '=', staffId)
      .where('status', '=', 'active')
      .returning('failed_attempts')
      .executeTakeFirst();
    if (!row || row.failed_attempts < deps.settings.lockAfterFailures) return false;
    await trx
      .updateTable('app.staff_accounts')
      .set({ status: 'locked', locked_at: at })
      .where('id', '=', staffId)
      .execute();
    await deleteSessionsOf(trx, staffId);
    await recordStaffEvent(trx, {
      staffId,
      event: 'locked',
      actor: { channel: 'system' },
      at,
      reason: `${row.failed_attempts} consecutive failed sign-ins (안전성 확보조치 기준 제5조⑥)`,
    });
    return true;
  });
}
