import type { NoticeTables } from '../notices/tables.ts';
import type { PolicyTables } from '../policy/tables.ts';

/**
 * Every table Jikim has, as Kysely sees it. Each module declares its own tables
 * beside its service; this is only where they meet.
 */
export interface Database extends PolicyTables, NoticeTables {}
