import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sessionIdOf } from '../access/sessions.ts';
import { Invalid } from '../platform/errors.ts';
import { guardianContext, type MemberDeps } from './deps.ts';
import { guardianSubject, loginIdIndex } from './subjects.ts';

/** How long the code sent to the guardian stays good. */
export const GUARDIAN_CODE_MINUTES = 10;
/** The guardian's session is short: view, correct or delete, then it ends on its own. */
export const GUARDIAN_SESSION_MINUTES = 15;
/** Wrong codes before the code is void and a new one must be asked for. */
export const GUARDIAN_CODE_ATTEMPTS = 5;
/** A new code is sent at most this often, so the form cannot flood the guardian. */
const RESEND_AFTER_MS = 60_000;

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
const codeHash = (deps: Pick<MemberDeps, 'cipher'>, code: string) =>
  deps.cipher.blindIndex('guardian_access_code', code);

/** The confirmed guardian request of a child's active account, by the child's login ID. */
async function confirmedRequest(deps: MemberDeps, loginId: string) {
  return deps.db
    .selectFrom('app.members as m')
    .innerJoin('app.guardian_requests as g', 'g.member_id', 'm.id')
    .select(['g.id as requestId', 'm.id as memberId', 'g.contact_channel as channel'])
    .where('m.login_id_index', '=', loginIdIndex(deps.cipher, loginId))
    .where('m.is_child', '=', true)
    .where('m.status', '=', 'active')
    .where('g.confirmed_at', 'is not', null)
    .executeTakeFirst();
}

/**
 * Sends a fresh code to the guardian contact on record, never to an address
 * typed in the form. The answer is the same whether or not the login ID is a
 * child's with a confirmed guardian, so the form tells nobody who is a member.
 */
export async function requestGuardianCode(deps: MemberDeps, loginId: string): Promise<void> {
  const request = await confirmedRequest(deps, loginId);
  if (!request) return;
  const now = deps.clock.now();
  const previous = await deps.db
    .selectFrom('app.guardian_access')
    .select('created_at')
    .where('request_id', '=', request.requestId)
    .executeTakeFirst();
  if (previous && now.getTime() - previous.created_at.getTime() < RESEND_AFTER_MS) return;
  const code = newCode();
  const subject = guardianSubject(request.requestId);
  await deps.door.open(
    guardianContext(request.requestId, 'guardian_consent_check'),
    { action: 'read', items: ['child_guardian.contact'], subjectIds: [subject] },
    async (trx) => {
      const row = await trx
        .selectFrom('app.guardian_requests')
        .select('guardian_contact_ct')
        .where('id', '=', request.requestId)
        .executeTakeFirstOrThrow();
      const address = await deps.cipher.decrypt(
        subject,
        { table: 'app.guardian_requests', column: 'guardian_contact_ct', rowId: request.requestId },
        row.guardian_contact_ct,
        trx,
      );
      const fresh = {
        code_hash: codeHash(deps, code),
        code_expires_at: new Date(now.getTime() + GUARDIAN_CODE_MINUTES * 60_000),
        failed_attempts: 0,
        session_id: null,
        session_expires_at: null,
        created_at: now,
      };
      // A new code ends any session and voids the code before it.
      await trx
        .insertInto('app.guardian_access')
        .values({ request_id: request.requestId, ...fresh })
        .onConflict((oc) => oc.column('request_id').doUpdateSet(fresh))
        .execute();
      await deps.messages.enqueue(trx, {
        channel: request.channel === 'sms' ? 'sms' : 'email',
        recipientSubjectId: subject,
        addressItem: 'child_guardian.contact',
        address,
        template: 'guardian_access_code',
        purpose: 'guardian_consent_check',
        content: {
          subject: {
            ko: '[지킴 병원] 자녀 회원정보 열람 확인 코드',
            en: "[Jikim hospital] Code to see your child's membership data",
          },
          text: {
            ko: `자녀 회원정보의 열람·정정·삭제를 위한 확인 코드는 ${code} 입니다. ${GUARDIAN_CODE_MINUTES}분 안에 /guardian 에서 입력하세요. 요청하지 않으셨다면 무시하셔도 됩니다.`,
            en: `Your code to see, correct or delete your child's membership data is ${code}. Enter it at /guardian within ${GUARDIAN_CODE_MINUTES} minutes. If you did not ask for it, ignore this message.`,
          },
        },
      });
      return { value: undefined };
    },
  );
}

