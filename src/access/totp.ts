import { Secret, TOTP } from 'otpauth';

/**
 * One-time passwords for sign-in from outside the hospital (안전성 확보조치
 * 기준 제6조②), as RFC 6238 TOTP: SHA-1, 6 digits, 30-second steps — what
 * every authenticator app reads from an otpauth:// URI.
 */
const period = 30;
const issuer = 'Jikim';

function totpFor(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The enrolment URI an authenticator app takes; shown once. */
export function totpUri(secretBase32: string, loginId: string): string {
  return totpFor(secretBase32, loginId).toString();
}

/**
 * The time step a code belongs to, if it is valid at `at` (one step of clock
 * drift either way) and newer than the last accepted step: a code is good once.
 */
export function acceptedTotpStep(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const timestamp = at.getTime();
  const delta = totpFor(secretBase32).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return undefined;
  const step = TOTP.counter({ period, timestamp }) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}

/** The code an authenticator shows at `at`; for tests and the demo. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}
