import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * What a route declares about its callers. Deny by default: a route that
 * declares nothing fails the route-walk test, and later kinds (staff with a
 * permission and purpose, member, processor) are enforced here too.
 */
export type Access = {
  kind: 'public';
  /** Why anyone may call it, for the reviewer reading the route table. */
  why: string;
};

const declarations = new WeakMap<object, Access>();

/** The guard a route puts first in its handler chain. */
export function access(declaration: Access): MiddlewareHandler<AppEnv> {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('access', declaration);
    await next();
  };
  declarations.set(guard, declaration);
  return guard;
}

export const publicAccess = (why: string) => access({ kind: 'public', why });

/** The declaration a handler carries, if it is a guard. */
export function declaredAccess(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? declarations.get(handler) : undefined;
}