const wrongCode = (exhausted: boolean) =>
  Invalid('invalid-input', { ko: '확인 코드가 맞지 않습니다', en: 'The code is not right' }, [
    {
      field: 'code',
      message: exhausted
        ? {
            ko: '여러 번 틀려 코드가 무효가 되었습니다. 새 코드를 요청하세요',
            en: 'Too many wrong tries: ask for a new code',
          }
        : {
            ko: '확인 코드가 맞지 않거나 기한이 지났습니다',
            en: 'The code is wrong or has expired',
          },
    },
  ]);

/** Checks the code; a right one, once, opens a session for that one child. Returns its token. */
export async function verifyGuardianCode(
  deps: MemberDeps,
  input: { loginId: string; code: string },
): Promise<{ token: string; memberId: string }> {
  const now = deps.clock.now();
  const request = await confirmedRequest(deps, input.loginId);
  if (!request) throw wrongCode(false);
  const access = await deps.db
    .selectFrom('app.guardian_access')
    .selectAll()
    .where('request_id', '=', request.requestId)
    .executeTakeFirst();
  if (!access || access.code_expires_at.getTime() <= now.getTime()) throw wrongCode(false);
  if (!timingSafeEqual(Buffer.from(access.code_hash), codeHash(deps, input.code))) {
    const attempts = access.failed_attempts + 1;
    const exhausted = attempts >= GUARDIAN_CODE_ATTEMPTS;
    await deps.db
      .updateTable('app.guardian_access')
      .set(
        exhausted
          ? { failed_attempts: attempts, code_expires_at: now }
          : { failed_attempts: attempts },
      )
      .where('request_id', '=', request.requestId)
      .execute();
    throw wrongCode(exhausted);
  }
  const token = randomBytes(32).toString('base64url');
  await deps.db
    .updateTable('app.guardian_access')
    .set({
      code_expires_at: now,
      session_id: sessionIdOf(token),
      session_expires_at: new Date(now.getTime() + GUARDIAN_SESSION_MINUTES * 60_000),
    })
    .where('request_id', '=', request.requestId)
    .execute();
  return { token, memberId: request.memberId };
}

export interface GuardianSession {
  requestId: string;
  /** The one child this session reaches. */
  memberId: string;
}

/** The live guardian session behind a token, or undefined (none, expired, child gone). */
export async function useGuardianSession(
  deps: Pick<MemberDeps, 'db' | 'clock'>,
  token: string,
): Promise<GuardianSession | undefined> {
  const row = await deps.db
    .selectFrom('app.guardian_access as a')
    .innerJoin('app.guardian_requests as g', 'g.id', 'a.request_id')
    .innerJoin('app.members as m', 'm.id', 'g.member_id')
    .select(['a.request_id', 'a.session_expires_at', 'g.member_id', 'm.status'])
    .where('a.session_id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row?.session_expires_at || row.status !== 'active') return undefined;
  if (row.session_expires_at.getTime() <= deps.clock.now().getTime()) return undefined;
  return { requestId: row.request_id, memberId: row.member_id };
}

export async function endGuardianSession(
  deps: Pick<MemberDeps, 'db'>,
  token: string,
): Promise<void> {
  await deps.db
    .updateTable('app.guardian_access')
    .set({ session_id: null, session_expires_at: null })
    .where('session_id', '=', sessionIdOf(token))
    .execute();
}
