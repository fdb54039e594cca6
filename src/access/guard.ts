import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type {
  PersonalDataTouch,
  SignedInAccess,
  StaffAccess,
  StaffAccessEnforcer,
} from '../platform/http/access.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { clientAddressOf } from './client-address.ts';
import { readSessionToken } from './cookies.ts';
import { activeGrants } from './grants.ts';
import { isInside, networkList } from './networks.ts';
import { purposeHeader, purposeRefusal } from './purpose.ts';
import { refuse } from './refusals.ts';
import { roleHasPermission } from './roles.ts';
import { deleteSession, sessionIdOf, useSession } from './sessions.ts';
import { type AccessSettings, accessSettings } from './settings.ts';

/** A refused attempt on a route that touches personal data, for the access log. */
export interface RefusedAccess {
  staffId: string;
  touches: PersonalDataTouch;
  purpose: string;
  grantId: string | null;
  reasonCode: 'permission_denied' | 'purpose_not_allowed';
}

export interface GuardDeps {
  db: Db;
  clock: Clock;
  staffAccess?: Partial<AccessSettings>;
  /** Records a refused attempt on personal data (안전성 확보조치 기준 제8조: refusals are access too). */
  onRefusedAccess?: (c: Context<AppEnv>, refused: RefusedAccess) => Promise<void>;
}

/**
 * Installs the staff guard for the whole app. Each staff route's declaration
 * is checked on each request against the database — the session, the
 * account's state and the grants in force — so a revoked grant or a lock
 * takes effect on the very next request; nothing is cached in the session.
 */
export function staffAccessEnforcement(deps: GuardDeps): MiddlewareHandler<AppEnv> {
  const settings = accessSettings(deps.staffAccess);
  const internal = networkList(settings.internalNetworks);
  const enforce: StaffAccessEnforcer = (c, declaration) =>
    check(c, declaration, { ...deps, settings, isInternal: (a) => isInside(internal, a) });
  return async (c, next) => {
    c.set('enforceStaffAccess', enforce);
    const address = clientAddressOf(c, settings);
    if (address) c.set('clientAddress', address);
    await next();
  };
}

async function check(
  c: Context<AppEnv>,
  declaration: StaffAccess | SignedInAccess,
  deps: GuardDeps & { settings: AccessSettings; isInternal: (address?: string) => boolean },
): Promise<Response | undefined> {
  const token = readSessionToken(c, deps.settings);
  const session = token ? await useSession(deps, sessionIdOf(token)) : undefined;
  if (!session) return refuse(c, 'unauthenticated');
  const staffId = session.staff_id;
  const account = await deps.db
    .selectFrom('app.staff_accounts')
    .select(['status', 'password_must_change'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (account?.status !== 'active') {
    await deleteSession(deps.db, session.id);
    return refuse(c, 'unauthenticated', undefined, staffId);
  }
  const pending = declaration.kind === 'signed_in' ? (declaration.pending ?? []) : [];
  const outside = !deps.isInternal(c.get('clientAddress'));
  if (outside && !session.second_factor_done && !pending.includes('second_factor')) {
    return refuse(c, 'second-factor-required', undefined, staffId);
  }
  if (account.password_must_change && !pending.includes('password_change')) {
    return refuse(c, 'password-change-required', undefined, staffId);
  }
  c.set('staffSessionId', session.id);
  const grants = await activeGrants(deps.db, staffId);
  const actor = {
    kind: 'staff' as const,
    id: staffId,
    roles: [...new Set(grants.map((g) => g.role))],
    grantIds: grants.map((g) => g.id),
  };
  if (declaration.kind === 'signed_in') {
    c.set('actor', actor);
    return undefined;
  }
  const permitted = grants.filter((g) => roleHasPermission(g.role, declaration.permission));
  const logRefusal = async (
    reasonCode: RefusedAccess['reasonCode'],
    purpose: string | undefined,
  ) => {
    if (!declaration.touches || !deps.onRefusedAccess) return;
    await deps.onRefusedAccess(c, {
      staffId,
      touches: declaration.touches,
      purpose: purpose ?? c.req.header(purposeHeader)?.trim().slice(0, 100) ?? '',
      grantId: null,
      reasonCode,
    });
  };
  if (permitted.length === 0) {
    const reason = {
      ko: `필요한 권한(${declaration.permission})이 있는 역할이 부여되어 있지 않습니다.`,
      en: `None of your roles carries the permission ${declaration.permission}.`,
    };
    await logRefusal('permission_denied', undefined);
    return refuse(c, 'permission-denied', reason, staffId);
  }
  let grant = permitted[0];
  if (declaration.purposes) {
    const outcome = await purposeRefusal(c, declaration.purposes, permitted);
    if ('refusal' in outcome) {
      await logRefusal('purpose_not_allowed', outcome.named);
      return refuse(c, 'purpose-not-allowed', outcome.refusal, staffId);
    }
    grant = outcome.grant;
    c.set('purpose', outcome.purpose);
  }
  c.set('actor', actor);
  if (grant) c.set('grantId', grant.id);
  return undefined;
}
