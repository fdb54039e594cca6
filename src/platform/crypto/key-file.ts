import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { masterKeyIdOf } from './kms.ts';

/**
 * The key file: master keys (the first is current; older ones stay until a
 * rotation has re-wrapped every data key they wrapped), and the blind-index and
 * audit keys, each its own random key so that no one key opens everything.
 */
export interface KeyFile {
  masterKeys: Buffer[];
  blindIndexKey: Buffer;
  auditKey: Buffer;
}

const FORMAT = 'jikim-keys/1';

const key32 = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of 32 bytes');

const keyFileSchema = z.object({
  format: z.literal(FORMAT),
  masterKeys: z.array(z.object({ id: z.string(), key: key32 })).min(1),
  blindIndexKey: key32,
  auditKey: key32,
});

export function generateKeyFile(): KeyFile {
  return {
    masterKeys: [randomBytes(32)],
    blindIndexKey: randomBytes(32),
    auditKey: randomBytes(32),
  };
}

/** Reads and checks a key file; a problem names the file and never quotes a key. */
export function readKeyFile(path: string, options: { requirePrivate: boolean }): KeyFile {
  let text: string;
  try {
    if (options.requirePrivate && (statSync(path).mode & 0o077) !== 0) {
      throw new ConfigError(
        `JIKIM_KEY_FILE: ${path} can be read by other users; make it private (chmod 600)`,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`JIKIM_KEY_FILE: cannot read the key file ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`JIKIM_KEY_FILE: ${path} is not a Jikim key file (not JSON)`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? 'file';
    throw new ConfigError(`JIKIM_KEY_FILE: ${path} is not a valid Jikim key file (${where})`);
  }
  const masterKeys = parsed.data.masterKeys.map((entry) => {
    const key = Buffer.from(entry.key, 'base64');
    if (masterKeyIdOf(key) !== entry.id) {
      throw new ConfigError(
        `JIKIM_KEY_FILE: ${path}: master key ${entry.id} does not match its id`,
      );
    }
    return key;
  });
  return {
    masterKeys,
    blindIndexKey: Buffer.from(parsed.data.blindIndexKey, 'base64'),
    auditKey: Buffer.from(parsed.data.auditKey, 'base64'),
  };
}

/** Writes the whole file beside itself and renames it over, so a crash never leaves half a key file. */
export function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const body = {
    format: FORMAT,
    masterKeys: file.masterKeys.map((key) => ({
      id: masterKeyIdOf(key),
      key: key.toString('base64'),
    })),
    blindIndexKey: file.blindIndexKey.toString('base64'),
    auditKey: file.auditKey.toString('base64'),
  };
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, path);
}
