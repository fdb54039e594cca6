// /privacy throughput and p99 at 50 connections, against a bare Hono route serving the same
// bytes from its own process, measured in the same run. Goal: at least 80 % of that ceiling.
// Usage: npm run bench -- privacy [seconds]   (DATABASE_URL selects PostgreSQL)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { machineLine } from './_machine.ts';
import { startJikim } from './_server.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = 50;

async function load(url: string) {
  // Warm up first so JIT and caches are in the same state for both servers.
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'jikim-bench-'));
const engineEnv: Record<string, string> = process.env.DATABASE_URL ? {} : { JIKIM_DATA: dataDir };
// Production mode, as a hospital runs it: a master key from the environment and SMTP set
// (nothing is sent while the page is only read).
const jikim = await startJikim({
  env: {
    ...engineEnv,
    JIKIM_ENV: 'production',
    JIKIM_DEMO: 'off',
    JIKIM_MASTER_KEY: randomBytes(32).toString('base64'),
    JIKIM_SMTP_URL: 'smtp://127.0.0.1:2525',
  },
});
try {
  const url = `http://127.0.0.1:${jikim.port}/privacy`;
  const page = await (await fetch(url)).text();
  const pageFile = join(dataDir, 'page.html');
  writeFileSync(pageFile, page);

  const barePort = jikim.port + 1;
  const bare = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./_bare-server.ts', import.meta.url)),
      pageFile,
      String(barePort),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => bare.stdout.once('data', resolve));
  const ceiling = await load(`http://127.0.0.1:${barePort}/privacy`);
  bare.kill();
  const measured = await load(url);

  console.log(machineLine(process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'));
  console.log(
    `page size: ${Buffer.byteLength(page)} bytes, ${connections} connections, ${seconds} s each`,
  );
  console.log(`bare Hono, same bytes: ${ceiling.rps.toFixed(0)} req/s, p99 ${ceiling.p99} ms`);
  console.log(
    `Jikim /privacy:        ${measured.rps.toFixed(0)} req/s, p99 ${measured.p99} ms, errors ${measured.errors}`,
  );
  console.log(
    `ratio: ${((measured.rps / ceiling.rps) * 100).toFixed(1)} % of the ceiling (goal ≥ 80 %)`,
  );
} finally {
  await jikim.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
