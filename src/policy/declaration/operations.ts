import { z } from '@hono/zod-openapi';
import { idSchema, l10nSchema, legalBasisSchema, titledTextSchema } from './common.ts';

export const destructionSchema = z.object({
  intro: l10nSchema,
  procedure: z.object({
    heading: l10nSchema,
    paragraphs: z.array(l10nSchema),
    /** Data whose purpose is over moves to separated storage (별도 DB) before destruction. */
    separatedStorage: z.boolean(),
  }),
  methods: z.object({
    heading: l10nSchema,
    paper: z.object({
      methods: z.array(z.enum(['shredding', 'incineration'])),
      text: l10nSchema,
    }),
    electronic: z.object({ method: z.enum(['irrecoverable_deletion']), text: l10nSchema }),
  }),
  legalBasis: legalBasisSchema,
});

export const contactPersonSchema = z.object({
  id: idSchema,
  role: z.enum(['officer', 'staff']),
  name: l10nSchema,
  title: l10nSchema,
  department: l10nSchema,
  phone: z.string(),
  email: z.email().nullable(),
});

export const officerSchema = z.object({
  intro: l10nSchema,
  contacts: z.array(contactPersonSchema),
  legalBasis: legalBasisSchema,
});

export const safeguardSchema = z.object({
  id: idSchema,
  kind: z.enum(['administrative', 'technical', 'physical']),
  heading: l10nSchema,
  text: l10nSchema,
});

export const safeguardsSchema = z.object({
  intro: l10nSchema,
  measures: z.array(safeguardSchema),
  legalBasis: legalBasisSchema,
});

export const cookiesSchema = z.object({
  intro: l10nSchema,
  purpose: titledTextSchema,
  refusal: titledTextSchema,
  settings: z.object({
    heading: l10nSchema,
    browsers: z.array(z.object({ id: idSchema, label: l10nSchema, steps: l10nSchema })),
  }),
  /** The cookie banner's categories; `readOnly` ones cannot be refused. */
  categories: z.array(
    z.object({ id: idSchema, label: l10nSchema, description: l10nSchema, readOnly: z.boolean() }),
  ),
});

export const cctvSchema = z.object({
  intro: l10nSchema,
  /** The purpose (in `purposes`) that CCTV footage serves. */
  purposeId: idSchema,
  legalBasis: legalBasisSchema,
  headings: z.object({
    basis: l10nSchema,
    operation: l10nSchema,
    viewing: l10nSchema,
    method: l10nSchema,
    requests: l10nSchema,
    safeguards: l10nSchema,
  }),
  cameraCount: z.number().int().nonnegative(),
  recordingHoursPerDay: z.number().int().min(1).max(24),
  locations: l10nSchema,
  retentionRuleId: idSchema,
  storagePlace: l10nSchema,
  viewing: z.object({
    method: l10nSchema,
    allowedWhen: l10nSchema,
    refusalIntro: l10nSchema,
    refusalGrounds: z.array(z.object({ id: idSchema, text: l10nSchema })),
    /** A viewing request is an access request: its deadline is that right's. */
    rightId: z.enum(['access']),
  }),
  safeguards: l10nSchema,
});

export const withdrawalSchema = z.object({
  text: l10nSchema,
  consentWithdrawableAnytime: z.boolean(),
  membershipWithdrawalChannel: z.enum(['website']),
  legalBasis: legalBasisSchema,
});

export const scopeSchema = z.object({
  text: l10nSchema,
  linkedSitesCovered: z.boolean(),
});

export const noticeSchema = z.object({
  text: l10nSchema,
  /** Minimum days between announcing a change and its taking effect. */
  noticeDays: z.number().int().nonnegative(),
  /** No law sets the period; it is the policy's own promise. */
  noticeDaysSource: z.enum(['own_promise']),
  channel: z.enum(['website_notice_board']),
  legalBasis: legalBasisSchema,
});
