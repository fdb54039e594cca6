import type { Transaction } from 'kysely';
import { seoulDate } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import type { Db } from '../platform/db.ts';
import type { L10n } from '../platform/i18n.ts';
import type { NoticeRow } from './tables.ts';

export interface Notice {
  id: string;
  kind: NoticeRow['kind'];
  title: L10n;
  body: L10n;
  publishedAt: Date;
  policyVersionId: string | null;
}

function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    kind: row.kind,
    title: { ko: row.title_ko, en: row.title_en },
    body: { ko: row.body_ko, en: row.body_en },
    publishedAt: row.published_at,
    policyVersionId: row.policy_version_id,
  };
}

/**
 * The policy promises (공지의 의무) that every change is announced on the notice
 * board; announcing a version writes its notice in the same transaction.
 */
export async function recordPolicyNotice(
  trx: Transaction<Database> | Db,
  version: { id: string; label: string; effectiveAt: Date | null },
  changedSections: L10n[],
  at: Date,
): Promise<void> {
  const effectiveOn = version.effectiveAt ? seoulDate(version.effectiveAt) : '';
  const listKo = changedSections.map((s) => `- ${s.ko}`).join('\n');
  const listEn = changedSections.map((s) => `- ${s.en}`).join('\n');
  await trx
    .insertInto('app.notices')
    .values({
      kind: 'policy_change',
      title_ko: `개인정보처리방침 개정 안내 (시행일 ${effectiveOn})`,
      title_en: `Privacy policy revision (effective ${effectiveOn})`,
      body_ko:
        `개인정보처리방침이 ${effectiveOn}부터 새 버전(${version.label})으로 시행됩니다.` +
        (listKo ? `\n변경된 항목:\n${listKo}` : ''),
      body_en:
        `The privacy policy version ${version.label} takes effect on ${effectiveOn}.` +
        (listEn ? `\nChanged sections:\n${listEn}` : ''),
      published_at: at,
      policy_version_id: version.id,
      created_by: 'policy',
    })
    .execute();
}

/** Notices already published at `at`, newest first. */
export async function listNotices(db: Db, at: Date, limit = 50): Promise<Notice[]> {
  const rows = await db
    .selectFrom('app.notices')
    .selectAll()
    .where('published_at', '<=', at)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toNotice);
}
