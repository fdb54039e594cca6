import type { Guesses } from '../access/guess-throttle.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { hashPassword, passwordNeedsRehash, verifyPassword } from '../platform/crypto/passwords.ts';
import type { Db } from '../platform/db.ts';
import { createMemberSession, type MemberSettings } from './sessions.ts';
import { loginIdIndex } from './subjects.ts';

export interface MemberSignInDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  settings: MemberSettings;
}

export type MemberSignInResult =
  | { ok: true; memberId: string; token: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'pending_guardian'; lockedNow?: boolean };

/**
 * Failed sign-ins one network may make in 15 minutes, whatever login IDs they
 * name. Each account locks after five of its own; this holds back trying a
 * few passwords on each of many accounts. A hospital's guest Wi-Fi or a
 * carrier's shared address puts many members behind one address, so the limit
 * is far above what people mistyping reach, and a right password is not counted.
 */
export const MEMBER_SIGN_IN_FAILURES = {
  limit: 30,
  windowMs: 15 * 60_000,
  kind: 'sign_in',
} as const;

// Verifying against a real hash for an unknown login ID keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

/**
 * The staff rule (안전성 확보조치 기준 제5조⑥): a locked account is refused
 * before its password is looked at, and the failure that reaches the limit
 * locks it. A child's account opens only after the guardian has confirmed.
 */
export async function signInMember(
  deps: MemberSignInDeps,
  input: { loginId: string; password: string },
  /** This client's network's failures; counted before anything is looked up, so that attempts sent at once count too. */
  failures: Guesses,
): Promise<MemberSignInResult> {
  failures.take();
  const member = await deps.db
    .selectFrom('app.members')
    .select(['id', 'password_hash', 'status'])
    .where('login_id_index', '=', loginIdIndex(deps.cipher, input.loginId))
    .executeTakeFirst();
  if (!member) {
    decoyHash ??= hashPassword('decoy password for unknown ids 1!');
    await verifyPassword(await decoyHash, input.password);
    return { ok: false, reason: 'invalid' };
  }
  if (member.status === 'locked') return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(member.password_hash, input.password))) {
    return { ok: false, reason: 'invalid', lockedNow: await countFailure(deps, member.id) };
  }
  // The password was right: whatever follows, it was no guess.
  failures.giveBack();
  if (member.status === 'pending_guardian') return { ok: false, reason: 'pending_guardian' };
  const at = deps.clock.now();
  const rehashed = passwordNeedsRehash(member.password_hash)
    ? await hashPassword(input.password)
    : undefined;
  const token = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app.members')
      .set({ failed_attempts: 0, ...(rehashed ? { password_hash: rehashed } : {}) })
      .where('id', '=', member.id)
      .execute();
    return createMemberSession(trx, { memberId: member.id, at, settings: deps.settings });
  });
  return { ok: true, memberId: member.id, token };
}

/** Checks a signed-in member's password again (withdrawal); a wrong one counts as a failure. */
export async function confirmPassword(
  deps: MemberSignInDeps,
  memberId: string,
  password: string,
): Promise<{ ok: boolean; lockedNow: boolean }> {
  const member = await deps.db
    .selectFrom('app.members')
    .select(['password_hash', 'status'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (member?.status !== 'active') return { ok: false, lockedNow: false };
  if (await verifyPassword(member.password_hash, password)) return { ok: true, lockedNow: false };
  return { ok: false, lockedNow: await countFailure(deps, memberId) };
}

async function countFailure(deps: MemberSignInDeps, memberId: string): Promise<boolean> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('app.members')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: at }))
      .where('id', '=', memberId)
      .where('status', '!=', 'locked')
      .returning(['failed_attempts', 'status'])
      .executeTakeFirst();
    if (row?.status !== 'active' || row.failed_attempts < deps.settings.lockAfterFailures) {
      return false;
    }
    await trx
      .updateTable('app.members')
      .set({ status: 'locked', locked_at: at })
      .where('id', '=', memberId)
      .execute();
    await trx.deleteFrom('app.member_sessions').where('member_id', '=', memberId).execute();
    return true;
  });
}
