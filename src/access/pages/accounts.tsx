import { seoulDateTime } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { accessMessages } from '../messages.ts';
import { type Role, roleLabels, roles } from '../roles.ts';
import type { StaffAccountRow, StaffGrantRow } from '../tables.ts';
import { StaffLayout } from './layout.tsx';

export function AccountListPage(props: {
  lang: Lang;
  accounts: { account: StaffAccountRow; roles: Role[] }[];
  canCreate: boolean;
}) {
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.accounts} path="/staff/accounts" signedIn>
      <h1>{t.accounts}</h1>
      {props.canCreate ? (
        <p>
          <a href={localHref('/staff/accounts/new', props.lang)}>{t.newAccount}</a>
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>{t.loginId}</th>
            <th>{t.displayName}</th>
            <th>{t.department}</th>
            <th>{t.status}</th>
            <th>{t.roles}</th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map(({ account, roles: held }) => (
            <tr>
              <td>
                <a href={localHref(`/staff/accounts/${account.id}`, props.lang)}>
                  {account.login_id}
                </a>
              </td>
              <td>{account.display_name}</td>
              <td>{account.department}</td>
              <td>{t.statusNames[account.status]}</td>
              <td>{held.map((r) => roleLabels[r][props.lang]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffLayout>
  );
}

function RoleSelect(props: { lang: Lang }) {
  return (
    <select name="role" required>
      {roles.map((role) => (
        <option value={role}>{roleLabels[role][props.lang]}</option>
      ))}
    </select>
  );
}

function ReasonInput(props: { lang: Lang; id: string }) {
  const t = accessMessages[props.lang];
  return (
    <>
      <label for={props.id}>{t.reason}</label>
      <input id={props.id} name="reason" required maxlength={500} />
    </>
  );
}

export function AccountPage(props: {
  lang: Lang;
  account: StaffAccountRow;
  grants: StaffGrantRow[];
  canManageGrants: boolean;
  canUnlock: boolean;
}) {
  const t = accessMessages[props.lang];
  const { account, lang } = props;
  const href = (path: string) => localHref(path, lang);
  return (
    <StaffLayout
      lang={lang}
      title={account.login_id}
      path={`/staff/accounts/${account.id}`}
      signedIn
    >
      <h1>{`${account.display_name} (${account.login_id})`}</h1>
      <p>{`${t.department}: ${account.department} · ${t.status}: ${t.statusNames[account.status]}`}</p>
      {props.canUnlock && account.status === 'locked' ? (
        <form method="post" action={href(`/staff/accounts/${account.id}/unlock`)}>
          <ReasonInput lang={lang} id="unlock-reason" />
          <button type="submit">{t.unlock}</button>
        </form>
      ) : null}
      <h2>{t.roles}</h2>
      <table>
        <tbody>
          {props.grants.map((g) => (
            <tr data-grant={g.id}>
              <td>{roleLabels[g.role][lang]}</td>
              <td>{`${t.grantedAt}: ${seoulDateTime(g.granted_at)}`}</td>
              <td>{g.reason}</td>
              <td>
                {props.canManageGrants ? (
                  <>
                    <form method="post" action={href(`/staff/grants/${g.id}/change`)}>
                      <RoleSelect lang={lang} />
                      <ReasonInput lang={lang} id={`change-${g.id}`} />
                      <button type="submit">{t.change}</button>
                    </form>
                    <form method="post" action={href(`/staff/grants/${g.id}/revoke`)}>
                      <ReasonInput lang={lang} id={`revoke-${g.id}`} />
                      <button type="submit">{t.revoke}</button>
                    </form>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canManageGrants ? (
        <form method="post" action={href(`/staff/accounts/${account.id}/grants`)}>
          <RoleSelect lang={lang} />
          <ReasonInput lang={lang} id="grant-reason" />
          <button type="submit">{t.grant}</button>
        </form>
      ) : null}
      <p>
        <a href={href(`/staff/accounts/${account.id}/history`)}>{t.history}</a>
      </p>
    </StaffLayout>
  );
}

export function NewAccountPage(props: {
  lang: Lang;
  created?: { id: string; loginId: string; initialPassword: string };
}) {
  const t = accessMessages[props.lang];
  const href = (path: string) => localHref(path, props.lang);
  return (
    <StaffLayout lang={props.lang} title={t.newAccount} path="/staff/accounts/new" signedIn>
      <h1>{t.newAccount}</h1>
      {props.created ? (
        <p class="notice">
          <a href={href(`/staff/accounts/${props.created.id}`)}>{props.created.loginId}</a>
          {` — ${t.initialPassword}: `}
          <code class="initial-password">{props.created.initialPassword}</code>
        </p>
      ) : null}
      <form method="post" action={href('/staff/accounts/new')}>
        <p>
          <label for="login-id">{t.loginId}</label>
          <input id="login-id" name="loginId" required />
        </p>
        <p>
          <label for="display-name">{t.displayName}</label>
          <input id="display-name" name="displayName" required />
        </p>
        <p>
          <label for="department">{t.department}</label>
          <input id="department" name="department" required />
        </p>
        <button type="submit">{t.create}</button>
      </form>
    </StaffLayout>
  );
}
