import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../personal-columns.ts';
import type { AccessAction, ActorKind } from './schema.ts';

/** Hashes come back as Buffer from node-postgres and as Uint8Array from PGlite. */
type Bytes = Uint8Array;

export interface AccessLogTable {
  id: Generated<number>;
  segment: number;
  seq: number;
  prev_hash: Bytes;
  hash: Bytes;
  at: Date;
  actor_kind: ActorKind;
  actor_id: string;
  ip: string | null;
  subject_ids: string[];
  items: string[];
  action: AccessAction;
  purpose: string;
  outcome: 'allowed' | 'refused';
  refusal_reason: string | null;
  search_fields: string[] | null;
  result_count: number | null;
  stated_reason: string | null;
  grant_id: string | null;
  policy_version_id: string | null;
  request_id: string | null;
}

/** The newest line of each segment; the insert trigger moves it. */
export interface AccessLogHeadTable {
  segment: number;
  seq: number;
  hash: Bytes;
}

export interface AccessLogCheckpointTable {
  id: Generated<number>;
  segment: number;
  seq: number;
  hash: Bytes;
  at: Date;
  signature: Bytes;
}

export interface AuditTables {
  'audit.access_log': AccessLogTable;
  'audit.access_log_heads': AccessLogHeadTable;
  'audit.access_log_checkpoints': AccessLogCheckpointTable;
}

export type AccessLogRow = Selectable<AccessLogTable>;

/**
 * The log names people only by opaque ids and items only by their declared ids;
 * it never copies a personal value. The one free text is the reason a staff
 * member typed for a download or print: their own statement, kept as evidence.
 * The IP is the actor's connection record that 제8조 itself requires.
 */
export const auditColumns: {
  'audit.access_log': TableColumns<AccessLogTable>;
  'audit.access_log_heads': TableColumns<AccessLogHeadTable>;
  'audit.access_log_checkpoints': TableColumns<AccessLogCheckpointTable>;
} = {
  'audit.access_log': {
    id: null,
    segment: null,
    seq: null,
    prev_hash: null,
    hash: null,
    at: null,
    actor_kind: null,
    actor_id: null,
    ip: null,
    subject_ids: null,
    items: null,
    action: null,
    purpose: null,
    outcome: null,
    refusal_reason: null,
    search_fields: null,
    result_count: null,
    stated_reason: null,
    grant_id: null,
    policy_version_id: null,
    request_id: null,
  },
  'audit.access_log_heads': { segment: null, seq: null, hash: null },
  'audit.access_log_checkpoints': {
    id: null,
    segment: null,
    seq: null,
    hash: null,
    at: null,
    signature: null,
  },
};
