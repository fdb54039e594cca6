import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Distinct statements a pool prepares; any beyond run unprepared. Each one is
 * kept, planned, in every connection that ran it, and some texts are one-offs
 * (an `in` list as long as its data), so they must not pile up for as long as
 * the process runs. A page view's statements come first and stay within it.
 */
export const MAX_PREPARED_STATEMENTS = 500;

/**
 * Kysely's pool, with every data statement prepared once per connection and
 * run by name afterwards. PostgreSQL then plans a statement once instead of on
 * every run: for the short lookups of a page view, planning cost more server
 * time than executing (a member read: ~285 µs unnamed, ~35 µs prepared, on
 * the 2-core machine in bench/RESULTS.md). Other statements (DDL, transaction
 * control) go through unchanged.
 */
export function preparingPool(
  pool: pg.Pool,
  options: { maxStatements?: number } = {},
): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const names = statementNames(options.maxStatements ?? MAX_PREPARED_STATEMENTS);
  return {
    async connect() {
      const client = await pool.connect();
      let found = wrapped.get(client);
      if (!found) {
        found = preparingClient(client, names);
        wrapped.set(client, found);
      }
      return found;
    },
    end: () => pool.end(),
  };
}

interface StatementNames {
  /** The statement's name, or undefined once the pool has named as many as it may. */
  of(text: string): string | undefined;
  /** Forgets a text's name, so that it is prepared afresh under a new one. */
  forget(text: string): void;
}

let pools = 0;

// One name per statement text for the whole pool: pg refuses one name for two texts on a
// connection, and every connection of the pool may run every text. The pool's number keeps
// two wrappers of one pg pool apart.
function statementNames(max: number): StatementNames {
  const names = new Map<string, string>();
  const prefix = `jikim_${pools++}_`;
  let named = 0;
  return {
    of(text) {
      let name = names.get(text);
      if (name === undefined && names.size < max) {
        name = `${prefix}${named++}`;
        names.set(text, name);
      }
      return name;
    },
    forget: (text) => names.delete(text),
  };
}

const dataStatement = /^\s*(select|insert|update|delete|with)\b/i;

function preparingClient(client: pg.PoolClient, names: StatementNames): PostgresPoolClient {
  const run = async (text: string, values: unknown[]) => {
    const name = names.of(text);
    if (name === undefined) return client.query(text, values);
    try {
      return await client.query({ name, text, values });
    } catch (error) {
      // A table whose columns changed since the statement was prepared (a migration while the
      // process runs) makes PostgreSQL refuse the stored statement once. Outside a transaction
      // it is safe to prepare it afresh under a new name and run it again.
      if (!staleStatement(error) || client.getTransactionStatus() !== 'I') throw error;
      names.forget(text);
      const renamed = names.of(text);
      return renamed === undefined
        ? client.query(text, values)
        : client.query({ name: renamed, text, values });
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
