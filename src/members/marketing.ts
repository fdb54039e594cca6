import type { Transaction } from 'kysely';
import {
  applyMarketingChoice,
  MARKETING_PURPOSE,
  type MarketingChoiceResult,
  marketingItems,
} from '../consents/marketing.ts';
import type { AddressLookup } from '../consents/reminders.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Database } from '../platform/database.ts';
import { NotFound } from '../platform/errors.ts';
import { type MemberDeps, memberContext, policyInForce } from './deps.ts';
import type { MarketingChannel } from './ports.ts';
import { memberSubject } from './subjects.ts';

const addressColumn = { sms: 'phone_ct', email: 'email_ct' } as const;

/** The member's phone (SMS) or e-mail, decrypted in a transaction whose door declared that item. */
export async function memberAddress(
  cipher: FieldCipher,
  trx: Transaction<Database>,
  memberId: string,
  channel: MarketingChannel,
): Promise<string | null> {
  const column = addressColumn[channel];
  const row = await trx
    .selectFrom('app.members')
    .select(column)
    .where('id', '=', memberId)
    .executeTakeFirst();
  const value = row?.[column];
  if (!value) return null;
  return cipher.decrypt(
    memberSubject(memberId),
    { table: 'app.members', column, rowId: memberId },
    value,
    trx,
  );
}

/** Where the 2-year reminder goes: the members module owns the addresses. */
export function memberAddressOf(deps: { cipher: FieldCipher }): AddressLookup {
  return (trx, subjectId, channel) => {
    const memberId = /^member:(.+)$/.exec(subjectId)?.[1];
    return memberId ? memberAddress(deps.cipher, trx, memberId, channel) : Promise.resolve(null);
  };
}

/**
 * The member turns marketing by one channel on or off, at any time: recorded
 * with time and channel, confirmed to the member's own address through the
 * outbox, and an opt-out cancels whatever advertising is still queued.
 */
export async function setMyMarketing(
  deps: MemberDeps,
  memberId: string,
  input: {
    channel: MarketingChannel;
    optIn: boolean;
    via: 'web' | 'api';
    trace?: { ip?: string | null; requestId?: string | null };
  },
): Promise<MarketingChoiceResult> {
  const items = marketingItems[input.channel];
  const policy = await policyInForce(deps);
  const subject = memberSubject(memberId);
  return deps.door.open(
    memberContext(memberId, MARKETING_PURPOSE, input.trace),
    { action: 'update', items: [items.optIn, items.address], subjectIds: [subject] },
    async (trx) => {
      const address = await memberAddress(deps.cipher, trx, memberId, input.channel);
      if (address === null) throw NotFound('no-member', { ko: '회원 정보 없음', en: 'No member' });
      return {
        value: await applyMarketingChoice(deps, trx, {
          subjectId: subject,
          channel: input.channel,
          granted: input.optIn,
          address,
          via: input.via === 'api' ? 'app' : 'web',
          actor: memberId,
          policy,
        }),
      };
    },
  );
}
