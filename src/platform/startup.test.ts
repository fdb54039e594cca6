import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const jikim = fileURLToPath(new URL('../../bin/jikim.js', import.meta.url));

function runJikim(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [jikim, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('a malformed DATABASE_URL stops start-up with one line naming it, and no stack trace', () => {
  const result = runJikim(['start'], { DATABASE_URL: 'mysql//nope:secret@' });
  assert.equal(result.status, 2);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /DATABASE_URL/);
  assert.doesNotMatch(result.stderr, /secret/, 'the value itself may hold a password');
  assert.doesNotMatch(result.stderr, /\bat \S+ \(/);
});

test('a port that is not a port stops start-up with one line naming PORT', () => {
  for (const port of ['http', '70000']) {
    const result = runJikim(['start'], { PORT: port });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^jikim: Invalid PORT/);
  }
});

test('an unreachable database is reported in one line without its address', () => {
  const result = runJikim(['migrate'], { DATABASE_URL: 'postgres://u:pw@127.0.0.1:1/x' });
  assert.equal(result.status, 2);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /refused/);
  assert.doesNotMatch(result.stderr, /pw/);
});

test('jikim start serves /healthz and /privacy on PGlite and exits cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jikim-start-'));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const child = spawn(process.execPath, [jikim, 'start'], {
    env: { ...process.env, PORT: port, JIKIM_DATA: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let health: Response | undefined;
    for (let i = 0; i < 360 && !health; i++) {
      await new Promise((r) => setTimeout(r, 250));
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    }
    assert.ok(health, 'server came up');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const privacy = await fetch(`http://127.0.0.1:${port}/privacy`);
    assert.equal(privacy.status, 200);
    assert.match(await privacy.text(), /개인정보처리방침/);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r('hung'), 15_000)),
    ]);
    assert.equal(code, 0, 'exits by itself once PGlite is closed');
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
