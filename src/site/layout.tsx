import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { cookieBannerSlot } from '../consents/cookie-banner/slot.ts';
import type { Lang } from '../platform/i18n.ts';
import { siteMessages } from './messages.ts';
import { siteCssHref } from './site.css.ts';

/** Adds the language to a site link, so an English reader stays in English. */
export function localHref(path: string, lang: Lang): string {
  if (lang === 'ko') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

export function Layout(props: { lang: Lang; title: string; path: string; children?: Child }) {
  const t = siteMessages[props.lang];
  const otherLang: Lang = props.lang === 'ko' ? 'en' : 'ko';
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t.siteName}`}</title>
        <link rel="stylesheet" href={siteCssHref} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        {raw(cookieBannerSlot)}
        <header class="site-header">
          <a class="brand" href={localHref('/', props.lang)}>
            {t.siteName}
          </a>
          <nav aria-label={props.lang === 'ko' ? '주 메뉴' : 'Main menu'}>
            <a href={localHref('/notices', props.lang)}>{t.notices}</a>
            <a class="privacy-link" href={localHref('/privacy', props.lang)}>
              {t.privacyPolicy}
            </a>
            <a href={localHref(props.path, otherLang)} lang={otherLang} hreflang={otherLang}>
              {t.otherLanguage}
            </a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <a class="privacy-link" href={localHref('/privacy', props.lang)}>
            <strong>{t.privacyPolicy}</strong>
          </a>
          <a href={localHref(`/cookies?return=${encodeURIComponent(props.path)}`, props.lang)}>
            {t.cookieSettings}
          </a>
        </footer>
      </body>
    </html>
  );
}
