import type { Context } from 'hono';
import { DomainError, Forbidden } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { problemResponse } from '../platform/http/problem.ts';
import type { L10n } from '../platform/i18n.ts';
import { localHref } from '../site/layout.tsx';
import { RefusalPage } from './pages/refusal.tsx';

export type RefusalCode =
  | 'unauthenticated'
  | 'second-factor-required'
  | 'password-change-required'
  | 'permission-denied'
  | 'purpose-not-allowed';

const titles: Record<RefusalCode, L10n> = {
  unauthenticated: { ko: '로그인이 필요합니다', en: 'Sign-in required' },
  'second-factor-required': {
    ko: '외부 접속에는 일회용 비밀번호 확인이 필요합니다',
    en: 'Access from outside the hospital needs a one-time password',
  },
  'password-change-required': {
    ko: '비밀번호를 먼저 바꿔야 합니다',
    en: 'The password must be changed first',
  },
  'permission-denied': {
    ko: '이 작업을 할 권한이 없습니다',
    en: 'You have no permission for this',
  },
  'purpose-not-allowed': {
    ko: '허용되지 않은 이용 목적입니다',
    en: 'That purpose of use is not allowed here',
  },
};

/** Where a page request goes instead of a refusal it can fix itself. */
const pageRedirects: Partial<Record<RefusalCode, string>> = {
  unauthenticated: '/staff/login',
  'second-factor-required': '/staff/login/code',
  'password-change-required': '/staff/password',
};

export function isApiRequest(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/');
}

/**
 * Answers a refused staff request: problem details on the API, a redirect or
 * a bilingual page otherwise. The log line says what was refused and why,
 * never the personal data or the purpose text the caller sent.
 */
export async function refuse(
  c: Context<AppEnv>,
  code: RefusalCode,
  detail?: L10n,
  staffId?: string,
): Promise<Response> {
  c.get('log')?.warn(
    {
      event: 'staff_access_refused',
      refusal: code,
      method: c.req.method,
      route: c.req.routePath,
      ...(staffId ? { staffId } : {}),
    },
    'staff request refused',
  );
  const lang = c.get('lang');
  const redirect = pageRedirects[code];
  if (!isApiRequest(c) && redirect) return c.redirect(localHref(redirect, lang), 303);
  const error =
    code === 'unauthenticated' || code === 'second-factor-required'
      ? new DomainError('unauthenticated', code, titles[code], detail ? { detail } : {})
      : Forbidden(code, titles[code], detail);
  if (isApiRequest(c)) return problemResponse(c, error);
  const page = RefusalPage({ lang, title: titles[code], detail });
  return c.html(`<!doctype html>${await page.toString()}`, 403);
}
