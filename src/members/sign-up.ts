import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { seoulDate } from '../platform/clock.ts';
import { hashPassword, verifyPassword } from '../platform/crypto/passwords.ts';
import type { Database } from '../platform/database.ts';
import { Invalid } from '../platform/errors.ts';
import type { L10n } from '../platform/i18n.ts';
import { type MemberDeps, memberContext, policyInForce } from './deps.ts';
import { destroyMembership } from './destruction.ts';
import { startGuardianRequest } from './guardian.ts';
import type { ChildSignUpInput, SignUpInput } from './schema.ts';
import { ageOn, loginIdIndex, memberSubject } from './subjects.ts';

/** A second submit of the same form this soon after the first is the same sign-up, not a new one. */
const DUPLICATE_SUBMIT_WINDOW_MS = 10 * 60_000;

/** The purposes a member agrees to by signing up; marketing is asked separately, per channel. */
const signUpPurposes = ['membership', 'new_services'];

/** Items the account itself holds: each serves the member_identity use of the membership purpose. */
const accountItems = [
  'membership.name',
  'membership.birth_date',
  'membership.gender',
  'membership.district',
  'membership.login_id',
  'membership.password',
  'membership.phone',
  'membership.email',
];

export interface SignUpResult {
  memberId: string;
  status: 'active' | 'pending_guardian';
  /** True when this was a repeated submit of a sign-up that already succeeded. */
  repeated: boolean;
}

const fieldError = (field: string, message: L10n) =>
  Invalid('invalid-input', { ko: '입력값이 올바르지 않습니다', en: 'Invalid input' }, [
    { field, message },
  ]);

const loginIdUnavailable: L10n = {
  ko: '이미 사용 중이거나 사용할 수 없는 아이디입니다. 탈퇴한 회원의 아이디도 다시 쓸 수 없습니다',
  en: 'This login ID is taken or cannot be used; IDs of former members are never reused',
};

/** 홈페이지 회원 가입 (만 14세 이상). */
export function signUpAdult(deps: MemberDeps, input: SignUpInput, via: 'web' | 'api') {
  return signUp(deps, input, undefined, via);
}

/** 만 14세 미만 아동의 회원 가입: the account waits for the guardian's confirmation. */
export function signUpChild(deps: MemberDeps, input: ChildSignUpInput, via: 'web' | 'api') {
  const { guardianName, guardianContact, ...member } = input;
  return signUp(deps, member, { name: guardianName, contact: guardianContact }, via);
}

