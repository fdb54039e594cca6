import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RawBuilder, sql } from 'kysely';
import { freshDatabase, testEngine } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import { keyringFromMasterKey } from '../crypto/keyring.ts';
import { type Db, poolOf } from '../db.ts';
import { type AccessLogEntry, createAccessLog } from './access-log.ts';
import { describeVerifyResult } from './audit-command.ts';
import { checkpointAccessLog } from './checkpoint.ts';
import { exportCheckpoints } from './checkpoint-file.ts';
import { type VerifyResult, verifyAccessLog } from './verify.ts';

const auditKey = randomBytes(32);
const jikim = fileURLToPath(new URL('../../../bin/jikim.js', import.meta.url));

function aRead(): AccessLogEntry {
  return {
    actor: { kind: 'staff', id: randomUUID() },
    ip: '192.168.0.10',
    subjectIds: [randomUUID()],
    items: ['care.name', 'care.health_info'],
    action: 'read',
    purpose: 'care',
    outcome: 'allowed',
  };
}

/**
 * A fresh database holding one segment of `lines` lines (seq 1…lines), for a
 * test to tamper with. Ids are by seq, as an inspector would look them up.
 */
async function logOf(
  t: { after(fn: () => Promise<void>): void },
  lines = 6,
  segments = 1,
  key: Buffer = auditKey,
) {
  const handle = await freshDatabase();
  t.after(() => handle.close());
  const clock = new ManualClock('2026-11-27T09:00:00+09:00');
  const log = createAccessLog({ clock, auditKey: key, segments });
  for (let i = 0; i < lines; i++) {
    clock.advance(60_000);
    // One transaction per line, as writes log: each takes the next free segment in turn, so the
    // lines spread over every segment (reads' batches keep to a segment of their own).
    await handle.db.transaction().execute((trx) => log.append(trx, aRead()));
  }
  const rows = await handle.db
    .selectFrom('audit.access_log')
    .select(['id', 'segment', 'seq', 'hash'])
    .orderBy('id')
    .execute();
  const idOfSeq = (seq: number) => rows.find((r) => r.segment === 0 && r.seq === seq)?.id;
  return { db: handle.db, clock, rows, idOfSeq };
}

