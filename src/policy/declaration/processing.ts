import { z } from '@hono/zod-openapi';
import {
  idSchema,
  isoDurationSchema,
  itemIdSchema,
  l10nSchema,
  legalBasisSchema,
  sectionIdSchema,
} from './common.ts';

/**
 * One listed use within a purpose. Purposes and uses share one id space: a staff
 * member declares exactly one id (`care`, `marketing`) when reading personal data.
 */
export const purposeUseSchema = z.object({
  id: idSchema,
  label: l10nSchema,
  /**
   * Set when the seed does not list this use under its purpose but another
   * section states it (e.g. the guardian-consent check in 아동의 개인정보보호);
   * the purposes section does not repeat it.
   */
  impliedBy: sectionIdSchema.optional(),
});

export const purposeSchema = z.object({
  id: idSchema,
  heading: l10nSchema,
  /** The section whose text states this purpose (`purposes` for the seed's three). */
  statedIn: sectionIdSchema,
  /**
   * True for a purpose that reaches every item of the person concerned (answering
   * their own rights request); the access guard must tie it to an open request.
   */
  coversAllItems: z.boolean(),
  uses: z.array(purposeUseSchema),
});

export const processingPurposesSchema = z.object({
  intro: l10nSchema,
  purposes: z.array(purposeSchema),
});

const ruleBase = {
  id: idSchema,
  label: l10nSchema,
  legalBasis: legalBasisSchema,
};

/** Kept while something lasts; destroyed when the named event happens. */
const untilEventRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('until_event'),
  event: z.enum(['membership_ended', 'survey_or_event_ended', 'settlement_completed']),
});

/** Kept for good, apart from everything else (the login ID, against re-use). */
const permanentRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('permanent'),
  reason: l10nSchema,
  storage: z.enum(['separated']),
});

/** A record class of 의료법 시행규칙 제15조; start and extension come from `medicalRecords`. */
const medicalRecordRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('medical_record'),
  period: isoDurationSchema,
});

const fixedPeriodRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('fixed_period'),
  period: isoDurationSchema,
  runsFrom: z.enum(['recording', 'collection']),
});

export const retentionRuleSchema = z.discriminatedUnion('kind', [
  untilEventRuleSchema,
  permanentRuleSchema,
  medicalRecordRuleSchema,
  fixedPeriodRuleSchema,
]);

/** One "…의 경우" block of the retention section and the rules it states. */
export const retentionCaseSchema = z.object({
  id: idSchema,
  heading: l10nSchema,
  text: l10nSchema,
  ruleIds: z.array(idSchema),
});

/** A value the law leaves open: the default we chose, changeable by configuration. */
const configurableNote = {
  configurable: z.literal(true),
  note: l10nSchema,
};

export const retentionSchema = z.object({
  intro: l10nSchema,
  cases: z.array(retentionCaseSchema),
  rules: z.array(retentionRuleSchema),
  medicalRecords: z.object({
    runsFrom: z.object({ default: z.enum(['last_entry', 'creation']), ...configurableNote }),
    extension: z.object({
      maxTimes: z.number().int().positive(),
      /** The extension may not exceed the record class's own period. */
      upTo: z.literal('same_period'),
      when: l10nSchema,
      legalBasis: legalBasisSchema,
    }),
    /** The seed keeps care records past the legal period and deletes them on request. */
    afterLegalPeriod: z.enum(['delete_on_request', 'destroy']),
  }),
  /** Days between the end of a retention period and the destruction run. */
  destructionGrace: z.object({
    defaultDays: z.number().int().nonnegative(),
    ...configurableNote,
    legalBasis: legalBasisSchema,
  }),
});

export const thirdPartySchema = z.object({
  text: l10nSchema,
  /** The only grounds on which a provision may be recorded in the ledger. */
  allowedBases: z.array(z.enum(['consent', 'law'])),
  legalBasis: legalBasisSchema,
});

export const processorSchema = z.object({
  id: idSchema,
  name: l10nSchema,
  task: l10nSchema,
  /** When the processor's access ends. */
  until: z.enum(['contract_end']),
  /** Purposes or uses the outsourced task serves. */
  purposeIds: z.array(idSchema),
  /**
   * The items the task needs: the processor's API key sees these and nothing else.
   * The seed's table does not list them; the privacy staff keep them current.
   */
  itemIds: z.array(itemIdSchema),
});

export const processorsSchema = z.object({
  intro: l10nSchema,
  untilLabels: z.object({ contract_end: l10nSchema }),
  list: z.array(processorSchema),
  legalBasis: legalBasisSchema,
});
