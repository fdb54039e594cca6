import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../../access/client-address.ts';
import { accessSettings } from '../../access/settings.ts';
import { DomainError } from '../../platform/errors.ts';
import { declaredGuard } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { MemberDeps } from '../deps.ts';
import {
  endGuardianSession,
  GUARDIAN_SESSION_MINUTES,
  type GuardianSession,
  openGuardianSession,
} from '../guardian-access.ts';
import { requestTrace } from './session.ts';

/** The guardian's cookie, the same for the pages and the API. */
function cookieName(c: Context<AppEnv>, deps: MemberDeps) {
  return isHttps(c, accessSettings(deps.settings)) ? '__Host-jikim_guardian' : 'jikim_guardian';
}

export function setGuardianCookie(c: Context<AppEnv>, deps: MemberDeps, token: string) {
  setCookie(c, cookieName(c, deps), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, accessSettings(deps.settings)),
    path: '/',
    maxAge: GUARDIAN_SESSION_MINUTES * 60,
  });
}

/** Ends the session behind the cookie, if any, and clears the cookie. */
export async function endGuardianCookie(c: Context<AppEnv>, deps: MemberDeps) {
  const token = getCookie(c, cookieName(c, deps));
  if (token) await endGuardianSession(deps, token);
  deleteCookie(c, cookieName(c, deps), {
    path: '/',
    secure: isHttps(c, accessSettings(deps.settings)),
  });
}

/** The session each request's guard found, for its handler. */
const sessions = new WeakMap<Request, GuardianSession>();

/**
 * A verified guardian, scoped to their one child, whose access has not ended
 * with the child's 14th birthday. No session: `onMissing` answers (a redirect
 * for pages, 401 for the API); an ended one: `onRefused` gets the refusal. The
 * portal's access declarations have no guardian kind yet, so it is declared
 * as member-portal access with its own guard.
 */
export function guardianOnly(
  deps: MemberDeps,
  why: string,
  answers: {
    onMissing: (c: Context<AppEnv>) => Response | Promise<Response>;
    onRefused: (c: Context<AppEnv>, refusal: DomainError) => Response | Promise<Response>;
  },
) {
  return declaredGuard(
    { kind: 'member', why: `legal guardian of a child: ${why}` },
    async (c, next) => {
      c.set('access', { kind: 'member', why });
      const token = getCookie(c, cookieName(c, deps));
      let session: GuardianSession | undefined;
      try {
        session = token ? await openGuardianSession(deps, token, requestTrace(c)) : undefined;
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'refused') {
          return answers.onRefused(c, error);
        }
        throw error;
      }
      if (!session) return answers.onMissing(c);
      sessions.set(c.req.raw, session);
      await next();
    },
  );
}

export function guardianSessionOf(c: Context<AppEnv>): GuardianSession {
  const session = sessions.get(c.req.raw);
  if (!session) {
    throw new DomainError('internal', 'no-guardian', { ko: '보호자 정보 없음', en: 'No guardian' });
  }
  return session;
}
