import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';
import type { Role } from './roles.ts';

export type AccountStatus = 'active' | 'locked' | 'disabled';

export interface StaffAccountTable {
  id: Generated<string>;
  login_id: string;
  display_name: string;
  department: string;
  /** argon2id, in its PHC string form. */
  password_hash: string;
  /** Set for an initial or reset password: the holder must choose their own first. */
  password_must_change: boolean;
  status: AccountStatus;
  failed_attempts: number;
  locked_at: Date | null;
  /** The base32 TOTP secret under field encryption (subject `staff:<id>`); see staffTotp. */
  totp_secret_ct: Buffer | null;
  totp_enrolled_at: Date | null;
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totp_last_step: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie's token: a database reader cannot replay a session. */
  id: string;
  staff_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  second_factor_done: boolean;
}

export interface StaffGrantTable {
  id: Generated<string>;
  staff_id: string;
  role: Role;
  /** Null when the installation CLI or the demo seed granted it. */
  granted_by: string | null;
  granted_at: Date;
  reason: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export type StaffEvent =
  | 'account_created'
  | 'granted'
  | 'grant_changed'
  | 'revoked'
  | 'locked'
  | 'unlocked'
  | 'password_changed'
  | 'totp_enrolled';

export type ActorChannel = 'console' | 'cli' | 'demo' | 'system';

export interface StaffHistoryTable {
  seq: ColumnType<number, never, never>;
  at: Date;
  staff_id: string;
  event: StaffEvent;
  grant_id: string | null;
  role_before: Role | null;
  role_after: Role | null;
  /** The staff member who acted; null when the CLI, the demo seed or the system did. */
  actor_id: string | null;
  actor_channel: ActorChannel;
  reason: string | null;
}

export interface AccessTables {
  'app.staff_accounts': StaffAccountTable;
  'app.staff_sessions': StaffSessionTable;
  'app.staff_grants': StaffGrantTable;
  'audit.staff_history': StaffHistoryTable;
}

export type StaffAccountRow = Selectable<StaffAccountTable>;
export type StaffGrantRow = Selectable<StaffGrantTable>;
export type StaffHistoryRow = Selectable<StaffHistoryTable>;
export type StaffSessionRow = Selectable<StaffSessionTable>;

/**
 * Staff accounts, sessions and grants are personal data of employees, which the
 * hospital processes as their employer; the published privacy policy speaks to
 * patients and members and declares no item for staff. These columns are
 * therefore marked null (outside the patient-facing policy), not "harmless":
 * the names, login ids, addresses and TOTP secrets are still protected here by
 * access control (staff.read), and the secret is to move to field encryption.
 */
export const accessColumns: {
  'app.staff_accounts': TableColumns<StaffAccountTable>;
  'app.staff_sessions': TableColumns<StaffSessionTable>;
  'app.staff_grants': TableColumns<StaffGrantTable>;
  'audit.staff_history': TableColumns<StaffHistoryTable>;
} = {
  'app.staff_accounts': {
    id: null,
    login_id: null, // employee data, outside the patient-facing policy
    display_name: null, // employee data, outside the patient-facing policy
    department: null,
    password_hash: null, // one-way hash (제7조), employee data
    password_must_change: null,
    status: null,
    failed_attempts: null,
    locked_at: null,
    totp_secret_ct: null, // employee authentication secret, under field encryption
    totp_enrolled_at: null,
    totp_last_step: null,
    created_at: null,
    updated_at: null,
  },
  'app.staff_sessions': {
    id: null,
    staff_id: null,
    created_at: null,
    last_seen_at: null,
    expires_at: null,
    ip: null, // employee's connection address, outside the patient-facing policy
    second_factor_done: null,
  },
  'app.staff_grants': {
    id: null,
    staff_id: null,
    role: null,
    granted_by: null,
    granted_at: null,
    reason: null,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  },
  'audit.staff_history': {
    seq: null,
    at: null,
    staff_id: null,
    event: null,
    grant_id: null,
    role_before: null,
    role_after: null,
    actor_id: null,
    actor_channel: null,
    reason: null,
  },
};
