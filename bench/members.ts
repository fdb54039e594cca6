// Member sign-up rate (argon2id on 2 cores) and /me throughput and p99 at 50 concurrent
// signed-in members. Goal: /me p99 under 50 ms on PostgreSQL.
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

  // /me: each of 50 connections is one signed-in member reading their own data, over and over.
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const warmUntil = performance.now() + 2000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const cookie = cookies[i % cookies.length] ?? '';
      while (performance.now() < until) {
        const started = performance.now();
        const res = await fetch(`${base}/me`, { headers: { cookie }, redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        if (started > warmUntil) latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const measuredSeconds = seconds - 2;

  console.log(machineLine(engine));
  console.log(
    `sign-up: ${memberCount} members in ${signUpSeconds.toFixed(1)} s = ${(memberCount / signUpSeconds).toFixed(1)} sign-ups/s (argon2id m=19456 KiB, t=2, 4 concurrent)`,
  );
  console.log(
    `/me at ${concurrency} concurrent members: ${(latencies.length / measuredSeconds).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${errors} (goal on PostgreSQL: p99 < 50 ms)`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
