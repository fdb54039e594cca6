import { z } from 'zod';
import { isCidrList } from '../access/networks.ts';

/**
 * Every environment variable Jikim reads, with its default. The README's
 * configuration table is written from this list; keep the two in step.
 */
const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  JIKIM_DATA: z.string().min(1).default('./data'),
  // An empty value is how shells and compose files say "unset".
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .refine(isPostgresUrl, 'must be a postgres:// or postgresql:// URL with a host')
      .optional(),
  ),
  JIKIM_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JIKIM_DEMO: z.enum(['auto', 'on', 'off'], { error: 'must be auto, on or off' }).default('auto'),
  JIKIM_INTERNAL_NETWORKS: z
    .string()
    .refine(isCidrList, 'must be a comma-separated list of CIDR ranges')
    .default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16'),
  JIKIM_TRUST_PROXY: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  JIKIM_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  JIKIM_SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL with a host').optional(),
  ),
  JIKIM_MAIL_FROM: z.string().min(3).default('no-reply@localhost'),
});

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  /** Load the demo data set into an empty database ('auto': only on PGlite outside production). */
  demo: 'auto' | 'on' | 'off';
  /** The hospital's networks; staff signing in from elsewhere need a second factor. */
  internalNetworks: string[];
  /** Believe X-Forwarded-For/-Proto: only behind the hospital's own reverse proxy. */
  trustProxy: boolean;
  /** Minutes after which an unused staff session ends. */
  staffIdleMinutes: number;
  /** Where e-mail goes out (outbox); unset, e-mail stays queued. */
  smtpUrl?: string | undefined;
  /** The From address of every e-mail. */
  mailFrom?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration once at start-up. A wrong value stops the start with
 * one line naming the variable, never echoing its value (it may hold a password).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid ${variable}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.JIKIM_DATA,
    databaseUrl: e.DATABASE_URL,
    env: e.JIKIM_ENV,
    logLevel: e.LOG_LEVEL,
    demo: e.JIKIM_DEMO,
    internalNetworks: e.JIKIM_INTERNAL_NETWORKS.split(',')
      .map((range) => range.trim())
      .filter((range) => range !== ''),
    trustProxy: e.JIKIM_TRUST_PROXY === '1',
    staffIdleMinutes: e.JIKIM_STAFF_IDLE_MINUTES,
    smtpUrl: e.JIKIM_SMTP_URL,
    mailFrom: e.JIKIM_MAIL_FROM,
  };
}
