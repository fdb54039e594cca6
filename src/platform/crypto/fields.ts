import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { type BlindIndexKind, createBlindIndex } from './blind-index.ts';
import type { Keyring } from './keyring.ts';
import {
  createSubjectKeys,
  type Executor,
  type SubjectKeyCacheOptions,
  type SubjectKeys,
} from './subject-keys.ts';

/** Where a ciphertext belongs: it decrypts only in this table, column and row. */
export interface FieldRef {
  table: string;
  column: string;
  rowId: string;
}

/** A ciphertext that does not open under its subject's key: tampered, or moved from another row or column. */
export class FieldCiphertextRejected extends Error {
  override name = 'FieldCiphertextRejected';
  constructor(readonly ref: FieldRef) {
    super(
      `the ciphertext in ${ref.table}.${ref.column} does not belong to this row or was altered`,
    );
  }
}

export interface FieldCipher {
  /** `executor`: the caller's transaction, so a new data key commits or rolls back with it. */
  encrypt(
    subjectId: string,
    ref: FieldRef,
    plaintext: string,
    executor?: Executor,
  ): Promise<Buffer>;
  /** Throws SubjectKeyDestroyed when the subject was shredded, FieldCiphertextRejected when it does not belong here. */
  decrypt(
    subjectId: string,
    ref: FieldRef,
    ciphertext: Buffer,
    executor?: Executor,
  ): Promise<string>;
  blindIndex(kind: BlindIndexKind, normalisedValue: string): Buffer;
  /** Crypto-shredding of one subject: their data key is deleted and forgotten by this process. */
  destroySubjectKey(subjectId: string, executor?: Executor): Promise<boolean>;
  readonly subjectKeys: SubjectKeys;
}

/**
 * Format, version 1: [1][12-byte IV][16-byte GCM tag][ciphertext]. The version
 * byte and the field's place (table, column, row id) are associated data.
 */
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function associatedData(ref: FieldRef): Buffer {
  // JSON keeps the three parts apart: no table/column/row split can be read two ways.
  return Buffer.from(JSON.stringify([FORMAT_VERSION, ref.table, ref.column, ref.rowId]), 'utf8');
}

export function createFieldCipher(deps: {
  db: Executor;
  keyring: Keyring;
  clock: Clock;
  cache?: SubjectKeyCacheOptions;
}): FieldCipher {
  const subjectKeys = createSubjectKeys({
    keyring: deps.keyring,
    clock: deps.clock,
    ...(deps.cache ? { cache: deps.cache } : {}),
  });
  const blindIndex = createBlindIndex(deps.keyring.blindIndexKey);

  return {
    subjectKeys,
    async encrypt(subjectId, ref, plaintext, executor = deps.db) {
      const key = await subjectKeys.dataKey(executor, subjectId, true);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associatedData(ref));
      const body = cipher.update(plaintext, 'utf8');
      const last = cipher.final();
      const out = Buffer.allocUnsafe(HEADER_BYTES + body.length + last.length);
      out[0] = FORMAT_VERSION;
      iv.copy(out, 1);
      cipher.getAuthTag().copy(out, 1 + IV_BYTES);
      body.copy(out, HEADER_BYTES);
      last.copy(out, HEADER_BYTES + body.length);
      return out;
    },
    async decrypt(subjectId, ref, ciphertext, executor = deps.db) {
      if (ciphertext.length < HEADER_BYTES || ciphertext[0] !== FORMAT_VERSION) {
        throw new FieldCiphertextRejected(ref);
      }
      const key = await subjectKeys.dataKey(executor, subjectId, false);
      const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(associatedData(ref));
      decipher.setAuthTag(ciphertext.subarray(1 + IV_BYTES, HEADER_BYTES));
      try {
        const body = decipher.update(ciphertext.subarray(HEADER_BYTES));
        const last = decipher.final();
        return last.length === 0
          ? body.toString('utf8')
          : Buffer.concat([body, last]).toString('utf8');
      } catch {
        throw new FieldCiphertextRejected(ref);
      }
    },
    blindIndex,
    destroySubjectKey: (subjectId, executor = deps.db) => subjectKeys.destroy(executor, subjectId),
  };
}
