import type { ZodError } from 'zod';
import { en as zodEn, ko as zodKo } from 'zod/v4/locales';
import { type DomainError, decodeBilingual, type FieldError, Invalid } from './errors.ts';

const koMessages = zodKo();
const enMessages = zodEn();

/** Field errors from a Zod failure, each in Korean and English; never echoes the input. */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const own = decodeBilingual(issue.message);
    // Zod's locale functions take the raw issue; the final issue has the same fields.
    const raw = issue as unknown as Parameters<typeof koMessages.localeError>[0];
    const ko = own?.ko ?? stringOf(koMessages.localeError(raw)) ?? issue.message;
    const en = own?.en ?? stringOf(enMessages.localeError(raw)) ?? issue.message;
    return { field: issue.path.join('.') || '(body)', message: { ko, en } };
  });
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value) return String(value.message);
  return undefined;
}

export function invalidInput(error: ZodError): DomainError {
  return Invalid(
    'invalid-input',
    { ko: '입력값이 올바르지 않습니다', en: 'Invalid input' },
    fieldErrorsOf(error),
  );
}