/** What an attacker with the database's superuser can do: write with the triggers off. */
async function asAttacker(db: Db, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

function problemOf(result: VerifyResult) {
  assert.equal(result.ok, false, 'verify should have found the tampering');
  if (result.ok) throw new Error('unreachable');
  return result.problem;
}

test('an untouched log verifies', async (t) => {
  const { db } = await logOf(t, 6, 3);
  const result = await verifyAccessLog({ db, auditKey });
  assert.deepEqual(result, { ok: true, entries: 6, segments: 3, threads: 1 });
  assert.equal(describeVerifyResult(result), 'OK: 6 entries in 3 segments verified');
  // Without the key the chain cannot be checked, let alone recomputed.
  assert.equal((await verifyAccessLog({ db, auditKey: randomBytes(32) })).ok, false);
});

test('an edited field names its line', async (t) => {
  const { db, idOfSeq } = await logOf(t);
  await asAttacker(
    db,
    sql`update audit.access_log set subject_ids = array[${randomUUID()}] where segment = 0 and seq = 3`,
  );
  const result = await verifyAccessLog({ db, auditKey });
  assert.deepEqual(
    { ...problemOf(result), message: undefined },
    { segment: 0, seq: 3, id: idOfSeq(3), kind: 'edited', message: undefined },
  );
  assert.match(describeVerifyResult(result), /^BROKEN: segment 0, seq 3, row id \d+: edited/);

  // Even a microsecond moved on a line's time is a change.
  const timed = await logOf(t);
  await asAttacker(
    timed.db,
    sql`update audit.access_log set at = at + interval '1 microsecond' where segment = 0 and seq = 5`,
  );
  const problem = problemOf(await verifyAccessLog({ db: timed.db, auditKey }));
  assert.deepEqual([problem.kind, problem.seq], ['edited', 5]);
});

test('a deleted line in the middle is found, also when the rest is renumbered', async (t) => {
  const { db, idOfSeq } = await logOf(t);
  await asAttacker(db, sql`delete from audit.access_log where segment = 0 and seq = 3`);
  const gap = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.deepEqual([gap.kind, gap.seq, gap.id], ['deleted', 3, idOfSeq(4)]);

  const renumbered = await logOf(t);
  await asAttacker(
    renumbered.db,
    sql`delete from audit.access_log where segment = 0 and seq = 3`,
    ...[4, 5, 6].map((seq) => sql`update audit.access_log set seq = seq - 1 where seq = ${seq}`),
    sql`update audit.access_log_heads set seq = 5`,
  );
  const shifted = problemOf(await verifyAccessLog({ db: renumbered.db, auditKey }));
  assert.deepEqual([shifted.kind, shifted.seq, shifted.id], ['deleted', 3, renumbered.idOfSeq(4)]);
});

test('a forged line slipped into the chain is found', async (t) => {
  const { db, rows } = await logOf(t);
  const prev = rows.find((r) => r.seq === 2)?.hash;
  await asAttacker(
    db,
    ...[6, 5, 4, 3].map((seq) => sql`update audit.access_log set seq = seq + 1 where seq = ${seq}`),
    sql`insert into audit.access_log (segment, seq, prev_hash, hash, at, actor_kind, actor_id,
          subject_ids, items, action, purpose, outcome)
        values (0, 3, ${prev}, ${randomBytes(32)}, now(), 'staff', 'alibi',
          array[${randomUUID()}], '{care.name}', 'read', 'care', 'allowed')`,
    sql`update audit.access_log_heads set seq = 7`,
  );
  const forged = await db
    .selectFrom('audit.access_log')
    .select('id')
    .where('actor_id', '=', 'alibi')
    .executeTakeFirstOrThrow();
  const problem = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.deepEqual([problem.kind, problem.seq, problem.id], ['inserted', 3, forged.id]);
});

test('a forged line added after the newest is found', async (t) => {
  const { db, rows } = await logOf(t);
  await asAttacker(
    db,
    sql`insert into audit.access_log (segment, seq, prev_hash, hash, at, actor_kind, actor_id,
          subject_ids, items, action, purpose, outcome)
        values (0, 7, ${rows.at(-1)?.hash}, ${randomBytes(32)}, now(), 'staff', 'alibi',
          '{}', '{care.name}', 'read', 'care', 'allowed')`,
  );
  const problem = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.deepEqual([problem.kind, problem.seq], ['inserted', 7]);
});

test('two lines whose seq were swapped are found as reordered', async (t) => {
  const { db, idOfSeq } = await logOf(t);
  await asAttacker(
    db,
    sql`update audit.access_log set seq = 100 where segment = 0 and seq = 3`,
    sql`update audit.access_log set seq = 3 where segment = 0 and seq = 4`,
    sql`update audit.access_log set seq = 4 where segment = 0 and seq = 100`,
  );
  const problem = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.deepEqual([problem.kind, problem.seq, problem.id], ['reordered', 3, idOfSeq(4)]);
});

test('removing the newest lines is found by the head, and by a checkpoint when the head is rewound', async (t) => {
  const { db } = await logOf(t);
  await asAttacker(db, sql`delete from audit.access_log where segment = 0 and seq > 4`);
  const byHead = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.deepEqual([byHead.kind, byHead.segment, byHead.seq], ['truncated', 0, 5]);
  assert.match(byHead.message, /its head reaches seq 6/);

  const second = await logOf(t);
  const { written } = await checkpointAccessLog({ db: second.db, clock: second.clock, auditKey });
  assert.equal(written, 1);
  const fourth = second.rows.find((r) => r.seq === 4)?.hash;
  await asAttacker(
    second.db,
    sql`delete from audit.access_log where segment = 0 and seq > 4`,
    sql`update audit.access_log_heads set seq = 4, hash = ${fourth} where segment = 0`,
  );
  const byCheckpoint = problemOf(await verifyAccessLog({ db: second.db, auditKey }));
  assert.deepEqual([byCheckpoint.kind, byCheckpoint.seq], ['truncated', 5]);
  assert.match(byCheckpoint.message, /signed checkpoint at seq 6/);
});

test('a checkpoint written without the key is found', async (t) => {
  const { db, rows } = await logOf(t);
  await db
    .insertInto('audit.access_log_checkpoints')
    .values({
      segment: 0,
      seq: 9,
      hash: rows[0]?.hash ?? Buffer.alloc(32),
      at: new Date(),
      signature: randomBytes(32),
    })
    .execute();
  const problem = problemOf(await verifyAccessLog({ db, auditKey }));
  assert.equal(problem.kind, 'head-mismatch');
  assert.match(problem.message, /not carry a valid signature/);
});

test('in a log of many segments, the broken one is named', async (t) => {
  const { db, rows } = await logOf(t, 40, 8);
  const target = rows[25];
  assert.ok(target);
  await asAttacker(
    db,
    sql`update audit.access_log set purpose = 'marketing' where id = ${target.id}`,
  );
  const problem = problemOf(await verifyAccessLog({ db, auditKey, batchSize: 4 }));
  assert.deepEqual(
    [problem.kind, problem.segment, problem.seq, problem.id],
    ['edited', target.segment, target.seq, target.id],
  );
});

test('threads walk a large log to the same answer, and the command runs them from its bundle', {
  skip: testEngine() === 'pglite' && 'threads stream from PostgreSQL; PGlite has one connection',
}, async (t) => {
  const { db, rows } = await logOf(t, 60, 8);
  assert.deepEqual(await verifyAccessLog({ db, auditKey, threads: 3 }), {
    ok: true,
    entries: 60,
    segments: 8,
    threads: 3,
  });

  // The command as an operator runs it, with the audit key it derives from the master key.
  const master = randomBytes(32);
  const operatorLog = await logOf(t, 12, 4, keyringFromMasterKey(master).auditKey);
  const audit = (...args: string[]) =>
    spawnSync(process.execPath, [jikim, 'audit', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: poolOf(operatorLog.db)?.options.connectionString ?? '',
        JIKIM_MASTER_KEY: master.toString('base64'),
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const verify = (...args: string[]) => audit('verify', ...args);
  const dir = mkdtempSync(join(tmpdir(), 'jikim-audit-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const exported = audit('checkpoint', '--export', join(dir, 'checkpoints.jsonl'));
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /4 segment\(s\) signed, appended to/);
  const ok = verify('--threads', '2', '--checkpoints', join(dir, 'checkpoints.jsonl'));
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^OK: 12 entries in 4 segments verified \(2 threads\)/);
  const wrong = verify('--threads', 'many');
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.stderr, /whole number from 1 to 16/);

  // Something amiss in one thread's share: the answer names the line, as one thread would.
  const target = rows[37];
  assert.ok(target);
  await asAttacker(db, sql`update audit.access_log set action = 'print' where id = ${target.id}`);
  const inThreads = problemOf(await verifyAccessLog({ db, auditKey, threads: 3 }));
  assert.deepEqual(inThreads, problemOf(await verifyAccessLog({ db, auditKey, threads: 1 })));
  // A walk stopped in the middle of its COPY stream gives its connection back (closed): the pool
  // of 4 would run dry, and this hang, if it did not.
  for (let run = 0; run < 6; run++) {
    assert.equal((await verifyAccessLog({ db, auditKey, threads: 1 })).ok, false);
  }
  assert.deepEqual(
    [inThreads.kind, inThreads.segment, inThreads.seq, inThreads.id],
    ['edited', target.segment, target.seq, target.id],
  );
});

test('checkpoints exported out of the database still find lines removed with their checkpoints', async (t) => {
  const { db, clock, rows } = await logOf(t);
  const dir = mkdtempSync(join(tmpdir(), 'jikim-checkpoints-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'checkpoints.jsonl');
  await exportCheckpoints(file, (await checkpointAccessLog({ db, clock, auditKey })).signed);

  // Whoever can write the database removes lines 5–6, every checkpoint, and rewinds the head.
  const fourth = rows.find((r) => r.seq === 4)?.hash;
  await asAttacker(
    db,
    sql`delete from audit.access_log where segment = 0 and seq > 4`,
    sql`delete from audit.access_log_checkpoints`,
    sql`update audit.access_log_heads set seq = 4, hash = ${fourth} where segment = 0`,
  );
  assert.equal(
    (await verifyAccessLog({ db, auditKey })).ok,
    true,
    'the database alone cannot tell',
  );
  const problem = problemOf(await verifyAccessLog({ db, auditKey, checkpointFile: file }));
  assert.deepEqual([problem.kind, problem.segment, problem.seq], ['truncated', 0, 5]);
  assert.match(problem.message, /signed checkpoint at seq 6/);

  // A line of the file changed by hand does not pass for a checkpoint.
  writeFileSync(file, readFileSync(file, 'utf8').replace('"seq":6', '"seq":4'));
  const forged = problemOf(await verifyAccessLog({ db, auditKey, checkpointFile: file }));
  assert.match(forged.message, /checkpoints\.jsonl:1 is not signed with the audit key/);
});
