import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { freshDatabase } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import type { DatabaseHandle } from '../db.ts';
import { type AccessAction, createAccessLog } from './access-log.ts';
import { accessLogSearchSchema } from './schema.ts';
import { searchAccessLog } from './search.ts';

const nurse = randomUUID();
const clerk = randomUUID();
const patient = randomUUID();
const other = randomUUID();
let handle: DatabaseHandle;

before(async () => {
  handle = await freshDatabase();
  const clock = new ManualClock('2026-11-02T09:00:00+09:00');
  const log = createAccessLog({ clock, auditKey: randomBytes(32) });
  // One access a day through November: the nurse reads, the clerk prints.
  for (let day = 0; day < 20; day++) {
    const byNurse = day % 2 === 0;
    const action: AccessAction = byNurse ? 'read' : 'print';
    await log.append(handle.db, {
      actor: { kind: 'staff', id: byNurse ? nurse : clerk },
      subjectIds: day % 5 === 0 ? [patient, other] : [other],
      items: ['care.health_info'],
      action,
      purpose: 'care',
      outcome: day === 7 ? 'refused' : 'allowed',
      ...(day === 7 ? { refusalReason: 'no-grant' } : { statedReason: '진료 의뢰서 출력' }),
    });
    clock.advance(86_400_000);
  }
});
after(() => handle.close());

const search = (input: Record<string, unknown>) =>
  searchAccessLog(handle.db, accessLogSearchSchema.parse(input));

test('an inspector finds whose data a staff member touched, newest first', async () => {
  const page = await search({ actorId: nurse, limit: 100 });
  assert.equal(page.entries.length, 10);
  assert.ok(page.entries.every((e) => e.actor.id === nurse && e.action === 'read'));
  const times = page.entries.map((e) => e.at.getTime());
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  assert.equal(page.nextCursor, null);
});

test('an inspector finds every access to one subject, also inside a list', async () => {
  const page = await search({ subjectId: patient, limit: 100 });
  assert.equal(page.entries.length, 4);
  assert.ok(page.entries.every((e) => e.subjectIds.includes(patient)));
});

test('by action, outcome and period, one page after another', async () => {
  const prints = await search({ action: 'print', outcome: 'allowed', limit: 100 });
  assert.equal(prints.entries.length, 9);
  assert.ok(prints.entries.every((e) => e.statedReason === '진료 의뢰서 출력'));
  const refused = await search({ outcome: 'refused', limit: 10 });
  assert.deepEqual(
    refused.entries.map((e) => e.refusalReason),
    ['no-grant'],
  );

  const period = { from: '2026-11-05T00:00:00+09:00', to: '2026-11-15T00:00:00+09:00' };
  const seen: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await search({ ...period, limit: 3, ...(cursor ? { cursor } : {}) });
    seen.push(...page.entries.map((e) => e.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.equal(seen.length, 10);
  assert.equal(new Set(seen).size, 10);
});

test('the search input takes ids and codes, never a searched value', () => {
  assert.equal(accessLogSearchSchema.safeParse({ subjectId: '홍길동', limit: 10 }).success, false);
  assert.equal(accessLogSearchSchema.safeParse({ name: '홍길동', limit: 10 }).success, false);
  assert.equal(
    accessLogSearchSchema.safeParse({ from: '2026-11-10', to: '2026-11-01' }).success,
    false,
  );
  assert.equal(accessLogSearchSchema.parse({}).limit, 50);
});
