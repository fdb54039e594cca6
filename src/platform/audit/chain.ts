import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { AccessLogRow } from './tables.ts';

/** The `prev_hash` of each segment's first line. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * Two keys derived from the audit key, one per use, so that a checkpoint
 * signature can never pass for a line's hash or the other way round.
 */
export interface ChainKeys {
  line: KeyObject;
  checkpoint: KeyObject;
}

export function deriveChainKeys(auditKey: Buffer): ChainKeys {
  if (auditKey.length < 32) throw new RangeError('the audit key must be at least 32 bytes');
  const derive = (use: string) =>
    createSecretKey(createHmac('sha256', auditKey).update(use).digest());
  return { line: derive('jikim access-log line v1'), checkpoint: derive('jikim checkpoint v1') };
}

/** What a line's hash covers: everything but its id and the hashes themselves. */
export type ChainedContent = Omit<AccessLogRow, 'id' | 'prev_hash' | 'hash'>;

/**
 * The canonical encoding: a compact JSON array in a fixed column order, the time
 * as whole microseconds since the epoch. JSON strings are unambiguous, and
 * `contentSql` makes the very same text inside the database, so that verifying
 * millions of lines does not parse each column in Node.
 */
export function encodeContent(row: ChainedContent, atMicros = row.at.getTime() * 1000): string {
  return JSON.stringify([
    row.segment,
    // int8 arrives as a number from both engines; Number() guards a string parser.
    Number(row.seq),
    atMicros,
    row.actor_kind,
    row.actor_id,
    row.ip,
    row.subject_ids,
    row.items,
    row.action,
    row.purpose,
    row.outcome,
    row.refusal_reason,
    row.search_fields,
    row.result_count,
    row.stated_reason,
    row.grant_id,
    row.policy_version_id,
    row.request_id,
  ]);
}

const jsonOf = (column: string) => `coalesce(to_json(${column})::text, 'null')`;

/**
 * `encodeContent` as SQL over a row of audit.access_log. PostgreSQL escapes
 * JSON strings as JavaScript does; should a version ever differ, the verifier
 * re-checks a mismatching line with `encodeContent` before calling it broken.
 */
export const contentSql = [
  'segment::text',
  'seq::text',
  '(extract(epoch from at) * 1000000)::int8::text',
  ...['actor_kind', 'actor_id', 'ip', 'subject_ids', 'items'].map(jsonOf),
  ...['action', 'purpose', 'outcome', 'refusal_reason', 'search_fields'].map(jsonOf),
  "coalesce(result_count::text, 'null')",
  ...['stated_reason', 'grant_id', 'policy_version_id', 'request_id'].map(jsonOf),
]
  .join(" || ',' || ")
  .replace(/^/, "'[' || ")
  .concat(" || ']'");

/** HMAC-SHA-256 over the previous hash and the line: without the key, no one can recompute a chain. */
export function lineHash(
  keys: ChainKeys,
  prevHash: Uint8Array,
  row: ChainedContent,
  atMicros?: number,
): Buffer {
  return createHmac('sha256', keys.line)
    .update(prevHash)
    .update(encodeContent(row, atMicros))
    .digest();
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
