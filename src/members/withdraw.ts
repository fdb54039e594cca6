import { Invalid } from '../platform/errors.ts';
import { type ActingContext, type MemberDeps, memberContext, policyInForce } from './deps.ts';
import {
  destroyMembership,
  guardianCategories,
  membershipCategories,
  recordDestruction,
} from './destruction.ts';
import { confirmPassword } from './sign-in.ts';
import { memberSubject } from './subjects.ts';

/**
 * 탈퇴: after the password, the membership is destroyed at once — keys, then
 * rows — and only the login ID's keyed hash moves to separated storage, so the
 * ID is never handed out again (the policy's member_login_id rule). The ledger
 * records rule, categories, counts and time.
 */
export async function withdrawMember(
  deps: MemberDeps,
  memberId: string,
  password: string,
): Promise<{ destroyed: Record<string, number> }> {
  const checked = await confirmPassword(deps, memberId, password);
  if (!checked.ok) {
    throw Invalid(
      'invalid-input',
      { ko: '비밀번호가 맞지 않습니다', en: 'The password is wrong' },
      [
        {
          field: 'password',
          message: checked.lockedNow
            ? {
                ko: '5회 연속 실패로 계정이 잠겼습니다',
                en: 'Five failures in a row have locked the account',
              }
            : { ko: '비밀번호가 맞지 않습니다', en: 'The password is wrong' },
        },
      ],
    );
  }
  return destroyMemberAccount(deps, memberId, memberContext(memberId, 'rights_requests'));
}

/**
 * The destruction itself, for the member after their password or for the
 * child's verified guardian (삭제 요구 by the legal representative).
 */
export async function destroyMemberAccount(
  deps: MemberDeps,
  memberId: string,
  by: ActingContext,
): Promise<{ destroyed: Record<string, number> }> {
  const policy = await policyInForce(deps);
  const now = deps.clock.now();
  const categories = [...membershipCategories, ...guardianCategories];
  return deps.door.open(
    { ...by, purpose: 'rights_requests' },
    { action: 'destroy', items: categories, subjectIds: [memberSubject(memberId)] },
    async (trx) => {
      const row = await trx
        .selectFrom('app.members')
        .select('login_id_index')
        .where('id', '=', memberId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('separated.withdrawn_login_ids')
        .values({ login_id_index: row.login_id_index })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const counts = await destroyMembership(trx, deps, memberId);
      await recordDestruction(trx, {
        at: now,
        ruleId: 'member_account',
        trigger: 'withdrawal',
        categories: categories.filter((c) => c !== 'membership.login_id'),
        counts,
        policyVersionId: policy.id,
      });
      return { value: { destroyed: counts } };
    },
  );
}
