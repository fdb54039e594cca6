import type { L10n } from '../platform/i18n.ts';

/**
 * The staff roles of DESIGN.md. A role says what a person's job needs and no
 * more (안전성 확보조치 기준 제5조①): which actions it may take, and which
 * declared purposes it may name when it touches personal data.
 */
export const roles = [
  'front_desk',
  'clinician',
  'privacy_staff',
  'privacy_officer',
  'control_room',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'patients.read',
  'patients.write',
  'patients.health.read',
  'patients.health.write',
  'appointments.manage',
  'billing.manage',
  'certificates.issue',
  'rights.intake',
  'rights.decide',
  'access_log.read',
  'access_log.inspect',
  'staff.read',
  'staff.create',
  'staff.unlock',
  // A member's account locked after failed sign-ins, once the desk has checked who they are.
  'members.unlock',
  'grants.manage',
  'policy.manage',
  'policy.approve',
  'retention.approve',
  'retention.run',
  'processors.manage',
  'provision.manage',
  'breach.manage',
  'cctv.manage',
  'cctv.requests',
  'system.configure',
  // Development only: read what the dev SMS/e-mail adapters kept instead of sending.
  'outbox.dev_read',
] as const;
export type Permission = (typeof permissions)[number];

export const roleLabels: Record<Role, L10n> = {
  front_desk: { ko: '원무', en: 'Front desk' },
  clinician: { ko: '진료부', en: 'Clinician' },
  privacy_staff: { ko: '전산/개인정보 담당', en: 'Privacy staff' },
  privacy_officer: { ko: '개인정보 보호책임자', en: 'Privacy officer' },
  control_room: { ko: '관제실', en: 'Control room' },
  administrator: { ko: '시스템 관리자', en: 'System administrator' },
};

export const rolePermissions: Record<Role, readonly Permission[]> = {
  front_desk: [
    'patients.read',
    'patients.write',
    'appointments.manage',
    'billing.manage',
    'certificates.issue',
    'rights.intake',
    'members.unlock',
    // The desk answers "my code never came"; while only dev adapters deliver, the code is here.
    'outbox.dev_read',
  ],
  clinician: [
    'patients.read',
    'patients.health.read',
    'patients.health.write',
    'appointments.manage',
  ],
  privacy_staff: [
    'patients.read',
    'rights.intake',
    'access_log.read',
    'access_log.inspect',
    'staff.read',
    'staff.create',
    'staff.unlock',
    'grants.manage',
    'policy.manage',
    'retention.approve',
    'processors.manage',
    'provision.manage',
    'breach.manage',
  ],
  privacy_officer: [
    'access_log.read',
    'access_log.inspect',
    'staff.read',
    'rights.decide',
    'policy.approve',
    'retention.run',
    'breach.manage',
  ],
  control_room: ['cctv.manage', 'cctv.requests'],
  // The system administrator runs the installation; it sees no one's personal data.
  administrator: ['staff.read', 'staff.create', 'system.configure'],
};

/**
 * Purpose and use ids of the policy declaration (src/policy/seed/purposes.ts)
 * each role may declare. No role may declare the marketing purposes
 * (new_services and its uses): health information never serves them.
 */
export const rolePurposes: Record<Role, readonly string[]> = {
  front_desk: [
    'appointments',
    'mobile_notices',
    'treatment_and_billing',
    'certificate_issuance',
    'patient_complaints',
    'member_identity',
    'complaints_and_notices',
    'guardian_consent_check',
    'rights_requests',
  ],
  clinician: [
    'care',
    'appointments',
    'mobile_notices',
    'treatment_and_billing',
    'education_research',
    'outsourced_tests_and_trials',
    'patient_complaints',
    'legal_disclosure',
    'certificate_issuance',
  ],
  privacy_staff: [
    'rights_requests',
    'dispute_records',
    'complaints_and_notices',
    'legal_disclosure',
  ],
  privacy_officer: ['rights_requests', 'dispute_records', 'legal_disclosure'],
  control_room: ['cctv', 'facility_safety'],
  administrator: [],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Whether one of the roles may declare this purpose; the data accessor asks this. */
export function purposeAllowed(callerRoles: readonly Role[], purpose: string): boolean {
  return callerRoles.some((role) => rolePurposes[role].includes(purpose));
}
