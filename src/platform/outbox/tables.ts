import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../personal-columns.ts';

/**
 * A message waiting for delivery, or delivered. The recipient's address sits in
 * the one ciphertext column that names the declared item it holds, so that the
 * policy check knows exactly which items the outbox keeps.
 */
export interface OutboxTable {
  id: string;
  channel: 'email' | 'sms';
  /** Opaque subject id (`member:<uuid>`): the key that encrypts this row is theirs. */
  recipient_subject_id: string;
  address_item: string;
  member_email_ct: Buffer | null;
  member_phone_ct: Buffer | null;
  guardian_contact_ct: Buffer | null;
  template: string;
  content_ct: Buffer;
  purpose: string;
  created_at: Date;
  send_after: Date;
  claimed_until: Date | null;
  attempts: Generated<number>;
  last_error_code: string | null;
  sent_at: Date | null;
  sent_via: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export interface OutboxTables {
  'app.outbox': OutboxTable;
}

export type OutboxRow = Selectable<OutboxTable>;

export const outboxColumns: { 'app.outbox': TableColumns<OutboxTable> } = {
  'app.outbox': {
    id: null,
    channel: null,
    recipient_subject_id: null,
    // The id of the declared item the address is, never the address.
    address_item: null,
    member_email_ct: 'membership.email',
    member_phone_ct: 'membership.phone',
    guardian_contact_ct: 'child_guardian.contact',
    template: null,
    // Subject and text come from templates filled with codes, dates and channel
    // names, never with a personal item; they are encrypted anyway so that what
    // was told to whom is shredded with the recipient's key.
    content_ct: null,
    purpose: null,
    created_at: null,
    send_after: null,
    claimed_until: null,
    attempts: null,
    last_error_code: null,
    sent_at: null,
    sent_via: null,
    cancelled_at: null,
    cancel_reason: null,
  },
};
