import {
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import type { Db } from './db.ts';
import { migrations } from './migrations/index.ts';

/** A file, once landed, never changes; a new change is a new file with a later timestamp. */
const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db, provider, migrationTableSchema: 'public' });
}

/**
 * True when every migration is already recorded as applied: one query, so a
 * restart does not pay for the migrator's own set-up.
 */
async function isUpToDate(db: Db): Promise<boolean> {
  try {
    const result = await sql<{ name: string }>`select name from public.kysely_migration`.execute(
      db,
    );
    const applied = new Set(result.rows.map((r) => r.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false;
  }
}

/** Brings the database to the newest schema; both engines run the same files. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const result: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (result.error) {
    // A database that cannot be reached is not a broken migration; report it as what it is.
    if (isConnectionFailure(result.error)) throw result.error;
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|28P01|28000|3D000|57P03)$/.test(code);
}
