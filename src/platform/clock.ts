/**
 * The one source of time. Every deadline is computed from an injected clock so
 * that tests and operators can ask "what happens on 2031-01-01" without waiting.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and `--as-of` runs. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(instant: Date | string): void {
    this.#now = new Date(instant);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

export const HOSPITAL_TIME_ZONE = 'Asia/Seoul';
const DAY_MS = 86_400_000;

// Built once: constructing an Intl formatter costs far more than formatting with it.
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: HOSPITAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: HOSPITAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Korea has kept +09:00 all year since daylight saving time last ended, on 1988-10-09. From
// then on the local time is plain arithmetic, many times cheaper than asking Intl, which pages
// listing dozens of times would otherwise do for each; older instants still go to Intl.
const FIXED_OFFSET_SINCE = Date.parse('1988-10-10T00:00:00+09:00');
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** Korean wall-clock time as an ISO string (YYYY-MM-DDTHH:MM…), for instants since 1988-10-10. */
function seoulIso(instant: Date): string | undefined {
  const ms = instant.getTime();
  return ms >= FIXED_OFFSET_SINCE ? new Date(ms + SEOUL_OFFSET_MS).toISOString() : undefined;
}

/** The calendar date (YYYY-MM-DD) of an instant in Korea. */
export function seoulDate(instant: Date): string {
  return seoulIso(instant)?.slice(0, 10) ?? dateFormat.format(instant);
}

/** Date and time of an instant in Korea, as people read it (2021-08-06 00:00). */
export function seoulDateTime(instant: Date): string {
  const iso = seoulIso(instant);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : seoulDateTimeFromTzdb(instant);
}

/** The same from the time-zone database, right for any instant, at Intl's price. */
export function seoulDateTimeFromTzdb(instant: Date): string {
  const parts = dateTimeFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Midnight at the start of a Korean calendar date, as an instant. */
export function startOfSeoulDay(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError('date must be YYYY-MM-DD');
  // Korea keeps no daylight saving time, so the offset is always +09:00.
  const instant = new Date(`${date}T00:00:00+09:00`);
  if (Number.isNaN(instant.getTime()) || seoulDate(instant) !== date) {
    throw new RangeError('date must be a real calendar date');
  }
  return instant;
}

/** Whole Korean calendar days from one instant's date to another's. */
export function seoulDaysBetween(from: Date, to: Date): number {
  const a = startOfSeoulDay(seoulDate(from)).getTime();
  const b = startOfSeoulDay(seoulDate(to)).getTime();
  return Math.round((b - a) / DAY_MS);
}
