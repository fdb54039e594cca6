// Member sign-up rate (argon2id on 2 cores) and /me throughput and p99 at 50 concurrent
// signed-in members: saturated (median of 3 runs), at a person's pace, and paced at shares of
// the saturated rate.
// Goal: /me p99 under 50 ms on PostgreSQL.
// Usage: npm run bench -- members [seconds] [members]   (DATABASE_URL selects PostgreSQL)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adultForm } from '../src/members/testing/member-form.ts';
import { startFloor } from './_floor.ts';
import { cpuSecondsOf, machineLine, percentile } from './_machine.ts';
import { startJikim } from './_server.ts';

const seconds = Number(process.argv[2] ?? 10);
const memberCount = Number(process.argv[3] ?? 50);
const concurrency = 50;

const dataDir = mkdtempSync(join(tmpdir(), 'jikim-bench-members-'));
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const server = await startJikim({
  env: {
    ...(process.env.DATABASE_URL ? {} : { JIKIM_DATA: dataDir }),
    JIKIM_DEMO: 'off',
    JIKIM_MASTER_KEY: randomBytes(32).toString('base64'),
  },
});
const base = `http://127.0.0.1:${server.port}`;
const origin = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

try {
  // Sign-up: every member's password is hashed with argon2id; the form is what a browser posts.
  const forms = Array.from({ length: memberCount }, (_, i) =>
    adultForm({
      loginId: `bench${i}${randomBytes(3).toString('hex')}`,
      phone: `010-5555-${String(1000 + i)}`,
    }),
  );
  const signUpStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < forms.length) {
        const form = forms[next++];
        const res = await fetch(`${base}/signup`, {
          method: 'POST',
          headers: origin,
          body: new URLSearchParams(form),
          redirect: 'manual',
        });
        if (res.status >= 400) throw new Error(`sign-up failed: ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  const signUpSeconds = (performance.now() - signUpStarted) / 1000;

  const cookies: string[] = [];
  for (const form of forms) {
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      headers: origin,
      body: new URLSearchParams({ loginId: form.loginId ?? '', password: form.password ?? '' }),
      redirect: 'manual',
    });
    const cookie = cookieOf(res);
    if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
    cookies.push(cookie);
  }

  // The load comes from plain keep-alive HTTP, one socket per member: fetch costs the shared
  // 2 cores about five times as much per request, CPU the server under test would otherwise have.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const jikim = { pid: server.child.pid, port: server.port, path: '/me' };
  type Target = typeof jikim;
  const view = (cookie: string, target: Target = jikim) =>
    new Promise<boolean>((resolve, reject) => {
      const { port, path } = target;
      const req = http.get({ agent, host: '127.0.0.1', port, path, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  const describe = (latencies: number[], seconds: number, errors: number) => {
    latencies.sort((a, b) => a - b);
    return `${(latencies.length / seconds).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors}`;
  };

  // Saturated: each of 50 members reads their own /me again the moment the last answer arrives.
  // Latency here is mostly queueing: p50 ≈ 50 members ÷ throughput. Three runs, because this
  // machine's speed varies from minute to minute; the one with the median throughput is reported.
  // Where the shared cores went while a run was measured (not during its warm-up):
  const cpuShares = (target: Target) => ({
    server: (pid: number) => pid === target.pid,
    // On PGlite the database runs inside the server process.
    ...(process.env.DATABASE_URL
      ? { PostgreSQL: (_: number, command: string) => command === 'postgres' }
      : {}),
    'load generator': (pid: number) => pid === process.pid,
  });
  const cpuNow = (target: Target) =>
    Object.entries(cpuShares(target)).map(([name, match]) => [name, cpuSecondsOf(match)] as const);
  const saturatedRun = async (target: Target = jikim) => {
    const latencies: number[] = [];
    let errors = 0;
    let cpuAtWarm: ReturnType<typeof cpuNow> | undefined;
    const warm = setTimeout(() => {
      cpuAtWarm = cpuNow(target);
    }, 2000);
    const until = performance.now() + seconds * 1000;
    const warmUntil = performance.now() + 2000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const cookie = cookies[i % cookies.length] ?? '';
        while (performance.now() < until) {
          const started = performance.now();
          if (!(await view(cookie, target))) errors++;
          if (started > warmUntil) latencies.push(performance.now() - started);
        }
      }),
    );
    clearTimeout(warm);
    const cpuPerView = cpuNow(target)
      .map(([name, end], i) => {
        const start = cpuAtWarm?.[i]?.[1];
        if (end === undefined || start === undefined) return undefined;
        return `${name} ${(((end - start) * 1000) / latencies.length).toFixed(2)} ms`;
      })
      .filter(Boolean);
    return {
      throughput: latencies.length / (seconds - 2),
      text: describe(latencies, seconds - 2, errors),
      cpu: cpuPerView.join(', '),
    };
  };
  const runs = [];
  for (let run = 0; run < 3; run++) runs.push(await saturatedRun());
  const byThroughput = [...runs].sort((x, y) => x.throughput - y.throughput);
  const median = byThroughput[1] ?? runs[0];
  if (!median) throw new Error('no saturated run');
  const throughput = median.throughput;

  console.log(machineLine(engine));
  console.log(
    `sign-up: ${memberCount} members in ${signUpSeconds.toFixed(1)} s = ${(memberCount / signUpSeconds).toFixed(1)} sign-ups/s (argon2id m=19456 KiB, t=2, 4 concurrent)`,
  );
  console.log(
    `/me saturated by ${concurrency} members, median of 3 runs: ${median.text} (goal on PostgreSQL: p99 < 50 ms)`,
  );
  if (median.cpu) console.log(`CPU per saturated view: ${median.cpu}`);
  console.log(`  the 3 runs: ${runs.map((r) => `${r.throughput.toFixed(0)} req/s`).join(', ')}`);

  // The same load on the machine's floor: what this host gives a view that makes /me's two round
  // trips and sends a page of its size, with no Jikim in between (see _floor.ts).
  if (process.env.DATABASE_URL) {
    const page = await fetch(`${base}/me`, { headers: { cookie: cookies[0] ?? '' } });
    const floor = await startFloor(process.env.DATABASE_URL, (await page.arrayBuffer()).byteLength);
    try {
      const run = await saturatedRun({ pid: floor.pid, port: floor.port, path: '/' });
      console.log(`machine floor, the same load: ${run.text}; CPU per view: ${run.cpu}`);
    } finally {
      floor.stop();
    }
  }

  // Paced: the same 50 members each view /me on a fixed schedule. A view is timed from when it was
  // due, not from when it could be sent, so a slow answer that delays the member's next view is
  // counted against the server. First at a person's pace (each member once a second, faster than
  // anyone reads the page), then at shares of the saturated throughput.
  const paced = async (rate: number) => {
    const period = (concurrency / rate) * 1000;
    const latencies: number[] = [];
    let pacedErrors = 0;
    const start = performance.now() + 200;
    const end = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const cookie = cookies[i % cookies.length] ?? '';
        for (let due = start + (i * period) / concurrency; due < end; due += period) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (!(await view(cookie))) pacedErrors++;
          const latency = performance.now() - due;
          latencies.push(latency);
          if (process.env.BENCH_OUTLIERS && latency > 30)
            console.log(`outlier at ${Date.now()}: ${latency.toFixed(0)} ms`);
        }
      }),
    );
    return describe(latencies, seconds, pacedErrors);
  };
  console.log(
    `/me at a person's pace, ${concurrency} members each once a second: ${await paced(concurrency)}`,
  );
  for (const share of [0.25, 0.5, 0.75]) {
    const rate = throughput * share;
    console.log(
      `/me paced at ${Math.round(rate)} req/s (${Math.round(share * 100)} % of saturated) from ${concurrency} members: ${await paced(rate)}`,
    );
  }
  agent.destroy();
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
