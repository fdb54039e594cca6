import { z } from '@hono/zod-openapi';
import { bilingual } from '../platform/errors.ts';
import { consentChannels, consentKinds } from './tables.ts';

export const consentKindSchema = z.enum(consentKinds);
export const consentChannelSchema = z
  .enum(consentChannels)
  .openapi({ description: 'Where the choice was made: web portal, hospital app, front desk' });
export const marketingChannelSchema = z
  .enum(['sms', 'email'])
  .openapi({ description: 'The channel advertising may use: 문자(SMS) or 이메일' });

/** Turning marketing by one channel on or off (광고성 정보 수신동의, 정보통신망법 제50조). */
export const marketingChoiceSchema = z
  .object({
    channel: marketingChannelSchema,
    granted: z.boolean(),
  })
  .openapi('MarketingChoice');
export type MarketingChoice = z.infer<typeof marketingChoiceSchema>;

const visitorId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, bilingual('방문자 식별자 형식이 아닙니다', 'Not a visitor id'));

/**
 * A cookie banner choice. Necessary cookies cannot be refused; every other
 * category declared by the policy is a yes or no.
 */
export const cookieChoiceSchema = z
  .object({
    visitorId,
    categories: z
      .object({ necessary: z.literal(true) })
      .catchall(z.boolean())
      .openapi({ example: { necessary: true, analytics: false } }),
  })
  .openapi('CookieChoice');
export type CookieChoice = z.infer<typeof cookieChoiceSchema>;

/** One consent as the service records it; the policy version is the one the person saw. */
export const consentRecordSchema = z.object({
  subjectId: z.string().min(1).max(100),
  kind: consentKindSchema,
  granted: z.boolean(),
  policyVersionId: z.uuid(),
  channel: consentChannelSchema,
  actor: z.string().min(1).max(100),
});
