// Member sign-up rate (argon2id on 2 cores) and /me throughput and p99 at 50 concurrent
// signed-in members, saturated and paced at shares of the saturated rate.
// Goal: /me p99 under 50 ms on PostgreSQL.
// Usage: npm run bench -- members [seconds] [members]   (DATABASE_URL selects PostgreSQL)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adultForm } from '../src/members/testing/member-form.ts';
import { machineLine, percentile } from './_machine.ts';
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

  const view = async (cookie: string) => {
    const res = await fetch(`${base}/me`, { headers: { cookie }, redirect: 'manual' });
    await res.arrayBuffer();
    return res.status === 200;
  };
  const describe = (latencies: number[], seconds: number, errors: number) => {
    latencies.sort((a, b) => a - b);
    return `${(latencies.length / seconds).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors}`;
  };

  // Saturated: each of 50 members reads their own /me again the moment the last answer arrives.
  // Latency here is mostly queueing: p99 ≥ 50 members ÷ throughput.
  const saturated: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const warmUntil = performance.now() + 2000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const cookie = cookies[i % cookies.length] ?? '';
      while (performance.now() < until) {
        const started = performance.now();
        if (!(await view(cookie))) errors++;
        if (started > warmUntil) saturated.push(performance.now() - started);
      }
    }),
  );
  const throughput = saturated.length / (seconds - 2);

  console.log(machineLine(engine));
  console.log(
    `sign-up: ${memberCount} members in ${signUpSeconds.toFixed(1)} s = ${(memberCount / signUpSeconds).toFixed(1)} sign-ups/s (argon2id m=19456 KiB, t=2, 4 concurrent)`,
  );
  console.log(
    `/me saturated by ${concurrency} members: ${describe(saturated, seconds - 2, errors)} (goal on PostgreSQL: p99 < 50 ms)`,
  );

  // Paced: the same 50 members each view /me on a fixed schedule, together offering a share of
  // the saturated throughput. A view is timed from when it was due, not from when it could be sent,
  // so a slow answer that delays the member's next view is counted against the server.
  for (const share of [0.25, 0.5, 0.75]) {
    const rate = throughput * share;
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
          latencies.push(performance.now() - due);
        }
      }),
    );
    console.log(
      `/me paced at ${Math.round(rate)} req/s (${Math.round(share * 100)} % of saturated) from ${concurrency} members: ${describe(latencies, seconds, pacedErrors)}`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
