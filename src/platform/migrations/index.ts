import type { Migration } from 'kysely';
import * as foundation from './2026-11-27T2100-foundation.ts';
import * as subjectKeys from './2026-11-27T2200-subject-keys.ts';
import * as accessLog from './2026-11-27T2210-access-log.ts';
import * as staff from './2026-11-27T2220-staff.ts';
import * as patients from './2026-11-27T2230-patients.ts';
import * as outbox from './2026-11-27T2300-outbox.ts';
import * as consents from './2026-11-27T2310-consents.ts';
import * as members from './2026-11-28T0100-members.ts';
import * as guardianAccess from './2026-11-28T0200-guardian-access.ts';
import * as staffTotpEncrypted from './2026-11-28T0300-staff-totp-encrypted.ts';
import * as passwordResets from './2026-11-28T0400-password-resets.ts';
import * as guardianCodeSends from './2026-11-28T0410-guardian-code-sends.ts';
import * as passwordResetSends from './2026-11-28T0420-password-reset-sends.ts';

/**
 * Every migration, by the name recorded in the database, in the order they run.
 * Listed statically so the bundled server carries them; a test fails when a
 * file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-27T2100-foundation': foundation,
  '2026-11-27T2200-subject-keys': subjectKeys,
  '2026-11-27T2210-access-log': accessLog,
  '2026-11-27T2220-staff': staff,
  '2026-11-27T2230-patients': patients,
  '2026-11-27T2300-outbox': outbox,
  '2026-11-27T2310-consents': consents,
  '2026-11-28T0100-members': members,
  '2026-11-28T0200-guardian-access': guardianAccess,
  '2026-11-28T0300-staff-totp-encrypted': staffTotpEncrypted,
  '2026-11-28T0400-password-resets': passwordResets,
  '2026-11-28T0410-guardian-code-sends': guardianCodeSends,
  '2026-11-28T0420-password-reset-sends': passwordResetSends,
};
