import { type LogFn, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Field names that carry personal data somewhere in Jikim. A log line must never
 * become a second store of personal data, so these are censored at any depth
 * the redaction covers (top level and one level down, where request context
 * and error details sit).
 */
export const personalFieldNames = [
  'name',
  'fullName',
  'rrn',
  'residentNumber',
  'foreignerNumber',
  'phone',
  'mobile',
  'email',
  'address',
  'birthDate',
  'password',
  'newPassword',
  'currentPassword',
  'cardNumber',
  'accountNumber',
  'guardianName',
  'guardianContact',
  'loginId',
  'health',
  'totp',
  'code',
  'cookie',
  'authorization',
] as const;

const redactPaths = personalFieldNames.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(options: { level: string; destination?: pino.DestinationStream }) {
  return pino(
    {
      level: options.level,
      base: { service: 'jikim' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

/** What a request may log through: the levels routes use, each line bound to the request id. */
export type RequestLog = Pick<Logger, 'error' | 'warn' | 'info'>;

/**
 * A request's logger. The pino child is made only when the request logs
 * something: making one runs the redaction setup, which costs a page view more
 * than everything the view itself logs, usually nothing.
 */
export function requestLog(log: Logger, requestId: string): RequestLog {
  let child: Logger | undefined;
  const bound = () => {
    child ??= log.child({ requestId });
    return child;
  };
  const at =
    (level: keyof RequestLog): LogFn =>
    (...args: Parameters<LogFn>) =>
      bound()[level](...args);
  return { error: at('error'), warn: at('warn'), info: at('info') };
}
