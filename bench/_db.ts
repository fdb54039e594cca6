// A scratch database for one benchmark run: in memory on PGlite, or a new database on the
// PostgreSQL server the tests use, dropped afterwards unless kept.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/platform/db.ts';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function openScratch(options: {
  engine: string;
  /** Start of the database's name; a random suffix follows. */
  prefix: string;
  poolSize: number;
  keep?: boolean;
}): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (options.engine === 'pglite') {
    return { handle: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  }
  const name = `${options.prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: options.poolSize });
  return {
    handle,
    drop: async () =>
      options.keep ? console.log(`kept database ${name}`) : admin(`drop database ${name}`),
  };
}
