import type { Logger } from './log.ts';

/**
 * Recurring work. Each run reads its state from the database and takes the
 * time from the injected clock, so nothing that must survive a restart lives
 * in this process; with several nodes, each job's own locking (`skip locked`,
 * idempotent steps) keeps a piece of work from being done twice.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

export function startJobs(jobs: Job[], log: Logger): RunningJobs {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      // A slow run is not overlapped by the next tick.
      if (busy) return;
      busy = true;
      const run = job
        .run()
        .catch((error: Error & { code?: string }) =>
          log.error({ job: job.name, errorName: error.name, errorCode: error.code }, 'job failed'),
        )
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    // A first run soon after start, but not in the way of the first requests.
    const first = setTimeout(tick, Math.min(job.everyMs, 3_000));
    first.unref();
    return [timer, first];
  });
  return {
    async stop() {
      for (const timer of timers.flat()) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
