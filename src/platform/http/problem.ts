import type { Context } from 'hono';
import { type DomainError, statusOf } from '../errors.ts';
import type { L10n } from '../i18n.ts';

export interface ProblemDetails {
  type: string;
  status: number;
  title: string;
  title_en: string;
  detail?: string;
  detail_en?: string;
  legal_basis?: string;
  errors?: { field: string; message: string; message_en: string }[];
}

export function problemOf(error: DomainError): ProblemDetails {
  const { detail, fields, legalBasis } = error.options;
  return {
    type: `/problems/${error.code}`,
    status: statusOf[error.kind],
    title: error.title.ko,
    title_en: error.title.en,
    ...(detail ? { detail: detail.ko, detail_en: detail.en } : {}),
    ...(legalBasis ? { legal_basis: legalBasis } : {}),
    ...(fields && fields.length > 0
      ? {
          errors: fields.map((f) => ({
            field: f.field,
            message: f.message.ko,
            message_en: f.message.en,
          })),
        }
      : {}),
  };
}

export function problemResponse(c: Context, error: DomainError): Response {
  const body = problemOf(error);
  const { retryAt } = error.options;
  return c.body(JSON.stringify(body), body.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...(retryAt ? { 'retry-after': retryAt.toUTCString() } : {}),
  });
}

export const internalError: L10n = {
  ko: '서버 내부 오류가 발생했습니다',
  en: 'Internal server error',
};
