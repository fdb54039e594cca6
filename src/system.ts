import { createPersonalDataDoor } from './access/personal-data.ts';
import { accessSettingsFrom } from './access/settings.ts';
import { buildApp } from './app.ts';
import { seedDemoData } from './demo/seed.ts';
import { createAccessLog } from './platform/audit/access-log.ts';
import type { Clock } from './platform/clock.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createFieldCipher } from './platform/crypto/fields.ts';
import { type Keyring, keyringOptions, loadKeyring } from './platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from './platform/db.ts';
import { type Logger, silentLogger } from './platform/log.ts';
import { migrateToLatest } from './platform/migrate.ts';
import { PolicyPublisher } from './policy/publisher.ts';
import { ensureSeedVersion } from './policy/versions.ts';

export interface System {
  handle: DatabaseHandle;
  clock: Clock;
  log: Logger;
  publisher: PolicyPublisher;
  keyring: Keyring;
  app: ReturnType<typeof buildApp>;
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, makes sure the seed policy
 * is there, and builds the app. Used by `jikim start` and by tests alike.
 */
export async function openSystem(options: {
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'demo' | 'env'> &
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
  const accessLog = createAccessLog({ clock, auditKey: keyring.auditKey });
  const door = createPersonalDataDoor({ db, accessLog, publisher, clock });
  const app = buildApp({
    db,
    clock,
    log,
    publisher,
    cipher,
    accessLog,
    door,
    staffAccess: staffSettingsOf(options.config),
  });
  return { handle, clock, log, publisher, keyring, app, close: () => handle.close() };
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
