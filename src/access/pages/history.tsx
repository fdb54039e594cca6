import { seoulDateTime } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import type { StaffHistoryItem } from '../history.ts';
import { accessMessages } from '../messages.ts';
import { roleLabels } from '../roles.ts';
import type { StaffAccountRow } from '../tables.ts';
import { StaffLayout } from './layout.tsx';

/** Everything that ever happened to one account's access rights, oldest first. */
export function HistoryPage(props: {
  lang: Lang;
  account: StaffAccountRow;
  history: StaffHistoryItem[];
}) {
  const t = accessMessages[props.lang];
  const { lang, account } = props;
  const role = (r: StaffHistoryItem['role_before']) => (r ? roleLabels[r][lang] : '');
  return (
    <StaffLayout
      lang={lang}
      title={t.history}
      path={`/staff/accounts/${account.id}/history`}
      signedIn
    >
      <h1>{`${t.history}: ${account.login_id}`}</h1>
      <p class="muted">{t.retentionNote}</p>
      <table class="history">
        <thead>
          <tr>
            <th>{t.at}</th>
            <th>{t.event}</th>
            <th>{t.roles}</th>
            <th>{t.actor}</th>
            <th>{t.reason}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr data-event={h.event}>
              <td>{seoulDateTime(h.at)}</td>
              <td>{t.events[h.event]}</td>
              <td>
                {h.role_before && h.role_after
                  ? `${role(h.role_before)} → ${role(h.role_after)}`
                  : role(h.role_before ?? h.role_after)}
              </td>
              <td class="actor">{h.actor_login_id ?? t.channels[h.actor_channel]}</td>
              <td class="reason">{h.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={localHref(`/staff/accounts/${account.id}`, lang)}>{t.back}</a>
      </p>
    </StaffLayout>
  );
}
