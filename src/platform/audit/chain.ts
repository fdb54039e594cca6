import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import type { AccessLogRow } from './tables.ts';

/** The `prev_hash` of each segment's first line. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * Two keys derived from the audit key, one per use, so that a checkpoint
 * signature can never pass for a line's hash or the other way round.
 */
export interface ChainKeys {
  line: LineMac;
  checkpoint: KeyObject;
}

export function deriveChainKeys(auditKey: Buffer): ChainKeys {
  if (auditKey.length < 32) throw new RangeError('the audit key must be at least 32 bytes');
  const derive = (use: string) => createHmac('sha256', auditKey).update(use).digest();
  return {
    line: new LineMac(derive('jikim access-log line v2')),
    checkpoint: createSecretKey(derive('jikim checkpoint v1')),
  };
}

const BLOCK = 64;

/**
 * HMAC-SHA-256 (RFC 2104) under one key, computed as the two SHA-256 passes it
 * is defined by, over buffers kept between calls. `createHmac` sets the key up
 * anew for every line, which over millions of lines costs more than the hashing
 * itself. A test holds it equal to `createHmac` for inputs of every length.
 */
export class LineMac {
  private inner: Buffer;
  private readonly outer = Buffer.alloc(BLOCK + 32);

  constructor(key: Buffer) {
    if (key.length > BLOCK) throw new RangeError('an HMAC key longer than a block is hashed first');
    this.inner = Buffer.alloc(BLOCK + 512);
    for (let i = 0; i < BLOCK; i++) {
      const k = key[i] ?? 0;
      this.inner[i] = k ^ 0x36;
      this.outer[i] = k ^ 0x5c;
    }
  }

  /** HMAC(key, prev ‖ content). */
  of(prev: Uint8Array, content: Uint8Array): Buffer {
    const length = BLOCK + prev.length + content.length;
    if (length > this.inner.length) {
      const grown = Buffer.alloc(length * 2);
      this.inner.copy(grown, 0, 0, BLOCK);
      this.inner = grown;
    }
    this.inner.set(prev, BLOCK);
    this.inner.set(content, BLOCK + prev.length);
    this.outer.set(hash('sha256', this.inner.subarray(0, length), 'buffer'), BLOCK);
    return hash('sha256', this.outer, 'buffer');
  }
}

/** What a line's hash covers: everything but its id and the hashes themselves. */
export type ChainedContent = Omit<AccessLogRow, 'id' | 'prev_hash' | 'hash'>;

// PostgreSQL's binary forms (the types' send functions): stable across versions,
// being the wire protocol. Times are microseconds since 2000-01-01 UTC.
const PG_EPOCH_MICROS = 946_684_800_000_000n;
const TEXT_OID = 25;

function withLength(body: Buffer): Buffer {
  const length = Buffer.allocUnsafe(4);
  length.writeInt32BE(body.length);
  return Buffer.concat([length, body]);
}
const NULL_FIELD = Buffer.from([0xff, 0xff, 0xff, 0xff]);
function int4(value: number | null): Buffer {
  if (value === null) return NULL_FIELD;
  const b = Buffer.allocUnsafe(8);
  b.writeInt32BE(4);
  b.writeInt32BE(value, 4);
  return b;
}
function int8(value: bigint): Buffer {
  const b = Buffer.allocUnsafe(12);
  b.writeInt32BE(8);
  b.writeBigInt64BE(value, 4);
  return b;
}
function text(value: string | null): Buffer {
  return value === null ? NULL_FIELD : withLength(Buffer.from(value, 'utf8'));
}
function textArray(values: readonly string[] | null): Buffer {
  if (values === null) return NULL_FIELD;
  // ndim, has-nulls, element type; then, for a non-empty array, its length and lower bound.
  const header = Buffer.alloc(values.length === 0 ? 12 : 20);
  header.writeInt32BE(values.length === 0 ? 0 : 1);
  header.writeInt32BE(TEXT_OID, 8);
  if (values.length > 0) {
    header.writeInt32BE(values.length, 12);
    header.writeInt32BE(1, 16);
  }
  return withLength(Buffer.concat([header, ...values.map(text)]));
}

type Encode = (row: ChainedContent, atMicros: number) => Buffer;
type TextColumn =
  | 'actor_kind'
  | 'actor_id'
  | 'ip'
  | 'action'
  | 'purpose'
  | 'outcome'
  | 'refusal_reason'
  | 'stated_reason'
  | 'grant_id'
  | 'policy_version_id'
  | 'request_id';
const textOf = (column: TextColumn) => (row: ChainedContent) => text(row[column]);

/**
 * What a line's hash covers, in order: each column as PostgreSQL's binary COPY
 * writes it (a 4-byte length, -1 for NULL, then the value's binary form).
 * `jikim audit verify` streams exactly these columns with `COPY … (FORMAT
 * binary)`, so the database's own bytes are hashed and no column is parsed.
 */
const covered: readonly (readonly [keyof ChainedContent, Encode])[] = [
  ['segment', (row) => int4(row.segment)],
  // int8 arrives as a number from both engines; Number() guards a string parser.
  ['seq', (row) => int8(BigInt(Number(row.seq)))],
  ['at', (_, atMicros) => int8(BigInt(Math.round(atMicros)) - PG_EPOCH_MICROS)],
  ['actor_kind', textOf('actor_kind')],
  ['actor_id', textOf('actor_id')],
  ['ip', textOf('ip')],
  ['subject_ids', (row) => textArray(row.subject_ids)],
  ['items', (row) => textArray(row.items)],
  ['action', textOf('action')],
  ['purpose', textOf('purpose')],
  ['outcome', textOf('outcome')],
  ['refusal_reason', textOf('refusal_reason')],
  ['search_fields', (row) => textArray(row.search_fields)],
  ['result_count', (row) => int4(row.result_count)],
  ['stated_reason', textOf('stated_reason')],
  ['grant_id', textOf('grant_id')],
  ['policy_version_id', textOf('policy_version_id')],
  ['request_id', textOf('request_id')],
];

export const contentColumns: readonly string[] = covered.map(([column]) => column);

/** The canonical encoding of a line; the time in whole microseconds, as the database keeps it. */
export function encodeContent(row: ChainedContent, atMicros = row.at.getTime() * 1000): Buffer {
  return Buffer.concat(covered.map(([, encode]) => encode(row, Number(atMicros))));
}

/** HMAC-SHA-256 over the previous hash and the line: without the key, no one can recompute a chain. */
export function lineHash(
  keys: ChainKeys,
  prevHash: Uint8Array,
  row: ChainedContent,
  atMicros?: number,
): Buffer {
  return keys.line.of(prevHash, encodeContent(row, atMicros));
}

export interface CheckpointContent {
  segment: number;
  seq: number;
  hash: Uint8Array;
  at: Date;
}

export function checkpointSignature(keys: ChainKeys, c: CheckpointContent): Buffer {
  const encoded = JSON.stringify([
    c.segment,
    Number(c.seq),
    Buffer.from(c.hash).toString('hex'),
    c.at.toISOString(),
  ]);
  return createHmac('sha256', keys.checkpoint).update(encoded).digest();
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
