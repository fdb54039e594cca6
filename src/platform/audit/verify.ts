import { availableParallelism } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
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
  everySegment,
  type Head,
  passLine,
  type SegmentWalk,
  walkChain,
} from './chain-walk.ts';
import { readExportedCheckpoints } from './checkpoint-file.ts';
import type { AccessLogRow } from './tables.ts';
import { tamperKindAt } from './tamper-kind.ts';
import { walkInThreads } from './verify-threads.ts';

export type { ChainProblem };

export type VerifyResult =
  | { ok: true; entries: number; segments: number; threads: number }
  | { ok: false; entries: number; problem: ChainProblem };

export interface VerifyOptions {
  db: Db;
  auditKey: Buffer;
  onProgress?: (progress: { entries: number }) => void;
  /** Lines read per query where lines are read by query (PGlite). */
  batchSize?: number;
  /**
   * Threads walking segments side by side on PostgreSQL, each over its own COPY
   * stream in the same snapshot. Default: one per core (at most 4) once the log
   * holds 100 000 lines; below that, starting threads costs more than it saves.
   */
  threads?: number;
  /** Checkpoints exported with `jikim audit checkpoint --export`, checked as well as the database's. */
  checkpointFile?: string;
}

const THREADS_FROM_LINES = 100_000;

/**
 * Walks every segment's chain in seq order, recomputing each line's keyed hash,
 * and checks where each chain ends against its head and its signed checkpoints.
 * Reports the first broken link. Reads in one snapshot, so lines appended
 * meanwhile are neither seen half nor held in memory. On PostgreSQL, large logs
 * are walked by several threads; should one of them find anything amiss, the
 * log is walked again in one thread, which names the first broken link exactly.
 */
export async function verifyAccessLog(options: VerifyOptions): Promise<VerifyResult> {
  const pool = poolOf(options.db);
  const threads = pool ? (options.threads ?? (await defaultThreads(options.db))) : 1;
  if (pool && threads > 1) {
    const fast = await verifyInThreads(options, pool, threads);
    if (fast?.ok) return fast;
  }
  return verifyInOneThread(options, pool);
}

/** One per core (at most 4) for a large log; one for a small one, where starting threads costs more. */
async function defaultThreads(db: Db): Promise<number> {
  const { rows } = await sql<{ lines: number }>`
    select coalesce(sum(seq), 0)::int8 as lines from audit.access_log_heads`.execute(db);
  const lines = Number(rows[0]?.lines ?? 0);
  return lines >= THREADS_FROM_LINES ? Math.min(4, Math.max(2, availableParallelism())) : 1;
}

/** The heads and signed checkpoints a walk checks the lines against. */
export interface ChainFrame {
  heads: Map<number, Head>;
  checkpoints: Map<number, Checkpoint[]>;
}

async function readFrame(
  trx: Transaction<Database>,
  keys: ChainKeys,
  checkpointFile: string | undefined,
): Promise<ChainFrame> {
  const heads = await trx.selectFrom('audit.access_log_heads').selectAll().execute();
  const checkpoints = await signedCheckpoints(trx, keys);
  if (checkpointFile) {
    for (const c of await readExportedCheckpoints(checkpointFile, keys)) {
      checkpoints.set(c.segment, [...(checkpoints.get(c.segment) ?? []), c]);
    }
    for (const list of checkpoints.values()) list.sort((a, b) => a.seq - b.seq);
  }
  return {
    heads: new Map(heads.map((h) => [h.segment, { seq: Number(h.seq), hash: asBuffer(h.hash) }])),
    checkpoints,
  };
}

function inSnapshot<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      return work(trx);
    });
}

/** Undefined when a thread found something amiss: then one thread walks again, to say what. */
async function verifyInThreads(
  options: VerifyOptions,
  pool: pg.Pool,
  threads: number,
): Promise<VerifyResult | undefined> {
  const keys = deriveChainKeys(options.auditKey);
  return inSnapshot(options.db, async (trx) => {
    let frame: ChainFrame;
    try {
      frame = await readFrame(trx, keys, options.checkpointFile);
    } catch (error) {
      if (error instanceof Broken) return undefined;
      throw error;
    }
    const walked = await walkInThreads({
      databaseUrl: pool.options.connectionString ?? '',
      snapshot: await exportSnapshot(trx),
      auditKey: options.auditKey,
      frame,
      threads,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (walked === undefined) return undefined;
    return {
      ok: true as const,
      entries: walked.entries,
      segments: frame.heads.size,
      threads: walked.threads,
    };
  });
}

async function verifyInOneThread(
  options: VerifyOptions,
  pool: pg.Pool | undefined,
): Promise<VerifyResult> {
  const keys = deriveChainKeys(options.auditKey);
  const batchSize = options.batchSize ?? 20_000;
  return inSnapshot(options.db, async (trx) => {
    const tally = { entries: 0 };
    try {
      const frame = await readFrame(trx, keys, options.checkpointFile);
      const lines = pool
        ? streamedLines(pool, await exportSnapshot(trx))
        : selectedLines(trx, batchSize);
      await walkChain(
        lines,
        {
          keys,
          ...frame,
          share: everySegment,
          onMismatch: (walk, row, head) => recheckLine(trx, keys, walk, row, head),
          ...(options.onProgress
            ? { onProgress: (entries: number) => options.onProgress?.({ entries }) }
            : {}),
        },
        tally,
      );
      return { ok: true as const, entries: tally.entries, segments: frame.heads.size, threads: 1 };
    } catch (error) {
      if (error instanceof Broken) {
        return { ok: false as const, entries: tally.entries, problem: error.problem };
      }
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
