import { Worker } from 'node:worker_threads';
import { type Checkpoint, LookCloser, type Share } from './chain-walk.ts';
import type { ChainFrame } from './verify.ts';

/** What one thread is given: plain data, as a thread receives it (Buffers arrive as Uint8Array). */
export interface ThreadInput {
  databaseUrl: string;
  snapshot: string;
  auditKey: Uint8Array;
  heads: [segment: number, seq: number, hash: Uint8Array][];
  checkpoints: Checkpoint[];
  share: Share;
}

export type ThreadMessage =
  | { kind: 'progress'; entries: number }
  | { kind: 'done'; intact: boolean; entries: number };

/**
 * Walks the log in up to `threads` threads, each over its own COPY stream of a
 * range of segments holding about as many lines as the others, all in the given
 * snapshot. Resolves to the lines walked and the threads used when every chain
 * holds, or to undefined as soon as one thread finds anything amiss (the caller
 * then walks in one thread to say exactly what).
 */
export async function walkInThreads(input: {
  databaseUrl: string;
  snapshot: string;
  auditKey: Buffer;
  frame: ChainFrame;
  threads: number;
  onProgress?: (progress: { entries: number }) => void;
}): Promise<{ entries: number; threads: number } | undefined> {
  const heads = [...input.frame.heads].map(
    ([segment, head]) => [segment, head.seq, head.hash] as [number, number, Uint8Array],
  );
  const checkpoints = [...input.frame.checkpoints.values()].flat();
  const shares = sharesOf(input.frame, input.threads);
  const progress = new Array<number>(shares.length).fill(0);
  const workers: Worker[] = [];
  const runs = shares.map((share, index) => {
    const data: ThreadInput = {
      databaseUrl: input.databaseUrl,
      snapshot: input.snapshot,
      auditKey: input.auditKey,
      heads,
      checkpoints,
      share,
    };
    const worker = startThread(data);
    workers.push(worker);
    return new Promise<boolean>((resolve, reject) => {
      let settled = false;
      worker.on('message', (message: ThreadMessage) => {
        if (message.kind === 'progress') {
          progress[index] = message.entries;
          input.onProgress?.({ entries: progress.reduce((a, b) => a + b, 0) });
          return;
        }
        progress[index] = message.entries;
        settled = true;
        resolve(message.intact);
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`an audit verify thread stopped (exit code ${code})`));
      });
    });
  });
  try {
    // The first thread to find something ends the others: the log is walked again anyway.
    await Promise.all(
      runs.map((run) =>
        run.then((intact) => {
          if (!intact) throw new LookCloser();
        }),
      ),
    );
    return { entries: progress.reduce((a, b) => a + b, 0), threads: shares.length };
  } catch (error) {
    if (error instanceof LookCloser) return undefined;
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Contiguous ranges of segments with about equal lines; the first and last ranges are open. */
export function sharesOf(frame: ChainFrame, threads: number): Share[] {
  const segments = [...frame.heads].sort(([a], [b]) => a - b);
  const total = segments.reduce((sum, [, head]) => sum + head.seq, 0);
  const cuts: number[] = [];
  let running = 0;
  for (const [segment, head] of segments) {
    const want = ((cuts.length + 1) * total) / threads;
    if (running >= want && cuts.length < threads - 1) cuts.push(segment);
    running += head.seq;
  }
  const starts = [null, ...cuts];
  return starts.map((from, i) => ({ from, below: cuts[i] ?? null }));
}

/**
 * From the bundle (`jikim audit verify`) the thread runs dist/verify-worker.mjs,
 * built beside dist/jikim.mjs; from source (tests, benchmarks) it loads the
 * TypeScript through tsx, which a thread does not inherit from its process.
 */
function startThread(workerData: ThreadInput): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./verify-worker.mjs', here), { workerData });
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./verify-worker.ts', here).href);
  return new Worker(
    `import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`,
    { eval: true, workerData },
  );
}
