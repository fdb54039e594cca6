import type { L10n, Lang } from '../../platform/i18n.ts';
import { Layout, localHref } from '../../site/layout.tsx';
import { guardianAccessText } from '../guardian-access-text.ts';
import type { MyData } from '../my-data.ts';
import { CorrectionForm, ItemsTable } from './account.tsx';
import { Check, Field, type FieldErrors, Notice } from './fields.tsx';

/**
 * Step 1 asks for the child's login ID; step 2 (after sending) asks for the
 * code. A refusal (the child has turned 14) is said first, in both languages.
 */
export function GuardianAccessPage(props: {
  lang: Lang;
  loginId?: string;
  codeSent?: boolean;
  errors?: FieldErrors;
  refusal?: { title: L10n; options: { detail?: L10n } };
}) {
  const t = guardianAccessText[props.lang];
  const errors = props.errors ?? {};
  const other = props.lang === 'ko' ? 'en' : 'ko';
  const refusal = props.refusal;
  return (
    <Layout lang={props.lang} title={t.title} path="/guardian">
      <h1>{t.title}</h1>
      {refusal ? (
        <div id="guardian-refusal" role="alert" class="error">
          <p>
            <strong>{refusal.title[props.lang]}</strong> {refusal.options.detail?.[props.lang]}
          </p>
          <p lang={other}>
            {refusal.title[other]} {refusal.options.detail?.[other]}
          </p>
        </div>
      ) : null}
      <p>{t.lead}</p>
      {props.codeSent ? <Notice text={t.codeSent} /> : null}
      <form method="post" action={localHref('/guardian', props.lang)}>
        <Field
          id="loginId"
          label={t.childLoginId}
          errors={props.codeSent ? {} : errors}
          value={props.loginId}
        />
        <button type="submit">{t.sendCode}</button>
      </form>
      {props.codeSent ? (
        <form method="post" action={localHref('/guardian/verify', props.lang)}>
          <input type="hidden" name="loginId" value={props.loginId ?? ''} />
          <Field id="code" label={t.code} errors={errors} autocomplete="one-time-code" />
          <button type="submit">{t.verify}</button>
        </form>
      ) : null}
    </Layout>
  );
}

export function GuardianChildPage(props: {
  lang: Lang;
  data?: MyData;
  notice?: string;
  errors?: FieldErrors;
  deleted?: boolean;
}) {
  const t = guardianAccessText[props.lang];
  const errors = props.errors ?? {};
  return (
    <Layout lang={props.lang} title={t.childTitle} path="/guardian/child">
      <h1>{t.childTitle}</h1>
      <Notice text={props.notice} />
      {props.deleted || !props.data ? (
        <Notice text={t.deleted} />
      ) : (
        <>
          <p>{t.childLead}</p>
          <ItemsTable lang={props.lang} data={props.data} />
          <CorrectionForm
            lang={props.lang}
            data={props.data}
            errors={errors}
            action="/guardian/child"
          />
          <h2 id="delete">{t.deleteTitle}</h2>
          <p>{t.deleteLead}</p>
          <form method="post" action={localHref('/guardian/child/delete', props.lang)}>
            <Check id="confirm" label={t.deleteConfirm} checked={false} errors={errors} />
            <button type="submit">{t.deleteButton}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
