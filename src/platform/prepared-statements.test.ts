import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { freshDatabase, testEngine } from '../../test/db.ts';
import type { Database } from './database.ts';
import { type DatabaseHandle, poolOf } from './db.ts';
import { preparingPool } from './prepared-statements.ts';

const pgOnly = {
  skip: testEngine() === 'pglite' && 'statements are prepared on PostgreSQL connections only',
};
let handle: DatabaseHandle;

// Opened only where the tests run: a skipped file's hooks do not all run, and an open PGlite
// would keep the test process alive.
before(async () => {
  if (!pgOnly.skip) handle = await freshDatabase();
});
after(() => handle?.close());

test('a data statement is prepared once per connection and then run by name', pgOnly, async () => {
  // One connection, so that the second run must find the statement the first one left there.
  await handle.db.connection().execute(async (db) => {
    const query = db
      .selectFrom('app.notices')
      .select('id')
      .where('id', '=', '00000000-0000-0000-0000-000000000000');
    const { sql: text } = query.compile();
    await query.execute();
    await query.execute();
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_prepared_statements where statement = ${text}`.execute(db);
    assert.equal(Number(rows[0]?.n), 1);
  });
});

test(
  'a table changed after its statement was prepared is read afresh, not refused',
  pgOnly,
  async () => {
    await handle.db.connection().execute(async (db) => {
      await sql`create table public.shifting (a int)`.execute(db);
      await sql`insert into public.shifting values (1)`.execute(db);
      const read = () =>
        db
          .selectFrom('public.shifting' as never)
          .selectAll()
          .execute();
      assert.deepEqual(await read(), [{ a: 1 }]);
      await sql`alter table public.shifting add column b int default 2`.execute(db);
      assert.deepEqual(await read(), [{ a: 1, b: 2 }]);
      await sql`drop table public.shifting`.execute(db);
    });
  },
);

test(
  'a pool prepares only so many distinct statements; the rest run unprepared',
  pgOnly,
  async () => {
    const pool = poolOf(handle.db);
    assert.ok(pool);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool, { maxStatements: 3 }) }),
    });
    await db.connection().execute(async (conn) => {
      // This count is the first statement the pool names; two of the six below are the others.
      const preparedOneOffs = async () => {
        const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_prepared_statements
        where statement like '%select % as one_off'`.execute(conn);
        return Number(rows[0]?.n);
      };
      assert.equal(await preparedOneOffs(), 0);
      for (let i = 0; i < 6; i++) {
        const { rows } = await sql<{ one_off: number }>`
        select ${sql.lit(i)}::int as one_off`.execute(conn);
        assert.equal(rows[0]?.one_off, i, 'every statement runs, prepared or not');
      }
      assert.equal(await preparedOneOffs(), 2);
    });
  },
);
