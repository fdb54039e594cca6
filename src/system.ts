import { createPersonalDataDoor, type PersonalDataDoor } from './access/personal-data.ts';
import { accessSettingsFrom } from './access/settings.ts';
import { buildApp } from './app.ts';
import { remindStandingMarketingConsents } from './consents/reminders.ts';
import { seedDemoData } from './demo/seed.ts';
import { expireGuardianRequests } from './members/guardian.ts';
import { memberAddressOf } from './members/marketing.ts';
import { type AccessLog, createAccessLog } from './platform/audit/access-log.ts';
import { checkpointAccessLog } from './platform/audit/checkpoint.ts';
import type { Clock } from './platform/clock.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createFieldCipher, type FieldCipher } from './platform/crypto/fields.ts';
import { listenForDestroyedKeys } from './platform/crypto/key-eviction.ts';
import { type Keyring, keyringOptions, loadKeyring } from './platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase, poolOf } from './platform/db.ts';
import type { Job } from './platform/jobs.ts';
import { type Logger, silentLogger } from './platform/log.ts';
import { migrateToLatest } from './platform/migrate.ts';
import { deliverDue } from './platform/outbox/deliver.ts';
import { transportsFromConfig } from './platform/outbox/from-config.ts';
import { devAdaptersIn } from './platform/outbox/transports.ts';
import { PolicyPublisher } from './policy/publisher.ts';
import { ensureSeedVersion } from './policy/versions.ts';

export interface System {
  handle: DatabaseHandle;
  clock: Clock;
  log: Logger;
  publisher: PolicyPublisher;
  keyring: Keyring;
  /** The same cipher, access log and door the app uses, for jobs and tests. */
  cipher: FieldCipher;
  accessLog: AccessLog;
  door: PersonalDataDoor;
  app: ReturnType<typeof buildApp>;
  /** Recurring work the server runs (outbox delivery, expiries, checkpoints); tests run them by hand. */
  jobs: Job[];
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, makes sure the seed policy
 * is there, and builds the app. Used by `jikim start` and by tests alike.
 */
export async function openSystem(options: {
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'demo' | 'env'> &
    Partial<Pick<Config, 'smtpUrl' | 'mailFrom'>> &
    Partial<Pick<Config, 'internalNetworks' | 'trustProxy' | 'staffIdleMinutes'>>;
  clock?: Clock;
  log?: Logger;
  handle?: DatabaseHandle;
  keyring?: Keyring;
}): Promise<System> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  // Keys first: a production start without them must stop before touching the database.
  const keyring = options.keyring ?? (await loadKeys(options.config, log));
  const handle =
    options.handle ??
    (await openDatabase({
      databaseUrl: options.config.databaseUrl,
      dataDir: options.config.dataDir,
    }));
  try {
    await migrateToLatest(handle.db);
    await ensureSeedVersion({ db: handle.db, clock });
    if (wantsDemo(options.config, handle.engine)) await seedDemoData({ db: handle.db, clock, log });
  } catch (error) {
    await handle.close();
    throw error;
  }
  const db = handle.db;
  const publisher = new PolicyPublisher({ db, clock });
  const cipher = createFieldCipher({ db, keyring, clock });
  // Several app nodes may share one PostgreSQL: a key shredded on one is forgotten on all at once.
  const pool = poolOf(db);
  const eviction = pool
    ? await listenForDestroyedKeys({
        connectionString: pool.options.connectionString ?? '',
        keys: cipher.subjectKeys,
        log,
      })
    : undefined;
  const accessLog = createAccessLog({ clock, auditKey: keyring.auditKey });
  const door = createPersonalDataDoor({ db, accessLog, publisher, clock });
  const transports = transportsFromConfig({
    env: options.config.env,
    smtpUrl: options.config.smtpUrl,
    mailFrom: options.config.mailFrom,
  });
  const app = buildApp({
    db,
    clock,
    log,
    publisher,
    cipher,
    accessLog,
    door,
    staffAccess: staffSettingsOf(options.config),
    devAdapters: devAdaptersIn(transports, options.config.env),
  });
  const jobs: Job[] = [
    {
      name: 'outbox.deliver',
      everyMs: 5_000,
      run: () => deliverDue({ db, cipher, clock, door, transports }),
    },
    {
      name: 'members.expire-guardian-requests',
      everyMs: 15 * 60_000,
      run: () => expireGuardianRequests({ db, cipher, clock }),
    },
    {
      name: 'consents.marketing-reminders',
      everyMs: 24 * 3_600_000,
      run: () =>
        remindStandingMarketingConsents({
          db,
          cipher,
          clock,
          door,
          publisher,
          addressOf: memberAddressOf({ cipher }),
        }),
    },
    {
      name: 'audit.checkpoint',
      everyMs: 10 * 60_000,
      run: () => checkpointAccessLog({ db, clock, auditKey: keyring.auditKey }),
    },
  ];
  return {
    handle,
    clock,
    log,
    publisher,
    keyring,
    cipher,
    accessLog,
    door,
    app,
    jobs,
    close: async () => {
      await eviction?.close();
      await handle.close();
    },
  };
}

async function loadKeys(config: Pick<Config, 'dataDir' | 'env'>, log: Logger): Promise<Keyring> {
  const loaded = await loadKeyring(keyringOptions(config));
  if (loaded.notice) log.warn({ keyFile: loaded.keyFile }, loaded.notice);
  return loaded.keyring;
}

function wantsDemo(
  config: Pick<Config, 'demo' | 'env'>,
  engine: DatabaseHandle['engine'],
): boolean {
  if (config.demo === 'on') return true;
  if (config.demo === 'off') return false;
  return engine === 'pglite' && config.env === 'development';
}

/** Settings the configuration gives; absent ones keep the access module's defaults. */
function staffSettingsOf(
  config: Partial<Pick<Config, 'internalNetworks' | 'trustProxy' | 'staffIdleMinutes'>>,
) {
  const { internalNetworks, trustProxy, staffIdleMinutes } = config;
  if (internalNetworks === undefined || trustProxy === undefined || staffIdleMinutes === undefined)
    return {};
  return accessSettingsFrom({ internalNetworks, trustProxy, staffIdleMinutes });
}
