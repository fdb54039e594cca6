#!/usr/bin/env node
// `npm test`: the whole suite on PGlite, then on PostgreSQL when TEST_DATABASE_URL is set.
// Arguments narrow the run to test files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);

function testFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return /\.test\.tsx?$/.test(name) ? [relative(root, path)] : [];
    });
}

const files = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))].filter(
  (f) => filters.length === 0 || filters.some((needle) => f.includes(needle)),
);
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
let failed = false;
for (const engine of engines) {
  console.log(`\n▶ test suite on ${engine} (${files.length} files)`);
  const env = { ...process.env, JIKIM_TEST_ENGINE: engine, TZ: 'UTC' };
  const prepare = spawnSync(process.execPath, ['--import', 'tsx', 'test/prepare.ts', engine], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (prepare.status !== 0) {
    failed = true;
    continue;
  }
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
    { cwd: root, env, stdio: 'inherit' },
  );
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
