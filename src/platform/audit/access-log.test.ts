import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { freshDatabase } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import { type DatabaseHandle, poolOf } from '../db.ts';
import { DomainError } from '../errors.ts';
import { type AccessLogEntry, createAccessLog } from './access-log.ts';
import { contentColumns, encodeContent } from './chain.ts';
import { CopyTuples } from './chain-lines.ts';
import type { ChainLink } from './chain-walk.ts';
import { checkpointAccessLog } from './checkpoint.ts';
import type { AccessLogRow } from './tables.ts';
import { verifyAccessLog } from './verify.ts';

const auditKey = randomBytes(32);
const clock = new ManualClock('2026-11-27T10:00:00+09:00');
let handle: DatabaseHandle;

before(async () => {
  handle = await freshDatabase();
});
after(() => handle.close());

function aRead(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    actor: { kind: 'staff', id: randomUUID() },
    ip: '10.0.0.7',
    subjectIds: [randomUUID()],
    items: ['care.health_info'],
    action: 'read',
    purpose: 'care',
    outcome: 'allowed',
    grantId: randomUUID(),
    policyVersionId: randomUUID(),
    requestId: randomUUID(),
    ...overrides,
  };
}

async function lineCount(): Promise<number> {
  const row = await handle.db
    .selectFrom('audit.access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a line records who, when, where, whose data, which items, what, why and the grant', async () => {
  const log = createAccessLog({ clock, auditKey });
  const entry = aRead({
    action: 'search',
    subjectIds: [randomUUID(), randomUUID()],
    searchFields: ['name', 'birth_date'],
    resultCount: 2,
  });
  await log.append(handle.db, entry);
  const line = await handle.db
    .selectFrom('audit.access_log')
    .selectAll()
    .where('request_id', '=', entry.requestId ?? '')
    .executeTakeFirstOrThrow();
  assert.equal(line.actor_id, entry.actor.id);
  assert.equal(line.at.toISOString(), clock.now().toISOString());
  assert.equal(line.ip, '10.0.0.7');
  assert.deepEqual(line.subject_ids, entry.subjectIds);
  assert.deepEqual(line.items, ['care.health_info']);
  assert.deepEqual(line.search_fields, ['name', 'birth_date']);
  assert.equal(line.result_count, 2);
  assert.equal(line.grant_id, entry.grantId);
  assert.equal(line.policy_version_id, entry.policyVersionId);
  assert.equal(Number(line.seq) >= 1, true);
  assert.equal(line.hash.length, 32);
});

test('lines from many concurrent writers form unbroken chains', async () => {
  const log = createAccessLog({ clock, auditKey });
  const before = await lineCount();
  const writers = Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 15; i++) {
      clock.advance(1000);
      await log.append(handle.db, aRead());
    }
  });
  await Promise.all(writers);
  // Several lines inside one transaction, appended at once, share its segment.
  await handle.db.transaction().execute(async (trx) => {
    await Promise.all([1, 2, 3, 4].map(() => log.append(trx, aRead())));
  });
  assert.equal(await lineCount(), before + 8 * 15 + 4);
  const result = await verifyAccessLog({ db: handle.db, auditKey, batchSize: 7 });
  assert.deepEqual(result, { ok: true, entries: before + 124, segments: 16, threads: 1 });
});

test('lines of reads arriving together commit together; each caller waits for its own', async () => {
  const log = createAccessLog({ clock, auditKey });
  const requestIds = Array.from({ length: 60 }, () => randomUUID());
  const seenOnReturn = await Promise.all(
    requestIds.map(async (requestId) => {
      await log.append(handle.db, aRead({ requestId }));
      // Settled means committed: the line is there for anyone to read at once.
      const row = await handle.db
        .selectFrom('audit.access_log')
        .select('id')
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      return row !== undefined;
    }),
  );
  assert.ok(seenOnReturn.every(Boolean), 'every line committed before its caller went on');
  const { rows } = await sql<{ transactions: number }>`
    select count(distinct xmin::text)::int as transactions from audit.access_log
    where request_id = any(${requestIds})`.execute(handle.db);
  const transactions = Number(rows[0]?.transactions);
  assert.ok(transactions < 60 / 4, `60 lines in ${transactions} transactions`);
  assert.equal((await verifyAccessLog({ db: handle.db, auditKey })).ok, true);
});

test('a batch whose segment someone else moved meanwhile is written again after the new head', async () => {
  // One segment, two app nodes and a write transaction all appending to it in turn: every
  // batch after the first finds the head moved by someone else.
  const nodeA = createAccessLog({ clock, auditKey, segments: 1 });
  const nodeB = createAccessLog({ clock, auditKey, segments: 1 });
  const before = await lineCount();
  for (let round = 0; round < 3; round++) {
    await nodeA.append(handle.db, aRead());
    await nodeB.append(handle.db, aRead());
    await handle.db.transaction().execute((trx) => nodeA.append(trx, aRead()));
  }
  assert.equal(await lineCount(), before + 9);
  assert.equal((await verifyAccessLog({ db: handle.db, auditKey })).ok, true);
});

test('an access that rolls back leaves no line, and the chain still holds', async () => {
  const log = createAccessLog({ clock, auditKey });
  const before = await lineCount();
  await assert.rejects(
    handle.db.transaction().execute(async (trx) => {
      await log.append(trx, aRead());
      throw new Error('the access itself failed');
    }),
    /the access itself failed/,
  );
  assert.equal(await lineCount(), before);
  await log.append(handle.db, aRead());
  assert.equal(await lineCount(), before + 1);
  assert.equal((await verifyAccessLog({ db: handle.db, auditKey })).ok, true);
});

