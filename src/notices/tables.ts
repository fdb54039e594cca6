import type { Generated, Selectable } from 'kysely';
import type { TableColumns } from '../platform/personal-columns.ts';

export interface NoticeTable {
  id: Generated<string>;
  kind: 'general' | 'policy_change';
  title_ko: string;
  title_en: string;
  body_ko: string;
  body_en: string;
  published_at: Date;
  policy_version_id: string | null;
  created_by: string;
}

export interface NoticeTables {
  'app.notices': NoticeTable;
}

export type NoticeRow = Selectable<NoticeTable>;

/** Notices are addressed to everyone; they name no person. */
export const noticeColumns: { 'app.notices': TableColumns<NoticeTable> } = {
  'app.notices': {
    id: null,
    kind: null,
    title_ko: null,
    title_en: null,
    body_ko: null,
    body_en: null,
    published_at: null,
    policy_version_id: null,
    created_by: null,
  },
};
