import { z } from '@hono/zod-openapi';
import { idSchema, itemIdSchema, l10nSchema, legalBasisSchema, sectionIdSchema } from './common.ts';

export const rightsRequestSchema = z.object({
  id: z.enum(['access', 'correction_deletion']),
  heading: l10nSchema,
  text: l10nSchema,
  /** Days from receipt within which the answer (or a reasoned postponement) is due. */
  deadlineDays: z.number().int().positive(),
  legalBasis: legalBasisSchema,
});

export const externalBodySchema = z.object({
  id: idSchema,
  name: l10nSchema,
  duties: l10nSchema.optional(),
  website: z.url(),
  phone: z.string(),
  /** e.g. 국번없이: dialled as is from anywhere in Korea. */
  phoneNote: l10nSchema.optional(),
  address: l10nSchema.optional(),
});

export const rightsSchema = z.object({
  intro: z.array(l10nSchema),
  /** The seed accepts requests only in person, with the identity check done at the desk. */
  acceptedChannels: z.array(z.enum(['in_person', 'phone', 'post', 'fax', 'online'])),
  requests: z.array(rightsRequestSchema),
  externalIntro: l10nSchema,
  externalBodies: z.array(externalBodySchema),
});

export const childrenSchema = z.object({
  /** Under this age (만 나이) a member needs the legal guardian's consent. */
  ageThreshold: z.number().int().positive(),
  separateSignupForm: z.boolean(),
  guardianConsentRequired: z.boolean(),
  /** The guardian sees and edits the child's data online after the guardian check. */
  guardianSelfService: z.boolean(),
  /** The only items collected from the child before consent: the guardian's. */
  guardianContextId: idSchema,
  /** The one purpose the guardian's data may serve. */
  guardianDataPurposeId: idSchema,
  paragraphs: z.array(l10nSchema),
  legalBasis: legalBasisSchema,
});

export const itemSchema = z.object({
  id: itemIdSchema,
  label: l10nSchema,
  /** A condition or explanation printed beside the label (외국인에 한함, 카드결제시). */
  detail: l10nSchema.optional(),
  requirement: z.enum(['required', 'optional']),
  sensitivity: z.enum(['ordinary', 'unique_identifier', 'sensitive', 'password']),
  /** At rest: `reversible` is AES-GCM under the subject's key; `one_way` is a password hash. */
  encryption: z.enum(['none', 'reversible', 'one_way']),
  /** Purpose or use ids this item serves; a declared purpose outside them is refused. */
  purposeIds: z.array(idSchema),
  retentionRuleId: idSchema,
});

export const itemContextSchema = z.object({
  id: idSchema,
  heading: l10nSchema,
  /** Where the page lists this context: the items section, or another that describes it. */
  listedIn: sectionIdSchema,
  note: l10nSchema.optional(),
  items: z.array(itemSchema),
});

export const itemsSchema = z.object({
  intro: l10nSchema,
  contexts: z.array(itemContextSchema),
});
