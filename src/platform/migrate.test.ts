import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrations } from './migrations/index.ts';

test('every migration file is listed, in file-name order', () => {
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}-.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(Object.keys(migrations), files);
});
