import type { PersonalDataDoor } from '../../access/personal-data.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import { SubjectKeyDestroyed } from '../crypto/subject-keys.ts';
import type { Db } from '../db.ts';
import { DomainError } from '../errors.ts';
import { type AddressItem, addressColumns, type MessageContent } from './enqueue.ts';
import type { OutboxRow } from './tables.ts';
import { DeliveryFailed, type Transports } from './transports.ts';

export interface DeliveryDeps {
  db: Db;
  cipher: FieldCipher;
  clock: Clock;
  /** Each delivery reads the address through the door: an access-log line per message. */
  door: PersonalDataDoor;
  transports: Transports;
  /** At most this many messages per run (default 50). */
  batch?: number;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time; retried later. */
  retrying: number;
  /** Given up: undeliverable after every retry, recipient destroyed, or purpose not allowed. */
  abandoned: number;
}

const MINUTE = 60_000;
/** Waits after the 1st, 2nd, … failure; after the last one the message is given up. */
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 240, 720].map((m) => m * MINUTE);
/** How long a run holds the messages it picked before another run may take them. */
const CLAIM_MS = 5 * MINUTE;

const DELIVERY_ACTOR = { kind: 'system', id: 'outbox' } as const;

/**
 * Sends the messages that are due. Picked rows are claimed for a few minutes
 * (`for update skip locked`), so parallel runs on several nodes never send one
 * message twice, and a run that died leaves them to the next. The address is
 * decrypted through the door (checking that it serves the message's purpose
 * under the policy in force), then sent outside any transaction, so a slow mail
 * server holds no database lock. Nothing about a message is logged.
 */
export async function deliverDue(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, abandoned: 0 };
  for (const row of await claimDue(deps)) {
    const outcome = await deliverOne(deps, row);
    if (outcome === 'sent') report.sent++;
    else if (outcome === 'retrying') report.retrying++;
    else if (outcome === 'abandoned') report.abandoned++;
  }
  return report;
}

async function claimDue(deps: DeliveryDeps): Promise<OutboxRow[]> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('app.outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('send_after', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .orderBy('send_after')
      .limit(deps.batch ?? 50)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length > 0) {
      await trx
        .updateTable('app.outbox')
        .set({ claimed_until: new Date(now.getTime() + CLAIM_MS) })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .execute();
    }
    return due;
  });
}

type Outcome = 'sent' | 'retrying' | 'abandoned' | 'skipped';

async function deliverOne(deps: DeliveryDeps, row: OutboxRow): Promise<Outcome> {
  let opened: { address: string; content: MessageContent } | null;
  try {
    opened = await openMessage(deps, row);
  } catch (error) {
    if (error instanceof SubjectKeyDestroyed) return abandon(deps, row, 'recipient_destroyed');
    if (error instanceof DomainError && error.kind === 'forbidden') {
      return abandon(deps, row, 'purpose_not_allowed');
    }
    return retryLater(deps, row, 'internal_error');
  }
  // Cancelled (an opt-out) between the claim and now.
  if (!opened) return 'skipped';
  try {
    if (row.channel === 'email') {
      await deps.transports.email.send({
        to: opened.address,
        subject: opened.content.subject,
        text: opened.content.text,
      });
    } else {
      await deps.transports.sms.send(opened.address, opened.content.text);
    }
  } catch (error) {
    return retryLater(deps, row, error instanceof DeliveryFailed ? error.code : 'transport_error');
  }
  const via = row.channel === 'email' ? deps.transports.email.id : deps.transports.sms.id;
  await deps.db
    .updateTable('app.outbox')
    .set((eb) => ({
      sent_at: deps.clock.now(),
      sent_via: via,
      attempts: eb('attempts', '+', 1),
      claimed_until: null,
      last_error_code: null,
      // It went out: a cancellation that raced the send does not change that.
      cancelled_at: null,
      cancel_reason: null,
    }))
    .where('id', '=', row.id)
    .execute();
  return 'sent';
}

/** Decrypts address and content through the door, unless the message was cancelled meanwhile. */
async function openMessage(deps: DeliveryDeps, row: OutboxRow) {
  const item = row.address_item as AddressItem;
  const column = addressColumns[item];
  return deps.door.open(
    { actor: DELIVERY_ACTOR, purpose: row.purpose, grantId: null },
    { action: 'read', items: [item], subjectIds: [row.recipient_subject_id] },
    async (trx) => {
      const current = await trx
        .selectFrom('app.outbox')
        .select(['cancelled_at', 'sent_at', column, 'content_ct'])
        .where('id', '=', row.id)
        .forUpdate()
        .executeTakeFirst();
      const addressCt = current?.[column];
      if (!current || current.cancelled_at || current.sent_at || !addressCt) {
        return { value: null, subjectIds: [row.recipient_subject_id] };
      }
      const ref = (col: string) => ({ table: 'app.outbox', column: col, rowId: row.id });
      const subject = row.recipient_subject_id;
      const address = await deps.cipher.decrypt(subject, ref(column), addressCt, trx);
      const content = JSON.parse(
        await deps.cipher.decrypt(subject, ref('content_ct'), current.content_ct, trx),
      ) as MessageContent;
      return { value: { address, content } };
    },
  );
}

async function retryLater(deps: DeliveryDeps, row: OutboxRow, code: string): Promise<Outcome> {
  const delay = RETRY_DELAYS_MS[row.attempts];
  if (delay === undefined) return abandon(deps, row, 'undeliverable', code);
  await deps.db
    .updateTable('app.outbox')
    .set({
      attempts: row.attempts + 1,
      last_error_code: code,
      send_after: new Date(deps.clock.now().getTime() + delay),
      claimed_until: null,
    })
    .where('id', '=', row.id)
    .where('sent_at', 'is', null)
    .execute();
  return 'retrying';
}

async function abandon(
  deps: DeliveryDeps,
  row: OutboxRow,
  reason: string,
  code?: string,
): Promise<Outcome> {
  await deps.db
    .updateTable('app.outbox')
    .set({
      cancelled_at: deps.clock.now(),
      cancel_reason: reason,
      claimed_until: null,
      ...(code ? { attempts: row.attempts + 1, last_error_code: code } : {}),
    })
    .where('id', '=', row.id)
    .where('sent_at', 'is', null)
    .execute();
  return 'abandoned';
}
