import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { setTimeout as pause } from 'node:timers/promises';
import { testEngine } from '../../../test/db.ts';
import { openTestSystem } from '../../../test/system.ts';
import { openSystem, type System } from '../../system.ts';
import { openDatabase, poolOf } from '../db.ts';
import { SubjectKeyDestroyed } from './subject-keys.ts';

test('a key shredded on one app node is forgotten at once by another sharing the database', {
  skip: testEngine() === 'pglite' && 'PGlite is one process; nodes share only PostgreSQL',
}, async () => {
  const a = await openTestSystem();
  const url = poolOf(a.handle.db)?.options.connectionString ?? '';
  const b = await openSystem({
    config: { databaseUrl: undefined, dataDir: 'memory://', demo: 'off', env: 'test' },
    clock: a.clock,
    handle: await openDatabase({ databaseUrl: url, poolSize: 2 }),
    keyring: a.keyring,
  });
  try {
    await shredOnBSeenByA(a, b);
  } finally {
    // Before A's database is dropped: B's pool and listener hold connections to it.
    await b.close();
  }
});

async function shredOnBSeenByA(a: System, b: System): Promise<void> {
  const subject = `member:${randomUUID()}`;
  const ref = { table: 'app.members', column: 'name_ct', rowId: randomUUID() };
  const sealed = await a.cipher.encrypt(subject, ref, '홍길동');
  assert.equal(await a.cipher.decrypt(subject, ref, sealed), '홍길동');
  assert.equal(await b.cipher.decrypt(subject, ref, sealed), '홍길동');
  const cachedOnA = a.cipher.subjectKeys.stats().size;
  assert.ok(cachedOnA >= 1, 'node A holds the key in its cache');

  assert.equal(await b.cipher.destroySubjectKey(subject), true);
  // The clock stands still, so no TTL runs out: only the announcement can empty A's cache.
  const deadline = Date.now() + 5_000;
  for (;;) {
    const read = await a.cipher.decrypt(subject, ref, sealed).catch((error: unknown) => error);
    if (read instanceof SubjectKeyDestroyed) break;
    assert.equal(read, '홍길동');
    assert.ok(Date.now() < deadline, 'node A still reads a shredded subject');
    await pause(10);
  }
  assert.equal(a.cipher.subjectKeys.stats().size, cachedOnA - 1);
}
