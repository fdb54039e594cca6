import { type ChainKeys, lineHash, sameBytes } from './chain.ts';
import type { AccessLogRow } from './tables.ts';

export type TamperKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'truncated'
  | 'head-mismatch';

/**
 * Names what most likely happened at the first line that breaks its chain, from
 * the line and those stored after it in its segment. Which line breaks is
 * certain; the kind is the reading an inspector would start from.
 */
export function tamperKindAt(
  keys: ChainKeys,
  row: AccessLogRow,
  expectedPrev: Uint8Array,
  following: AccessLogRow[],
): { kind: TamperKind; message: string } {
  const where = `segment ${row.segment}, seq ${row.seq} (row id ${row.id})`;
  const next = following[0];
  const nextClaimsSamePlace = next !== undefined && sameBytes(next.prev_hash, expectedPrev);

  // A line that links to one stored after it was moved: its seq was swapped.
  if (following.some((f) => sameBytes(f.hash, row.prev_hash))) {
    return {
      kind: 'reordered',
      message: `${where} links to a line stored after it: lines of the chain were reordered`,
    };
  }
  if (sameBytes(row.prev_hash, expectedPrev)) {
    if (nextClaimsSamePlace) {
      return {
        kind: 'inserted',
        message: `${where} was slipped in: the line after it links to the same predecessor`,
      };
    }
    return {
      kind: 'edited',
      message: `${where} was changed after it was written: its content does not match its hash`,
    };
  }
  // A genuine line renumbered one place down: its predecessor was removed.
  if (sameBytes(lineHash(keys, row.prev_hash, { ...row, seq: row.seq + 1 }), row.hash)) {
    return {
      kind: 'deleted',
      message: `a line before ${where} was deleted and the rest renumbered`,
    };
  }
  if (nextClaimsSamePlace) {
    return {
      kind: 'inserted',
      message: `${where} was slipped in: the line after it links to the expected predecessor`,
    };
  }
  return {
    kind: 'edited',
    message: `${where} was changed after it was written: it no longer links to the line before it`,
  };
}
