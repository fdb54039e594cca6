import { sql, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import type { Db } from '../db.ts';
import { poolOf } from '../db.ts';
import {
  type ChainKeys,
  checkpointSignature,
  deriveChainKeys,
  lineHash,
  sameBytes,
} from './chain.ts';
import { selectedLines, streamedLines } from './chain-lines.ts';
import {
  asBuffer,
  at,
  Broken,
  type ChainLink,
  type ChainProblem,
  type Checkpoint,
  checkEnd,
  type Head,
  lineHolds,
  noHead,
  passLine,
  type SegmentWalk,
  startWalk,
} from './chain-walk.ts';
import type { AccessLogRow } from './tables.ts';
import { tamperKindAt } from './tamper-kind.ts';

export type { ChainProblem };

export type VerifyResult =
  | { ok: true; entries: number; segments: number }
  | { ok: false; entries: number; problem: ChainProblem };

export interface VerifyOptions {
  db: Db;
  auditKey: Buffer;
  onProgress?: (progress: { entries: number }) => void;
  /** Lines read per query; large batches keep the round trips few. */
  batchSize?: number;
}

/**
 * Walks every segment's chain in seq order, recomputing each line's keyed hash,
 * and checks where each chain ends against its head and its signed checkpoints.
 * Reports the first broken link. Reads in one snapshot, batch by batch, so
 * lines appended meanwhile are neither seen half nor held in memory.
 */
export async function verifyAccessLog(options: VerifyOptions): Promise<VerifyResult> {
  const keys = deriveChainKeys(options.auditKey);
  const batchSize = options.batchSize ?? 20_000;
  const pool = poolOf(options.db);
  return options.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      let entries = 0;
      try {
        const heads = await trx.selectFrom('audit.access_log_heads').selectAll().execute();
        const headOf = new Map<number, Head>(
          heads.map((h) => [h.segment, { seq: Number(h.seq), hash: asBuffer(h.hash) }]),
        );
        const checkpoints = await signedCheckpoints(trx, keys);
        const lines = pool
          ? streamedLines(pool, await exportSnapshot(trx))
          : selectedLines(trx, batchSize);

        let walk: SegmentWalk | undefined;
        const walked = new Set<number>();
        for await (const batch of lines) {
          for (const row of batch) {
            if (walk?.segment !== row.segment) {
              if (walk) checkEnd(walk, headOf.get(walk.segment));
              if (!headOf.has(row.segment)) noHead(row);
              walk = startWalk(row.segment, checkpoints);
              walked.add(row.segment);
            }
            const head = headOf.get(row.segment);
            if (!lineHolds(keys, walk, row, head)) await recheckLine(trx, keys, walk, row, head);
            entries++;
          }
          options.onProgress?.({ entries });
        }
        if (walk) checkEnd(walk, headOf.get(walk.segment));
        for (const head of heads) {
          if (walked.has(head.segment)) continue;
          checkEnd(startWalk(head.segment, checkpoints), headOf.get(head.segment));
        }
        return { ok: true as const, entries, segments: heads.length };
      } catch (error) {
        if (error instanceof Broken) return { ok: false as const, entries, problem: error.problem };
        throw error;
      }
    });
}

/** Lets a second connection read in this transaction's snapshot. */
async function exportSnapshot(trx: Transaction<Database>): Promise<string> {
  const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
  return rows[0]?.id ?? '';
}

async function signedCheckpoints(
  trx: Transaction<Database>,
  keys: ChainKeys,
): Promise<Map<number, Checkpoint[]>> {
  const rows = await trx
    .selectFrom('audit.access_log_checkpoints')
    .selectAll()
    .orderBy('segment')
    .orderBy('seq')
    .execute();
  const bySegment = new Map<number, Checkpoint[]>();
  for (const c of rows) {
    const seq = Number(c.seq);
    if (!sameBytes(checkpointSignature(keys, { ...c, seq }), c.signature)) {
      throw new Broken({
        segment: c.segment,
        seq,
        id: `checkpoint ${c.id}`,
        kind: 'head-mismatch',
        message: `checkpoint ${c.id} of segment ${c.segment} at seq ${seq} does not carry a valid signature: it was forged or altered`,
      });
    }
    const list = bySegment.get(c.segment) ?? [];
    list.push({ id: c.id, segment: c.segment, seq, hash: asBuffer(c.hash) });
    bySegment.set(c.segment, list);
  }
  return bySegment;
}

/**
 * A line whose fast check failed is read again column by column and encoded in
 * Node; only if that fails too is it broken, and then we find out how.
 */
async function recheckLine(
  trx: Transaction<Database>,
  keys: ChainKeys,
  walk: SegmentWalk,
  link: ChainLink,
  head: { seq: number } | undefined,
): Promise<void> {
  const row = await trx
    .selectFrom('audit.access_log')
    .selectAll()
    .select(sql<number>`(extract(epoch from at) * 1000000)::int8`.as('at_us'))
    .where('id', '=', link.id)
    .executeTakeFirstOrThrow();
  const prev = walk.prevHash;
  if (sameBytes(row.prev_hash, prev) && sameBytes(lineHash(keys, prev, row, row.at_us), row.hash)) {
    passLine(walk, link, head);
    return;
  }
  if (head !== undefined && Number(row.seq) > head.seq) {
    throw new Broken({
      ...at(row),
      kind: 'inserted',
      message: `segment ${row.segment}, seq ${row.seq} (row id ${row.id}) lies beyond its segment head and does not match its hash: it was added by hand`,
    });
  }
  const following = await linesAfter(trx, row);
  throw new Broken({ ...at(row), ...tamperKindAt(keys, row, prev, following) });
}

function linesAfter(trx: Transaction<Database>, row: AccessLogRow): Promise<AccessLogRow[]> {
  return trx
    .selectFrom('audit.access_log')
    .selectAll()
    .where('segment', '=', row.segment)
    .where('seq', '>', Number(row.seq))
    .orderBy('seq')
    .limit(1000)
    .execute();
}
