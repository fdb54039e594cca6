import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { createStaffAccount } from './accounts.ts';
import type { Role } from './roles.ts';

/**
 * DEMO ONLY. One account per role with a published password, so that people
 * trying the demo can sign in at /staff/login. Only the demo seed creates
 * them (never a production installation, which starts with `jikim staff
 * create`), and these passwords must never be used anywhere else.
 */
export const demoStaff: readonly {
  loginId: string;
  password: string;
  displayName: string;
  department: string;
  role: Role;
}[] = [
  {
    loginId: 'demo.desk',
    password: 'Jikim-Desk-2026!',
    displayName: '김원무 (데모)',
    department: '원무과',
    role: 'front_desk',
  },
  {
    loginId: 'demo.doctor',
    password: 'Jikim-Doctor-2026!',
    displayName: '이진료 (데모)',
    department: '산부인과',
    role: 'clinician',
  },
  {
    loginId: 'demo.privacy',
    password: 'Jikim-Privacy-2026!',
    displayName: '박담당 (데모)',
    department: '전산팀',
    role: 'privacy_staff',
  },
  {
    loginId: 'demo.officer',
    password: 'Jikim-Officer-2026!',
    displayName: '최책임 (데모)',
    department: '개인정보보호팀',
    role: 'privacy_officer',
  },
  {
    loginId: 'demo.control',
    password: 'Jikim-Control-2026!',
    displayName: '정관제 (데모)',
    department: '관제실',
    role: 'control_room',
  },
  {
    loginId: 'demo.admin',
    password: 'Jikim-Admin-2026!',
    displayName: '한관리 (데모)',
    department: '전산팀',
    role: 'administrator',
  },
];

/** Creates the demo accounts that are missing; safe to run on every start of a demo. */
export async function seedDemoStaff(deps: { db: Db; clock: Clock }): Promise<void> {
  const existing = new Set(
    (await deps.db.selectFrom('app.staff_accounts').select('login_id').execute()).map(
      (row) => row.login_id,
    ),
  );
  for (const person of demoStaff) {
    if (existing.has(person.loginId)) continue;
    await createStaffAccount(
      deps,
      { ...person, roleReason: 'demo data set (데모 데이터)' },
      { channel: 'demo' },
    );
  }
}
