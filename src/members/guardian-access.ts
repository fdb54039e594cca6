import { randomBytes } from 'node:crypto';
import { sessionIdOf } from '../access/sessions.ts';
import { seoulDate } from '../platform/clock.ts';
import { Refused } from '../platform/errors.ts';
import type { L10n } from '../platform/i18n.ts';
import { guardianContext, type MemberDeps, policyInForce } from './deps.ts';
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
import { ageOn, guardianSubject, loginIdIndex, memberSubject } from './subjects.ts';

/** How long the code sent to the guardian stays good. */
export const GUARDIAN_CODE_MINUTES = 10;
/** The guardian's session is short: view, correct or delete, then it ends on its own. */
export const GUARDIAN_SESSION_MINUTES = 15;
/** Wrong codes before the code is void and a new one must be asked for. */
export const GUARDIAN_CODE_ATTEMPTS = 5;

const codeHash = (deps: Pick<MemberDeps, 'cipher'>, code: string) =>
  deps.cipher.blindIndex('guardian_access_code', code);
const codeRows: CodeRows = { table: 'app.guardian_access', owner: 'request_id' };

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

/** Who asks, and from where, for the access-log lines of a guardian's request. */
export type RequestTrace = { ip?: string | null; requestId?: string | null };

/**
 * 법 제38조②: a legal guardian acts for a child under the policy's age (14).
 * From the child's birthday of that age, by the calendar in Korea, the child
 * acts alone; the guardian's code, session and API are refused from that day.
 */
export function guardianAccessEnded(age: number) {
  return Refused(
    'guardian-access-ended',
    {
      ko: `자녀가 만 ${age}세가 되어 법정대리인의 열람·정정·삭제는 끝났습니다`,
      en: `Your child has turned ${age}: access as legal guardian has ended`,
    },
    '개인정보 보호법 제38조 제2항',
    {
      ko: `만 ${age}세부터는 자녀 본인이 로그인하여 자신의 정보를 열람·정정·삭제합니다.`,
      en: `From ${age}, your child signs in and sees, corrects or deletes their own data.`,
    },
  );
}

/**
 * The age from which the child's own birth date ends guardian access, if it is
 * reached today (Asia/Seoul, by the injected clock); the same age computation
 * as sign-up. Reading the birth date is itself logged, as the guardian's.
 */
async function ageReached(
  deps: MemberDeps,
  child: { memberId: string; requestId: string },
  via?: RequestTrace,
): Promise<number | undefined> {
  const age = (await policyInForce(deps)).declaration.children.ageThreshold;
  const subject = memberSubject(child.memberId);
  const birthDate = await deps.door.open(
    guardianContext(child.requestId, 'rights_requests', via),
    { action: 'read', items: ['membership.birth_date'], subjectIds: [subject] },
    async (trx) => {
      const row = await trx
        .selectFrom('app.members')
        .select('birth_date_ct')
        .where('id', '=', child.memberId)
        .executeTakeFirstOrThrow();
      const ref = { table: 'app.members', column: 'birth_date_ct', rowId: child.memberId };
      return { value: await deps.cipher.decrypt(subject, ref, row.birth_date_ct, trx) };
    },
  );
  return ageOn(birthDate, seoulDate(deps.clock.now())) >= age ? age : undefined;
}

const codeMessage = (code: string) => ({
  subject: {
    ko: '[지킴 병원] 자녀 회원정보 열람 확인 코드',
    en: "[Jikim hospital] Code to see your child's membership data",
  },
  text: {
    ko: `자녀 회원정보의 열람·정정·삭제를 위한 확인 코드는 ${shownCode(code)} 입니다. ${GUARDIAN_CODE_MINUTES}분 안에 /guardian 에서 입력하세요. 요청하지 않으셨다면 무시하셔도 됩니다.`,
    en: `Your code to see, correct or delete your child's membership data is ${shownCode(code)}. Enter it at /guardian within ${GUARDIAN_CODE_MINUTES} minutes. If you did not ask for it, ignore this message.`,
  },
});