async function signUp(
  deps: MemberDeps,
  input: SignUpInput,
  guardian: { name: string; contact: { channel: 'email' | 'sms'; address: string } } | undefined,
  via: 'web' | 'api',
): Promise<SignUpResult> {
  const now = deps.clock.now();
  const policy = await policyInForce(deps);
  const threshold = policy.declaration.children.ageThreshold;
  const today = seoulDate(now);
  if (input.birthDate > today) {
    throw fieldError('birthDate', {
      ko: '생년월일이 미래일 수 없습니다',
      en: 'The date of birth cannot be in the future',
    });
  }
  const child = ageOn(input.birthDate, today) < threshold;
  if (child && !guardian) {
    throw fieldError('birthDate', {
      ko: `만 ${threshold}세 미만은 법정대리인의 동의가 필요합니다. 어린이 회원가입(/signup/child)을 이용하세요`,
      en: `Under ${threshold}, a legal guardian must consent: use the children's sign-up (/signup/child)`,
    });
  }
  if (!child && guardian) {
    throw fieldError('birthDate', {
      ko: `만 ${threshold}세 이상은 일반 회원가입(/signup)을 이용하세요`,
      en: `From age ${threshold}, use the ordinary sign-up (/signup)`,
    });
  }
  const index = loginIdIndex(deps.cipher, input.loginId);
  const earlier = await repeatedSubmit(deps.db, index, input.password, now);
  if (earlier) return earlier;
  if (await loginIdTaken(deps.db, index)) throw fieldError('loginId', loginIdUnavailable);

  const id = randomUUID();
  const subject = memberSubject(id);
  const passwordHash = await hashPassword(input.password);
  const status = guardian ? 'pending_guardian' : 'active';
  const context = memberContext(id, 'member_identity');
  try {
    await deps.door.open(
      context,
      { action: 'create', items: accountItems, subjectIds: [subject] },
      async (trx) => {
        const enc = (column: string, value: string) =>
          deps.cipher.encrypt(subject, { table: 'app.members', column, rowId: id }, value, trx);
        await trx
          .insertInto('app.members')
          .values({
            id,
            login_id_index: index,
            login_id_ct: await enc('login_id_ct', input.loginId),
            name_ct: await enc('name_ct', input.name),
            birth_date_ct: await enc('birth_date_ct', input.birthDate),
            sex_ct: await enc('sex_ct', input.sex),
            referral_source_ct: null,
            district_ct: await enc('district_ct', input.district),
            phone_ct: await enc('phone_ct', input.phone),
            phone_index: deps.cipher.blindIndex('phone', input.phone),
            email_ct: await enc('email_ct', input.email),
            email_index: deps.cipher.blindIndex('member_email', input.email),
            password_hash: passwordHash,
            is_child: child,
            status,
            failed_attempts: 0,
            locked_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await deps.consents.recordSignUp(trx, {
          subjectId: subject,
          policyVersionId: policy.id,
          purposeIds: guardian ? [...signUpPurposes, 'guardian_consent_check'] : signUpPurposes,
          marketing: { sms: input.smsOptIn, email: input.emailOptIn },
          via,
        });
        return { value: undefined };
      },
    );
  } catch (error) {
    // Two submits raced past the check: the unique login-ID index let one through.
    if ((error as { code?: string }).code === '23505') {
      const winner = await repeatedSubmit(deps.db, index, input.password, now);
      if (winner) return winner;
      throw fieldError('loginId', loginIdUnavailable);
    }
    throw error;
  }
  try {
    // The referral source serves statistics only, so it is written under that use, apart.
    await deps.door.open(
      { ...context, purpose: 'statistics_and_ads' },
      { action: 'create', items: ['membership.referral_source'], subjectIds: [subject] },
      async (trx) => {
        await trx
          .updateTable('app.members')
          .set({
            referral_source_ct: await deps.cipher.encrypt(
              subject,
              { table: 'app.members', column: 'referral_source_ct', rowId: id },
              input.referralSource,
              trx,
            ),
          })
          .where('id', '=', id)
          .execute();
        return { value: undefined };
      },
    );
    if (guardian) await startGuardianRequest(deps, { memberId: id, guardian, now });
  } catch (error) {
    // Nothing of a half-made sign-up stays behind.
    await deps.db.transaction().execute((trx) => destroyMembership(trx, deps, id));
    throw error;
  }
  return { memberId: id, status, repeated: false };
}

async function loginIdTaken(db: Kysely<Database>, index: Buffer): Promise<boolean> {
  const withdrawn = await db
    .selectFrom('separated.withdrawn_login_ids')
    .select('login_id_index')
    .where('login_id_index', '=', index)
    .executeTakeFirst();
  return Boolean(withdrawn);
}

/** The member a repeated submit (same login ID and password, moments later) already created. */
async function repeatedSubmit(
  db: Kysely<Database>,
  index: Buffer,
  password: string,
  now: Date,
): Promise<SignUpResult | undefined> {
  const existing = await db
    .selectFrom('app.members')
    .select(['id', 'status', 'password_hash', 'created_at'])
    .where('login_id_index', '=', index)
    .executeTakeFirst();
  if (!existing) return undefined;
  const recent = now.getTime() - existing.created_at.getTime() < DUPLICATE_SUBMIT_WINDOW_MS;
  if (!recent || !(await verifyPassword(existing.password_hash, password))) {
    throw fieldError('loginId', loginIdUnavailable);
  }
  return {
    memberId: existing.id,
    status: existing.status === 'pending_guardian' ? 'pending_guardian' : 'active',
    repeated: true,
  };
}
