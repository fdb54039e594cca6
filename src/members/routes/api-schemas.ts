import { z } from '@hono/zod-openapi';
import { publicAccess } from '../../platform/http/access.ts';
import type { MyData } from '../my-data.ts';

/** What the member and guardian APIs answer with; requests use the portal's own schemas (schema.ts). */
export const problem = { description: 'Problem details (RFC 9457), field errors named' };
export const noContent = { description: 'Done' };

/** A required JSON request body. */
export const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A JSON answer. */
export const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Public access to one of these APIs, saying why anyone may call the route. */
export const publicCall = (api: string) => (why: string) => publicAccess(`${api}: ${why}`);

const l10n = z.object({ ko: z.string(), en: z.string() });

export const signUpResult = z
  .object({ status: z.enum(['active', 'pending_guardian']), repeated: z.boolean() })
  .openapi('MemberSignUpResult');

export const signInResult = z.object({ memberId: z.string() }).openapi('MemberSession');

const consent = z.object({
  kind: z.string(),
  granted: z.boolean(),
  policyVersionId: z.string(),
  channel: z.string(),
  at: z.string().openapi({ format: 'date-time' }),
  event: z.string().optional(),
});

export const myDataSchema = z
  .object({
    memberId: z.string(),
    status: z.string(),
    memberSince: z.string().openapi({ format: 'date-time' }),
    policyVersion: z.object({ id: z.string(), label: z.string() }),
    items: z.array(
      z.object({
        itemId: z.string(),
        label: l10n,
        value: z.string().optional(),
        purposes: z.array(l10n),
        retention: l10n,
      }),
    ),
    consents: z.array(consent),
    consentHistory: z.array(consent),
  })
  .openapi('MyData');

/** Dates as ISO strings, as the schema says. */
export function myDataJson(data: MyData): z.infer<typeof myDataSchema> {
  const consentJson = (c: MyData['consents'][number]) => ({ ...c, at: c.at.toISOString() });
  return {
    ...data,
    consents: data.consents.map(consentJson),
    consentHistory: data.consentHistory.map(consentJson),
  };
}

export const correctionResult = z
  .object({ corrected: z.array(z.string()) })
  .openapi('MemberCorrectionResult');

export const marketingResult = z
  .object({
    channel: z.enum(['sms', 'email']),
    optIn: z.boolean(),
    changed: z.boolean(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('MarketingChoiceResult');

export const withdrawalResult = z
  .object({ destroyed: z.record(z.string(), z.number()) })
  .openapi('MemberWithdrawalResult');
