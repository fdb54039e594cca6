import { Command, InvalidArgumentError } from 'commander';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { keyringOptions, loadKeyring } from '../crypto/keyring.ts';
import { type Db, openDatabase } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { checkpointAccessLog } from './checkpoint.ts';
import { exportCheckpoints } from './checkpoint-file.ts';
import { type VerifyResult, verifyAccessLog } from './verify.ts';

/** The one line `jikim audit verify` ends with. */
export function describeVerifyResult(result: VerifyResult): string {
  if (result.ok) {
    const threads = result.threads > 1 ? ` (${result.threads} threads)` : '';
    return `OK: ${result.entries} entries in ${result.segments} segments verified${threads}`;
  }
  const p = result.problem;
  return `BROKEN: segment ${p.segment}, seq ${p.seq}, row id ${p.id}: ${p.kind} — ${p.message} (${result.entries} entries verified before it)`;
}

async function withAuditKey(work: (db: Db, auditKey: Buffer) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const loaded = await loadKeyring(keyringOptions(config));
  if (loaded.notice) console.error(`jikim: ${loaded.notice}`);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    await work(handle.db, loaded.keyring.auditKey);
  } finally {
    await handle.close();
  }
}

function threadCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) {
    throw new InvalidArgumentError('a whole number from 1 to 16');
  }
  return n;
}

/** `jikim audit …`; cli.ts only mounts it. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the access log (접속기록): tamper checks');

  audit
    .command('verify')
    .description('recompute every hash chain of the access log and report the first broken line')
    .option(
      '--threads <n>',
      'threads walking segments side by side on PostgreSQL (default: one per core, at most 4, from 100 000 lines)',
      threadCount,
    )
    .option(
      '--checkpoints <file>',
      'also check the chains against checkpoints exported with `audit checkpoint --export`',
    )
    .action(async (flags: { threads?: number; checkpoints?: string }) => {
      await withAuditKey(async (db, auditKey) => {
        let reported = 0;
        const result = await verifyAccessLog({
          db,
          auditKey,
          ...(flags.threads ? { threads: flags.threads } : {}),
          ...(flags.checkpoints ? { checkpointFile: flags.checkpoints } : {}),
          onProgress: ({ entries }) => {
            if (entries - reported < 1_000_000) return;
            reported = entries;
            console.error(`… ${entries} entries verified`);
          },
        });
        console.log(describeVerifyResult(result));
        process.exitCode = result.ok ? 0 : 1;
      });
    });

  audit
    .command('checkpoint')
    .description('sign where each segment of the access log stands (a scheduled job does this too)')
    .option(
      '--export <file>',
      'append the new checkpoints to this file too; keep it where the database cannot rewrite it',
    )
    .action(async (flags: { export?: string }) => {
      await withAuditKey(async (db, auditKey) => {
        const { written, signed } = await checkpointAccessLog({
          db,
          clock: systemClock,
          auditKey,
        });
        if (flags.export) await exportCheckpoints(flags.export, signed);
        console.log(
          `checkpoint: ${written} segment(s) signed${flags.export ? `, appended to ${flags.export}` : ''}`,
        );
      });
    });

  return audit;
}
