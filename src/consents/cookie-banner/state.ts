import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AccessSettings } from '../../access/settings.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { PolicyDeclaration } from '../../policy/declaration.ts';
import type { PolicyPublisher } from '../../policy/publisher.ts';
import { latestCookieChoice, type RecordedCookieChoice } from '../cookies.ts';

/** Strictly necessary: the random id under which the server keeps this browser's choice. */
export const choiceCookie = 'jikim_cookie_choice';
/** The one optional cookie, set only after the visitor allows the analytics category. */
export const analyticsCookie = 'jikim_analytics';
export const analyticsCategory = 'analytics';
/** How long the browser remembers its choice (and the analytics id) before we ask again. */
export const cookieLifetimeDays = 365;

export interface CookieBannerDeps {
  db: Db;
  clock: Clock;
  publisher: PolicyPublisher;
  staffAccess?: Partial<AccessSettings>;
}

export interface VisitorCookieState {
  visitorId: string | undefined;
  policyVersionId: string;
  cookies: PolicyDeclaration['cookies'];
  /** The choice made under the policy version in force; a choice under an older version asks again. */
  choice: RecordedCookieChoice | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function visitorIdOf(c: Context<AppEnv>): string | undefined {
  const id = getCookie(c, choiceCookie);
  return id && uuidPattern.test(id) ? id : undefined;
}

export async function visitorCookieState(
  c: Context<AppEnv>,
  deps: CookieBannerDeps,
): Promise<VisitorCookieState> {
  const policy = await deps.publisher.inForce(deps.clock.now());
  const visitorId = visitorIdOf(c);
  const latest = visitorId ? await latestCookieChoice(deps.db, visitorId) : undefined;
  return {
    visitorId,
    policyVersionId: policy.id,
    cookies: policy.declaration.cookies,
    choice: latest?.policyVersionId === policy.id ? latest : undefined,
  };
}

export function allows(state: VisitorCookieState, category: string): boolean {
  return state.choice?.categories[category] === true;
}

/** Only a path on this site, so the banner's form cannot be used to redirect elsewhere. */
export function localReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}
