import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Lang } from '../../platform/i18n.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import type { FieldErrors } from '../pages/fields.tsx';

// What the portal's form pages (member and guardian) share: the posted fields in,
// their errors and the page out.

/** A page as a complete HTML document. */
export async function html(page: unknown): Promise<string> {
  return `<!doctype html>${await (page as { toString(): Promise<string> | string }).toString()}`;
}

/** A posted form's fields as strings; no portal form sends files. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Field errors in the reader's language, from a Zod failure or a service's Invalid. */
export function errorsOf(
  lang: Lang,
  fields: { field: string; message: { ko: string; en: string } }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of fields) errors[f.field] ??= f.message[lang];
  return errors;
}

/** A service's refusal on its fields (bad input, too many tries); anything else is thrown on. */
export function domainFields(error: unknown) {
  const onFields = error instanceof DomainError && ['invalid', 'too_many'].includes(error.kind);
  if (onFields && error.options.fields?.length) {
    return error.options.fields;
  }
  throw error;
}

/** Runs a form's service on parsed input; bad input, from the schema or the service, becomes field errors. */
export async function attempt<T, R>(
  lang: Lang,
  parsed: { success: true; data: T } | { success: false; error: ZodError },
  run: (data: T) => Promise<R>,
): Promise<{ result: R } | { errors: FieldErrors }> {
  if (!parsed.success) return { errors: errorsOf(lang, fieldErrorsOf(parsed.error)) };
  try {
    return { result: await run(parsed.data) };
  } catch (error) {
    return { errors: errorsOf(lang, domainFields(error)) };
  }
}
