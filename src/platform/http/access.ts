import type { Context, MiddlewareHandler } from 'hono';
import type { Permission } from '../../access/roles.ts';
import type { AccessAction } from '../audit/schema.ts';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

/**
 * What a route declares about its callers. Deny by default: a route that
 * declares nothing fails the route-walk test, and a staff route is refused
 * unless the staff guard is installed to check it.
 */
export type Access =
  | {
      kind: 'public';
      /** Why anyone may call it, for the reviewer reading the route table. */
      why: string;
    }
  | StaffAccess
  | SignedInAccess
  | MemberAccess;

/** A member of the portal, signed in, acting on their own data only. */
export interface MemberAccess {
  kind: 'member';
  why: string;
}

/**
 * A staff action: some active grant's role must carry the permission, and where
 * the route touches personal data the caller names one of `purposes` that one
 * of their roles may declare. `purposes: null`: the route touches no personal data.
 */
export interface StaffAccess {
  kind: 'staff';
  permission: Permission;
  purposes: readonly string[] | null;
  /** What personal data the route touches, so a refused attempt is logged as precisely as an access. */
  touches?: PersonalDataTouch;
}

export interface PersonalDataTouch {
  action: AccessAction;
  items: readonly string[];
  /** Whose data, from the route's path parameters. */
  subjects?: (params: Record<string, string>) => string[];
}

/** Any signed-in staff member, whatever their roles: their own account pages, sign-out. */
export interface SignedInAccess {
  kind: 'signed_in';
  why: string;
  /** Sign-in steps still open that this route serves (the code page, the forced password change). */
  pending?: readonly ('second_factor' | 'password_change')[];
}

/** Checks a staff declaration for one request: a refusal response, or undefined to go on. */
export type StaffAccessEnforcer = (
  c: Context<AppEnv>,
  declaration: StaffAccess | SignedInAccess,
) => Promise<Response | undefined>;

const declarations = new WeakMap<object, Access>();

/** The guard a route puts first in its handler chain. */
export function access(declaration: Access): MiddlewareHandler<AppEnv> {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('access', declaration);
    if (declaration.kind === 'member') {
      throw new DomainError('internal', 'access-not-enforced', {
        ko: '회원 접근 통제가 설정되지 않았습니다',
        en: 'Member access control is not set up',
      });
    }
    if (declaration.kind !== 'public') {
      const enforce = c.get('enforceStaffAccess');
      if (!enforce) {
        throw new DomainError('internal', 'access-not-enforced', {
          ko: '접근 통제가 설정되지 않았습니다',
          en: 'Access control is not set up',
        });
      }
      const refusal = await enforce(c, declaration);
      if (refusal) return refusal;
    }
    await next();
  };
  declarations.set(guard, declaration);
  return guard;
}

export const publicAccess = (why: string) => access({ kind: 'public', why });

export const staffAccess = (
  permission: Permission,
  purposes: readonly string[] | null,
  touches?: PersonalDataTouch,
) => access({ kind: 'staff', permission, purposes, ...(touches ? { touches } : {}) });

export const signedInAccess = (why: string, pending?: SignedInAccess['pending']) =>
  access({ kind: 'signed_in', why, ...(pending ? { pending } : {}) });

/**
 * Registers a guard that enforces its own declaration (the member portal checks
 * the member session itself), so the route walk still sees what the route declares.
 */
export function declaredGuard(
  declaration: MemberAccess,
  guard: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  declarations.set(guard, declaration);
  return guard;
}

/** The declaration a handler carries, if it is a guard. */
export function declaredAccess(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? declarations.get(handler) : undefined;
}
