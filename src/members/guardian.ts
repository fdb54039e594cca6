import { randomUUID } from 'node:crypto';
import type { Guesses } from '../access/guess-throttle.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db.ts';
import type { MemberDeps } from './deps.ts';
import {
  destroyMembership,
  guardianCategories,
  membershipCategories,
  recordDestruction,
} from './destruction.ts';
import { newCode, shownCode, wrongCode } from './one-time-codes.ts';
import type { MemberConsents } from './ports.ts';
import { guardianSubject } from './subjects.ts';

/**
 * How long a guardian has to confirm. The law names no period (법 제22조의2);
 * a week lets a guardian who is away answer, while the child's data, collected
 * before any consent, does not linger. Then the request and the pending account
 * are destroyed.
 */
export const GUARDIAN_REQUEST_DAYS = 7;

/**
 * Wrong confirmation codes one client address may send in a quarter of an
 * hour: plenty for a guardian who mistypes, while trying the 10¹⁰ codes would
 * take longer than any request stays open.
 */
export const GUARDIAN_CODE_GUESSES = { limit: 10, windowMs: 15 * 60_000 } as const;

const codeIndex = (cipher: FieldCipher, code: string) => cipher.blindIndex('guardian_code', code);

/**
 * Keeps the guardian's name and contact (the only guardian data the law lets
 * us collect from the child, 시행령 제17조의2) under the guardian's own key, and
 * sends the confirmation code to that contact through the outbox.
 */
export async function startGuardianRequest(
  deps: MemberDeps,
  input: {
    memberId: string;
    guardian: { name: string; contact: { channel: 'email' | 'sms'; address: string } };
    now: Date;
  },
): Promise<void> {
  const id = randomUUID();
  const subject = guardianSubject(id);
  const code = newCode();
  const expiresAt = new Date(input.now.getTime() + GUARDIAN_REQUEST_DAYS * 86_400_000);
  await deps.door.open(
    {
      actor: { kind: 'member', id: input.memberId },
      purpose: 'guardian_consent_check',
      grantId: null,
    },
    { action: 'create', items: guardianCategories, subjectIds: [subject] },
    async (trx) => {
      const enc = (column: string, value: string) =>
        deps.cipher.encrypt(
          subject,
          { table: 'app.guardian_requests', column, rowId: id },
          value,
          trx,
        );
      await trx
        .insertInto('app.guardian_requests')
        .values({
          id,
          member_id: input.memberId,
          guardian_name_ct: await enc('guardian_name_ct', input.guardian.name),
          guardian_contact_ct: await enc('guardian_contact_ct', input.guardian.contact.address),
          contact_channel: input.guardian.contact.channel,
          code_hash: codeIndex(deps.cipher, code),
          created_at: input.now,
          expires_at: expiresAt,
          confirmed_at: null,
        })
        .execute();
      const shown = shownCode(code);
      await deps.messages.enqueue(trx, {
        channel: input.guardian.contact.channel,
        recipientSubjectId: subject,
        addressItem: 'child_guardian.contact',
        address: input.guardian.contact.address,
        template: 'guardian_consent_code',
        purpose: 'guardian_consent_check',
        content: {
          subject: {
            ko: '[지킴 병원] 자녀 회원가입 법정대리인 동의 확인',
            en: "[Jikim hospital] Confirm your consent to your child's membership",
          },
          text: {
            ko: `자녀가 병원 홈페이지 회원가입을 신청하며 귀하를 법정대리인으로 적었습니다. 동의하시면 ${GUARDIAN_REQUEST_DAYS}일 안에 /signup/guardian 에서 확인 코드 ${shown} 를 입력하세요. 동의하지 않으시면 아무것도 하지 않으셔도 되며, 기한이 지나면 신청 정보는 모두 파기됩니다.`,
            en: `Your child has applied for membership of the hospital's website and named you as legal guardian. To consent, enter the code ${shown} at /signup/guardian within ${GUARDIAN_REQUEST_DAYS} days. If you do not consent, do nothing: the application is destroyed when the time runs out.`,
          },
        },
      });
      return { value: undefined };
    },
  );
}

/**
 * The guardian's confirmation: the child's account opens for sign-in. The code
 * is looked up among every pending request, so the guesses of whoever sends
 * it are counted, and refused once too many were wrong (see GuessThrottle).
 */
export async function confirmGuardian(
  deps: MemberDeps,
  code: string,
  guesses: Guesses,
): Promise<{ memberId: string }> {
  guesses.take();
  const now = deps.clock.now();
  const request = await deps.db
    .selectFrom('app.guardian_requests')
    .select(['id', 'member_id', 'expires_at', 'confirmed_at'])
    .where('code_hash', '=', codeIndex(deps.cipher, code))
    .executeTakeFirst();
  if (!request || request.confirmed_at || request.expires_at.getTime() <= now.getTime()) {
    throw wrongCode(false);
  }
  guesses.giveBack();
  await deps.door.open(
    {
      actor: { kind: 'guardian', id: request.id },
      purpose: 'guardian_consent_check',
      grantId: null,
    },
    { action: 'update', items: guardianCategories, subjectIds: [guardianSubject(request.id)] },
    async (trx) => {
      await trx
        .updateTable('app.guardian_requests')
        .set({ confirmed_at: now })
        .where('id', '=', request.id)
        .execute();
      await trx
        .updateTable('app.members')
        .set({ status: 'active', updated_at: now })
        .where('id', '=', request.member_id)
        .where('status', '=', 'pending_guardian')
        .execute();
      return { value: undefined };
    },
  );
  return { memberId: request.member_id };
}

/**
 * The scheduled job: every request unconfirmed past its deadline is destroyed
 * with the pending account it was for (crypto-shredding, then deletion), and
 * each destruction goes into the ledger. Returns how many were destroyed.
 */
export async function expireGuardianRequests(deps: {
  db: Db;
  cipher: FieldCipher;
  clock: Clock;
  consents?: MemberConsents;
}): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('app.guardian_requests')
    .select(['member_id'])
    .where('confirmed_at', 'is', null)
    .where('expires_at', '<=', now)
    .execute();
  for (const { member_id } of due) {
    await deps.db.transaction().execute(async (trx) => {
      const counts = await destroyMembership(trx, deps, member_id);
      await recordDestruction(trx, {
        at: now,
        ruleId: 'member_account',
        trigger: 'guardian_request_expired',
        categories: [...membershipCategories, ...guardianCategories],
        counts,
        policyVersionId: null,
      });
    });
  }
  return due.length;
}
