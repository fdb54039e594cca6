import type { Transaction } from 'kysely';
import type { AccessContext, PersonalDataDoor } from '../access/personal-data.ts';
import { seoulDate, startOfSeoulDay } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import type { L10n } from '../platform/i18n.ts';
import {
  type AddressItem,
  cancelMessagesFor,
  enqueueMessage,
  type OutboxDeps,
} from '../platform/outbox/enqueue.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';
import type { PolicyVersion } from '../policy/versions.ts';
import { advertisement, marketingChoiceConfirmation } from './messages.ts';
import { marketingKindOf, recordConsent } from './service.ts';
import type { ConsentChannel } from './tables.ts';

export interface MarketingDeps extends OutboxDeps {
  door: PersonalDataDoor;
  publisher: PolicyPublisher;
}

type MarketingChannel = 'sms' | 'email';

/** The declared items a marketing channel touches: the opt-in itself, and the address. */
export const marketingItems: Record<MarketingChannel, { optIn: string; address: AddressItem }> = {
  sms: { optIn: 'membership.sms_opt_in', address: 'membership.phone' },
  email: { optIn: 'membership.email_opt_in', address: 'membership.email' },
};

/** The purpose under which consents are managed and advertising is sent. */
export const MARKETING_PURPOSE = 'marketing';
/** The law's confirmations and reminders are notices to the member, not advertising. */
export const NOTICE_PURPOSE = 'complaints_and_notices';

export interface MarketingChoiceInput {
  subjectId: string;
  channel: MarketingChannel;
  granted: boolean;
  /** The channel's address in clear (phone for SMS, e-mail for e-mail): the confirmation goes there. */
  address: string;
  /** Where the choice was made (default `web`). */
  via?: ConsentChannel;
  /** Who made it (default: the context's actor id). */
  actor?: string;
}

export interface MarketingChoiceResult {
  changed: boolean;
  at: Date;
  /** The confirmation queued in the outbox, when something changed. */
  confirmationId?: string;
  /** Marketing messages cancelled by an opt-out. */
  cancelled: number;
}

export function policyInForce(deps: Pick<MarketingDeps, 'publisher' | 'clock'>) {
  return deps.publisher.inForce(deps.clock.now());
}

/**
 * Turns marketing by one channel on or off, through the door (purpose
 * `marketing`). The change is recorded with time and channel, a confirmation
 * goes to the person at once (시행령 제62조의2 allows 14 days), and an opt-out
 * cancels every advertisement still queued for that channel.
 */
export async function setMarketingConsent(
  deps: MarketingDeps,
  context: AccessContext,
  input: MarketingChoiceInput,
): Promise<MarketingChoiceResult> {
  const items = marketingItems[input.channel];
  const policy = await policyInForce(deps);
  return deps.door.open(
    { ...context, purpose: MARKETING_PURPOSE },
    { action: 'update', items: [items.optIn, items.address], subjectIds: [input.subjectId] },
    async (trx) => ({
      value: await applyMarketingChoice(deps, trx, {
        ...input,
        actor: input.actor ?? context.actor.id,
        policy,
      }),
    }),
  );
}

/**
 * The same inside a transaction the caller already holds (sign-up, where the
 * member row and the consents commit together). The caller's door must declare
 * the opt-in and address items. `policy` is the version the person was shown,
 * read before the transaction began (on PGlite, a read outside the open
 * transaction would wait for it).
 */
export async function applyMarketingChoice(
  deps: OutboxDeps,
  trx: Transaction<Database>,
  input: MarketingChoiceInput & { actor: string; policy: PolicyVersion },
): Promise<MarketingChoiceResult> {
  const at = deps.clock.now();
  const kind = marketingKindOf[input.channel];
  const current = await trx
    .selectFrom('app.consents')
    .select('granted')
    .where('subject_id', '=', input.subjectId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
  if (current && current.granted === input.granted) return { changed: false, at, cancelled: 0 };
  const { policy } = input;
  await recordConsent(trx, {
    subjectId: input.subjectId,
    kind,
    granted: input.granted,
    policyVersionId: policy.id,
    channel: input.via ?? 'web',
    actor: input.actor,
    at,
  });
  const cancelled = input.granted
    ? 0
    : await cancelMessagesFor(trx, input.subjectId, {
        purpose: MARKETING_PURPOSE,
        channel: input.channel,
        reason: 'opted_out',
        at,
      });
  const message = marketingChoiceConfirmation({
    hospital: policy.declaration.hospital.name,
    channel: input.channel,
    granted: input.granted,
    at,
  });
  const confirmationId = await enqueueMessage(deps, trx, {
    channel: input.channel,
    subjectId: input.subjectId,
    address: input.address,
    addressItem: marketingItems[input.channel].address,
    purpose: NOTICE_PURPOSE,
    template: 'consent.marketing_changed',
    ...message,
  });
  return { changed: true, at, confirmationId, cancelled };
}

export interface MarketingMessageInput {
  subjectId: string;
  channel: MarketingChannel;
  address: string;
  subject: L10n;
  body: L10n;
}

/**
 * Queues an advertisement only while the person's consent for that channel
 * stands, checked under a lock on the consent row so that an opt-out either
 * comes first (nothing is queued) or cancels it. Marked "(광고)" with how to
 * refuse (제50조제4항); by SMS, never between 21:00 and 08:00 (제50조제3항).
 */
export async function sendMarketingMessage(
  deps: MarketingDeps,
  context: AccessContext,
  input: MarketingMessageInput,
): Promise<{ queued: boolean; messageId?: string }> {
  const items = marketingItems[input.channel];
  const policy = await policyInForce(deps);
  return deps.door.open<{ queued: boolean; messageId?: string }>(
    { ...context, purpose: MARKETING_PURPOSE },
    { action: 'create', items: [items.optIn, items.address], subjectIds: [input.subjectId] },
    async (trx) => {
      const consent = await trx
        .selectFrom('app.consents')
        .select('granted')
        .where('subject_id', '=', input.subjectId)
        .where('kind', '=', marketingKindOf[input.channel])
        .forShare()
        .executeTakeFirst();
      if (consent?.granted !== true) return { value: { queued: false } };
      const now = deps.clock.now();
      const messageId = await enqueueMessage(deps, trx, {
        channel: input.channel,
        subjectId: input.subjectId,
        address: input.address,
        addressItem: items.address,
        purpose: MARKETING_PURPOSE,
        template: 'marketing',
        sendAfter: input.channel === 'sms' ? outsideQuietHours(now) : now,
        ...advertisement({
          hospital: policy.declaration.hospital.name,
          subject: input.subject,
          body: input.body,
        }),
      });
      return { value: { queued: true, messageId } };
    },
  );
}

/** 정보통신망법 제50조제3항: no advertising by phone from 21:00 to 08:00 in Korea. */
export function outsideQuietHours(now: Date): Date {
  const today = seoulDate(now);
  const hour = (now.getTime() - startOfSeoulDay(today).getTime()) / 3_600_000;
  if (hour >= 8 && hour < 21) return now;
  const morning = new Date(startOfSeoulDay(today).getTime() + 8 * 3_600_000);
  return hour < 8 ? morning : new Date(morning.getTime() + 86_400_000);
}
