import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { Invalid } from '../errors.ts';
import type { AccessAction, AccessLogSearch, ActorKind } from './schema.ts';

/** One line of the log as an inspector reads it. */
export interface AccessLogRecord {
  id: number;
  at: Date;
  actor: { kind: ActorKind; id: string };
  ip: string | null;
  subjectIds: string[];
  items: string[];
  action: AccessAction;
  purpose: string;
  outcome: 'allowed' | 'refused';
  refusalReason: string | null;
  searchFields: string[] | null;
  resultCount: number | null;
  statedReason: string | null;
  grantId: string | null;
  policyVersionId: string | null;
  requestId: string | null;
}

export interface AccessLogPage {
  entries: AccessLogRecord[];
  /** Pass back to read on; null on the last page. */
  nextCursor: string | null;
}

/**
 * The log by person, subject, action and period, newest first: the monthly
 * inspection of 제8조 starts here. `from` is inclusive and `to` exclusive.
 * Pages by position (time, id), so a page stays right while lines are added.
 */
export async function searchAccessLog(db: Db, query: AccessLogSearch): Promise<AccessLogPage> {
  let select = db
    .selectFrom('audit.access_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.actorId) select = select.where('actor_id', '=', query.actorId);
  if (query.subjectId) {
    select = select.where(sql<boolean>`subject_ids @> array[${query.subjectId}]::text[]`);
  }
  if (query.action) select = select.where('action', '=', query.action);
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  if (query.from) select = select.where('at', '>=', query.from);
  if (query.to) select = select.where('at', '<', query.to);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    select = select.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('at', 'id'), '<', tuple(after.at, after.id)),
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind, id: r.actor_id },
      ip: r.ip,
      subjectIds: r.subject_ids,
      items: r.items,
      action: r.action,
      purpose: r.purpose,
      outcome: r.outcome,
      refusalReason: r.refusal_reason,
      searchFields: r.search_fields,
      resultCount: r.result_count,
      statedReason: r.stated_reason,
      grantId: r.grant_id,
      policyVersionId: r.policy_version_id,
      requestId: r.request_id,
    })),
    nextCursor: rows.length > query.limit && last ? `${last.at.getTime()}_${last.id}` : null,
  };
}

function decodeCursor(cursor: string): { at: Date; id: number } {
  const match = /^(\d{1,15})_(\d{1,18})$/.exec(cursor);
  if (!match?.[1] || !match[2]) {
    throw Invalid('invalid-cursor', {
      ko: '페이지 위치가 올바르지 않습니다',
      en: 'The page cursor is not valid',
    });
  }
  return { at: new Date(Number(match[1])), id: Number(match[2]) };
}
