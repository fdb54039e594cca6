import type { Context } from 'hono';
import { DomainError } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { AccessContext } from './personal-data.ts';

/** What the guard established about this request, as the personal-data door needs it. */
export function accessContextOf(c: Context<AppEnv>): AccessContext {
  const actor = c.get('actor');
  const purpose = c.get('purpose');
  if (!actor || !purpose) {
    throw new DomainError('internal', 'no-access-context', {
      ko: '접근 주체나 이용 목적이 확인되지 않았습니다',
      en: 'The caller or the purpose of use was not established',
    });
  }
  return {
    actor: { kind: actor.kind, id: actor.id },
    purpose,
    grantId: c.get('grantId') ?? null,
    ip: c.get('clientAddress') ?? null,
    requestId: c.get('requestId'),
  };
}
