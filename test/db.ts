import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/platform/db.ts';
import { databaseUrlFor, ensurePgliteTemplate, ensurePostgresTemplate } from './template.ts';

/**
 * Which engine this test run uses. `npm test` runs the whole suite on PGlite,
 * then again on PostgreSQL when TEST_DATABASE_URL is set.
 */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.JIKIM_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('JIKIM_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return url;
}

/** A fresh, migrated database holding the seed policy, copied from the run's template. */
export async function freshDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === 'pglite') {
    const dump = readFileSync(await ensurePgliteTemplate());
    return openDatabase({ loadDataDir: new Blob([dump]) });
  }
  const template = await ensurePostgresTemplate(serverUrl());
  const name = `jikim_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${template}`);
  const handle = await openDatabase({
    databaseUrl: databaseUrlFor(serverUrl(), name),
    poolSize: 4,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name}`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
