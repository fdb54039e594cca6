import type { Context } from 'hono';
import type { Config } from '../platform/config.ts';
import type { AppEnv } from '../platform/http/app-env.ts';

/** How staff sign-in and sessions behave at this installation. */
export interface AccessSettings {
  /** CIDR ranges of the hospital's networks; sign-in from anywhere else needs a second factor (제6조②). */
  internalNetworks: readonly string[];
  /** Take the client address from X-Forwarded-For; only behind the hospital's own proxy. */
  trustProxy: boolean;
  /** A session unused this long is cut off (제6조: idle sessions end automatically). */
  idleTimeoutMinutes: number;
  /** A session ends this long after sign-in, however busy. */
  sessionLifetimeHours: number;
  /** Consecutive failed sign-ins that lock an account (제5조⑥; the guidance's example is 5). */
  lockAfterFailures: number;
  /** Where the client address comes from; replaced in tests and behind unusual proxies. */
  clientAddress?: (c: Context<AppEnv>) => string | undefined;
}

export const defaultInternalNetworks = [
  '127.0.0.0/8',
  '::1/128',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
] as const;

export const defaultAccessSettings: AccessSettings = {
  internalNetworks: defaultInternalNetworks,
  trustProxy: false,
  idleTimeoutMinutes: 30,
  sessionLifetimeHours: 12,
  lockAfterFailures: 5,
};

export function accessSettings(overrides: Partial<AccessSettings> = {}): AccessSettings {
  return { ...defaultAccessSettings, ...overrides };
}

/** The settings an installation's configuration gives. */
export function accessSettingsFrom(
  config: Pick<Config, 'internalNetworks' | 'trustProxy' | 'staffIdleMinutes'>,
): Partial<AccessSettings> {
  return {
    internalNetworks: config.internalNetworks,
    trustProxy: config.trustProxy,
    idleTimeoutMinutes: config.staffIdleMinutes,
  };
}
