import { accessColumns } from './access/tables.ts';
import { consentColumns } from './consents/tables.ts';
import { memberColumns } from './members/tables.ts';
import { noticeColumns } from './notices/tables.ts';
import { patientColumns } from './patients/tables.ts';
import { auditColumns } from './platform/audit/tables.ts';
import { cryptoColumns } from './platform/crypto/tables.ts';
import { outboxColumns } from './platform/outbox/tables.ts';
import type { ColumnRegistry } from './platform/personal-columns.ts';
import { policyColumns } from './policy/tables.ts';

/** Every module's column classification, where the policy check reads it. */
export const columnRegistry: ColumnRegistry = {
  ...policyColumns,
  ...noticeColumns,
  ...accessColumns,
  ...auditColumns,
  ...cryptoColumns,
  ...patientColumns,
  ...memberColumns,
  ...outboxColumns,
  ...consentColumns,
};
