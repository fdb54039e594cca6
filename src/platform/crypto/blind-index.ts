import { createHmac } from 'node:crypto';
import { normalisePhone, normaliseRrn } from './normalise.ts';

export type BlindIndexKind = 'rrn' | 'phone' | (string & {});

/**
 * Keyed equality lookup: HMAC-SHA-256 under the blind-index key, one derived
 * key per kind so that an RRN and a phone number with the same digits never
 * share an index value. Without the key the index cannot be recomputed, so a
 * stolen table cannot be matched against a list of guessed numbers. The full
 * 32 bytes are stored: a truncated index would need a collision check.
 */
export function createBlindIndex(
  blindIndexKey: Buffer,
): (kind: BlindIndexKind, value: string) => Buffer {
  const kindKeys = new Map<string, Buffer>();
  return (kind, value) => {
    let kindKey = kindKeys.get(kind);
    if (!kindKey) {
      kindKey = createHmac('sha256', blindIndexKey).update(`jikim/blind-index/v1/${kind}`).digest();
      kindKeys.set(kind, kindKey);
    }
    return createHmac('sha256', kindKey).update(normalised(kind, value), 'utf8').digest();
  };
}

function normalised(kind: BlindIndexKind, value: string): string {
  if (kind === 'rrn') return normaliseRrn(value);
  if (kind === 'phone') return normalisePhone(value);
  return value;
}
