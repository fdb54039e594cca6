import { createHash } from 'node:crypto';
import { Command } from 'commander';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { readKeyFile } from './key-file.ts';
import { retireMasterKeys, rotateKeyFile } from './key-file-rotation.ts';
import { keyringOptions, type LoadedKeyring, loadKeyring } from './keyring.ts';
import { masterKeyIdOf } from './kms.ts';
import { subjectKeyCounts } from './rotate.ts';
import type { Executor } from './subject-keys.ts';

async function withKeys<T>(work: (db: Executor, loaded: LoadedKeyring) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const loaded = await loadKeyring(keyringOptions(config));
  if (loaded.notice) console.error(`jikim: ${loaded.notice}`);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    return await work(handle.db, loaded);
  } finally {
    await handle.close();
  }
}

function keyFileOf(loaded: LoadedKeyring): string {
  if (!loaded.keyFile) {
    throw new ConfigError(
      'Key rotation needs a key file: set JIKIM_KEY_FILE instead of JIKIM_MASTER_KEY',
    );
  }
  return loaded.keyFile;
}

/** A short public name for a key, so operators can tell keys apart without seeing them. */
function fingerprint(label: string, key: Buffer): string {
  return createHash('sha256').update(`jikim/${label}/v1`).update(key).digest('hex').slice(0, 16);
}

/** `jikim keys …`; the logic lives in this module so that cli.ts only mounts it. */
export function keysCommand(): Command {
  const keys = new Command('keys').description(
    'encryption keys: status, rotation of the master key',
  );

  keys
    .command('status')
    .description('show the key ids and how many subject keys each master key wraps')
    .action(async () => {
      await withKeys(async (db, loaded) => {
        const { keyring } = loaded;
        const file = loaded.keyFile
          ? readKeyFile(loaded.keyFile, { requirePrivate: false })
          : undefined;
        console.log(
          `key source: ${loaded.keyFile ? `key file ${loaded.keyFile}` : 'JIKIM_MASTER_KEY'}`,
        );
        console.log(`current master key: ${keyring.masterKeyId}`);
        for (const old of file?.masterKeys.slice(1) ?? []) {
          console.log(
            `retained master key: ${masterKeyIdOf(old)} (rotation not finished or not retired)`,
          );
        }
        console.log(`blind-index key: ${fingerprint('blind-index-key-id', keyring.blindIndexKey)}`);
        console.log(`audit key: ${fingerprint('audit-key-id', keyring.auditKey)}`);
        const counts = await subjectKeyCounts(db);
        if (counts.length === 0) console.log('subject keys: none');
        for (const c of counts) console.log(`subject keys under ${c.masterKeyId}: ${c.count}`);
      });
    });

  keys
    .command('rotate')
    .description(
      'make a new master key and re-wrap every subject key under it (resumes an unfinished one)',
    )
    .action(async () => {
      await withKeys(async (db, loaded) => {
        const result = await rotateKeyFile({
          db,
          clock: systemClock,
          keyFile: keyFileOf(loaded),
          onProgress: (p) => console.error(`  pass ${p.pass}: ${p.rewrapped} re-wrapped`),
        });
        console.log(
          `${result.started ? 'rotated to' : 'resumed rotation to'} ${result.masterKeyId}: ${result.rewrapped} subject key(s) re-wrapped, ${result.remaining} left under older keys`,
        );
        console.log(
          `kept ${result.retained.join(', ')} in the key file: restart every app node with it, then run \`jikim keys retire\``,
        );
      });
    });

  keys
    .command('retire')
    .description('drop older master keys from the key file once no subject key uses them')
    .action(async () => {
      await withKeys(async (db, loaded) => {
        const result = await retireMasterKeys({ db, keyFile: keyFileOf(loaded) });
        for (const s of result.stillInUse) {
          console.error(
            `still in use: ${s.masterKeyId} wraps ${s.count} subject key(s); run \`jikim keys rotate\``,
          );
        }
        if (result.stillInUse.length > 0) process.exitCode = 1;
        else
          console.log(
            result.retired.length ? `retired ${result.retired.join(', ')}` : 'nothing to retire',
          );
      });
    });

  keys
    .command('init')
    .description('write a new key file (for production: then set JIKIM_KEY_FILE to it)')
    .requiredOption('--file <path>', 'where to write it; an existing file is never overwritten')
    .action(async (options: { file: string }) => {
      const loaded = await loadKeyring({ env: 'development', dataDir: '.', keyFile: options.file });
      if (!loaded.generatedAt) {
        console.error(`jikim: ${options.file} already exists; it was not changed`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `wrote ${loaded.generatedAt} (mode 600), master key ${loaded.keyring.masterKeyId}`,
      );
    });

  return keys;
}
