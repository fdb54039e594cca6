import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.ts';
import { preparingPool } from './prepared-statements.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The embedded instance, for dumping its data folder (test templates, backups). */
  pglite?: PGlite;
  /** Closes the pool or the embedded database; PGlite left open keeps the process alive. */
  close(): Promise<void>;
}

// int8 and numeric arrive as strings by default; counts and ids in Jikim fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A PGlite dump (from `dumpDataDir`) to start from: the test template. */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

// The pool behind a PostgreSQL Db, for the few readers that need the driver
// itself (a COPY stream); PGlite has none.
const pools = new WeakMap<Db, pg.Pool>();

/** The pg pool behind `db`, or undefined on PGlite. */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Connections stay open once made. Closing idle ones (pg's default, after 10 s) makes the
      // next rush of requests wait for new backends, which start cold: 50–250 ms stalls.
      idleTimeoutMillis: 0,
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    });
    pools.set(db, pool);
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    pglite,
    // Kysely's destroy closes the PGlite instance through the dialect's driver.
    close: () => db.destroy(),
  };
}

/** True when the database answers a trivial query; what /healthz reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
