import { seoulDateTime } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n.ts';
import { Layout, localHref } from '../../site/layout.tsx';
import { districtLabel } from '../districts.ts';
import { memberText } from '../messages.ts';
import type { MyData } from '../my-data.ts';
import { Field, type FieldErrors, Notice, pick } from './fields.tsx';
import { MarketingForms } from './marketing.tsx';
import { resetText } from './password-reset.tsx';
import { ContactFields, ProfileChoices } from './profile-fields.tsx';

export function SignInPage(props: {
  lang: Lang;
  message?: string;
  notice?: string;
  loginId?: string;
}) {
  const t = memberText[props.lang];
  return (
    <Layout lang={props.lang} title={t.signIn} path="/login">
      <h1>{t.signIn}</h1>
      <Notice text={props.notice} />
      <Notice text={props.message} kind="error" />
      <form method="post" action={localHref('/login', props.lang)}>
        <Field
          id="loginId"
          label={t.loginId}
          errors={{}}
          value={props.loginId}
          autocomplete="username"
        />
        <Field
          id="password"
          label={t.password}
          type="password"
          errors={{}}
          autocomplete="current-password"
        />
        <button type="submit">{t.signIn}</button>
      </form>
      <p>
        <a href={localHref('/login/reset', props.lang)}>{resetText[props.lang].link}</a>
      </p>
      <p>
        <a href={localHref('/signup', props.lang)}>{t.signUp}</a>
      </p>
    </Layout>
  );
}

export function GuardianPage(props: { lang: Lang; errors?: FieldErrors; done?: boolean }) {
  const t = memberText[props.lang];
  return (
    <Layout lang={props.lang} title={t.guardianTitle} path="/signup/guardian">
      <h1>{t.guardianTitle}</h1>
      {props.done ? (
        <Notice text={t.guardianDone} />
      ) : (
        <>
          <p>{t.guardianLead}</p>
          <form method="post" action={localHref('/signup/guardian', props.lang)}>
            <Field
              id="code"
              label={t.code}
              errors={props.errors ?? {}}
              autocomplete="one-time-code"
            />
            <button type="submit">{t.confirm}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

function shown(lang: Lang, itemId: string, value: string | undefined): string {
  const t = memberText[lang];
  if (value === undefined) return t.hashedPassword;
  if (itemId === 'membership.gender') return t.sexes[value] ?? value;
  if (itemId === 'membership.district') return pick(lang, districtLabel(value));
  if (itemId === 'membership.referral_source') return t.referralSources[value] ?? value;
  if (itemId.endsWith('_opt_in')) return value === 'yes' ? t.yes : t.no;
  return value;
}

export function MePage(props: { lang: Lang; data: MyData; notice?: string; errors?: FieldErrors }) {
  const t = memberText[props.lang];
  const errors = props.errors ?? {};
  return (
    <Layout lang={props.lang} title={t.me} path="/me">
      <h1>{t.me}</h1>
      <Notice text={props.notice} />
      <p>{t.meLead}</p>
      <ItemsTable lang={props.lang} data={props.data} />
      <h2>{t.consents}</h2>
      <ConsentTable lang={props.lang} rows={props.data.consents} id="my-consents" />
      <MarketingForms lang={props.lang} consents={props.data.consents} errors={errors} />
      <h2>{t.consentHistory}</h2>
      <ConsentTable lang={props.lang} rows={props.data.consentHistory} id="consent-history" />
      <h2 id="correct">{t.correct}</h2>
      <CorrectionForm lang={props.lang} data={props.data} errors={errors} action="/me" />
      <p>
        <a href={localHref('/me/withdraw', props.lang)}>{t.withdraw}</a>
      </p>
      <form method="post" action={localHref('/logout', props.lang)}>
        <button type="submit">{t.signOut}</button>
      </form>
    </Layout>
  );
}

function ConsentTable(props: { lang: Lang; id: string; rows: MyData['consents'] }) {
  const t = memberText[props.lang];
  return (
    <table id={props.id}>
      <thead>
        <tr>
          <th scope="col">{t.kind}</th>
          <th scope="col">{t.value}</th>
          <th scope="col">{t.at}</th>
          <th scope="col">{t.version}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr>
            <td>{c.kind}</td>
            <td>{c.granted ? t.yes : t.no}</td>
            <td>{seoulDateTime(c.at)}</td>
            <td>{c.policyVersionId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WithdrawPage(props: {
  lang: Lang;
  items: { label: string }[];
  errors?: FieldErrors;
  done?: boolean;
}) {
  const t = memberText[props.lang];
  return (
    <Layout lang={props.lang} title={t.withdraw} path="/me/withdraw">
      <h1>{t.withdraw}</h1>
      {props.done ? (
        <Notice text={t.withdrawn} />
      ) : (
        <>
          <p>{t.withdrawLead}</p>
          <ul id="destroyed-items">
            {props.items.map((i) => (
              <li>{i.label}</li>
            ))}
          </ul>
          <h2>{t.withdrawKept}</h2>
          <ul>
            <li>{t.withdrawKeptLogin}</li>
            <li>{t.withdrawKeptMedical}</li>
          </ul>
          <form method="post" action={localHref('/me/withdraw', props.lang)}>
            <Field
              id="password"
              label={t.password}
              type="password"
              errors={props.errors ?? {}}
              autocomplete="current-password"
            />
            <button type="submit">{t.withdrawConfirm}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Every item held, with its value, purposes and retention. */
export function ItemsTable(props: { lang: Lang; data: MyData }) {
  const t = memberText[props.lang];
  return (
    <table id="my-items">
      <thead>
        <tr>
          <th scope="col">{t.item}</th>
          <th scope="col">{t.value}</th>
          <th scope="col">{t.purpose}</th>
          <th scope="col">{t.retention}</th>
        </tr>
      </thead>
      <tbody>
        {props.data.items.map((item) => (
          <tr data-item={item.itemId}>
            <th scope="row">{pick(props.lang, item.label)}</th>
            <td>{shown(props.lang, item.itemId, item.value)}</td>
            <td>
              {item.purposes.map((p) => pick(props.lang, p).replace('{age}', '14')).join(', ')}
            </td>
            <td>{pick(props.lang, item.retention)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The items a member (or their child's guardian) may correct, prefilled. */
export function CorrectionForm(props: {
  lang: Lang;
  data: MyData;
  errors: FieldErrors;
  action: string;
}) {
  const t = memberText[props.lang];
  const errors = props.errors;
  const value = (id: string) => props.data.items.find((i) => i.itemId === id)?.value;
  // Form field ids, as on sign-up, to the items they correct.
  const values = {
    sex: value('membership.gender'),
    referralSource: value('membership.referral_source'),
    district: value('membership.district'),
    phone: value('membership.phone'),
    email: value('membership.email'),
  };
  return (
    <form method="post" action={localHref(props.action, props.lang)}>
      <Field
        id="name"
        label={t.name}
        errors={errors}
        value={value('membership.name')}
        autocomplete="name"
      />
      <ProfileChoices lang={props.lang} errors={errors} values={values} />
      <ContactFields lang={props.lang} errors={errors} values={values} />
      <button type="submit">{t.save}</button>
    </form>
  );
}
