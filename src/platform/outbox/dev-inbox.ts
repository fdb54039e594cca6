import type { AccessContext, PersonalDataDoor } from '../../access/personal-data.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import { SubjectKeyDestroyed } from '../crypto/subject-keys.ts';
import type { Db } from '../db.ts';
import { type AddressItem, addressColumns, type MessageContent } from './enqueue.ts';
import { type DevTransportId, devTransportIds } from './transports.ts';

export interface DevInboxMessage {
  messageId: string;
  channel: 'email' | 'sms';
  addressItem: string;
  subject: string;
  text: string;
  sentAt: Date;
}

/**
 * What the dev adapters (개발용 문자 어댑터 / 개발용 메일 어댑터) "delivered"
 * to one subject, newest first: for development pages and tests, such as a
 * guardian's confirmation code. The address is not returned.
 */
export async function readDevInbox(
  deps: { db: Db; cipher: FieldCipher },
  subjectId: string,
): Promise<DevInboxMessage[]> {
  const rows = await deps.db
    .selectFrom('app.outbox')
    .select(['id', 'channel', 'address_item', 'content_ct', 'sent_at'])
    .where('recipient_subject_id', '=', subjectId)
    .where('sent_via', 'in', [...devTransportIds])
    .orderBy('sent_at', 'desc')
    .execute();
  return Promise.all(
    rows.map(async (row) => {
      const content = JSON.parse(
        await deps.cipher.decrypt(
          subjectId,
          { table: 'app.outbox', column: 'content_ct', rowId: row.id },
          row.content_ct,
        ),
      ) as MessageContent;
      return {
        messageId: row.id,
        channel: row.channel,
        addressItem: row.address_item,
        subject: content.subject,
        text: content.text,
        sentAt: row.sent_at ?? new Date(0),
      };
    }),
  );
}

/** One message a dev adapter kept, as the console's dev outbox shows it: never the address. */
export interface DevOutboxMessage {
  messageId: string;
  via: DevTransportId;
  channel: 'email' | 'sms';
  /** The declared item the address is (`child_guardian.contact`), not the address. */
  addressItem: string;
  template: string;
  purpose: string;
  subject: string;
  text: string;
  sentAt: Date;
}

/** The newest this many; a development outbox needs no paging. */
export const DEV_OUTBOX_LIMIT = 50;

/**
 * What the given dev adapters "delivered" for the purpose the staff member
 * named, newest first, through the door: the access-log line names the
 * purpose, the address items the messages went to, and every recipient. Only
 * messages sent for that purpose are decrypted; addresses are never read.
 */
export async function listDevOutbox(
  deps: { cipher: FieldCipher; door: PersonalDataDoor },
  context: AccessContext,
  adapters: readonly DevTransportId[],
  /** The address items that may serve the purpose under the policy in force. */
  addressItems: readonly AddressItem[],
): Promise<DevOutboxMessage[]> {
  if (adapters.length === 0 || addressItems.length === 0) return [];
  return deps.door.open(context, { action: 'read', items: [...addressItems] }, async (trx) => {
    const rows = await trx
      .selectFrom('app.outbox')
      .select(['id', 'recipient_subject_id', 'channel', 'address_item', 'template'])
      .select(['purpose', 'content_ct', 'sent_at', 'sent_via'])
      .where('sent_via', 'in', [...adapters])
      .where('purpose', '=', context.purpose)
      .where('address_item', 'in', [...addressItems])
      .orderBy('sent_at', 'desc')
      .orderBy('id')
      .limit(DEV_OUTBOX_LIMIT)
      .execute();
    const opened = await Promise.all(
      rows.map(async (row): Promise<DevOutboxMessage | null> => {
        let content: MessageContent;
        try {
          content = JSON.parse(
            await deps.cipher.decrypt(
              row.recipient_subject_id,
              { table: 'app.outbox', column: 'content_ct', rowId: row.id },
              row.content_ct,
              trx,
            ),
          ) as MessageContent;
        } catch (error) {
          // A recipient destroyed meanwhile: their messages are unreadable by design.
          if (error instanceof SubjectKeyDestroyed) return null;
          throw error;
        }
        return {
          messageId: row.id,
          via: row.sent_via as DevTransportId,
          channel: row.channel,
          addressItem: row.address_item,
          template: row.template,
          purpose: row.purpose,
          subject: content.subject,
          text: content.text,
          sentAt: row.sent_at ?? new Date(0),
        };
      }),
    );
    const messages = opened.filter((m): m is DevOutboxMessage => m !== null);
    return {
      value: messages,
      subjectIds: [...new Set(rows.map((r) => r.recipient_subject_id))],
      resultCount: messages.length,
    };
  });
}

/** The address items whose messages can be read for a purpose: those the policy lets serve it. */
export function addressItemsServing(serves: (item: AddressItem) => boolean): AddressItem[] {
  return (Object.keys(addressColumns) as AddressItem[]).filter(serves);
}
