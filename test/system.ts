import { after } from 'node:test';
import { type Clock, ManualClock } from '../src/platform/clock.ts';
import { openSystem, type System } from '../src/system.ts';
import { freshDatabase } from './db.ts';

/**
 * The whole system on a fresh database with a clock the test controls; closed
 * when the test file ends.
 */
export async function openTestSystem(
  options: { clock?: Clock } = {},
): Promise<System & { clock: Clock }> {
  const handle = await freshDatabase();
  const system = await openSystem({
    config: { databaseUrl: undefined, dataDir: 'memory://', demo: 'off', env: 'test' },
    clock: options.clock ?? new ManualClock('2026-11-27T10:00:00+09:00'),
    handle,
  });
  after(() => system.close());
  return system;
}
