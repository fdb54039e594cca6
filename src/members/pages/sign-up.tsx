import type { Lang } from '../../platform/i18n.ts';
import type { PolicyDeclaration } from '../../policy/declaration.ts';
import { findPurpose, findRetentionRule } from '../../policy/lookup.ts';
import { Layout, localHref } from '../../site/layout.tsx';
import { memberText } from '../messages.ts';
import { Check, Field, type FieldErrors, Notice, pick } from './fields.tsx';
import { ContactFields, ProfileChoices } from './profile-fields.tsx';

/** The consent screen: each purpose with its items and retention, from the declaration in force. */
function ConsentSummary(props: {
  lang: Lang;
  declaration: PolicyDeclaration;
  versionLabel: string;
  child: boolean;
}) {
  const t = memberText[props.lang];
  const contexts = props.declaration.items.contexts.filter(
    (c) =>
      c.id === 'membership' ||
      (props.child && c.id === props.declaration.children.guardianContextId),
  );
  const items = contexts.flatMap((c) => c.items).filter((i) => i.requirement === 'required');
  const byPurpose = new Map<string, typeof items>();
  for (const item of items) {
    for (const id of item.purposeIds) byPurpose.set(id, [...(byPurpose.get(id) ?? []), item]);
  }
  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title">{t.consentTitle}</h2>
      <p>{`${t.consentLead}: ${props.versionLabel}`}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.purpose}</th>
            <th scope="col">{t.items}</th>
            <th scope="col">{t.retention}</th>
          </tr>
        </thead>
        <tbody>
          {[...byPurpose].map(([purposeId, list]) => {
            const found = findPurpose(props.declaration, purposeId);
            const label = found?.use?.label ?? found?.purpose.heading;
            const rules = [...new Set(list.map((i) => i.retentionRuleId))].map((id) => {
              const rule = findRetentionRule(props.declaration, id);
              return rule ? pick(props.lang, rule.label) : id;
            });
            return (
              <tr>
                <td>
                  {label
                    ? pick(props.lang, label).replace(
                        '{age}',
                        String(props.declaration.children.ageThreshold),
                      )
                    : purposeId}
                </td>
                <td>{list.map((i) => pick(props.lang, i.label)).join(', ')}</td>
                <td>{rules.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function SignUpPage(props: {
  lang: Lang;
  child: boolean;
  declaration: PolicyDeclaration;
  versionLabel: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = memberText[props.lang];
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const path = props.child ? '/signup/child' : '/signup';
  const title = props.child ? t.childSignUp : t.signUp;
  return (
    <Layout lang={props.lang} title={title} path={path}>
      <h1>{title}</h1>
      {props.child ? (
        <p>{t.childLead}</p>
      ) : (
        <p>
          <a href={localHref('/signup/child', props.lang)}>{t.childLink}</a>
        </p>
      )}
      <Notice text={Object.keys(errors).length > 0 ? t.fixErrors : undefined} kind="error" />
      <form method="post" action={localHref(path, props.lang)} novalidate>
        <Field id="name" label={t.name} errors={errors} value={v.name} autocomplete="name" />
        <Field
          id="birthDate"
          label={t.birthDate}
          type="date"
          errors={errors}
          value={v.birthDate}
          autocomplete="bday"
        />
        <ProfileChoices lang={props.lang} errors={errors} values={v} />
        <Field
          id="loginId"
          label={t.loginId}
          hint={t.loginIdHint}
          errors={errors}
          value={v.loginId}
          autocomplete="username"
        />
        <Field
          id="password"
          label={t.password}
          hint={t.passwordHint}
          type="password"
          errors={errors}
          autocomplete="new-password"
        />
        <ContactFields lang={props.lang} errors={errors} values={v} />
        {props.child ? (
          <>
            <Field
              id="guardianName"
              label={t.guardianName}
              errors={errors}
              value={v.guardianName}
            />
            <Field
              id="guardianContact"
              label={t.guardianContact}
              errors={errors}
              value={v.guardianContact}
            />
          </>
        ) : null}
        <ConsentSummary
          lang={props.lang}
          declaration={props.declaration}
          versionLabel={props.versionLabel}
          child={props.child}
        />
        <Check
          id="agreeRequired"
          label={t.agreeRequired}
          checked={v.agreeRequired === 'on'}
          errors={errors}
        />
        <fieldset>
          <legend>{t.marketingTitle}</legend>
          <Check id="smsOptIn" label={t.smsOptIn} checked={v.smsOptIn === 'on'} errors={errors} />
          <Check
            id="emailOptIn"
            label={t.emailOptIn}
            checked={v.emailOptIn === 'on'}
            errors={errors}
          />
        </fieldset>
        <button type="submit">{t.submit}</button>
      </form>
    </Layout>
  );
}