test('the database refuses to change or remove a line, a head or a checkpoint', async () => {
  const log = createAccessLog({ clock, auditKey });
  await log.append(handle.db, aRead());
  await checkpointAccessLog({ db: handle.db, clock, auditKey });
  const refusals = [
    sql`update audit.access_log set purpose = 'marketing'`,
    sql`delete from audit.access_log`,
    sql`truncate audit.access_log`,
    sql`update audit.access_log_heads set seq = 0`,
    sql`delete from audit.access_log_heads`,
    sql`truncate audit.access_log_heads`,
    sql`update audit.access_log_checkpoints set seq = 1`,
    sql`delete from audit.access_log_checkpoints`,
    sql`truncate audit.access_log_checkpoints`,
  ];
  for (const statement of refusals) {
    await assert.rejects(statement.execute(handle.db), /append-only|moves only when a line/);
  }
  // A line written by hand must still follow its head, so it cannot slip into the chain: here
  // as a second first line of a segment that has lines.
  const { segment } = await handle.db
    .selectFrom('audit.access_log')
    .select('segment')
    .executeTakeFirstOrThrow();
  await assert.rejects(
    sql`insert into audit.access_log (segment, seq, prev_hash, hash, at, actor_kind, actor_id,
          subject_ids, items, action, purpose, outcome)
        values (${segment}, 1, ${Buffer.alloc(32)}, ${Buffer.alloc(32)}, now(), 'staff', 'intruder',
          '{}', '{care.name}', 'read', 'care', 'allowed')`.execute(handle.db),
    /does not follow its segment head/,
  );
  assert.equal((await verifyAccessLog({ db: handle.db, auditKey })).ok, true);
});

test('no personal value can be written into the log', async () => {
  const log = createAccessLog({ clock, auditKey });
  const before = await lineCount();
  const attempts: unknown[] = [
    aRead({ searchFields: ['홍길동'], action: 'search', resultCount: 1 }),
    aRead({ searchFields: ['900101-1234567'], action: 'search', resultCount: 1 }),
    aRead({ subjectIds: ['900101-1234567'] }),
    aRead({ subjectIds: ['01012345678'] }),
    aRead({ items: ['010-1234-5678'] }),
    aRead({ purpose: 'treatment of 홍길동' }),
    aRead({ outcome: 'refused', refusalReason: 'patient 홍길동 is a VIP' }),
    { ...aRead(), values: { name: '홍길동' } },
    aRead({ actor: { kind: 'staff', id: 'hong@example.com' } }),
    aRead({ ip: 'Seoul office' }),
    // A download or print without the reason typed at that moment.
    aRead({ action: 'download' }),
    aRead({ action: 'search' }),
  ];
  for (const entry of attempts) {
    await assert.rejects(log.append(handle.db, entry as AccessLogEntry), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.kind, 'invalid');
      // The refusal itself does not echo the value.
      assert.doesNotMatch(JSON.stringify(error.options), /홍길동|1234567|example\.com/);
      return true;
    });
  }
  assert.equal(await lineCount(), before);
  await log.append(
    handle.db,
    aRead({ action: 'print', statedReason: '보험사 제출용 진단서 사본 출력 요청 (환자 본인)' }),
  );
  await log.append(handle.db, aRead({ outcome: 'refused', refusalReason: 'no-grant' }));
  assert.equal(await lineCount(), before + 2);
});

test('the database encodes a line exactly as Node does, whatever the typed reason holds', async () => {
  const log = createAccessLog({ clock, auditKey });
  const entry = aRead({
    action: 'download',
    statedReason: '"보험" 청구용 \\ 사본\t다운로드\n😀 \u2028 \u007f \u0001 NULL {a,b}',
    searchFields: [],
    ip: '2001:db8::1',
  });
  clock.advance(1);
  await log.append(handle.db, entry);
  await log.append(handle.db, aRead({ subjectIds: [randomUUID(), randomUUID(), randomUUID()] }));
  const rows = await handle.db
    .selectFrom('audit.access_log')
    .selectAll()
    .orderBy('segment')
    .orderBy('seq')
    .execute();
  const row = rows.find((r) => r.request_id === entry.requestId);
  assert.equal(row?.stated_reason, entry.statedReason);
  // What `audit verify` hashes is the database's own binary COPY of the line.
  const copied = await copyOfLog(handle);
  const lines: ChainLink[] = [];
  new CopyTuples().read(copied, lines);
  assert.equal(lines.length, rows.length);
  for (const [i, line] of lines.entries()) {
    assert.deepEqual(line.content, encodeContent(rows[i] as AccessLogRow), `line ${i}`);
  }
  // The stream may cut anywhere; the same lines come out whatever the cuts.
  for (const size of [1, 7, 100]) {
    const tuples = new CopyTuples();
    const cut: ChainLink[] = [];
    for (let at = 0; at < copied.length; at += size)
      tuples.read(copied.subarray(at, at + size), cut);
    tuples.end();
    assert.deepEqual(cut, lines);
  }
  assert.equal((await verifyAccessLog({ db: handle.db, auditKey })).ok, true);
});

/** The whole log as `COPY … (FORMAT binary)` writes it, from either engine. */
async function copyOfLog(database: DatabaseHandle): Promise<Buffer> {
  const query = `copy (select id, prev_hash, hash, ${contentColumns.join(', ')} from audit.access_log order by segment, seq) to %s (format binary)`;
  if (database.pglite) {
    const result = await database.pglite.query(query.replace('%s', "'/dev/blob'"));
    return Buffer.from(await (result.blob as Blob).arrayBuffer());
  }
  const client = await (poolOf(database.db) as pg.Pool).connect();
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(query.replace('%s', 'stdout')))) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}
