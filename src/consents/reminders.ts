import type { Transaction } from 'kysely';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import { enqueueMessage } from '../platform/outbox/enqueue.ts';
import {
  MARKETING_PURPOSE,
  type MarketingDeps,
  marketingItems,
  NOTICE_PURPOSE,
  policyInForce,
} from './marketing.ts';
import { marketingConsentReminder } from './messages.ts';
import { addYearsInKorea, MARKETING_CONSENT_REMINDER } from './reminder-period.ts';
import { marketingKinds } from './service.ts';

/**
 * Where the job finds a member's address: the members module owns addresses
 * and decrypts them in the job's transaction (whose door has declared the
 * item). `null` when the subject has no such address any more.
 */
export type AddressLookup = (
  trx: Transaction<Database>,
  subjectId: string,
  channel: 'sms' | 'email',
) => Promise<string | null>;

export interface ReminderDeps extends MarketingDeps {
  db: Db;
  addressOf: AddressLookup;
  /** At most this many reminders per run (default 500). */
  batch?: number;
}

const REMINDER_ACTOR = { kind: 'system', id: 'consent-reminders' } as const;
const channelOfKind = { marketing_sms: 'sms', marketing_email: 'email' } as const;

/**
 * 시행령 제62조의3: every 2 years from the day of consent, tells each person
 * whose marketing consent stands that it does and how to withdraw it. Each
 * reminder moves that consent's next due date 2 years on and is written to its
 * history, so a second run on the same day sends nothing.
 */
export async function remindStandingMarketingConsents(
  deps: ReminderDeps,
): Promise<{ reminded: number; skipped: number }> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('app.consents')
    .select(['subject_id', 'kind'])
    .where('granted', '=', true)
    .where('kind', 'in', [...marketingKinds])
    .where('next_reminder_at', '<=', now)
    .orderBy('next_reminder_at')
    .limit(deps.batch ?? 500)
    .execute();
  let reminded = 0;
  let skipped = 0;
  if (due.length === 0) return { reminded, skipped };
  const policy = await policyInForce(deps);
  for (const { subject_id: subjectId, kind } of due) {
    const channel = channelOfKind[kind as keyof typeof channelOfKind];
    const items = marketingItems[channel];
    const done = await deps.door.open(
      { actor: REMINDER_ACTOR, purpose: MARKETING_PURPOSE, grantId: null },
      { action: 'read', items: [items.optIn, items.address], subjectIds: [subjectId] },
      async (trx) => {
        // Locked and checked again: another node may have sent it, or the person opted out.
        const consent = await trx
          .selectFrom('app.consents')
          .selectAll()
          .where('subject_id', '=', subjectId)
          .where('kind', '=', kind)
          .where('granted', '=', true)
          .where('next_reminder_at', '<=', now)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!consent?.granted_since || !consent.next_reminder_at) return { value: false };
        const address = await deps.addressOf(trx, subjectId, channel);
        if (address === null) return { value: false };
        await enqueueMessage(deps, trx, {
          channel,
          subjectId,
          address,
          addressItem: items.address,
          purpose: NOTICE_PURPOSE,
          template: 'consent.marketing_reminder',
          ...marketingConsentReminder({
            hospital: policy.declaration.hospital.name,
            channel,
            grantedSince: consent.granted_since,
          }),
        });
        let next = consent.next_reminder_at;
        while (next.getTime() <= now.getTime()) {
          next = addYearsInKorea(next, MARKETING_CONSENT_REMINDER.years);
        }
        await trx
          .updateTable('app.consents')
          .set({ next_reminder_at: next })
          .where('subject_id', '=', subjectId)
          .where('kind', '=', kind)
          .execute();
        await trx
          .insertInto('app.consent_events')
          .values({
            subject_id: subjectId,
            kind,
            event: 'reminder',
            granted: true,
            policy_version_id: consent.policy_version_id,
            channel: 'system',
            at: now,
            actor: REMINDER_ACTOR.id,
          })
          .execute();
        return { value: true };
      },
    );
    if (done) reminded++;
    else skipped++;
  }
  return { reminded, skipped };
}
