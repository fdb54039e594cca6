import { seoulDateTime } from '../../platform/clock.ts';
import type { Lang } from '../../platform/i18n.ts';
import { sectionAnchor } from '../../policy/render/context.ts';
import { Layout, localHref } from '../../site/layout.tsx';
import { cookieBannerMessages } from './messages.ts';
import { allows, type VisitorCookieState } from './state.ts';

function settingsHref(lang: Lang, returnTo: string): string {
  return localHref(`/cookies?return=${encodeURIComponent(returnTo)}`, lang);
}

/**
 * Accept and reject are two buttons of the same look side by side, one click
 * each; settings is one more link. A plain form: it works without JavaScript.
 */
function ChoiceButtons(props: { lang: Lang; withSave?: boolean }) {
  const t = cookieBannerMessages[props.lang];
  return (
    <>
      {props.withSave ? (
        <button type="submit" name="choice" value="custom">
          {t.saveChoice}
        </button>
      ) : null}
      <button type="submit" name="choice" value="all">
        {t.acceptAll}
      </button>
      <button type="submit" name="choice" value="necessary">
        {t.rejectAll}
      </button>
    </>
  );
}

export function CookieBanner(props: { lang: Lang; state: VisitorCookieState; returnTo: string }) {
  const t = cookieBannerMessages[props.lang];
  const { purpose, categories } = props.state.cookies;
  return (
    <section class="cookie-banner" aria-labelledby="cookie-banner-title">
      <h2 id="cookie-banner-title">{t.bannerTitle}</h2>
      <p>{purpose.text[props.lang]}</p>
      <ul>
        {categories.map((category) => (
          <li>
            <strong>{category.label[props.lang]}</strong>: {category.description[props.lang]}
          </li>
        ))}
      </ul>
      <p class="muted">{t.bannerLead}</p>
      <form method="post" action={localHref('/cookies', props.lang)} class="cookie-actions">
        <input type="hidden" name="return" value={props.returnTo} />
        <ChoiceButtons lang={props.lang} />
        <a class="button secondary" href={settingsHref(props.lang, props.returnTo)}>
          {t.settings}
        </a>
      </form>
    </section>
  );
}

export function CookieSettingsPage(props: {
  lang: Lang;
  state: VisitorCookieState;
  returnTo: string;
  saved?: boolean;
}) {
  const t = cookieBannerMessages[props.lang];
  const { intro, purpose, categories } = props.state.cookies;
  const choice = props.state.choice;
  return (
    <Layout lang={props.lang} title={t.settingsTitle} path="/cookies">
      <h1>{t.settingsTitle}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      <p>{intro[props.lang]}</p>
      <p>
        <strong>{purpose.heading[props.lang]}</strong>: {purpose.text[props.lang]}
      </p>
      <p>{t.settingsLead}</p>
      <p>
        <strong>{t.current}</strong>:{' '}
        {choice
          ? `${categories
              .map(
                (c) =>
                  `${c.label[props.lang]} ${c.readOnly || allows(props.state, c.id) ? t.allowed : t.refused}`,
              )
              .join(', ')} (${t.chosenOn} ${seoulDateTime(choice.at)})`
          : t.noChoiceYet}
      </p>
      <form method="post" action={localHref('/cookies', props.lang)}>
        <input type="hidden" name="return" value={props.returnTo} />
        <input type="hidden" name="from" value="settings" />
        <fieldset>
          <legend>{t.categories}</legend>
          {categories.map((category) => (
            <p class="field check">
              <input
                type="checkbox"
                id={`cookie-${category.id}`}
                name={category.id}
                checked={category.readOnly || allows(props.state, category.id)}
                disabled={category.readOnly}
                aria-describedby={`cookie-${category.id}-about`}
              />
              <label for={`cookie-${category.id}`}>
                {category.label[props.lang]}
                {category.readOnly ? <small>{t.alwaysOn}</small> : null}
              </label>
              <span class="muted cookie-about" id={`cookie-${category.id}-about`}>
                {category.description[props.lang]}
              </span>
            </p>
          ))}
        </fieldset>
        <div class="cookie-actions">
          <ChoiceButtons lang={props.lang} withSave />
        </div>
      </form>
      <p>
        <a href={`${localHref('/privacy', props.lang)}#${sectionAnchor('cookies')}`}>
          {t.morePolicy}
        </a>
      </p>
    </Layout>
  );
}
