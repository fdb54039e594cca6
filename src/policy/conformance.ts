import { sql } from 'kysely';
import { columnRegistry } from '../column-registry.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { ColumnRegistry } from '../platform/personal-columns.ts';
import { allItems, checkDeclaration, type PolicyDeclaration } from './declaration.ts';
import { versionInForce } from './versions.ts';

/** The schemas where Jikim keeps data about people. */
const dataSchemas = ['app', 'separated', 'audit'];

/**
 * Compares what the database holds with what the policy in force declares.
 * Each problem is one line naming the column or item, so an operator can act on it.
 */
export async function runPolicyCheck(
  { db, clock }: { db: Db; clock: Clock },
  registry: ColumnRegistry = columnRegistry,
): Promise<string[]> {
  const { declaration } = await versionInForce({ db, clock }, clock.now());
  const columns = await listColumns(db);
  return [...declarationProblems(declaration), ...columnProblems(columns, registry, declaration)];
}

function declarationProblems(declaration: PolicyDeclaration): string[] {
  return checkDeclaration(declaration).map((p) => `declaration ${p.path}: ${p.message.en}`);
}

export function columnProblems(
  columns: { table: string; column: string }[],
  registry: ColumnRegistry,
  declaration: PolicyDeclaration,
): string[] {
  const declaredItems = new Set(itemIdsOf(declaration));
  const problems: string[] = [];
  const present = new Set<string>();
  for (const { table, column } of columns) {
    present.add(`${table}.${column}`);
    const classes = registry[table];
    if (!classes || !(column in classes)) {
      problems.push(
        `column ${table}.${column} is not classified: declare the policy item it holds, or mark it as not personal`,
      );
      continue;
    }
    const item = classes[column];
    if (item && !declaredItems.has(item)) {
      problems.push(
        `column ${table}.${column} holds item "${item}", which the policy in force does not declare`,
      );
    }
  }
  for (const [table, classes] of Object.entries(registry)) {
    for (const column of Object.keys(classes)) {
      if (!present.has(`${table}.${column}`)) {
        problems.push(`column ${table}.${column} is classified but does not exist in the database`);
      }
    }
  }
  return problems;
}

function itemIdsOf(declaration: PolicyDeclaration): string[] {
  return allItems(declaration).map((item) => item.id);
}

async function listColumns(db: Db): Promise<{ table: string; column: string }[]> {
  const result = await sql<{ table_schema: string; table_name: string; column_name: string }>`
    select table_schema, table_name, column_name
    from information_schema.columns
    where table_schema in (${sql.join(dataSchemas)})
    order by table_schema, table_name, ordinal_position`.execute(db);
  return result.rows.map((r) => ({
    table: `${r.table_schema}.${r.table_name}`,
    column: r.column_name,
  }));
}
