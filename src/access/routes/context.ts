import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db.ts';
import { DomainError } from '../../platform/errors.ts';
import type { AppEnv, StaffActor } from '../../platform/http/app-env.ts';
import type { Logger } from '../../platform/log.ts';
import type { HistoryActor } from '../history.ts';
import { RefusalPage } from '../pages/refusal.tsx';
import type { AccessSettings } from '../settings.ts';

export interface AccessRouteDeps {
  db: Db;
  clock: Clock;
  /** Seals and opens staff TOTP secrets. */
  cipher: FieldCipher;
  log: Logger;
  settings: AccessSettings;
  isInternal: (address: string | undefined) => boolean;
  /** Whether the dev outbox page is mounted, for the console home's link. */
  devOutbox?: boolean;
}

/** The staff member the guard let through; a route without a staff guard has none. */
export function staffActor(c: Context<AppEnv>): StaffActor {
  const actor = c.get('actor');
  if (actor?.kind !== 'staff') {
    throw new DomainError('internal', 'no-actor', {
      ko: '요청한 직원을 알 수 없습니다',
      en: 'The staff member is unknown',
    });
  }
  return actor;
}

export function consoleActor(c: Context<AppEnv>): HistoryActor {
  return { channel: 'console', staffId: staffActor(c).id };
}

export function sessionIdOfRequest(c: Context<AppEnv>): string {
  const id = c.get('staffSessionId');
  if (!id) throw new DomainError('internal', 'no-session', { ko: '세션 없음', en: 'No session' });
  return id;
}

/** A service's refusal on a console page: the same words as the API's problem, as a page. */
export async function errorPage(c: Context<AppEnv>, error: unknown): Promise<Response> {
  if (!(error instanceof DomainError) || error.kind === 'internal') throw error;
  const status = { invalid: 400, not_found: 404, conflict: 409, forbidden: 403 } as const;
  const page = RefusalPage({
    lang: c.get('lang'),
    title: error.title,
    detail: error.options.detail ?? error.options.fields?.[0]?.message,
  });
  const code = status[error.kind as keyof typeof status] ?? 422;
  return c.html(`<!doctype html>${await page.toString()}`, code);
}

/** A form's fields as strings; files and repeated fields are not part of any console form. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}
