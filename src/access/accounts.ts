import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../platform/crypto/passwords.ts';
import type { Db } from '../platform/db.ts';
import { Conflict, Invalid } from '../platform/errors.ts';
import { accountNotFound, insertGrant, lockStaffAccount, requireReason } from './grants.ts';
import { type HistoryActor, recordStaffEvent } from './history.ts';
import type { Role } from './roles.ts';
import { deleteSessionsOf } from './sessions.ts';
import type { StaffAccountRow } from './tables.ts';

export interface AccountDeps {
  db: Db;
  clock: Clock;
}

export interface NewStaffAccount {
  loginId: string;
  displayName: string;
  department: string;
  /** Omitted: a one-time password is generated and must be changed at first sign-in. */
  password?: string;
  role?: Role;
  roleReason?: string;
}

export function rejectWeakPassword(password: string, holder: { loginId: string; name: string }) {
  const problems = passwordProblems(password, holder);
  if (problems.length > 0) {
    throw Invalid(
      'weak-password',
      { ko: '비밀번호가 규칙에 맞지 않습니다', en: 'The password does not meet the rules' },
      problems.map((message) => ({ field: 'password', message })),
    );
  }
}

/** A one-time password that meets the rules: letters, digits and a symbol, 20 characters. */
export function oneTimePassword(): string {
  for (;;) {
    const candidate = `${randomBytes(12).toString('base64url')}!7a`;
    if (passwordProblems(candidate, {}).length === 0) return candidate;
  }
}

/** Creates an account (and its first role), each in the history. */
export async function createStaffAccount(
  deps: AccountDeps,
  input: NewStaffAccount,
  actor: HistoryActor,
): Promise<{ account: StaffAccountRow; initialPassword?: string }> {
  const loginId = input.loginId.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(loginId)) {
    throw Invalid('invalid-login-id', {
      ko: '아이디는 영문 소문자, 숫자, . _ - 로 3~32자여야 합니다',
      en: 'A login id is 3 to 32 lowercase letters, digits, . _ or -',
    });
  }
  const generated = input.password === undefined ? oneTimePassword() : undefined;
  const password = input.password ?? (generated as string);
  rejectWeakPassword(password, { loginId, name: input.displayName });
  const passwordHash = await hashPassword(password);
  const at = deps.clock.now();
  const account = await deps.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('app.staff_accounts')
      .select('id')
      .where('login_id', '=', loginId)
      .executeTakeFirst();
    if (taken) {
      throw Conflict('login-id-taken', {
        ko: '이미 사용 중인 아이디입니다',
        en: 'That login id is taken',
      });
    }
    const row = await trx
      .insertInto('app.staff_accounts')
      .values({
        login_id: loginId,
        display_name: input.displayName.trim(),
        department: input.department.trim(),
        password_hash: passwordHash,
        password_must_change: generated !== undefined,
        status: 'active',
        failed_attempts: 0,
        locked_at: null,
        totp_secret_ct: null,
        totp_enrolled_at: null,
        totp_last_step: null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStaffEvent(trx, { staffId: row.id, event: 'account_created', actor, at });
    if (input.role) {
      await insertGrant(trx, {
        staffId: row.id,
        role: input.role,
        reason: input.roleReason ?? 'initial role at account creation',
        actor,
        at,
      });
    }
    return row;
  });
  return generated ? { account, initialPassword: generated } : { account };
}

export async function findAccount(db: Db, staffId: string): Promise<StaffAccountRow | undefined> {
  return db
    .selectFrom('app.staff_accounts')
    .selectAll()
    .where('id', '=', staffId)
    .executeTakeFirst();
}

export async function listAccounts(db: Db): Promise<StaffAccountRow[]> {
  return db.selectFrom('app.staff_accounts').selectAll().orderBy('login_id').execute();
}

/** Lifts a lock-out; only a person (never the system) does it, and says why. */
export async function unlockAccount(
  deps: AccountDeps,
  input: { staffId: string; reason: string; actor: HistoryActor },
): Promise<void> {
  requireReason(input.reason);
  await deps.db.transaction().execute(async (trx) => {
    const account = await lockStaffAccount(trx, input.staffId);
    if (account.status !== 'locked') {
      throw Conflict('not-locked', { ko: '잠긴 계정이 아닙니다', en: 'The account is not locked' });
    }
    const at = deps.clock.now();
    await trx
      .updateTable('app.staff_accounts')
      .set({ status: 'active', failed_attempts: 0, locked_at: null, updated_at: at })
      .where('id', '=', input.staffId)
      .execute();
    await recordStaffEvent(trx, {
      staffId: input.staffId,
      event: 'unlocked',
      actor: input.actor,
      at,
      reason: input.reason,
    });
  });
}

/** The holder changes their own password; other sessions of the account end. */
export async function changeOwnPassword(
  deps: AccountDeps,
  input: { staffId: string; sessionId: string; current: string; next: string },
): Promise<void> {
  const account = await findAccount(deps.db, input.staffId);
  if (!account) throw accountNotFound();
  if (!(await verifyPassword(account.password_hash, input.current))) {
    throw Invalid('wrong-password', {
      ko: '현재 비밀번호가 맞지 않습니다',
      en: 'The current password is wrong',
    });
  }
  if (input.next === input.current) {
    throw Invalid('password-unchanged', {
      ko: '새 비밀번호는 현재 비밀번호와 달라야 합니다',
      en: 'The new password must differ from the current one',
    });
  }
  rejectWeakPassword(input.next, { loginId: account.login_id, name: account.display_name });
  const passwordHash = await hashPassword(input.next);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app.staff_accounts')
      .set({ password_hash: passwordHash, password_must_change: false, updated_at: at })
      .where('id', '=', input.staffId)
      .execute();
    await deleteSessionsOf(trx, input.staffId, input.sessionId);
    await recordStaffEvent(trx, {
      staffId: input.staffId,
      event: 'password_changed',
      actor: { channel: 'console', staffId: input.staffId },
      at,
    });
  });
}
