import type { AccessTables } from '../access/tables.ts';
import type { ConsentTables } from '../consents/tables.ts';
import type { MemberTables } from '../members/tables.ts';
import type { NoticeTables } from '../notices/tables.ts';
import type { PatientTables } from '../patients/tables.ts';
import type { PolicyTables } from '../policy/tables.ts';
import type { AuditTables } from './audit/tables.ts';
import type { CryptoTables } from './crypto/tables.ts';
import type { OutboxTables } from './outbox/tables.ts';

/**
 * Every table Jikim has, as Kysely sees it. Each module declares its own tables
 * beside its service; this is only where they meet.
 */
export interface Database
  extends PolicyTables,
    NoticeTables,
    AccessTables,
    AuditTables,
    CryptoTables,
    PatientTables,
    MemberTables,
    OutboxTables,
    ConsentTables {}
