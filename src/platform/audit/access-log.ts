import { randomInt } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../database.ts';
import { invalidInput } from '../validation.ts';
import { type ChainedContent, deriveChainKeys, GENESIS_HASH, lineHash } from './chain.ts';
import { type AccessAction, type ActorKind, accessLogEntrySchema } from './schema.ts';

export type { AccessAction, ActorKind };

/**
 * One access to personal data, as 안전성 확보조치 기준 제8조 asks: who, when,
 * from where, whose data, which items, what was done, why, and whether it was
 * allowed. Ids and codes only: the one free text is the reason a person typed
 * for a download or print.
 */
export interface AccessLogEntry {
  actor: { kind: ActorKind; id: string };
  ip?: string | null;
  subjectIds: string[];
  items: string[];
  action: AccessAction;
  purpose: string;
  outcome: 'allowed' | 'refused';
  refusalReason?: string;
  searchFields?: string[];
  resultCount?: number;
  statedReason?: string;
  grantId?: string | null;
  policyVersionId?: string | null;
  requestId?: string | null;
}

export interface AccessLog {
  /**
   * Appends the line in the caller's transaction, so that it commits or rolls
   * back with the access itself. Given the database rather than a transaction,
   * it commits the line in a transaction of its own, shared with other lines
   * waiting at the same moment, and settles once the line has committed.
   */
  append(executor: Kysely<Database> | Transaction<Database>, entry: AccessLogEntry): Promise<void>;
}

export const DEFAULT_SEGMENTS = 16;

/** A transaction keeps the segment it locked first, and appends through it one at a time. */
interface HeldSegment {
  segment: number | undefined;
  tail: Promise<unknown>;
}

