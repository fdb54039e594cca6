import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../../access/client-address.ts';
import { csrfGuard } from '../../access/csrf.ts';
import { accessSettings } from '../../access/settings.ts';
import { publicAccess } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { localHref } from '../../site/layout.tsx';
import { recordCookieChoice } from '../cookies.ts';
import { CookieSettingsPage } from './banner.tsx';
import {
  analyticsCategory,
  analyticsCookie,
  type CookieBannerDeps,
  choiceCookie,
  cookieLifetimeDays,
  localReturnPath,
  visitorCookieState,
  visitorIdOf,
} from './state.ts';

const choiceForm = z.object({
  choice: z.enum(['all', 'necessary', 'custom']),
  return: z.string().optional(),
  from: z.literal('settings').optional(),
  [analyticsCategory]: z.literal('on').optional(),
});

/** The cookie settings page and the one form every banner posts to. */
export function cookieBannerRoutes(deps: CookieBannerDeps) {
  const app = createRouter();
  const settings = accessSettings(deps.staffAccess);
  app.use('/cookies*', csrfGuard(settings));

  const page = async (c: Context<AppEnv>, returnTo: string, saved: boolean) => {
    const state = await visitorCookieState(c, deps);
    const html = await (
      <CookieSettingsPage lang={c.get('lang')} state={state} returnTo={returnTo} saved={saved} />
    ).toString();
    return c.html(`<!doctype html>${html}`);
  };

  app.get('/cookies', publicAccess('anyone may see and change their cookie choice'), (c) =>
    page(c, localReturnPath(c.req.query('return')), c.req.query('saved') === '1'),
  );

  app.post(
    '/cookies',
    publicAccess('anyone may make a cookie choice; it is recorded as proof'),
    async (c) => {
      const parsed = choiceForm.safeParse(await c.req.parseBody());
      if (!parsed.success) return page(c, '/', false);
      const { choice } = parsed.data;
      const analytics =
        choice === 'all' || (choice === 'custom' && parsed.data[analyticsCategory] === 'on');
      const policy = await deps.publisher.inForce(deps.clock.now());
      const visitorId = visitorIdOf(c) ?? randomUUID();
      await recordCookieChoice(deps.db, {
        visitorId,
        categories: { necessary: true, [analyticsCategory]: analytics },
        policyVersionId: policy.id,
        at: deps.clock.now(),
      });

      const secure = isHttps(c, settings);
      const lifetime = { path: '/', secure, maxAge: cookieLifetimeDays * 86_400 };
      setCookie(c, choiceCookie, visitorId, { ...lifetime, httpOnly: true, sameSite: 'Lax' });
      if (analytics) {
        // A random id per browser: what counting visits and users needs, and nothing more.
        setCookie(c, analyticsCookie, randomUUID(), {
          ...lifetime,
          httpOnly: true,
          sameSite: 'Lax',
        });
      } else {
        deleteCookie(c, analyticsCookie, { path: '/', secure });
      }
      const returnTo = localReturnPath(parsed.data.return);
      // From the settings page: show it again with the new choice; from a banner: back to the page.
      if (parsed.data.from === 'settings') {
        const again = `/cookies?saved=1&return=${encodeURIComponent(returnTo)}`;
        return c.redirect(localHref(again, c.get('lang')), 303);
      }
      return c.redirect(returnTo, 303);
    },
  );
  return app;
}
