import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { Forbidden } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { problemResponse } from '../platform/http/problem.ts';
import type { AccessSettings } from './settings.ts';

const crossOrigin = Forbidden('cross-origin-request', {
  ko: '다른 사이트에서 보낸 요청은 받지 않습니다',
  en: 'Requests sent from another site are refused',
});

/**
 * Hono's csrf(): a form POST must come from our own origin (Origin or
 * Sec-Fetch-Site). Behind a trusted TLS proxy our origin is the forwarded one.
 * Session cookies are also SameSite=Strict, so a per-form token adds nothing.
 */
export function csrfGuard(settings: AccessSettings): MiddlewareHandler<AppEnv> {
  const check = csrf({
    origin: (origin, c) => {
      const url = new URL(c.req.url);
      if (origin === url.origin) return true;
      if (!settings.trustProxy) return false;
      const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
      const host = c.req.header('x-forwarded-host') ?? url.host;
      return origin === `${proto}://${host}`;
    },
  });
  return async (c, next) => {
    try {
      await check(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      c.get('log')?.warn(
        { event: 'cross_origin_refused', method: c.req.method, route: c.req.path },
        'cross-origin form refused',
      );
      return problemResponse(c, crossOrigin);
    }
  };
}
