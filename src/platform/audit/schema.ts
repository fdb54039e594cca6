import { isIP } from 'node:net';
import { z } from 'zod';
import { bilingual } from '../errors.ts';

export const actorKinds = ['staff', 'member', 'processor', 'guardian', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const accessActions = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'download',
  'destroy',
] as const;
export type AccessAction = (typeof accessActions)[number];

/** Actions after which personal data leaves the screen: 제8조 asks why, at that moment. */
export const actionsNeedingReason: readonly AccessAction[] = ['download', 'print'];

// Every field except the stated reason is an id or a code. The shapes below let
// no name, number or search value through, so the log cannot become a second
// store of the personal data it records access to.
const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const subjectId = z
  .string()
  .regex(
    new RegExp(`^([a-z][a-z_]*:)?${uuid}$`),
    bilingual(
      '정보주체는 불투명 ID(UUID)로만 기록합니다',
      'a subject is logged by its opaque id (a UUID)',
    ),
  );
const actorId = z
  .string()
  .regex(
    new RegExp(`^(${uuid}|[a-z][a-z0-9_.-]{0,63})$`),
    bilingual('행위자는 계정 ID로 기록합니다', 'an actor is logged by its account id'),
  );
const code = (ko: string, en: string) =>
  z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/, bilingual(ko, en));
const itemId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/,
    bilingual('항목은 정책에 선언된 항목 ID입니다', 'an item is a declared item id'),
  );
const opaqueRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, bilingual('식별자 형식이 아닙니다', 'not an id'));

export const accessLogEntrySchema = z
  .strictObject({
    actor: z.strictObject({ kind: z.enum(actorKinds), id: actorId }),
    ip: z
      .string()
      .refine((ip) => isIP(ip) !== 0, bilingual('IP 주소가 아닙니다', 'not an IP address'))
      .nullish(),
    subjectIds: z.array(subjectId).max(10_000),
    items: z.array(itemId).min(1),
    action: z.enum(accessActions),
    purpose: code('목적은 선언된 목적 ID입니다', 'a purpose is a declared purpose id'),
    outcome: z.enum(['allowed', 'refused']),
    refusalReason: code(
      '거부 사유는 사유 코드입니다',
      'a refusal reason is a reason code',
    ).optional(),
    searchFields: z
      .array(code('검색 조건은 필드 이름만 기록합니다', 'search conditions are field names only'))
      .optional(),
    resultCount: z.number().int().min(0).max(2_147_483_647).optional(),
    statedReason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      // A lone surrogate would be stored as U+FFFD and no longer match its hash.
      .refine((text) => Buffer.from(text).toString() === text && !text.includes('\u0000'))
      .optional(),
    grantId: opaqueRef.nullish(),
    policyVersionId: opaqueRef.nullish(),
    requestId: opaqueRef.nullish(),
  })
  .superRefine((entry, ctx) => {
    if ((entry.outcome === 'refused') !== (entry.refusalReason !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['refusalReason'],
        message: bilingual(
          '거부된 접근에만, 그리고 반드시 거부 사유를 적습니다',
          'a refusal, and only a refusal, carries its reason',
        ),
      });
    }
    if (
      entry.outcome === 'allowed' &&
      actionsNeedingReason.includes(entry.action) &&
      entry.statedReason === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['statedReason'],
        message: bilingual(
          '다운로드·출력에는 그때 입력한 사유가 필요합니다',
          'a download or print needs the reason typed at that moment',
        ),
      });
    }
    if (entry.action === 'search' && (!entry.searchFields || entry.resultCount === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['searchFields'],
        message: bilingual(
          '검색은 조건 필드와 결과 건수를 기록합니다',
          'a search records its condition fields and its result count',
        ),
      });
    }
  });

/** How staff search the log: by person, subject, action and period, newest first. */
export const accessLogSearchSchema = z
  .strictObject({
    actorId: actorId.optional(),
    subjectId: subjectId.optional(),
    action: z.enum(accessActions).optional(),
    outcome: z.enum(['allowed', 'refused']).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: bilingual('기간의 끝이 시작보다 앞섭니다', 'the period ends before it starts'),
  });

export type AccessLogSearch = z.infer<typeof accessLogSearchSchema>;
