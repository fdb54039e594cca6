import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const jikim = fileURLToPath(new URL('../bin/jikim.js', import.meta.url));

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 on the probed path. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts `jikim start` in its own process and waits for the first 200 on `probe`. */
export async function startJikim(options: {
  env?: Record<string, string>;
  probe?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  // BENCH_SERVER_FLAGS passes Node flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=prof"
  // or "--trace-gc" (NODE_OPTIONS refuses some of them, and would reach the load generator too).
  const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  // Started as `npm start` starts it (see package.json), so the figures are those it serves.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...flags, jikim, 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}${options.probe ?? '/privacy'}`).catch(
      () => undefined,
    );
    if (res?.status === 200) {
      await res.arrayBuffer();
      break;
    }
    if (performance.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('server did not come up');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    child,
    port,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A port nothing listens on now: the system picks it (a random one could be another service's). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
