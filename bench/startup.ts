// Cold start (fresh data folder, empty compile cache) and warm restart: time to the first 200 on /privacy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine } from './_machine.ts';
import { startJikim } from './_server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'jikim-bench-data-'));
// tsx keeps compiled sources under TMPDIR; a fresh one is what a fresh clone sees.
const coldTmp = mkdtempSync(join(tmpdir(), 'jikim-bench-tmp-'));
try {
  const cold = await startJikim({
    env: { JIKIM_DATA: dataDir, TMPDIR: coldTmp, DATABASE_URL: '' },
  });
  await cold.stop();
  const warmRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const warm = await startJikim({
      env: { JIKIM_DATA: dataDir, TMPDIR: coldTmp, DATABASE_URL: '' },
    });
    warmRuns.push(warm.readyMs);
    await warm.stop();
  }
  const warmBest = Math.min(...warmRuns);
  console.log(machineLine('PGlite'));
  console.log(
    `cold start to first 200 on /privacy: ${(cold.readyMs / 1000).toFixed(2)} s (goal < 15 s)`,
  );
  console.log(
    `warm restart to first 200 on /privacy: ${(warmBest / 1000).toFixed(2)} s best of 3 [${warmRuns.map((m) => (m / 1000).toFixed(2)).join(', ')}] (goal < 2 s)`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(coldTmp, { recursive: true, force: true });
}
