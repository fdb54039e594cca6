import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../platform/http/app-env.ts';
import { isHttps } from './client-address.ts';
import type { AccessSettings } from './settings.ts';

/**
 * Over HTTPS the cookie takes the __Host- prefix, which browsers accept only
 * with Secure, Path=/ and no Domain: no subdomain can plant or read it. Plain
 * HTTP (development, tests) cannot carry a Secure cookie, so it has a plain name.
 */
function cookieName(https: boolean): string {
  return https ? '__Host-jikim_staff' : 'jikim_staff';
}

export function readSessionToken(c: Context<AppEnv>, settings: AccessSettings) {
  return getCookie(c, cookieName(isHttps(c, settings)));
}

export function setSessionCookie(c: Context<AppEnv>, token: string, settings: AccessSettings) {
  const https = isHttps(c, settings);
  setCookie(c, cookieName(https), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: https,
    path: '/',
    maxAge: settings.sessionLifetimeHours * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>, settings: AccessSettings) {
  const https = isHttps(c, settings);
  deleteCookie(c, cookieName(https), { path: '/', secure: https });
}
