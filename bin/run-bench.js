#!/usr/bin/env node
// `npm run bench -- NAME [args]`: runs bench/NAME.ts. Benchmarks are never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !existsSync(`${benchDir}${name}.ts`)) {
  console.error(`usage: npm run bench -- NAME [args]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', `${benchDir}${name}.ts`, ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
