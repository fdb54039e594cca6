import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { ensureSeedVersion } from '../src/policy/versions.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache');

/**
 * What a template depends on: the migrations, and what `ensureSeedVersion` puts
 * in (the seed policy). A change to any of them makes a new template.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...listFiles(join(root, 'src/platform/migrations')),
    ...listFiles(join(root, 'src/policy/seed')),
    join(root, 'src/policy/seed-policy.ts'),
    join(root, 'src/policy/versions.ts'),
  ];
  for (const file of inputs) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

export function pgliteTemplatePath(key = templateKey()): string {
  return join(cacheDir, `pglite-template-${key}.tar`);
}

export function postgresTemplateName(key = templateKey()): string {
  return `jikim_template_${key}`;
}

/** A migrated, seeded PGlite dumped to a file; each test file loads it in well under a second. */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  await ensureSeedVersion({ db: handle.db, clock: systemClock });
  // Uncompressed: loading it is what every test file pays, and gzip doubles that.
  const dump = await handle.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('expected an embedded database');
  await handle.close();
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a concurrent reader never loads half a file.
  const tmp = `${path}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return path;
}

/** A migrated, seeded PostgreSQL database that each test file copies with CREATE DATABASE … TEMPLATE. */
export async function ensurePostgresTemplate(serverUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    // Templates of older schemas are of no further use; each holds a whole database.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'jikim\\_template\\_%' and datname <> $1",
      [name],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
    }
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building}`);
    const handle = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, building) });
    await migrateToLatest(handle.db);
    await ensureSeedVersion({ db: handle.db, clock: systemClock });
    await handle.close();
    await admin.query(`alter database ${building} rename to ${name}`);
    return name;
  } finally {
    await admin.end();
  }
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
