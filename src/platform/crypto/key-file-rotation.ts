import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { readKeyFile, writeKeyFile } from './key-file.ts';
import { keyringFromFile } from './keyring.ts';
import { masterKeyIdOf } from './kms.ts';
import {
  type RotationProgress,
  type RotationResult,
  rotateMasterKey,
  subjectKeyCounts,
} from './rotate.ts';
import type { Executor } from './subject-keys.ts';

export interface KeyFileRotation extends RotationResult {
  /** False when an unfinished rotation was resumed rather than a new master key made. */
  started: boolean;
  /** Older master keys the file keeps until `retireMasterKeys` finds none of their rows left. */
  retained: string[];
}

/**
 * `jikim keys rotate`: puts a new master key first in the key file (the old one
 * stays), then re-wraps every subject key under it. The file is written before
 * any row changes, so a crash mid-way loses no key; running it again resumes.
 */
export async function rotateKeyFile(deps: {
  db: Executor;
  clock: Clock;
  keyFile: string;
  onProgress?: (progress: RotationProgress) => void;
}): Promise<KeyFileRotation> {
  const file = readKeyFile(deps.keyFile, { requirePrivate: false });
  const started = file.masterKeys.length === 1;
  if (started) {
    file.masterKeys.unshift(randomBytes(32));
    writeKeyFile(deps.keyFile, file);
  }
  const keyring = keyringFromFile(file);
  const result = await rotateMasterKey({
    db: deps.db,
    keyring,
    newKms: keyring.kms,
    clock: deps.clock,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
  return { ...result, started, retained: file.masterKeys.slice(1).map(masterKeyIdOf) };
}

/**
 * `jikim keys retire`: drops older master keys from the key file once no
 * subject key is wrapped under them. Run it after every app node has been
 * restarted with the rotated file; until then a node may still wrap new keys
 * under the old master key, and `keys rotate` re-wraps those first.
 */
export async function retireMasterKeys(deps: {
  db: Executor;
  keyFile: string;
}): Promise<{ retired: string[]; stillInUse: { masterKeyId: string; count: number }[] }> {
  const file = readKeyFile(deps.keyFile, { requirePrivate: false });
  const [current, ...older] = file.masterKeys;
  if (!current || older.length === 0) return { retired: [], stillInUse: [] };
  const counts = await subjectKeyCounts(deps.db);
  const olderIds = new Set(older.map(masterKeyIdOf));
  const stillInUse = counts.filter((c) => olderIds.has(c.masterKeyId) && c.count > 0);
  if (stillInUse.length > 0) return { retired: [], stillInUse };
  writeKeyFile(deps.keyFile, { ...file, masterKeys: [current] });
  return { retired: [...olderIds], stillInUse: [] };
}
