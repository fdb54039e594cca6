import { Command } from 'commander';
import { createPersonalDataDoor } from '../../access/personal-data.ts';
import { PolicyPublisher } from '../../policy/publisher.ts';
import { ensureSeedVersion } from '../../policy/versions.ts';
import { createAccessLog } from '../audit/access-log.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createFieldCipher } from '../crypto/fields.ts';
import { keyringOptions, loadKeyring } from '../crypto/keyring.ts';
import { openDatabase } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { deliverDue } from './deliver.ts';
import { transportsFromConfig } from './from-config.ts';

/** `jikim outbox …`; cli.ts only mounts it. */
export function outboxCommand(): Command {
  const outbox = new Command('outbox').description('messages waiting for delivery (e-mail, SMS)');

  outbox
    .command('deliver')
    .description('send the messages that are due; counts only, never addresses or texts')
    .option('--batch <n>', 'at most this many messages', (v) => Number.parseInt(v, 10), 200)
    .action(async (options: { batch: number }) => {
      const config = loadConfig();
      const transports = transportsFromConfig(config);
      const loaded = await loadKeyring(keyringOptions(config));
      if (loaded.notice) console.error(`jikim: ${loaded.notice}`);
      const handle = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const db = handle.db;
        const clock = systemClock;
        await migrateToLatest(db);
        await ensureSeedVersion({ db, clock });
        const keyring = loaded.keyring;
        const cipher = createFieldCipher({ db, keyring, clock });
        const accessLog = createAccessLog({ clock, auditKey: keyring.auditKey });
        const publisher = new PolicyPublisher({ db, clock });
        const door = createPersonalDataDoor({ db, accessLog, publisher, clock });
        const report = await deliverDue({
          db,
          cipher,
          clock,
          door,
          transports,
          batch: options.batch,
        });
        console.log(
          `sent ${report.sent}, retrying later ${report.retrying}, given up ${report.abandoned}`,
        );
      } finally {
        if ('close' in transports.email && typeof transports.email.close === 'function') {
          transports.email.close();
        }
        await handle.close();
      }
    });

  return outbox;
}
