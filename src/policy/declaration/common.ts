import { z } from '@hono/zod-openapi';

/** Text shown to people, in every language the policy is published in. */
export const l10nSchema = z
  .object({ ko: z.string().min(1), en: z.string().min(1) })
  .openapi('L10n', { description: 'Korean and English text; may hold {placeholders}' });

/**
 * An identifier that code, stored records and access-log lines refer to. Once a
 * version is announced, an id keeps its meaning in every later version.
 */
export const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** A collected item: `context.name`, so the context is readable from the id alone. */
export const itemIdSchema = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);

/**
 * A Korean statute citation as the statute writes it (`의료법 시행규칙 제15조제1항제2호`),
 * so that an auditor can look it up; the English page derives its rendering.
 */
export const citationSchema = z
  .string()
  .regex(/^\S.* 제\d+조(의\d+)?(제\d+항)?(제\d+호)?$/)
  .openapi({ example: '의료법 시행규칙 제15조제1항제2호' });

export const legalBasisSchema = z.array(citationSchema);

/** ISO 8601 duration in whole years, months, weeks or days (`P10Y`, `P1M`). */
export const isoDurationSchema = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/)
  .openapi({ example: 'P10Y' });

/** A heading with its paragraphs, for the seed's many titled prose blocks. */
export const titledTextSchema = z.object({ heading: l10nSchema, text: l10nSchema });

/**
 * The sections of the published policy. The renderer and the version diff walk
 * `sections` of a declaration; these ids are what a section is called across versions.
 */
export const sectionIds = [
  'intro',
  'purposes',
  'retention',
  'third_party',
  'processors',
  'rights',
  'children',
  'items',
  'destruction',
  'officer',
  'safeguards',
  'cookies',
  'cctv',
  'withdrawal',
  'scope',
  'notice',
  'changes',
] as const;

export const sectionIdSchema = z.enum(sectionIds);
export type SectionId = z.infer<typeof sectionIdSchema>;

export const sectionSchema = z.object({ id: sectionIdSchema, heading: l10nSchema });

/**
 * Names a text may hold as `{name}`, filled in from the declaration when it is
 * rendered, so that a number such as the notice period is written only once.
 */
export const placeholderNames = ['hospital', 'age', 'noticeDays', 'legalBasis'] as const;
