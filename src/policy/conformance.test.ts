import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openTestSystem } from '../../test/system.ts';
import { columnRegistry } from '../column-registry.ts';
import { runPolicyCheck } from './conformance.ts';

const system = await openTestSystem();
const deps = { db: system.handle.db, clock: system.clock };

test('every column of the schema is classified and every declared item has a purpose and a retention rule', async () => {
  assert.deepEqual(await runPolicyCheck(deps), []);
});

test('a table holding personal data the policy does not declare fails the check, naming the column', async () => {
  await sql`create table app.newsletter (id uuid primary key, favourite_colour text)`.execute(
    deps.db,
  );
  const registry = { ...columnRegistry, 'app.newsletter': { id: null } };
  const problems = await runPolicyCheck(deps, registry);
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /app\.newsletter\.favourite_colour is not classified/);

  const declaredNowhere = {
    ...columnRegistry,
    'app.newsletter': { id: null, favourite_colour: 'membership.favourite_colour' },
  };
  const [problem] = await runPolicyCheck(deps, declaredNowhere);
  assert.match(
    problem ?? '',
    /app\.newsletter\.favourite_colour holds item "membership\.favourite_colour", which the policy in force does not declare/,
  );
  await sql`drop table app.newsletter`.execute(deps.db);
});

test('`jikim policy check` passes on a fresh database and says so', () => {
  if (process.env.JIKIM_TEST_ENGINE !== 'postgres') return;
  const jikim = fileURLToPath(new URL('../../bin/jikim.js', import.meta.url));
  const result = spawnSync(process.execPath, [jikim, 'policy', 'check'], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /policy check passed/);
});
