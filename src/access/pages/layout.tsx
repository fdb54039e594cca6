import type { Child } from 'hono/jsx';
import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { siteMessages } from '../../site/messages.ts';
import { siteCssHref } from '../../site/site.css.ts';
import { accessMessages } from '../messages.ts';

/** The staff console's frame: the public site's style, the console's own menu. */
export function StaffLayout(props: {
  lang: Lang;
  title: string;
  path: string;
  signedIn?: boolean;
  children?: Child;
}) {
  const t = accessMessages[props.lang];
  const otherLang: Lang = props.lang === 'ko' ? 'en' : 'ko';
  const href = (path: string) => localHref(path, props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${t.console}`}</title>
        <link rel="stylesheet" href={siteCssHref} />
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href={href('/staff')}>
            {`${siteMessages[props.lang].siteName} · ${t.console}`}
          </a>
          <nav aria-label={t.console}>
            {props.signedIn ? (
              <>
                <a href={href('/staff')}>{t.home}</a>
                <a href={href('/staff/accounts')}>{t.accounts}</a>
                <a href={href('/staff/password')}>{t.changePassword}</a>
                <a href={href('/staff/totp')}>{t.totp}</a>
              </>
            ) : null}
            <a href={localHref(props.path, otherLang)} lang={otherLang} hreflang={otherLang}>
              {siteMessages[props.lang].otherLanguage}
            </a>
            {props.signedIn ? (
              <form method="post" action={href('/staff/logout')} class="inline">
                <button type="submit">{t.signOut}</button>
              </form>
            ) : null}
          </nav>
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** Renders a console page as a complete HTML document. */
export async function pageHtml(page: unknown): Promise<string> {
  return `<!doctype html>${await (page as { toString(): Promise<string> | string }).toString()}`;
}
