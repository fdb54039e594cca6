import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { accessMessages } from '../messages.ts';
import { StaffLayout } from './layout.tsx';

export function SignInPage(props: { lang: Lang; message?: string | undefined }) {
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.signIn} path="/staff/login">
      <h1>{t.signIn}</h1>
      {props.message ? (
        <p class="error" role="alert">
          {props.message}
        </p>
      ) : null}
      <form method="post" action={localHref('/staff/login', props.lang)}>
        <p>
          <label for="login-id">{t.loginId}</label>
          <input id="login-id" name="loginId" autocomplete="username" required />
        </p>
        <p>
          <label for="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </p>
        <button type="submit">{t.signInButton}</button>
      </form>
    </StaffLayout>
  );
}

export function SecondFactorPage(props: { lang: Lang; message?: string | undefined }) {
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.codeTitle} path="/staff/login/code">
      <h1>{t.codeTitle}</h1>
      <p>{t.codeLead}</p>
      {props.message ? (
        <p class="error" role="alert">
          {props.message}
        </p>
      ) : null}
      <form method="post" action={localHref('/staff/login/code', props.lang)}>
        <p>
          <label for="code">{t.code}</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            required
          />
        </p>
        <button type="submit">{t.confirm}</button>
      </form>
    </StaffLayout>
  );
}
