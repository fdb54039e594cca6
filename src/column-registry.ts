import { noticeColumns } from './notices/tables.ts';
import type { ColumnRegistry } from './platform/personal-columns.ts';
import { policyColumns } from './policy/tables.ts';

/** Every module's column classification, where the policy check reads it. */
export const columnRegistry: ColumnRegistry = {
  ...policyColumns,
  ...noticeColumns,
};
