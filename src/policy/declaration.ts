import { z } from '@hono/zod-openapi';
import { l10nSchema, legalBasisSchema, sectionSchema } from './declaration/common.ts';
import {
  cctvSchema,
  cookiesSchema,
  destructionSchema,
  noticeSchema,
  officerSchema,
  safeguardsSchema,
  scopeSchema,
  withdrawalSchema,
} from './declaration/operations.ts';
import {
  processingPurposesSchema,
  type processorSchema,
  processorsSchema,
  type purposeSchema,
  type purposeUseSchema,
  type retentionRuleSchema,
  retentionSchema,
  thirdPartySchema,
} from './declaration/processing.ts';
import {
  childrenSchema,
  type itemContextSchema,
  type itemSchema,
  itemsSchema,
  rightsSchema,
} from './declaration/subjects.ts';

/**
 * The hospital's privacy policy as data. The published page is rendered from it
 * and the system enforces it, so the two cannot disagree. Fields follow the
 * order of the policy's sections (see `sections`).
 */
export const policyDeclarationSchema = z
  .object({
    hospital: z.object({ name: l10nSchema }),
    title: l10nSchema,
    /** Section ids in the order the page and the diff walk them, with their headings. */
    sections: z.array(sectionSchema),
    intro: z.object({ text: l10nSchema, legalBasis: legalBasisSchema }),
    processingPurposes: processingPurposesSchema,
    retention: retentionSchema,
    thirdParty: thirdPartySchema,
    processors: processorsSchema,
    rights: rightsSchema,
    children: childrenSchema,
    items: itemsSchema,
    destruction: destructionSchema,
    officer: officerSchema,
    safeguards: safeguardsSchema,
    cookies: cookiesSchema,
    cctv: cctvSchema,
    withdrawal: withdrawalSchema,
    scope: scopeSchema,
    notice: noticeSchema,
  })
  .openapi('PolicyDeclaration');

export type PolicyDeclaration = z.infer<typeof policyDeclarationSchema>;
export type PolicySection = PolicyDeclaration['sections'][number];
export type Purpose = z.infer<typeof purposeSchema>;
export type PurposeUse = z.infer<typeof purposeUseSchema>;
export type RetentionRule = z.infer<typeof retentionRuleSchema>;
export type Processor = z.infer<typeof processorSchema>;
export type DeclaredItem = z.infer<typeof itemSchema>;
export type ItemContext = z.infer<typeof itemContextSchema>;

/** Dates of an announced version, as Korean calendar dates (YYYY-MM-DD, Asia/Seoul). */
export interface VersionDates {
  label: string;
  announcedOn: string;
  effectiveOn: string;
}

export { checkDeclaration, type DeclarationProblem } from './check.ts';
export { type SectionId, sectionIds } from './declaration/common.ts';
export {
  allItems,
  contextItemIds,
  findItem,
  findProcessor,
  findPurpose,
  findRetentionRule,
  itemServesPurpose,
  type ResolvedPurpose,
} from './lookup.ts';
