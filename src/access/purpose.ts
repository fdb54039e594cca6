import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { L10n } from '../platform/i18n.ts';
import { isApiRequest } from './refusals.ts';
import { rolePurposes } from './roles.ts';
import type { StaffGrantRow } from './tables.ts';

export const purposeHeader = 'X-Jikim-Purpose';

/** The purpose the caller named: a header on the API, a `purpose` field or query on pages. */
async function namedPurpose(c: Context<AppEnv>): Promise<string | undefined> {
  if (isApiRequest(c)) return c.req.header(purposeHeader)?.trim() || undefined;
  const fromQuery = c.req.query('purpose');
  if (fromQuery) return fromQuery.trim();
  const type = c.req.header('content-type') ?? '';
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    // Hono caches the parsed body, so the handler can still read the form.
    const form = await c.req.parseBody();
    return typeof form.purpose === 'string' ? form.purpose.trim() || undefined : undefined;
  }
  return undefined;
}

/**
 * Personal data is touched only for a purpose the route serves and one of
 * the caller's permitted roles may declare; the grant of that role is what
 * allowed the access, and the access log names it.
 */
export async function purposeRefusal(
  c: Context<AppEnv>,
  routePurposes: readonly string[],
  permitted: readonly StaffGrantRow[],
): Promise<{ purpose: string; grant: StaffGrantRow } | { refusal: L10n; named?: string }> {
  const purpose = await namedPurpose(c);
  if (!purpose) {
    return {
      refusal: {
        ko: `이용 목적을 밝혀야 합니다 (${purposeHeader} 또는 purpose 항목). 가능한 목적: ${routePurposes.join(', ')}`,
        en: `Name the purpose of use (${purposeHeader} or a purpose field). Purposes here: ${routePurposes.join(', ')}`,
      },
    };
  }
  const known = routePurposes.find((p) => p === purpose);
  if (!known) {
    return {
      named: purpose,
      refusal: {
        ko: `이 기능은 그 목적에 쓰일 수 없습니다. 가능한 목적: ${routePurposes.join(', ')}`,
        en: `This function does not serve that purpose. Purposes here: ${routePurposes.join(', ')}`,
      },
    };
  }
  const grant = permitted.find((g) => rolePurposes[g.role].includes(known));
  if (!grant) {
    return {
      named: known,
      refusal: {
        ko: `부여된 역할로는 '${known}' 목적을 밝힐 수 없습니다.`,
        en: `None of your roles may declare the purpose '${known}'.`,
      },
    };
  }
  return { purpose: known, grant };
}
