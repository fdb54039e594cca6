import { seoulDate } from '../../platform/clock.ts';

/**
 * Korean calendar dates for a child who turns 14 at midnight tonight in Seoul:
 * born 14 years before tomorrow, so 13 `today` and 14 from `tomorrow`.
 */
export function fourteenTomorrow(now: Date) {
  const tomorrow = seoulDate(new Date(now.getTime() + 86_400_000));
  return {
    today: seoulDate(now),
    tomorrow,
    birthDate: `${Number(tomorrow.slice(0, 4)) - 14}${tomorrow.slice(4)}`,
  };
}
