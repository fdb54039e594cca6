import type { FieldCipher } from '../crypto/fields.ts';
import type { Db } from '../db.ts';
import type { MessageContent } from './enqueue.ts';
import { devTransportIds } from './transports.ts';

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
