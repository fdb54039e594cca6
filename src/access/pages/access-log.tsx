import { accessActions } from '../../platform/audit/schema.ts';
import type { AccessLogRecord } from '../../platform/audit/search.ts';
import { seoulDateTime } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { StaffLayout } from './layout.tsx';

const text = {
  ko: {
    title: '개인정보 접속기록 조회',
    lead: '누가, 언제, 어디서, 누구의 어떤 정보를, 무슨 목적으로 처리했는지 기록합니다 (안전성 확보조치 기준 제8조). 기록에는 개인정보 값이 남지 않습니다.',
    actor: '처리자 ID',
    subject: '정보주체 ID',
    action: '처리 유형',
    outcome: '결과',
    from: '시작일',
    to: '종료일 (포함 안 함)',
    any: '전체',
    search: '조회',
    at: '일시',
    ip: '접속지',
    items: '항목',
    purpose: '목적',
    count: '건수',
    reason: '사유',
    allowed: '허용',
    refused: '거부',
    next: '다음 쪽',
    none: '조건에 맞는 기록이 없습니다.',
  },
  en: {
    title: 'Access log search',
    lead: 'Who did what to whose data, when, from where and for which purpose (security-measures standard art. 8). The log holds no personal values.',
    actor: 'Actor id',
    subject: 'Subject id',
    action: 'Action',
    outcome: 'Outcome',
    from: 'From',
    to: 'To (exclusive)',
    any: 'Any',
    search: 'Search',
    at: 'Time',
    ip: 'From',
    items: 'Items',
    purpose: 'Purpose',
    count: 'Count',
    reason: 'Reason',
    allowed: 'Allowed',
    refused: 'Refused',
    next: 'Next page',
    none: 'No entries match.',
  },
};

export interface AccessLogFilters {
  actorId?: string;
  subjectId?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export function AccessLogPage(props: {
  lang: Lang;
  filters: AccessLogFilters;
  entries: AccessLogRecord[];
  nextHref: string | null;
}) {
  const t = text[props.lang];
  const f = props.filters;
  return (
    <StaffLayout lang={props.lang} title={t.title} path="/staff/access-log" signedIn>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <form method="get" action="/staff/access-log" class="filters">
        {props.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <label>
          {t.actor} <input name="actorId" value={f.actorId ?? ''} />
        </label>
        <label>
          {t.subject} <input name="subjectId" value={f.subjectId ?? ''} />
        </label>
        <label>
          {t.action}{' '}
          <select name="action">
            <option value="">{t.any}</option>
            {accessActions.map((a) => (
              <option value={a} selected={f.action === a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.outcome}{' '}
          <select name="outcome">
            <option value="">{t.any}</option>
            <option value="allowed" selected={f.outcome === 'allowed'}>
              {t.allowed}
            </option>
            <option value="refused" selected={f.outcome === 'refused'}>
              {t.refused}
            </option>
          </select>
        </label>
        <label>
          {t.from} <input type="date" name="from" value={f.from ?? ''} />
        </label>
        <label>
          {t.to} <input type="date" name="to" value={f.to ?? ''} />
        </label>
        <button type="submit">{t.search}</button>
      </form>
      {props.entries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <caption>{t.title}</caption>
          <thead>
            <tr>
              {[
                t.at,
                t.actor,
                t.ip,
                t.subject,
                t.items,
                t.action,
                t.purpose,
                t.outcome,
                t.count,
                t.reason,
              ].map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td>{seoulDateTime(e.at)}</td>
                <td>{`${e.actor.kind}:${e.actor.id}`}</td>
                <td>{e.ip ?? ''}</td>
                <td>{e.subjectIds.join(', ')}</td>
                <td>{e.items.join(', ')}</td>
                <td>{e.action}</td>
                <td>{e.purpose}</td>
                <td>{e.outcome === 'allowed' ? t.allowed : t.refused}</td>
                <td>{e.resultCount ?? ''}</td>
                <td>{e.refusalReason ?? e.statedReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextHref ? <a href={localHref(props.nextHref, props.lang)}>{t.next}</a> : null}
    </StaffLayout>
  );
}
