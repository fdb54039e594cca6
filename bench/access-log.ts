// Access-log appends per second with 8 concurrent writers, chained (segment head lock + HMAC +
// insert) against a plain INSERT of the same lines into a copy of the table without the chain,
// in the same run. Each access is its own transaction, as a data access with its log line is.
// Goal on PostgreSQL: chained ≥ 30 % of plain.
//   node --import tsx bench/access-log.ts [lines per writer] [--engine postgres|pglite|both]
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { type AccessLogEntry, createAccessLog } from '../src/platform/audit/access-log.ts';
import type { AccessLogTable } from '../src/platform/audit/tables.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/database.ts';
import type { DatabaseHandle } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { openScratch } from './_db.ts';
import { machineLine } from './_machine.ts';

const args = process.argv.slice(2);
const engineArg = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'both';
const engines = engineArg === 'both' ? ['pglite', 'postgres'] : [engineArg ?? 'postgres'];
const perWriter = Number(args.find((a) => /^\d+$/.test(a)) ?? 400);
const WRITERS = 8;
const GOAL = 0.3;

type PlainDb = Kysely<Database & { 'audit.access_log_plain': AccessLogTable }>;

const staff = Array.from({ length: 50 }, () => randomUUID());
function anAccess(i: number): AccessLogEntry {
  return {
    actor: { kind: 'staff', id: staff[i % staff.length] ?? 'system' },
    ip: '10.1.2.3',
    subjectIds: [randomUUID()],
    items: ['care.health_info', 'care.name'],
    action: 'read',
    purpose: 'care',
    outcome: 'allowed',
    grantId: randomUUID(),
    policyVersionId: randomUUID(),
    requestId: randomUUID(),
  };
}

/** Lines per second of `append`, run by WRITERS writers at once, `lines` each. */
async function rate(
  append: (writer: number, i: number) => Promise<void>,
  lines = perWriter,
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < lines; i++) await append(writer, i);
    }),
  );
  return (WRITERS * lines) / ((performance.now() - started) / 1000);
}

async function measure(engine: string, handle: DatabaseHandle): Promise<string> {
  const db = handle.db;
  // The same table, constraints and indexes, without the head trigger or the append-only guards.
  await sql`create table audit.access_log_plain (like audit.access_log including all)`.execute(db);
  const plainDb = db.withTables<{ 'audit.access_log_plain': AccessLogTable }>() as PlainDb;
  const clock = new ManualClock('2026-11-27T09:00:00+09:00');
  const log = createAccessLog({ clock, auditKey: randomBytes(32) });
  const zero = Buffer.alloc(32);

  let plainSeq = 0;
  const plain = (lines?: number) =>
    rate(async (writer, i) => {
      const e = anAccess(i);
      await plainDb.transaction().execute((trx) =>
        trx
          .insertInto('audit.access_log_plain')
          .values({
            segment: writer,
            seq: ++plainSeq,
            prev_hash: zero,
            hash: zero,
            at: clock.now(),
            actor_kind: e.actor.kind,
            actor_id: e.actor.id,
            ip: e.ip ?? null,
            subject_ids: e.subjectIds,
            items: e.items,
            action: e.action,
            purpose: e.purpose,
            outcome: e.outcome,
            refusal_reason: null,
            search_fields: null,
            result_count: null,
            stated_reason: null,
            grant_id: e.grantId ?? null,
            policy_version_id: e.policyVersionId ?? null,
            request_id: e.requestId ?? null,
          })
          .execute(),
      );
    }, lines);
  // In the access's own transaction, as every write logs.
  const chained = (lines?: number) =>
    rate((_, i) => db.transaction().execute((trx) => log.append(trx, anAccess(i))), lines);
  // Reads' lines, each writer waiting for its own to commit; lines arriving together share one.
  const batched = (lines?: number) => rate((_, i) => log.append(db, anAccess(i)), lines);

  // Warm both paths, then alternate so that neither gets the quieter moment.
  await plain(20);
  await chained(20);
  const plainRates: number[] = [];
  const chainRates: number[] = [];
  for (let round = 0; round < 2; round++) {
    plainRates.push(await plain());
    chainRates.push(await chained());
  }
  const p = Math.max(...plainRates);
  const c = Math.max(...chainRates);
  const ratio = c / p;
  const goal =
    engine === 'postgres' ? ` (goal ≥ ${GOAL * 100} %: ${ratio >= GOAL ? 'met' : 'NOT met'})` : '';
  await batched(20);
  const b = await batched();
  return `${engine}: chained ${Math.round(c)} lines/s, plain insert ${Math.round(p)} lines/s, chained = ${(ratio * 100).toFixed(0)} % of plain${goal}; reads' lines batched ${Math.round(b)} lines/s`;
}

console.log(
  `access-log append bench: ${WRITERS} concurrent writers × ${perWriter} lines, each its own transaction`,
);
for (const engine of engines) {
  const { handle, drop } = await openScratch({
    engine,
    prefix: 'jikim_bench_log',
    poolSize: WRITERS + 2,
  });
  try {
    await migrateToLatest(handle.db);
    console.log(await measure(engine, handle));
  } finally {
    await handle.close();
    await drop();
  }
}
console.log(machineLine(engines.join(' and ')));
