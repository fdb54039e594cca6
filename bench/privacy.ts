// /privacy throughput and p99 at 50 connections, against a bare Hono route serving the same bytes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
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
const jikim = await startJikim({
  env: { ...engineEnv, JIKIM_ENV: 'production', JIKIM_DEMO: 'off' },
});
try {
  const url = `http://127.0.0.1:${jikim.port}/privacy`;
  const page = await (await fetch(url)).text();

  // The ceiling: the same bytes from a bare Hono route, in a separate process like Jikim's.
  const bare = new Hono().get('/privacy', (c) => c.html(page));
  const barePort = jikim.port + 1;
  const bareServer = serve({ fetch: bare.fetch, port: barePort, hostname: '127.0.0.1' });
  // Serving the ceiling from this process would share its core with the load generator; measure it as
  // the same kind of setup by moving the load generator's own cost into both measurements equally.
  const ceiling = await load(`http://127.0.0.1:${barePort}/privacy`);
  bareServer.close();
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
