import { seoulDateTime } from '../platform/clock.ts';
import { hashPassword, passwordProblems } from '../platform/crypto/passwords.ts';
import { Invalid } from '../platform/errors.ts';
import { type MemberDeps, memberContext } from './deps.ts';
import type { RequestTrace } from './guardian-access.ts';
import { memberAddress } from './marketing.ts';
import {
  CodePaced,
  type CodeRows,
  checkSentCode,
  newCode,
  nextSend,
  previousSends,
  shownCode,
  unlessPaced,
  wrongCode,
} from './one-time-codes.ts';
import type { MarketingChannel } from './ports.ts';
import { loginIdIndex, memberSubject } from './subjects.ts';

/** How long a reset code stays good. */
export const RESET_CODE_MINUTES = 10;
/** Wrong codes before the code is void and a new one must be asked for. */
export const RESET_CODE_ATTEMPTS = 5;
/** Proving that the person holds the contact on record is identity verification. */
const PURPOSE = 'member_identity';

const addressItem = { sms: 'membership.phone', email: 'membership.email' } as const;
const codeHash = (deps: Pick<MemberDeps, 'cipher'>, code: string) =>
  deps.cipher.blindIndex('password_reset_code', code);
const codeRows: CodeRows = { table: 'app.password_resets', owner: 'member_id' };

/** A member who may reset: signed up and not waiting for a guardian (a locked one may). */
function resettable(deps: Pick<MemberDeps, 'db' | 'cipher'>, loginId: string) {
  return deps.db
    .selectFrom('app.members')
    .select('id')
    .where('login_id_index', '=', loginIdIndex(deps.cipher, loginId))
    .where('status', 'in', ['active', 'locked'])
    .executeTakeFirst();
}

const codeMessage = (code: string) => ({
  subject: { ko: '[지킴 병원] 비밀번호 재설정 코드', en: '[Jikim hospital] Password reset code' },
  text: {
    ko: `비밀번호 재설정 코드는 ${shownCode(code)} 입니다. ${RESET_CODE_MINUTES}분 안에 /login/reset 에서 입력하세요. 요청하지 않으셨다면 이 메시지를 무시하세요. 비밀번호는 바뀌지 않습니다.`,
    en: `Your password reset code is ${shownCode(code)}. Enter it at /login/reset within ${RESET_CODE_MINUTES} minutes. If you did not ask for it, ignore this message: your password stays as it is.`,
  },
});

const changedMessage = (at: Date) => ({
  subject: {
    ko: '[지킴 병원] 비밀번호가 바뀌었습니다',
    en: '[Jikim hospital] Your password was changed',
  },
  text: {
    ko: `${seoulDateTime(at)}에 재설정 코드로 회원 비밀번호가 바뀌었고, 열려 있던 로그인은 모두 끝났습니다. 본인이 바꾸지 않았다면 병원에 바로 알려 주세요.`,
    en: `Your membership password was changed with a reset code at ${seoulDateTime(at)}, and every open sign-in was ended. If this was not you, tell the hospital at once.`,
  },
});

/**
 * Sends a reset code to the member's own phone or e-mail on record, never to
 * an address typed in the form. The answer is the same whether or not the
 * login ID is a member's, so the form tells nobody who is one.
 */
