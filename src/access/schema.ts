import { z } from '@hono/zod-openapi';
import { roles } from './roles.ts';

/** Input shapes of the console forms and the staff API; services receive them parsed. */
export const signInForm = z.object({
  loginId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const codeForm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export const passwordForm = z.object({
  current: z.string().min(1).max(256),
  next: z.string().min(1).max(256),
});

export const reasonBody = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .openapi('StaffChangeReason');

export const grantBody = z
  .object({ role: z.enum(roles), reason: z.string().trim().min(1).max(500) })
  .openapi('StaffGrantRequest');

export const newAccountForm = z.object({
  loginId: z.string().trim().min(3).max(32),
  displayName: z.string().trim().min(1).max(100),
  department: z.string().trim().min(1).max(100),
});

export const idParam = z.object({ id: z.uuid() });
