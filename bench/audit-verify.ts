// `jikim audit verify` speed: fills an access log of N lines (default 10 million on PostgreSQL,
// 200 000 on PGlite) in a scratch database, then times verifyAccessLog over all of it.
// Goal: ≥ 200 000 lines verified per second.
//   node --import tsx bench/audit-verify.ts [N] [--engine postgres|pglite] [--keep]
// The chain's HMACs are computed here in Node, in the same order append would make them; the
// lines go in as multi-row inserts with the head trigger off, and the heads are written last.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  type ChainedContent,
  deriveChainKeys,
  GENESIS_HASH,
  lineHash,
} from '../src/platform/audit/chain.ts';
import { verifyAccessLog } from '../src/platform/audit/verify.ts';
import type { DatabaseHandle } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { openScratch } from './_db.ts';
import { machineLine } from './_machine.ts';

const args = process.argv.slice(2);
const engine = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'postgres';
const keep = args.includes('--keep');
const count = Number(
  args.find((a) => /^\d+$/.test(a)) ?? (engine === 'pglite' ? 200_000 : 10_000_000),
);
const SEGMENTS = 16;
const BATCH = 5_000;
const GOAL = 200_000;

const auditKey = randomBytes(32);
const keys = deriveChainKeys(auditKey);
const staff = Array.from({ length: 500 }, () => randomUUID());
const itemSets = [
  ['care.health_info'],
  ['care.name', 'care.phone'],
  ['care.rrn'],
  ['care.address'],
];
const actions = ['read', 'read', 'read', 'search', 'update', 'print'] as const;

/** One made-up line, shaped like a hospital's: mostly reads, some searches and prints. */
function lineAt(segment: number, seq: number, at: Date): ChainedContent {
  const action = actions[seq % actions.length] ?? 'read';
  const subjects =
    action === 'search' ? [randomUUID(), randomUUID(), randomUUID()] : [randomUUID()];
  return {
    segment,
    seq,
    at,
    actor_kind: 'staff',
    actor_id: staff[seq % staff.length] ?? 'system',
    ip: `10.0.${segment}.${seq % 250}`,
    subject_ids: subjects,
    items: itemSets[seq % itemSets.length] ?? ['care.name'],
    action,
    purpose: 'care',
    outcome: 'allowed',
    refusal_reason: null,
    search_fields: action === 'search' ? ['name', 'birth_date'] : null,
    result_count: action === 'search' ? subjects.length : null,
    stated_reason: action === 'print' ? '진료 의뢰서 출력' : null,
    grant_id: 'grant-1',
    policy_version_id: 'policy-2026-1',
    request_id: randomUUID(),
  };
}

async function fill(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  // The trigger would move a head per line; the bench writes each head once at the end. The
  // search indexes are built after the fill, as a restore would, rather than line by line.
  await sql`alter table audit.access_log disable trigger access_log_follows_head`.execute(db);
  const searchIndexes = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = 'audit' and tablename = 'access_log'
      and indexname in ('access_log_actor', 'access_log_subjects', 'access_log_at')`.execute(db);
  for (const index of searchIndexes.rows) {
    await sql`drop index ${sql.table(`audit.${index.name}`)}`.execute(db);
  }
  const perSegment = Math.ceil(count / SEGMENTS);
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  const heads: { segment: number; seq: number; hash: Buffer }[] = [];
  let written = 0;
  let lastReport = 0;
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let segment = 0; segment < SEGMENTS; segment++) {
    const lines = Math.min(perSegment, count - segment * perSegment);
    let prev: Buffer = GENESIS_HASH;
    for (let from = 1; from <= lines; from += BATCH) {
      const batch = [];
      for (let seq = from; seq < Math.min(from + BATCH, lines + 1); seq++) {
        const line = lineAt(segment, seq, new Date(start + seq * 1000));
        const hash = lineHash(keys, prev, line);
        batch.push({
          ...line,
          at: line.at.toISOString(),
          prev_hash: prev.toString('hex'),
          hash: hash.toString('hex'),
        });
        prev = hash;
      }
      const insert = sql`
        insert into audit.access_log (segment, seq, prev_hash, hash, at, actor_kind, actor_id, ip,
          subject_ids, items, action, purpose, outcome, refusal_reason, search_fields, result_count,
          stated_reason, grant_id, policy_version_id, request_id)
        select segment, seq, decode(prev_hash, 'hex'), decode(hash, 'hex'), at, actor_kind,
          actor_id, ip, subject_ids, items, action, purpose, outcome, refusal_reason, search_fields,
          result_count, stated_reason, grant_id, policy_version_id, request_id
        from json_to_recordset(${JSON.stringify(batch)}::json) as x(segment int, seq bigint,
          prev_hash text, hash text, at timestamptz, actor_kind text, actor_id text, ip text,
          subject_ids text[], items text[], action text, purpose text, outcome text,
          refusal_reason text, search_fields text[], result_count int, stated_reason text,
          grant_id text, policy_version_id text, request_id text)`
        .execute(db)
        .then(() => {
          written += batch.length;
          inFlight.delete(insert);
        });
      inFlight.add(insert);
      if (inFlight.size >= 3) await Promise.race(inFlight);
      if (written - lastReport >= 500_000) {
        lastReport = written;
        const rate = written / ((performance.now() - started) / 1000);
        console.log(`  filled ${written} lines (${Math.round(rate)}/s)`);
      }
    }
    heads.push({ segment, seq: lines, hash: prev });
  }
  await Promise.all(inFlight);
  await db.insertInto('audit.access_log_heads').values(heads).execute();
  await sql`alter table audit.access_log enable trigger access_log_follows_head`.execute(db);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `filled ${count} lines in ${seconds.toFixed(0)} s (${Math.round(count / seconds)}/s)`,
  );
  const indexStart = performance.now();
  for (const index of searchIndexes.rows) await sql.raw(index.definition).execute(db);
  console.log(`search indexes rebuilt: ${((performance.now() - indexStart) / 1000).toFixed(0)} s`);
  if (engine === 'postgres') {
    const vacuumStart = performance.now();
    await sql`vacuum analyze audit.access_log`.execute(db);
    console.log(`vacuum analyze: ${((performance.now() - vacuumStart) / 1000).toFixed(0)} s`);
  }
}

const { handle, drop } = await openScratch({
  engine: engine ?? 'postgres',
  prefix: 'jikim_bench_verify',
  poolSize: 4,
  keep,
});
try {
  await migrateToLatest(handle.db);
  console.log(`audit verify bench: ${count} lines in ${SEGMENTS} segments on ${engine}`);
  await fill(handle);
  const started = performance.now();
  let lastReport = 0;
  const result = await verifyAccessLog({
    db: handle.db,
    auditKey,
    onProgress: ({ entries }) => {
      if (entries - lastReport < 1_000_000) return;
      lastReport = entries;
      const rate = entries / ((performance.now() - started) / 1000);
      console.log(`  verified ${entries} (${Math.round(rate)}/s)`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`verify failed: ${result.problem.message}`);
  const rate = result.entries / seconds;
  console.log(
    `verify: ${result.entries} entries in ${result.segments} segments by ${result.threads} thread(s) in ${seconds.toFixed(1)} s = ${Math.round(rate)} entries/s (goal ≥ ${GOAL}/s: ${rate >= GOAL ? 'met' : 'NOT met'})`,
  );
  console.log(machineLine(engine === 'pglite' ? 'PGlite (in process)' : 'PostgreSQL'));
} finally {
  await handle.close();
  await drop();
}
