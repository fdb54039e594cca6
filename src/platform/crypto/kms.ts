import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Wraps and unwraps data keys under a master key that never leaves it. The
 * context (for a subject's data key: the subject id) is bound to the wrapped
 * key, so a wrapped key copied to another subject's row does not unwrap.
 *
 * `LocalKms` keeps the master keys in process memory. A cloud or HSM key
 * service would be another adapter of this interface (wrap = its Encrypt with
 * the context as encryption context, unwrap = its Decrypt naming the key
 * version); nothing else in Jikim changes.
 */
export interface Kms {
  /** The master key new data keys are wrapped under. */
  keyId: string;
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  /** `keyId` is the master key the row says it was wrapped under. */
  unwrap(wrapped: Buffer, context: string, keyId: string): Promise<Buffer>;
}

const WRAP_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class UnknownMasterKey extends Error {
  override name = 'UnknownMasterKey';
  constructor(readonly keyId: string) {
    super(`master key ${keyId} is not in the key file (was it retired too early?)`);
  }
}

export class KeyUnwrapFailed extends Error {
  override name = 'KeyUnwrapFailed';
  constructor(readonly keyId: string) {
    super(`a data key did not unwrap under master key ${keyId}`);
  }
}

/** A master key's id is a fingerprint: the same key has the same id in a file or in the environment. */
export function masterKeyIdOf(key: Buffer): string {
  return `mk-${createHash('sha256').update('jikim/master-key-id/v1').update(key).digest('hex').slice(0, 16)}`;
}

/** AES-256-GCM under master keys held in memory, the current one wrapping and any of them unwrapping. */
export class LocalKms implements Kms {
  readonly keyId: string;
  readonly #keys = new Map<string, KeyObject>();

  /** `keys[0]` is the current master key; the others are kept until rotation has re-wrapped their rows. */
  constructor(keys: Buffer[]) {
    const current = keys[0];
    if (!current) throw new Error('LocalKms needs at least one master key');
    for (const key of keys) {
      if (key.length !== 32) throw new Error('a master key is 32 bytes');
      this.#keys.set(masterKeyIdOf(key), createSecretKey(key));
    }
    this.keyId = masterKeyIdOf(current);
  }

  knows(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  async wrap(dataKey: Buffer, context: string): Promise<Buffer> {
    const key = this.#keys.get(this.keyId) as KeyObject;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([Buffer.of(WRAP_VERSION), iv, cipher.getAuthTag(), body]);
  }

  async unwrap(wrapped: Buffer, context: string, keyId: string): Promise<Buffer> {
    const key = this.#keys.get(keyId);
    if (!key) throw new UnknownMasterKey(keyId);
    if (wrapped.length < 1 + IV_BYTES + TAG_BYTES || wrapped[0] !== WRAP_VERSION) {
      throw new KeyUnwrapFailed(keyId);
    }
    const iv = wrapped.subarray(1, 1 + IV_BYTES);
    const tag = wrapped.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(wrapped.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new KeyUnwrapFailed(keyId);
    }
  }
}

/**
 * While a rotation runs: new data keys are wrapped under the new master key,
 * and a row still naming an older one is unwrapped by the KMS that holds it.
 */
export function rotatingKms(next: Kms, previous: Kms): Kms {
  return {
    keyId: next.keyId,
    wrap: (dataKey, context) => next.wrap(dataKey, context),
    unwrap: (wrapped, context, keyId) =>
      keyId === next.keyId
        ? next.unwrap(wrapped, context, keyId)
        : previous.unwrap(wrapped, context, keyId),
  };
}
