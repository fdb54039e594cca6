import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Kysely's pool, with every data statement prepared once per connection and
 * run by name afterwards. PostgreSQL then plans a statement once instead of on
 * every run: for the short lookups of a page view, planning cost more server
 * time than executing (a member read: ~285 µs unnamed, ~35 µs prepared, on
 * the 2-core machine in bench/RESULTS.md). Other statements (DDL, transaction
 * control) go through unchanged.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let found = wrapped.get(client);
      if (!found) {
        found = preparingClient(client);
        wrapped.set(client, found);
      }
      return found;
    },
    end: () => pool.end(),
  };
}

// One name per statement text for the whole process: pg refuses one name for two texts.
const names = new Map<string, string>();
let named = 0;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `jikim_${named++}`;
    names.set(text, name);
  }
  return name;
}

const dataStatement = /^\s*(select|insert|update|delete|with)\b/i;

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const run = async (text: string, values: unknown[]) => {
    try {
      return await client.query({ name: nameOf(text), text, values });
    } catch (error) {
      // A table whose columns changed since the statement was prepared (a migration while the
      // process runs) makes PostgreSQL refuse the stored statement once. Outside a transaction
      // it is safe to prepare it afresh under a new name and run it again.
      if (!staleStatement(error) || client.getTransactionStatus() !== 'I') throw error;
      names.delete(text);
      return client.query({ name: nameOf(text), text, values });
    }
  };
  const query = (textOrCursor: string | object, values?: readonly unknown[]) =>
    typeof textOrCursor === 'string' && dataStatement.test(textOrCursor)
      ? run(textOrCursor, [...(values ?? [])])
      : client.query(textOrCursor as string, values as unknown[]);
  return {
    query: query as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

function staleStatement(error: unknown): boolean {
  return (error as { routine?: string } | null)?.routine === 'RevalidateCachedQuery';
}
