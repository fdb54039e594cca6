import type { Lang } from '../platform/i18n.ts';

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

/** Parses the ISO 8601 durations the declaration uses (`P10Y`, `P1M`, `P5D`). */
export function parseDuration(iso: string): Duration {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!match || iso === 'P') throw new Error(`not an ISO 8601 duration of dates: ${iso}`);
  const [, years, months, weeks, days] = match.map((part) => Number(part ?? 0));
  return { years: years ?? 0, months: months ?? 0, weeks: weeks ?? 0, days: days ?? 0 };
}

const units: Record<Lang, Record<keyof Duration, (n: number) => string>> = {
  ko: {
    years: (n) => `${n}년`,
    months: (n) => `${n}개월`,
    weeks: (n) => `${n}주`,
    days: (n) => `${n}일`,
  },
  en: {
    years: (n) => `${n} year${n === 1 ? '' : 's'}`,
    months: (n) => `${n} month${n === 1 ? '' : 's'}`,
    weeks: (n) => `${n} week${n === 1 ? '' : 's'}`,
    days: (n) => `${n} day${n === 1 ? '' : 's'}`,
  },
};

export function formatDuration(iso: string, lang: Lang): string {
  const duration = parseDuration(iso);
  const parts = (Object.keys(units[lang]) as (keyof Duration)[])
    .filter((unit) => duration[unit] > 0)
    .map((unit) => units[lang][unit](duration[unit]));
  return parts.join(lang === 'ko' ? ' ' : ', ');
}
