import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';

export interface PolicyVersionTable {
  id: Generated<string>;
  label: string;
  /** The whole declaration as published; JSON so that old versions render as they were. */
  declaration: ColumnType<unknown, string, string>;
  status: 'draft' | 'announced';
  announced_at: Date | null;
  effective_at: Date | null;
  created_at: Date;
  created_by: string;
}

export interface PolicyTables {
  'app.policy_versions': PolicyVersionTable;
}

export type PolicyVersionRow = Selectable<PolicyVersionTable>;

/** Policy versions hold the published policy, no one's personal data. */
export const policyColumns: { 'app.policy_versions': TableColumns<PolicyVersionTable> } = {
  'app.policy_versions': {
    id: null,
    label: null,
    declaration: null,
    status: null,
    announced_at: null,
    effective_at: null,
    created_at: null,
    created_by: null,
  },
};
