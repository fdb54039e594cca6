import type { Lang } from '../../platform/i18n.ts';
import { Layout, localHref } from '../../site/layout.tsx';
import { RESET_CODE_MINUTES } from '../password-reset.ts';
import { Choice, Field, type FieldErrors, Notice } from './fields.tsx';

export const resetText = {
  ko: {
    title: '비밀번호 재설정',
    link: '비밀번호를 잊으셨거나 계정이 잠겼나요?',
    lead: '가입할 때 적은 휴대전화나 이메일로 재설정 코드를 보냅니다. 코드를 받으면 새 비밀번호를 정할 수 있고, 잠긴 계정도 풀립니다.',
    askTitle: '1. 코드 받기',
    loginId: '아이디',
    channel: '코드를 받을 곳',
    choose: '고르세요',
    sms: '가입한 휴대전화 (문자)',
    email: '가입한 이메일',
    send: '코드 보내기',
    sent: `가입된 아이디라면 등록된 연락처로 재설정 코드를 보냈습니다. ${RESET_CODE_MINUTES}분 안에 아래에 입력하세요.`,
    resetTitle: '2. 새 비밀번호 정하기',
    code: '재설정 코드 (10자리)',
    password: '새 비밀번호',
    passwordHint:
      '10자 이상 두 종류 이상, 또는 8자 이상 세 종류(문자, 숫자, 기호). 아이디나 이름은 넣지 마세요.',
    reset: '비밀번호 바꾸기',
    done: '비밀번호가 바뀌었습니다. 새 비밀번호로 로그인하세요.',
  },
  en: {
    title: 'Reset your password',
    link: 'Forgot your password, or is the account locked?',
    lead: 'We send a reset code to the phone or e-mail you gave when you signed up. With the code you choose a new password, and a locked account opens again.',
    askTitle: '1. Get a code',
    loginId: 'Login ID',
    channel: 'Where to send the code',
    choose: 'Choose',
    sms: 'The mobile phone you signed up with (text message)',
    email: 'The e-mail you signed up with',
    send: 'Send the code',
    sent: `If the login ID is a member's, a reset code went to the contact on record. Enter it below within ${RESET_CODE_MINUTES} minutes.`,
    resetTitle: '2. Choose a new password',
    code: 'Reset code (10 digits)',
    password: 'New password',
    passwordHint:
      'At least 10 characters of 2 kinds, or 8 of 3 kinds (letters, digits, symbols). Not your login ID or name.',
    reset: 'Change the password',
    done: 'Your password was changed. Sign in with the new one.',
  },
} as const;

/** Both steps on one page: ask for a code, then use it; each form keeps what was typed. */
export function PasswordResetPage(props: {
  lang: Lang;
  notice?: string;
  askErrors?: FieldErrors;
  resetErrors?: FieldErrors;
  loginId?: string;
  channel?: string;
}) {
  const t = resetText[props.lang];
  const action = (path: string) => localHref(path, props.lang);
  return (
    <Layout lang={props.lang} title={t.title} path="/login/reset">
      <h1>{t.title}</h1>
      <Notice text={props.notice} />
      <p>{t.lead}</p>
      <h2>{t.askTitle}</h2>
      <form method="post" action={action('/login/reset')}>
        <Field
          id="loginId"
          label={t.loginId}
          errors={props.askErrors ?? {}}
          value={props.loginId}
          autocomplete="username"
        />
        <Choice
          id="channel"
          label={t.channel}
          chooseLabel={t.choose}
          errors={props.askErrors ?? {}}
          value={props.channel}
          options={[
            { value: 'sms', label: t.sms },
            { value: 'email', label: t.email },
          ]}
        />
        <button type="submit">{t.send}</button>
      </form>
      <h2>{t.resetTitle}</h2>
      <form method="post" action={action('/login/reset/code')}>
        <Field
          id="reset-loginId"
          label={t.loginId}
          errors={prefixed(props.resetErrors, 'loginId')}
          value={props.loginId}
          autocomplete="username"
        />
        <Field
          id="code"
          label={t.code}
          errors={props.resetErrors ?? {}}
          autocomplete="one-time-code"
        />
        <Field
          id="password"
          label={t.password}
          hint={t.passwordHint}
          type="password"
          errors={props.resetErrors ?? {}}
          autocomplete="new-password"
        />
        <button type="submit">{t.reset}</button>
      </form>
    </Layout>
  );
}

/** The second form's login ID field has its own id, so both forms can be on one page. */
function prefixed(errors: FieldErrors | undefined, field: string): FieldErrors {
  const error = errors?.[field];
  return error ? { [`reset-${field}`]: error } : {};
}
