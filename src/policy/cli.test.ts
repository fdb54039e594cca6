import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seoulDate } from '../platform/clock.ts';

const jikim = fileURLToPath(new URL('../../bin/jikim.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'jikim-policy-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, [jikim, ...args], {
    env: { ...process.env, JIKIM_DATA: dataDir, DATABASE_URL: '', JIKIM_DEMO: 'off' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const daysFromNow = (days: number) => seoulDate(new Date(Date.now() + days * 86_400_000));

test('`jikim policy announce` refuses 6 days of notice, accepts 7, and `policy render` shows the page', () => {
  const exported = run('policy', 'export');
  assert.equal(exported.status, 0, exported.stderr);
  const declaration = JSON.parse(exported.stdout) as {
    processors: { list: { task: { ko: string } }[] };
  };
  const first = declaration.processors.list[0];
  assert.ok(first);
  first.task.ko = 'EMR 운영 (CLI 개정)';
  const file = join(dataDir, 'next.json');
  writeFileSync(file, JSON.stringify(declaration));

  const early = run('policy', 'announce', file, '--effective', daysFromNow(6), '--label', 'cli-6');
  assert.equal(early.status, 2);
  assert.match(early.stderr, /최소 7일 전에 공고/);
  assert.match(early.stderr, /at least 7 days/);

  const ok = run('policy', 'announce', file, '--effective', daysFromNow(7), '--label', 'cli-7');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /announced cli-7/);

  const bad = run('policy', 'announce', file, '--effective', 'next week');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /YYYY-MM-DD/);

  const rendered = run('policy', 'render');
  assert.equal(rendered.status, 0, rendered.stderr);
  assert.match(rendered.stdout, /^<!doctype html>/);
  assert.match(rendered.stdout, /다대소프트/);
  assert.doesNotMatch(rendered.stdout, /CLI 개정/, 'not in force for another 7 days');
});