export function createAccessLog(deps: {
  clock: Clock;
  auditKey: Buffer;
  segments?: number;
}): AccessLog {
  const keys = deriveChainKeys(deps.auditKey);
  const segments = deps.segments ?? DEFAULT_SEGMENTS;
  if (!Number.isInteger(segments) || segments < 1 || segments > 1024) {
    throw new RangeError('segments must be a whole number from 1 to 1024');
  }
  // Nodes start at different places so that they do not all reach for segment 0.
  let turn = randomInt(segments);
  let headsEnsured = false;
  const held = new WeakMap<Transaction<Database>, HeldSegment>();

  async function ensureHeads(trx: Transaction<Database>): Promise<void> {
    if (headsEnsured) return;
    await sql`insert into audit.access_log_heads (segment, seq, hash)
      select g, 0, ${GENESIS_HASH} from generate_series(0, ${segments - 1}) g
      on conflict do nothing`.execute(trx);
    headsEnsured = true;
  }

  /**
   * Locks a segment's head until the transaction ends. A free segment is taken
   * first (skip locked), starting from this call's turn; only when every one is
   * busy does the writer wait. A transaction that already holds one reuses it,
   * so two transactions can never wait on each other's segments.
   */
  async function lockHead(trx: Transaction<Database>, state: HeldSegment) {
    const heads = trx.selectFrom('audit.access_log_heads').select(['segment', 'seq', 'hash']);
    if (state.segment !== undefined) {
      return heads.where('segment', '=', state.segment).forUpdate().executeTakeFirstOrThrow();
    }
    const start = turn;
    turn = (turn + 1) % segments;
    const inTurn = heads
      .where('segment', '<', segments)
      .orderBy(sql`(segment + ${segments - start}) % ${segments}`)
      .limit(1)
      .forUpdate();
    let head = (await inTurn.skipLocked().executeTakeFirst()) ?? (await inTurn.executeTakeFirst());
    if (!head) {
      // The first append of a transaction that rolled back took its new heads with it.
      headsEnsured = false;
      await ensureHeads(trx);
      head = await inTurn.executeTakeFirstOrThrow();
    }
    state.segment = head.segment;
    return head;
  }

  /** The lines as rows chained after `head`, and the head they leave behind. */
  function chainAfter(head: KnownHead, lines: TimedEntry[]) {
    let prev = head.hash;
    let seq = head.seq;
    const rows = lines.map(({ entry, at }) => {
      const row: ChainedContent = { ...entry, segment: head.segment, seq: ++seq, at };
      const hash = lineHash(keys, prev, row);
      const chained = { ...row, prev_hash: prev, hash };
      prev = hash;
      return chained;
    });
    return { rows, last: { segment: head.segment, seq, hash: prev } };
  }

  /** Chains the lines after one locked head and inserts them in one statement. */
  async function appendIn(
    trx: Transaction<Database>,
    state: HeldSegment,
    lines: TimedEntry[],
  ): Promise<KnownHead> {
    await ensureHeads(trx);
    const head = await lockHead(trx, state);
    const { rows, last } = chainAfter({ ...head, seq: Number(head.seq) }, lines);
    // The insert trigger checks that each line follows the head, and moves the head.
    await trx.insertInto('audit.access_log').values(rows).execute();
    return last;
  }

  const batchers = new WeakMap<Kysely<Database>, (line: TimedEntry) => Promise<void>>();

  /**
   * Lines appended outside a transaction are committed in small batches: a line
   * waits only while earlier batches are being written, and every waiting line
   * then goes into the next one. Each caller's promise settles when its own line
   * has committed, so "logged before shown" holds as it does line by line, at a
   * fraction of the round trips when many people read at once.
   *
   * Each of the node's batch slots remembers the head its last batch left, and
   * writes the next batch after it as one statement, with no lock and no
   * transaction around it: the insert trigger refuses a line that does not follow
   * the head, so if anyone else moved that segment meanwhile the statement
   * fails whole, and the batch is written again the careful way (head locked).
   */
  function batcherFor(db: Kysely<Database>) {
    let batcher = batchers.get(db);
    if (batcher) return batcher;
    const waiting: { line: TimedEntry; done: (error?: unknown) => void }[] = [];
    const slots: { busy: boolean; head: KnownHead | undefined }[] = Array.from(
      { length: MAX_BATCHES_IN_FLIGHT },
      () => ({ busy: false, head: undefined }),
    );
    const write = async (slot: (typeof slots)[number], lines: TimedEntry[]) => {
      const known = slot.head;
      slot.head = undefined;
      if (known) {
        const { rows, last } = chainAfter(known, lines);
        try {
          await db.insertInto('audit.access_log').values(rows).execute();
          slot.head = last;
          return;
        } catch (error) {
          if (!headMoved(error)) throw error;
        }
      }
      slot.head = await db
        .transaction()
        .execute((trx) => appendIn(trx, { segment: undefined, tail: Promise.resolve() }, lines));
    };
    const flush = () => {
      for (const slot of slots) {
        if (slot.busy || waiting.length === 0) continue;
        const batch = waiting.splice(0, MAX_LINES_PER_BATCH);
        slot.busy = true;
        write(
          slot,
          batch.map((w) => w.line),
        )
          .then(
            () => {
              for (const w of batch) w.done();
            },
            (error: unknown) => {
              for (const w of batch) w.done(error);
            },
          )
          .finally(() => {
            slot.busy = false;
            flush();
          });
      }
    };
    batcher = (line) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ line, done: (error) => (error === undefined ? resolve() : reject(error)) });
        flush();
      });
    batchers.set(db, batcher);
    return batcher;
  }

  return {
    async append(executor, entry) {
      const parsed = accessLogEntrySchema.safeParse(entry);
      if (!parsed.success) throw invalidInput(parsed.error);
      const line = { entry: toColumns(parsed.data), at: deps.clock.now() };
      if (!executor.isTransaction) {
        await batcherFor(executor)(line);
        return;
      }
      const trx = executor as Transaction<Database>;
      const state = held.get(trx) ?? { segment: undefined, tail: Promise.resolve() };
      held.set(trx, state);
      const appended = state.tail.then(() => appendIn(trx, state, [line]));
      state.tail = appended.catch(() => undefined);
      await appended;
    },
  };
}

/** Batches written at once per node: each holds a segment head and a connection. */
const MAX_BATCHES_IN_FLIGHT = 2;
const MAX_LINES_PER_BATCH = 100;

interface KnownHead {
  segment: number;
  seq: number;
  hash: Uint8Array;
}

/** The insert trigger's refusal of a line that does not follow its segment's head. */
function headMoved(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23000';
}

interface TimedEntry {
  entry: ChainedEntry;
  at: Date;
}

type ChainedEntry = Omit<ChainedContent, 'segment' | 'seq' | 'at'>;

function toColumns(entry: AccessLogEntry): ChainedEntry {
  return {
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    ip: entry.ip ?? null,
    subject_ids: entry.subjectIds,
    items: entry.items,
    action: entry.action,
    purpose: entry.purpose,
    outcome: entry.outcome,
    refusal_reason: entry.refusalReason ?? null,
    search_fields: entry.searchFields ?? null,
    result_count: entry.resultCount ?? null,
    stated_reason: entry.statedReason ?? null,
    grant_id: entry.grantId ?? null,
    policy_version_id: entry.policyVersionId ?? null,
    request_id: entry.requestId ?? null,
  };
}
