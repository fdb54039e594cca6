import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../../access/client-address.ts';
import { accessSettings } from '../../access/settings.ts';
import { DomainError } from '../../platform/errors.ts';
import { declaredGuard } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponse } from '../../platform/http/problem.ts';
import { localHref } from '../../site/layout.tsx';
import type { MemberDeps } from '../deps.ts';
import { endMemberSession, useMemberSession } from '../sessions.ts';

/** Over HTTPS the __Host- prefix keeps subdomains from planting or reading the cookie (as for staff). */
function cookieName(c: Context<AppEnv>, deps: MemberDeps) {
  return isHttps(c, accessSettings(deps.settings)) ? '__Host-jikim_member' : 'jikim_member';
}

export function setMemberCookie(c: Context<AppEnv>, deps: MemberDeps, token: string) {
  const https = isHttps(c, accessSettings(deps.settings));
  setCookie(c, cookieName(c, deps), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: https,
    path: '/',
    maxAge: deps.settings.sessionLifetimeHours * 3600,
  });
}

/** The signed-in member behind the cookie, or undefined (no cookie, idle, expired, account not active). */
export async function signedInMember(
  c: Context<AppEnv>,
  deps: MemberDeps,
): Promise<string | undefined> {
  const token = getCookie(c, cookieName(c, deps));
  if (!token) return undefined;
  const session = await useMemberSession(deps, token);
  return session?.member_id;
}

export async function signOutMember(c: Context<AppEnv>, deps: MemberDeps) {
  const token = getCookie(c, cookieName(c, deps));
  if (token) await endMemberSession(deps.db, token);
  deleteCookie(c, cookieName(c, deps), {
    path: '/',
    secure: isHttps(c, accessSettings(deps.settings)),
  });
}

/** Ids for the access-log line of this request. */
export function requestTrace(c: Context<AppEnv>) {
  return { ip: c.get('clientAddress') ?? null, requestId: c.get('requestId') };
}

/**
 * The guard of every member-only route: a signed-in, active member, or a
 * redirect to /login (pages) / 401 problem (API). The member then acts on
 * their own data only.
 */
export function memberOnly(deps: MemberDeps, why: string) {
  return declaredGuard({ kind: 'member', why }, async (c, next) => {
    c.set('access', { kind: 'member', why });
    const memberId = await signedInMember(c, deps);
    if (!memberId) {
      if (c.req.path.startsWith('/api/')) {
        return problemResponse(
          c,
          new DomainError('unauthenticated', 'unauthenticated', {
            ko: '로그인이 필요합니다',
            en: 'Sign-in required',
          }),
        );
      }
      return c.redirect(localHref('/login', c.get('lang')), 303);
    }
    c.set('actor', { kind: 'member', id: memberId });
    await next();
  });
}

/** The member the guard let through. */
export function memberIdOf(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  if (actor?.kind !== 'member') {
    throw new DomainError('internal', 'no-member', { ko: '회원 정보 없음', en: 'No member' });
  }
  return actor.id;
}
