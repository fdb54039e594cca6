import type { Transaction } from 'kysely';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Database } from '../platform/database.ts';
import { contextItemIds } from '../policy/declaration.ts';
import { seedPolicy } from '../policy/seed-policy.ts';
import type { MemberConsents } from './ports.ts';
import { guardianSubject, memberSubject } from './subjects.ts';

/**
 * What a membership holds, as the ledger names it: the item ids the policy
 * declares for a member and for a child's guardian, never values. Read from the
 * declaration the code was written for, so the list cannot drift from it.
 */
export const membershipCategories = contextItemIds(seedPolicy, 'membership');
export const guardianCategories = contextItemIds(seedPolicy, seedPolicy.children.guardianContextId);

/**
 * Destroys a membership in the caller's transaction: the member's and the
 * guardian's data keys first (crypto-shredding, so backups holding the
 * ciphertext become unreadable too), then the rows. Returns the counts for
 * the ledger.
 */
export async function destroyMembership(
  trx: Transaction<Database>,
  deps: { cipher: FieldCipher; consents?: MemberConsents },
  memberId: string,
): Promise<Record<string, number>> {
  const requests = await trx
    .selectFrom('app.guardian_requests')
    .select('id')
    .where('member_id', '=', memberId)
    .execute();
  let keys = 0;
  for (const subject of [memberSubject(memberId), ...requests.map((r) => guardianSubject(r.id))]) {
    if (await deps.cipher.destroySubjectKey(subject, trx)) keys += 1;
  }
  const consents = deps.consents ? await deps.consents.forget(trx, memberSubject(memberId)) : 0;
  const sessions = await trx
    .deleteFrom('app.member_sessions')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  await trx.deleteFrom('app.guardian_requests').where('member_id', '=', memberId).execute();
  const members = await trx.deleteFrom('app.members').where('id', '=', memberId).executeTakeFirst();
  return {
    members: Number(members.numDeletedRows),
    guardian_requests: requests.length,
    sessions: Number(sessions.numDeletedRows),
    consent_records: consents,
    data_keys: keys,
  };
}

/** One line of the destruction ledger (파기 관리대장): rule, categories, counts, time, method. */
export async function recordDestruction(
  trx: Transaction<Database>,
  entry: {
    at: Date;
    ruleId: string;
    trigger: 'withdrawal' | 'guardian_request_expired' | 'sign_up_abandoned';
    categories: string[];
    counts: Record<string, number>;
    policyVersionId: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('audit.destruction_ledger')
    .values({
      at: entry.at,
      rule_id: entry.ruleId,
      trigger: entry.trigger,
      categories: entry.categories,
      counts: JSON.stringify(entry.counts) as unknown as Record<string, number>,
      method: 'crypto_shredding_and_deletion',
      policy_version_id: entry.policyVersionId,
    })
    .execute();
}