export async function requestPasswordReset(
  deps: MemberDeps,
  input: { loginId: string; channel: MarketingChannel },
  via?: RequestTrace,
): Promise<void> {
  const member = await resettable(deps, input.loginId);
  if (!member) return;
  const now = deps.clock.now();
  // Most paced requests stop here, before any access; the check under the lock below decides.
  if (!nextSend(await previousSends(deps.db, codeRows, member.id), now)) return;
  const item = addressItem[input.channel];
  const code = newCode();
  await unlessPaced(() =>
    deps.door.open(
      memberContext(member.id, PURPOSE, via),
      { action: 'read', items: [item], subjectIds: [memberSubject(member.id)] },
      async (trx) => {
        // Requests sent at once wait here for each other, and only the first sends a code.
        await trx
          .selectFrom('app.members')
          .select('id')
          .where('id', '=', member.id)
          .forUpdate()
          .execute();
        const sends = nextSend(await previousSends(trx, codeRows, member.id), now);
        if (!sends) throw new CodePaced();
        const address = await memberAddress(deps.cipher, trx, member.id, input.channel);
        if (address === null) return { value: undefined };
        const fresh = {
          code_hash: codeHash(deps, code),
          code_expires_at: new Date(now.getTime() + RESET_CODE_MINUTES * 60_000),
          failed_attempts: 0,
          created_at: now,
          ...sends,
        };
        // A new code voids the one before it.
        await trx
          .insertInto('app.password_resets')
          .values({ member_id: member.id, ...fresh })
          .onConflict((oc) => oc.column('member_id').doUpdateSet(fresh))
          .execute();
        await deps.messages.enqueue(trx, {
          channel: input.channel,
          recipientSubjectId: memberSubject(member.id),
          addressItem: item,
          address,
          template: 'password_reset_code',
          purpose: PURPOSE,
          content: codeMessage(code),
        });
        return { value: undefined };
      },
    ),
  );
}

/**
 * With the right code, the member's new password replaces the old one: a
 * locked account opens, every session ends, the code is spent, and the member
 * is told at the same address. A new password that breaks the rules is an
 * error on its field and leaves the code good for another try.
 */
export async function resetPassword(
  deps: MemberDeps,
  input: { loginId: string; code: string; password: string },
  via?: RequestTrace,
): Promise<void> {
  const now = deps.clock.now();
  const member = await resettable(deps, input.loginId);
  if (!member) throw wrongCode(false);
  await checkSentCode(deps.db, codeRows, member.id, codeHash(deps, input.code), {
    attempts: RESET_CODE_ATTEMPTS,
    now,
  });
  const subject = memberSubject(member.id);
  const passwordHash = await hashPassword(input.password);
  await deps.door.open(
    memberContext(member.id, PURPOSE, via),
    {
      action: 'update',
      items: ['membership.password', 'membership.name', addressItem.email, addressItem.sms],
      subjectIds: [subject],
    },
    async (trx) => {
      // The rule's "not the name" needs the name, read only now that the code was right.
      const row = await trx
        .selectFrom('app.members')
        .select('name_ct')
        .where('id', '=', member.id)
        .executeTakeFirstOrThrow();
      const ref = { table: 'app.members', column: 'name_ct', rowId: member.id };
      const name = await deps.cipher.decrypt(subject, ref, row.name_ct, trx);
      const problems = passwordProblems(input.password, { loginId: input.loginId, name });
      if (problems.length > 0) {
        throw Invalid(
          'invalid-input',
          { ko: '새 비밀번호를 쓸 수 없습니다', en: 'The new password cannot be used' },
          problems.map((message) => ({ field: 'password', message })),
        );
      }
      await trx
        .updateTable('app.members')
        .set({
          password_hash: passwordHash,
          status: 'active',
          failed_attempts: 0,
          locked_at: null,
          updated_at: now,
        })
        .where('id', '=', member.id)
        .execute();
      await trx.deleteFrom('app.member_sessions').where('member_id', '=', member.id).execute();
      await trx.deleteFrom('app.password_resets').where('member_id', '=', member.id).execute();
      // Told on every contact on record, so a stranger's reset does not go unnoticed.
      for (const channel of ['email', 'sms'] as const) {
        const address = await memberAddress(deps.cipher, trx, member.id, channel);
        if (address === null) continue;
        await deps.messages.enqueue(trx, {
          channel,
          recipientSubjectId: subject,
          addressItem: addressItem[channel],
          address,
          template: 'password_changed',
          purpose: PURPOSE,
          content: changedMessage(now),
        });
      }
      return { value: undefined };
    },
  );
}
