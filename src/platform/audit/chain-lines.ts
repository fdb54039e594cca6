import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../database.ts';
import { contentColumns, encodeContent } from './chain.ts';
import { asBuffer, type ChainLink, everySegment, type Share } from './chain-walk.ts';

/** Every line of the access log, in (segment, seq) order, a batch at a time. */
export type ChainLines = AsyncIterable<ChainLink[]>;

const ORDERED = 'order by segment, seq';
const YIELD_EVERY = 10_000;

/**
 * Lines read through the query builder and encoded in Node: PGlite's way, and
 * the fallback when there is no driver to stream from.
 */
export async function* selectedLines(trx: Transaction<Database>, batchSize: number): ChainLines {
  let after: { segment: number; seq: number } | undefined;
  for (;;) {
    const from = after ? sql`where (segment, seq) > (${after.segment}, ${after.seq})` : sql``;
    const { rows } = await sql<ChainedRow>`
      select *, (extract(epoch from at) * 1000000)::int8 as at_us
      from audit.access_log ${from} ${sql.raw(ORDERED)} limit ${batchSize}`.execute(trx);
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      id: Number(row.id),
      segment: row.segment,
      seq: Number(row.seq),
      prev: asBuffer(row.prev_hash),
      hash: asBuffer(row.hash),
      content: encodeContent(row, Number(row.at_us)),
    }));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as ChainedRow;
    after = { segment: last.segment, seq: Number(last.seq) };
  }
}

type ChainedRow = Parameters<typeof encodeContent>[0] & {
  id: number;
  prev_hash: Uint8Array;
  hash: Uint8Array;
  at_us: number;
};

/**
 * Lines streamed from PostgreSQL with `COPY … (FORMAT binary)` on a second
 * connection that shares the caller's snapshot. The covered columns arrive in
 * exactly the bytes `encodeContent` makes, so a line's content is a slice of the
 * stream: nothing is decoded, copied or re-encoded on the way to the hash.
 */
export async function* streamedLines(
  pool: pg.Pool,
  snapshot: string,
  share: Share = everySegment,
): ChainLines {
  if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error('not a snapshot id');
  // COPY takes no parameters; the bounds are integers of our own.
  const bounds = [
    share.from === null ? 'true' : `segment >= ${Math.trunc(share.from)}`,
    share.below === null ? 'true' : `segment < ${Math.trunc(share.below)}`,
  ].join(' and ');
  const client = await pool.connect();
  let finished = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set transaction snapshot '${snapshot}'`);
    const stream = client.query(
      copyTo(
        `copy (select id, prev_hash, hash, ${contentColumns.join(', ')} from audit.access_log
          where ${bounds} ${ORDERED}) to stdout (format binary)`,
      ),
    );
    const tuples = new CopyTuples();
    let batch: ChainLink[] = [];
    for await (const chunk of stream) {
      tuples.read(chunk as Buffer, batch);
      if (batch.length >= YIELD_EVERY) {
        yield batch;
        batch = [];
      }
    }
    tuples.end();
    if (batch.length > 0) yield batch;
    await client.query('commit');
    finished = true;
  } finally {
    // A connection left in the middle of a COPY is closed, not returned to the pool.
    client.release(finished ? undefined : true);
  }
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const FIELDS = 3 + contentColumns.length;

/** Splits PostgreSQL's binary COPY format into lines, across chunk boundaries. */
export class CopyTuples {
  private rest: Buffer | undefined;
  private started = false;
  private ended = false;
  private readonly offsets = new Int32Array(FIELDS);

  read(chunk: Buffer, into: ChainLink[]): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = undefined;
    let at = 0;
    if (!this.started) {
      if (buf.length < 19) {
        this.rest = buf;
        return;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      at = 19 + buf.readInt32BE(15);
      this.started = true;
    }
    const { offsets } = this;
    const length = buf.length;
    while (!this.ended && length - at >= 2) {
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        this.ended = true;
        return;
      }
      if (fields !== FIELDS) throw new Error(`a COPY row of ${fields} fields, not ${FIELDS}`);
      let p = at + 2;
      let field = 0;
      for (; field < FIELDS && p + 4 <= length; field++) {
        offsets[field] = p;
        const size = buf.readInt32BE(p);
        p += 4 + Math.max(size, 0);
        if (p > length) break;
      }
      if (field < FIELDS || p > length) break;
      const id = offsets[0] as number;
      const prev = offsets[1] as number;
      const hash = offsets[2] as number;
      const content = offsets[3] as number;
      const seq = offsets[4] as number;
      into.push({
        id: int64(buf, id + 4),
        prev: buf.subarray(prev + 4, prev + 4 + buf.readInt32BE(prev)),
        hash: buf.subarray(hash + 4, hash + 4 + buf.readInt32BE(hash)),
        segment: buf.readInt32BE(content + 4),
        seq: int64(buf, seq + 4),
        content: buf.subarray(content, p),
      });
      at = p;
    }
    if (at < length && !this.ended) this.rest = buf.subarray(at);
  }

  end(): void {
    if (!this.ended || this.rest) throw new Error('the COPY stream ended early');
  }
}

/** A non-negative int8 that fits a JS number (ids and seqs), without a BigInt per line. */
function int64(buf: Buffer, at: number): number {
  return buf.readUInt32BE(at) * 0x1_0000_0000 + buf.readUInt32BE(at + 4);
}
