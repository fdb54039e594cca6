import { parseDuration } from '../policy/duration.ts';

/**
 * 정보통신망법 제50조제8항, 시행령 제62조의3제1항: whoever holds a person's
 * consent to advertising tells them every 2 years that the consent stands. The
 * period counts from the day of consent.
 */
export const MARKETING_CONSENT_REMINDER = {
  period: 'P2Y',
  years: parseDuration('P2Y').years,
  legalBasis: '정보통신망법 제50조제8항, 같은 법 시행령 제62조의3',
} as const;

const KOREA_OFFSET_MS = 9 * 3_600_000;

/** The same wall-clock time in Korea, whole years later (29 February becomes 1 March). */
export function addYearsInKorea(instant: Date, years: number): Date {
  // Korea keeps no daylight saving time: shifting by +09:00 gives its calendar.
  const local = new Date(instant.getTime() + KOREA_OFFSET_MS);
  local.setUTCFullYear(local.getUTCFullYear() + years);
  return new Date(local.getTime() - KOREA_OFFSET_MS);
}
