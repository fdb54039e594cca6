import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';

export type MemberStatus = 'pending_guardian' | 'active' | 'locked';

/** Every personal value is ciphertext (`*_ct`) under the member's data key; lookups go by keyed index. */
export interface MemberTable {
  id: string;
  login_id_index: Buffer;
  login_id_ct: Buffer;
  name_ct: Buffer;
  birth_date_ct: Buffer;
  sex_ct: Buffer;
  referral_source_ct: Buffer | null;
  district_ct: Buffer;
  phone_ct: Buffer;
  phone_index: Buffer;
  email_ct: Buffer;
  email_index: Buffer;
  /** argon2id, in its PHC string form. */
  password_hash: string;
  /** Under the policy's age threshold at sign-up: signed up through a guardian's consent. */
  is_child: boolean;
  status: MemberStatus;
  failed_attempts: number;
  locked_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface MemberSessionTable {
  /** SHA-256 of the cookie's token, as for staff sessions. */
  id: string;
  member_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface GuardianRequestTable {
  id: string;
  member_id: string;
  guardian_name_ct: Buffer;
  guardian_contact_ct: Buffer;
  contact_channel: 'email' | 'sms';
  /** Keyed hash of the confirmation code: the code finds its request, and is never stored. */
  code_hash: Buffer;
  created_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
}

/** A guardian's verification code and, once verified, their short session (one per request). */
export interface GuardianAccessTable {
  request_id: string;
  code_hash: Buffer;
  code_expires_at: Date;
  failed_attempts: Generated<number>;
  session_id: string | null;
  session_expires_at: Date | null;
  created_at: Date;
  /** Codes sent since `sends_since`, for the daily limit. */
  sends: Generated<number>;
  sends_since: Date;
}

/** A member's password reset: the code sent to their contact on record (one per member). */
export interface PasswordResetTable {
  member_id: string;
  code_hash: Buffer;
  code_expires_at: Date;
  failed_attempts: Generated<number>;
  created_at: Date;
  /** Codes sent since `sends_since`, for the daily limit. */
  sends: Generated<number>;
  sends_since: Date;
}

export interface WithdrawnLoginIdTable {
  login_id_index: Buffer;
}

export interface DestructionLedgerTable {
  id: Generated<string>;
  at: Date;
  rule_id: string;
  trigger: string;
  /** Declared item ids that were destroyed; never their values. */
  categories: string[];
  counts: Record<string, number>;
  method: string;
  policy_version_id: string | null;
}

export interface MemberTables {
  'app.members': MemberTable;
  'app.member_sessions': MemberSessionTable;
  'app.guardian_requests': GuardianRequestTable;
  'app.guardian_access': GuardianAccessTable;
  'app.password_resets': PasswordResetTable;
  'separated.withdrawn_login_ids': WithdrawnLoginIdTable;
  'audit.destruction_ledger': DestructionLedgerTable;
}

export type MemberRow = Selectable<MemberTable>;
export type MemberSessionRow = Selectable<MemberSessionTable>;
export type GuardianRequestRow = Selectable<GuardianRequestTable>;

export const memberColumns: {
  'app.members': TableColumns<MemberTable>;
  'app.member_sessions': TableColumns<MemberSessionTable>;
  'app.guardian_requests': TableColumns<GuardianRequestTable>;
  'app.guardian_access': TableColumns<GuardianAccessTable>;
  'app.password_resets': TableColumns<PasswordResetTable>;
  'separated.withdrawn_login_ids': TableColumns<WithdrawnLoginIdTable>;
  'audit.destruction_ledger': TableColumns<DestructionLedgerTable>;
} = {
  'app.members': {
    id: null,
    login_id_index: 'membership.login_id',
    login_id_ct: 'membership.login_id',
    name_ct: 'membership.name',
    birth_date_ct: 'membership.birth_date',
    sex_ct: 'membership.gender',
    referral_source_ct: 'membership.referral_source',
    district_ct: 'membership.district',
    phone_ct: 'membership.phone',
    phone_index: 'membership.phone',
    email_ct: 'membership.email',
    email_index: 'membership.email',
    password_hash: 'membership.password',
    // Derived from the birth date: whether the member is in the under-age group.
    is_child: 'membership.birth_date',
    status: null,
    failed_attempts: null,
    locked_at: null,
    created_at: null,
    updated_at: null,
  },
  'app.member_sessions': {
    id: null,
    member_id: null,
    created_at: null,
    last_seen_at: null,
    expires_at: null,
  },
  'app.guardian_requests': {
    id: null,
    member_id: null,
    guardian_name_ct: 'child_guardian.name',
    guardian_contact_ct: 'child_guardian.contact',
    // Whether the contact is an e-mail address or a phone number says something about it.
    contact_channel: 'child_guardian.contact',
    code_hash: null,
    created_at: null,
    expires_at: null,
    confirmed_at: null,
  },
  'app.guardian_access': {
    request_id: null,
    // Hashes of random codes and tokens: nothing about the guardian or the child.
    code_hash: null,
    code_expires_at: null,
    failed_attempts: null,
    session_id: null,
    session_expires_at: null,
    created_at: null,
    sends: null,
    sends_since: null,
  },
  'app.password_resets': {
    member_id: null,
    // The keyed hash of a random code: nothing about the member.
    code_hash: null,
    code_expires_at: null,
    failed_attempts: null,
    created_at: null,
    sends: null,
    sends_since: null,
  },
  'separated.withdrawn_login_ids': {
    // Kept for good against re-use (retention rule member_login_id, separated storage).
    login_id_index: 'membership.login_id',
  },
  'audit.destruction_ledger': {
    id: null,
    at: null,
    rule_id: null,
    trigger: null,
    categories: null,
    counts: null,
    method: null,
    policy_version_id: null,
  },
};
