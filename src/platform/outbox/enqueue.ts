import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import type { Database } from '../database.ts';
import type { L10n } from '../i18n.ts';

/**
 * The declared items an address can be, and the column that holds each. A new
 * kind of address (a patient's phone for appointment notices) is a new column,
 * so the policy check always knows which items the outbox keeps.
 */
export const addressColumns = {
  'membership.email': 'member_email_ct',
  'membership.phone': 'member_phone_ct',
  'child_guardian.contact': 'guardian_contact_ct',
} as const;
export type AddressItem = keyof typeof addressColumns;
export type AddressColumn = (typeof addressColumns)[AddressItem];

const channelsOf: Record<AddressItem, readonly ('email' | 'sms')[]> = {
  'membership.email': ['email'],
  'membership.phone': ['sms'],
  'child_guardian.contact': ['email', 'sms'],
};

export type Channel = 'email' | 'sms';

export interface MessageToEnqueue {
  channel: Channel;
  /** Opaque subject id of the recipient (`member:<uuid>`); their data key encrypts the row. */
  subjectId: string;
  /** The address in clear; stored only as ciphertext. */
  address: string;
  addressItem: AddressItem;
  /** Declared purpose id the message serves; delivery is refused when the address item does not serve it. */
  purpose: string;
  /** What kind of message this is (`consent.marketing_changed`); kept in clear for operators. */
  template?: string;
  /** E-mail subject; unused for SMS. */
  subject?: L10n | string;
  body: L10n | string;
  /** Not before this instant (default: now). */
  sendAfter?: Date;
}

export interface OutboxDeps {
  cipher: FieldCipher;
  clock: Clock;
}

/** Korean first, then English, as every message Jikim sends. */
function render(text: L10n | string, separator: string): string {
  return typeof text === 'string' ? text : `${text.ko}${separator}${text.en}`;
}

/** What the content column holds once decrypted. */
export interface MessageContent {
  subject: string;
  text: string;
}

/**
 * Queues a message in the caller's transaction, so it exists only if the
 * change it reports commits. Returns the message id.
 */
export async function enqueueMessage(
  deps: OutboxDeps,
  trx: Transaction<Database>,
  message: MessageToEnqueue,
): Promise<string> {
  const column = addressColumns[message.addressItem];
  if (!column) throw new RangeError('the outbox has no column for this address item');
  if (!channelsOf[message.addressItem].includes(message.channel)) {
    throw new RangeError(`${message.addressItem} cannot be reached by ${message.channel}`);
  }
  const id = randomUUID();
  const now = deps.clock.now();
  const content: MessageContent = {
    subject: message.subject === undefined ? '' : render(message.subject, ' / '),
    text: render(message.body, '\n\n'),
  };
  const ref = (col: string) => ({ table: 'app.outbox', column: col, rowId: id });
  const addressCt = await deps.cipher.encrypt(message.subjectId, ref(column), message.address, trx);
  const contentCt = await deps.cipher.encrypt(
    message.subjectId,
    ref('content_ct'),
    JSON.stringify(content),
    trx,
  );
  await trx
    .insertInto('app.outbox')
    .values({
      id,
      channel: message.channel,
      recipient_subject_id: message.subjectId,
      address_item: message.addressItem,
      member_email_ct: null,
      member_phone_ct: null,
      guardian_contact_ct: null,
      [column]: addressCt,
      template: message.template ?? 'message',
      content_ct: contentCt,
      purpose: message.purpose,
      created_at: now,
      send_after: message.sendAfter ?? now,
      claimed_until: null,
      last_error_code: null,
      sent_at: null,
      sent_via: null,
      cancelled_at: null,
      cancel_reason: null,
    })
    .execute();
  return id;
}

export interface CancelFilter {
  purpose?: string;
  channel?: Channel;
  template?: string;
  /** Stored with the cancelled rows (`opted_out`, `withdrawn`). */
  reason: string;
  /** When, by the injected clock. */
  at: Date;
}

/**
 * Cancels the subject's messages not yet sent that match the filter (e.g. the
 * marketing e-mails queued before an opt-out). Returns how many.
 */
export async function cancelMessagesFor(
  trx: Transaction<Database> | Kysely<Database>,
  subjectId: string,
  filter: CancelFilter,
): Promise<number> {
  let query = trx
    .updateTable('app.outbox')
    .set({ cancelled_at: filter.at, cancel_reason: filter.reason, claimed_until: null })
    .where('recipient_subject_id', '=', subjectId)
    .where('sent_at', 'is', null)
    .where('cancelled_at', 'is', null);
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.template) query = query.where('template', '=', filter.template);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes every message to or about the subject, sent or not: part of destroying them. */
export async function forgetMessagesOf(
  trx: Transaction<Database> | Kysely<Database>,
  subjectId: string,
): Promise<number> {
  const result = await trx
    .deleteFrom('app.outbox')
    .where('recipient_subject_id', '=', subjectId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
