// One thread of `jikim audit verify` (see verify-threads.ts): walks its share of
// the segments over its own COPY stream and reports whether every chain holds.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { deriveChainKeys } from './chain.ts';
import { streamedLines } from './chain-lines.ts';
import { Broken, type Checkpoint, LookCloser, walkChain } from './chain-walk.ts';
import type { ThreadInput, ThreadMessage } from './verify-threads.ts';

const input = workerData as ThreadInput;
const post = (message: ThreadMessage) => parentPort?.postMessage(message);
const checkpoints = new Map<number, Checkpoint[]>();
for (const c of input.checkpoints) {
  const list = checkpoints.get(c.segment) ?? [];
  list.push({ ...c, hash: Buffer.from(c.hash) });
  checkpoints.set(c.segment, list);
}
const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 1 });
const tally = { entries: 0 };
try {
  await walkChain(
    streamedLines(pool, input.snapshot, input.share),
    {
      keys: deriveChainKeys(Buffer.from(input.auditKey)),
      heads: new Map(
        input.heads.map(([segment, seq, hash]) => [segment, { seq, hash: Buffer.from(hash) }]),
      ),
      checkpoints,
      share: input.share,
      onMismatch: () => Promise.reject(new LookCloser()),
      onProgress: (entries) => post({ kind: 'progress', entries }),
    },
    tally,
  );
  post({ kind: 'done', intact: true, entries: tally.entries });
} catch (error) {
  if (!(error instanceof Broken || error instanceof LookCloser)) throw error;
  post({ kind: 'done', intact: false, entries: tally.entries });
} finally {
  await pool.end();
}