/** Instead of a code, once the child has come of age: the refusal, to the guardian only. */
const endedMessage = (age: number): { subject: L10n; text: L10n } => {
  const ended = guardianAccessEnded(age);
  const detail = ended.options.detail ?? ended.title;
  return {
    subject: { ko: `[지킴 병원] ${ended.title.ko}`, en: `[Jikim hospital] ${ended.title.en}` },
    text: {
      ko: `${ended.title.ko}. ${detail.ko} 확인 코드는 보내지 않았습니다. 요청하지 않으셨다면 무시하셔도 됩니다.`,
      en: `${ended.title.en}. ${detail.en} No code was sent. If you did not ask, ignore this message.`,
    },
  };
};

/**
 * Sends a fresh code to the guardian contact on record, never to an address
 * typed in the form. The answer is the same whether or not the login ID is a
 * child's with a confirmed guardian, so the form tells nobody who is a member.
 * From the child's 14th birthday the guardian gets, in place of the code, the
 * bilingual refusal: only the holder of the contact learns the child's age.
 */
export async function requestGuardianCode(
  deps: MemberDeps,
  loginId: string,
  via?: RequestTrace,
): Promise<void> {
  const request = await confirmedRequest(deps, loginId);
  if (!request) return;
  const now = deps.clock.now();
  // Most paced requests stop here, before any access; the check under the lock below decides.
  if (!nextSend(await previousSends(deps.db, codeRows, request.requestId), now)) return;
  const comeOfAge = await ageReached(deps, request, via);
  const code = newCode();
  const subject = guardianSubject(request.requestId);
  await unlessPaced(() =>
    deps.door.open(
      guardianContext(request.requestId, 'guardian_consent_check', via),
      { action: 'read', items: ['child_guardian.contact'], subjectIds: [subject] },
      async (trx) => {
        // Requests sent at once wait here for each other, and only the first sends a code.
        const row = await trx
          .selectFrom('app.guardian_requests')
          .select('guardian_contact_ct')
          .where('id', '=', request.requestId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const sends = nextSend(await previousSends(trx, codeRows, request.requestId), now);
        if (!sends) throw new CodePaced();
        const address = await deps.cipher.decrypt(
          subject,
          {
            table: 'app.guardian_requests',
            column: 'guardian_contact_ct',
            rowId: request.requestId,
          },
          row.guardian_contact_ct,
          trx,
        );
        const fresh = {
          code_hash: codeHash(deps, code),
          // Past the age, the code is void from the start: the row only paces the refusals.
          code_expires_at:
            comeOfAge === undefined
              ? new Date(now.getTime() + GUARDIAN_CODE_MINUTES * 60_000)
              : now,
          failed_attempts: 0,
          session_id: null,
          session_expires_at: null,
          created_at: now,
          ...sends,
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
          template: comeOfAge === undefined ? 'guardian_access_code' : 'guardian_access_ended',
          purpose: 'guardian_consent_check',
          content: comeOfAge === undefined ? codeMessage(code) : endedMessage(comeOfAge),
        });
        return { value: undefined };
      },
    ),
  );
}

/** Checks the code; a right one, once, opens a session for that one child. Returns its token. */
export async function verifyGuardianCode(
  deps: MemberDeps,
  input: { loginId: string; code: string },
  via?: RequestTrace,
): Promise<{ token: string; memberId: string }> {
  const now = deps.clock.now();
  const request = await confirmedRequest(deps, input.loginId);
  if (!request) throw wrongCode(false);
  await checkSentCode(deps.db, codeRows, request.requestId, codeHash(deps, input.code), {
    attempts: GUARDIAN_CODE_ATTEMPTS,
    now,
  });
  // Checked only after the right code, so that a guess learns nothing about the child's age.
  const comeOfAge = await ageReached(deps, request, via);
  if (comeOfAge !== undefined) {
    await deps.db
      .updateTable('app.guardian_access')
      .set({ code_expires_at: now })
      .where('request_id', '=', request.requestId)
      .execute();
    throw guardianAccessEnded(comeOfAge);
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

/**
 * The session a guardian's request uses: undefined when there is none (sign in
 * again), the bilingual refusal once the child has reached the age.
 */
export async function openGuardianSession(
  deps: MemberDeps,
  token: string,
  via?: RequestTrace,
): Promise<GuardianSession | undefined> {
  const session = await useGuardianSession(deps, token);
  if (!session) return undefined;
  const comeOfAge = await ageReached(deps, session, via);
  if (comeOfAge !== undefined) throw guardianAccessEnded(comeOfAge);
  return session;
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
