import { Invalid } from '../errors.ts';

/**
 * One spelling per value, so that the same number typed two ways gives the same
 * blind index. Errors name the field, never the value.
 */
export function normaliseRrn(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) {
    throw Invalid('invalid_rrn', {
      ko: '주민등록번호는 13자리 숫자여야 합니다',
      en: 'A resident registration number has 13 digits',
    });
  }
  return digits;
}

/** A Korean phone number as dialled at home: +82 10-1234-5678 → 01012345678. */
export function normalisePhone(value: string): string {
  let digits = value.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  if (!/^0\d{8,10}$/.test(digits)) {
    throw Invalid('invalid_phone', {
      ko: '전화번호 형식이 올바르지 않습니다',
      en: 'The phone number is not a valid Korean number',
    });
  }
  return digits;
}
