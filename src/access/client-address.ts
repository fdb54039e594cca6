import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { AccessSettings } from './settings.ts';

/**
 * The address a request came from: the socket's peer, or — only when the
 * installation says its proxy is trusted — the X-Forwarded-For hop that proxy
 * added, which anyone could otherwise forge to look internal.
 */
export function clientAddressOf(c: Context<AppEnv>, settings: AccessSettings): string | undefined {
  if (settings.clientAddress) return settings.clientAddress(c);
  if (settings.trustProxy) {
    // The last hop is the one our proxy appended; earlier ones are the client's to forge.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No socket (a request built in memory): unknown, which counts as outside.
    return undefined;
  }
}

/** Whether the request reached us over HTTPS (directly, or at the trusted proxy). */
export function isHttps(c: Context<AppEnv>, settings: AccessSettings): boolean {
  if (settings.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}
