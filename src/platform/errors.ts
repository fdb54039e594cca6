import type { L10n } from './i18n.ts';

/** One field that was wrong, and why, in both languages. */
export interface FieldError {
  field: string;
  message: L10n;
}

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'too_many'
  | 'internal';

/**
 * Errors are values of a few kinds, thrown by services and turned into
 * RFC 9457 problem details in one place (`http/problem.ts`). Their text is
 * shown to people, so it never carries the personal data that caused it.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code, the last part of the problem `type`. */
    readonly code: string,
    readonly title: L10n,
    readonly options: {
      detail?: L10n;
      fields?: FieldError[];
      legalBasis?: string;
      /** When a refusal for too many attempts ends (sent as Retry-After). */
      retryAt?: Date;
    } = {},
  ) {
    super(title.en);
  }
}

export const Invalid = (code: string, title: L10n, fields: FieldError[] = [], detail?: L10n) =>
  new DomainError('invalid', code, title, { fields, ...(detail ? { detail } : {}) });

export const NotFound = (code: string, title: L10n) => new DomainError('not_found', code, title);

export const Forbidden = (code: string, title: L10n, detail?: L10n) =>
  new DomainError('forbidden', code, title, detail ? { detail } : {});

export const Conflict = (code: string, title: L10n, detail?: L10n) =>
  new DomainError('conflict', code, title, detail ? { detail } : {});

/** A request the law or the policy lets us refuse; the reason names its source. */
export const Refused = (code: string, title: L10n, legalBasis: string, detail?: L10n) =>
  new DomainError('refused', code, title, { legalBasis, ...(detail ? { detail } : {}) });

export const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  refused: 422,
  too_many: 429,
  internal: 500,
};

const bilingualPrefix = 'l10n:';

/**
 * Zod carries one message string per issue; a schema that wants its own words
 * in both languages encodes them with this, and the problem mapper decodes them.
 */
export function bilingual(ko: string, en: string): string {
  return bilingualPrefix + JSON.stringify({ ko, en });
}

export function decodeBilingual(message: string): L10n | undefined {
  if (!message.startsWith(bilingualPrefix)) return undefined;
  try {
    const value = JSON.parse(message.slice(bilingualPrefix.length)) as L10n;
    return typeof value.ko === 'string' && typeof value.en === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
