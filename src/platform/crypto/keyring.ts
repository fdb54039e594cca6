import { hkdfSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';
import { generateKeyFile, type KeyFile, readKeyFile, writeKeyFile } from './key-file.ts';
import { type Kms, LocalKms } from './kms.ts';

/** The keys a running Jikim holds: the KMS wrapping data keys, and the two keys of their own. */
export interface Keyring {
  masterKeyId: string;
  blindIndexKey: Buffer;
  auditKey: Buffer;
  kms: Kms;
}

export interface KeyringOptions {
  env: 'development' | 'production' | 'test';
  /** JIKIM_DATA: where the development key file lives by default. */
  dataDir: string;
  /** JIKIM_MASTER_KEY: base64 of 32 bytes. */
  masterKeyEnv?: string | undefined;
  /** JIKIM_KEY_FILE. */
  keyFile?: string | undefined;
}

export interface LoadedKeyring {
  keyring: Keyring;
  /** Set when this start generated a new key file: where it is, for the caller to log. */
  generatedAt?: string;
  /** The key file in use, when there is one (rotation writes to it). */
  keyFile?: string;
  /** One line for the caller to log when something about the keys deserves attention. */
  notice?: string;
}

/** Reads the key settings from the environment the way loadConfig reads the rest. */
export function keyringOptions(
  config: { env: KeyringOptions['env']; dataDir: string },
  env: NodeJS.ProcessEnv = process.env,
): KeyringOptions {
  return {
    env: config.env,
    dataDir: config.dataDir,
    masterKeyEnv: env.JIKIM_MASTER_KEY || undefined,
    keyFile: env.JIKIM_KEY_FILE || undefined,
  };
}

/**
 * Finds the keys at start-up. Production never makes keys up: without
 * JIKIM_MASTER_KEY or JIKIM_KEY_FILE it refuses to start, since data encrypted
 * under a key nobody kept could never be read again. Development generates a
 * key file on first start and says where.
 */
export async function loadKeyring(options: KeyringOptions): Promise<LoadedKeyring> {
  if (options.masterKeyEnv && options.keyFile) {
    throw new ConfigError('Set JIKIM_MASTER_KEY or JIKIM_KEY_FILE, not both');
  }
  if (options.masterKeyEnv) {
    return { keyring: keyringFromMasterKey(parseMasterKey(options.masterKeyEnv)) };
  }
  const production = options.env === 'production';
  if (production && !options.keyFile) {
    throw new ConfigError(
      'No master key: set JIKIM_MASTER_KEY (base64 of 32 bytes) or JIKIM_KEY_FILE (made by `jikim keys init`)',
    );
  }
  if (!options.keyFile && options.dataDir.startsWith('memory://')) {
    return {
      keyring: keyringFromFile(generateKeyFile()),
      notice: 'keys are held in memory only: data encrypted in this run cannot be read after it',
    };
  }
  const path = options.keyFile ?? join(options.dataDir, 'keys.json');
  if (existsSync(path)) {
    return {
      keyring: keyringFromFile(readKeyFile(path, { requirePrivate: production })),
      keyFile: path,
    };
  }
  if (production) throw new ConfigError(`JIKIM_KEY_FILE: there is no key file at ${path}`);
  const file = generateKeyFile();
  writeKeyFile(path, file);
  return {
    keyring: keyringFromFile(file),
    generatedAt: path,
    keyFile: path,
    notice: `generated a new key file at ${path} (mode 600): keep a copy apart from the database; without it the encrypted data cannot be read`,
  };
}

function parseMasterKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) {
    throw new ConfigError('Invalid JIKIM_MASTER_KEY: must be base64 of 32 bytes');
  }
  return key;
}

export function keyringFromFile(file: KeyFile): Keyring {
  const kms = new LocalKms(file.masterKeys);
  return {
    masterKeyId: kms.keyId,
    blindIndexKey: file.blindIndexKey,
    auditKey: file.auditKey,
    kms,
  };
}

/**
 * With only a master key in the environment, the blind-index and audit keys are
 * derived from it (HKDF, one label each), so they are still distinct keys.
 * Rotating such a master key would change them too: rotate with a key file.
 */
export function keyringFromMasterKey(master: Buffer): Keyring {
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', master, 'jikim', `jikim/${label}/v1`, 32));
  const kms = new LocalKms([master]);
  return {
    masterKeyId: kms.keyId,
    blindIndexKey: derive('blind-index'),
    auditKey: derive('audit'),
    kms,
  };
}
