import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { isHttps } from '../../access/client-address.ts';
import { accessSettings } from '../../access/settings.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Lang } from '../../platform/i18n.ts';
import { CookieBanner } from './banner.tsx';
import { cookieBannerSlot } from './slot.ts';
import {
  allows,
  analyticsCategory,
  analyticsCookie,
  type CookieBannerDeps,
  type VisitorCookieState,
  visitorCookieState,
} from './state.ts';

/**
 * For every response: an optional cookie the visitor has not allowed (never
 * chosen, rejected, or chosen under an older policy) is deleted, and an HTML
 * page gets the banner in its slot until the visitor has chosen under the
 * policy in force.
 */
export function honourCookieChoice(deps: CookieBannerDeps): MiddlewareHandler<AppEnv> {
  const settings = accessSettings(deps.staffAccess);
  // The banner a visitor without a choice sees depends only on the language, the policy in
  // force and the page; rendering it once per page keeps cached pages cheap to serve.
  const banners = new Map<string, string>();
  const bannerFor = async (lang: Lang, state: VisitorCookieState, returnTo: string) => {
    const key = `${lang}:${state.policyVersionId}:${returnTo}`;
    let html = banners.get(key);
    if (html === undefined) {
      html = String(
        await (<CookieBanner lang={lang} state={state} returnTo={returnTo} />).toString(),
      );
      if (banners.size >= 1000) banners.clear();
      banners.set(key, html);
    }
    return html;
  };
  const bannerOf = async (c: Context<AppEnv>, state: VisitorCookieState) => {
    const showBanner = !state.choice && c.req.path !== '/cookies';
    const returnTo = c.req.method === 'GET' ? pathWithQuery(c.req.url) : c.req.path;
    return showBanner ? bannerFor(c.get('lang'), state, returnTo) : '';
  };
  return async (c, next) => {
    let filled = false;
    // A route serving a cached page fills the slot itself, before its response exists:
    // re-reading a built response's body costs more than the rest of the request.
    c.set('cookieBanner', async () => {
      filled = true;
      return bannerOf(c, await visitorCookieState(c, deps));
    });
    // A page made with c.html gets its banner before the response exists, for the same reason.
    const send = c.html as unknown as Respond;
    const withBanner = async (page: string | Promise<string>) => {
      const text = await page;
      if (!text.includes(cookieBannerSlot)) return text;
      filled = true;
      return text.replace(cookieBannerSlot, await bannerOf(c, await visitorCookieState(c, deps)));
    };
    const respond: Respond = (page, ...rest) => send(withBanner(page), ...rest);
    c.html = respond as unknown as typeof c.html;
    await next();
    const isPage = !filled && (c.res.headers.get('content-type')?.startsWith('text/html') ?? false);
    // The choice route sets or removes the optional cookie itself, from the choice just made.
    const choiceJustMade = c.res.headers
      .getSetCookie()
      .some((h) => h.startsWith(`${analyticsCookie}=`));
    const hasOptional = getCookie(c, analyticsCookie) !== undefined && !choiceJustMade;
    if (!isPage && !hasOptional) return;

    const state = await visitorCookieState(c, deps);
    if (isPage) {
      const body = await c.res.text();
      const banner = await bannerOf(c, state);
      // Hono carries the other headers (security headers, cookies) over to the new response.
      c.res = new Response(body.replace(cookieBannerSlot, banner), {
        status: c.res.status,
        headers: { 'content-type': c.res.headers.get('content-type') ?? 'text/html' },
      });
    }
    if (hasOptional && !allows(state, analyticsCategory)) {
      deleteCookie(c, analyticsCookie, { path: '/', secure: isHttps(c, settings) });
    }
  };
}

type Respond = (page: string | Promise<string>, ...rest: unknown[]) => Response | Promise<Response>;

function pathWithQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
