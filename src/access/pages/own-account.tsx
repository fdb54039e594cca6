import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { devOutboxText } from '../dev-outbox-text.ts';
import { accessMessages } from '../messages.ts';
import { type Role, roleLabels, rolePermissions } from '../roles.ts';
import { StaffLayout } from './layout.tsx';

export function ConsoleHomePage(props: {
  lang: Lang;
  displayName: string;
  roles: readonly Role[];
  /** The dev outbox exists and one of the caller's roles may read it. */
  devOutbox?: boolean;
}) {
  const unlocksMembers = props.roles.some((role) =>
    rolePermissions[role].includes('members.unlock'),
  );
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.home} path="/staff" signedIn>
      <h1>{t.console}</h1>
      <p>{`${t.welcome}: ${props.displayName}`}</p>
      <h2>{t.yourRoles}</h2>
      {props.roles.length === 0 ? <p>{t.noRoles}</p> : null}
      <ul class="roles">
        {props.roles.map((role) => (
          <li data-role={role}>
            <strong>{roleLabels[role][props.lang]}</strong>
            <span class="muted">{` — ${rolePermissions[role].join(', ')}`}</span>
          </li>
        ))}
      </ul>
      {props.devOutbox ? (
        <p>
          <a href={localHref('/staff/dev-outbox?purpose=guardian_consent_check', props.lang)}>
            {devOutboxText[props.lang].homeLink}
          </a>
        </p>
      ) : null}
      {unlocksMembers ? (
        <p>
          <a href={localHref('/staff/members/unlock', props.lang)}>{t.unlockMembers}</a>
        </p>
      ) : null}
    </StaffLayout>
  );
}

export function PasswordPage(props: {
  lang: Lang;
  mustChange: boolean;
  messages?: readonly string[];
  done?: boolean;
}) {
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.changePassword} path="/staff/password" signedIn>
      <h1>{t.changePassword}</h1>
      {props.mustChange ? <p class="notice">{t.mustChange}</p> : null}
      {props.done ? <p class="notice">{t.passwordChanged}</p> : null}
      {(props.messages ?? []).map((m) => (
        <p class="error" role="alert">
          {m}
        </p>
      ))}
      <p class="muted">{t.passwordRules}</p>
      <form method="post" action={localHref('/staff/password', props.lang)}>
        <p>
          <label for="current">{t.currentPassword}</label>
          <input
            id="current"
            name="current"
            type="password"
            autocomplete="current-password"
            required
          />
        </p>
        <p>
          <label for="next">{t.newPassword}</label>
          <input id="next" name="next" type="password" autocomplete="new-password" required />
        </p>
        <button type="submit">{t.changePassword}</button>
      </form>
    </StaffLayout>
  );
}

export function TotpPage(props: {
  lang: Lang;
  enrolled: boolean;
  /** The new secret's URI, present only on the one response that creates it. */
  uri?: string;
  message?: string;
}) {
  const t = accessMessages[props.lang];
  const href = (path: string) => localHref(path, props.lang);
  return (
    <StaffLayout lang={props.lang} title={t.totp} path="/staff/totp" signedIn>
      <h1>{t.totp}</h1>
      <p>{t.totpLead}</p>
      {props.message ? <p class="notice">{props.message}</p> : null}
      {props.enrolled ? <p>{t.totpEnrolled}</p> : null}
      {props.uri ? (
        <>
          <p>{t.totpShownOnce}</p>
          <p>
            <code class="otpauth-uri">{props.uri}</code>
          </p>
          <form method="post" action={href('/staff/totp/confirm')}>
            <p>
              <label for="code">{t.code}</label>
              <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" required />
            </p>
            <button type="submit">{t.confirm}</button>
          </form>
        </>
      ) : (
        <form method="post" action={href('/staff/totp')}>
          <button type="submit">{t.totpStart}</button>
        </form>
      )}
    </StaffLayout>
  );
}
