import { buildApp } from './app.ts';
import { seedDemoData } from './demo/seed.ts';
import type { Clock } from './platform/clock.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
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
  app: ReturnType<typeof buildApp>;
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, makes sure the seed policy
 * is there, and builds the app. Used by `jikim start` and by tests alike.
 */
export async function openSystem(options: {
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'demo' | 'env'>;
  clock?: Clock;
  log?: Logger;
  handle?: DatabaseHandle;
}): Promise<System> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
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
  const publisher = new PolicyPublisher({ db: handle.db, clock });
  const app = buildApp({ db: handle.db, clock, log, publisher });
  return { handle, clock, log, publisher, app, close: () => handle.close() };
}

function wantsDemo(
  config: Pick<Config, 'demo' | 'env'>,
  engine: DatabaseHandle['engine'],
): boolean {
  if (config.demo === 'on') return true;
  if (config.demo === 'off') return false;
  return engine === 'pglite' && config.env === 'development';
}
