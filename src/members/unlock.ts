import type { AccessContext } from '../access/personal-data.ts';
import { Invalid } from '../platform/errors.ts';
import type { MemberDeps } from './deps.ts';
import { loginIdIndex, memberSubject } from './subjects.ts';

/** The purpose the front desk names when it unlocks a member: identity checked in person. */
export const UNLOCK_PURPOSE = 'member_identity';

const unknownLoginId = () =>
  Invalid('unknown-login-id', { ko: '그런 회원이 없습니다', en: 'No such member' }, [
    {
      field: 'loginId',
      message: {
        ko: '이 아이디로 가입한 회원이 없습니다',
        en: 'No member has this login ID',
      },
    },
  ]);

/**
 * A member whose account five failed sign-ins locked is told to contact the
 * hospital; the front desk checks who they are in person and unlocks it here.
 * The failures count from zero again; the password stays theirs. An account
 * that is not locked is left as it is.
 */
export async function unlockMember(
  deps: Pick<MemberDeps, 'db' | 'clock' | 'cipher' | 'door'>,
  context: AccessContext,
  loginId: string,
): Promise<{ unlocked: boolean }> {
  const member = await deps.db
    .selectFrom('app.members')
    .select('id')
    .where('login_id_index', '=', loginIdIndex(deps.cipher, loginId))
    .executeTakeFirst();
  if (!member) throw unknownLoginId();
  const now = deps.clock.now();
  return deps.door.open(
    context,
    { action: 'update', items: ['membership.login_id'], subjectIds: [memberSubject(member.id)] },
    async (trx) => {
      const unlocked = await trx
        .updateTable('app.members')
        .set({ status: 'active', failed_attempts: 0, locked_at: null, updated_at: now })
        .where('id', '=', member.id)
        .where('status', '=', 'locked')
        .returning('id')
        .executeTakeFirst();
      return { value: { unlocked: unlocked !== undefined } };
    },
  );
}
