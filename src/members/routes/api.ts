import { createRoute, z } from '@hono/zod-openapi';
import { clientAddressOf } from '../../access/client-address.ts';
import { csrfGuard } from '../../access/csrf.ts';
import { accessSettings } from '../../access/settings.ts';
import { DomainError } from '../../platform/errors.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import type { MemberDeps } from '../deps.ts';
import { confirmGuardian } from '../guardian.ts';
import { setMyMarketing } from '../marketing.ts';
import { correctMyData, readMyData } from '../my-data.ts';
import { requestPasswordReset, resetPassword } from '../password-reset.ts';
import {
  childSignUpSchema,
  correctionSchema,
  guardianConfirmSchema,
  marketingChannelSchema,
  marketingOptInSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  signInSchema,
  signUpSchema,
  withdrawSchema,
} from '../schema.ts';
import { signInMember } from '../sign-in.ts';
import { signUpAdult, signUpChild } from '../sign-up.ts';
import { withdrawMember } from '../withdraw.ts';
import {
  correctionResult,
  json,
  marketingResult,
  myDataJson,
  myDataSchema,
  noContent,
  ok,
  problem,
  publicCall,
  signInResult,
  signUpResult,
  withdrawalResult,
} from './api-schemas.ts';
import { memberIdOf, memberOnly, requestTrace, setMemberCookie, signOutMember } from './session.ts';

const base = '/api/v1/members';
const open = publicCall('member API');

const refusals = {
  invalid: {
    code: 'invalid-credentials',
    title: { ko: '아이디 또는 비밀번호가 맞지 않습니다', en: 'The login ID or password is wrong' },
  },
  locked: {
    code: 'account-locked',
    title: {
      ko: '5회 연속 실패로 계정이 잠겼습니다. 병원에 문의하세요',
      en: 'Five failures in a row have locked the account; please contact the hospital',
    },
  },
  pending_guardian: {
    code: 'pending-guardian',
    title: {
      ko: '보호자의 동의 확인을 기다리고 있어 아직 로그인할 수 없습니다',
      en: "The account is waiting for the guardian's confirmation",
    },
  },
} as const;

/** Every member-portal flow as JSON: the pages' schemas, services and rules. */
export function memberApiRoutes(deps: MemberDeps) {
  const app = createRouter();
  // Cookie-authenticated like the pages: a cross-site form cannot drive it either.
  const settings = accessSettings(deps.settings);
  app.use(`${base}*`, csrfGuard(settings));

  const signUpRoute = <T extends z.ZodType>(path: string, summary: string, schema: T) =>
    createRoute({
      method: 'post',
      path,
      tags: ['members'],
      summary,
      middleware: [open('anyone may sign up; every field is checked')] as const,
      request: { body: json(schema) },
      responses: { 201: ok('Signed up', signUpResult), 400: problem },
    });
  app.openapi(signUpRoute(base, 'Sign up (14 and over)', signUpSchema), async (c) => {
    const result = await signUpAdult(deps, c.req.valid('json'), 'api');
    return c.json({ status: result.status, repeated: result.repeated }, 201);
  });
  app.openapi(
    signUpRoute(
      `${base}/children`,
      'Sign up a child under 14; the account waits for the guardian',
      childSignUpSchema,
    ),
    async (c) => {
      const result = await signUpChild(deps, c.req.valid('json'), 'api');
      return c.json({ status: result.status, repeated: result.repeated }, 201);
    },
  );

  const guardianRoute = createRoute({
    method: 'post',
    path: `${base}/guardian-confirmations`,
    tags: ['members'],
    summary: "The guardian confirms a child's sign-up with the code sent to them",
    middleware: [open('the guardian confirms with the code sent to them')] as const,
    request: { body: json(guardianConfirmSchema) },
    responses: {
      204: noContent,
      400: problem,
      429: { description: `${problem.description}; too many wrong codes from this address` },
    },
  });
  app.openapi(guardianRoute, async (c) => {
    const guesses = deps.guardianCodeGuesses.from(clientAddressOf(c, settings));
    await confirmGuardian(deps, c.req.valid('json').code, guesses);
    return c.body(null, 204);
  });

  const resetRequestRoute = createRoute({
    method: 'post',
    path: `${base}/password-resets`,
    tags: ['members'],
    summary:
      'Ask for a password reset code; it goes to the phone or e-mail on record, and the answer is the same for any login ID',
    middleware: [
      open('anyone may ask for a reset code; it goes only to the contact on record'),
    ] as const,
    request: { body: json(passwordResetRequestSchema) },
    responses: { 202: { description: 'Sent, if the login ID is a member’s' }, 400: problem },
  });
  app.openapi(resetRequestRoute, async (c) => {
    await requestPasswordReset(deps, c.req.valid('json'), requestTrace(c));
    return c.body(null, 202);
  });

  const resetRoute = createRoute({
    method: 'post',
    path: `${base}/password-resets/confirmations`,
    tags: ['members'],
    summary:
      'Change the password with the reset code: a locked account opens, every session ends, the member is told',
    middleware: [open('the reset code, with the new password, changes the password')] as const,
    request: { body: json(passwordResetSchema) },
    responses: { 204: noContent, 400: problem },
  });
  app.openapi(resetRoute, async (c) => {
    await resetPassword(deps, c.req.valid('json'), requestTrace(c));
    return c.body(null, 204);
  });

  const signInRoute = createRoute({
    method: 'post',
    path: `${base}/sessions`,
    tags: ['members'],
    summary: 'Sign in; the session is the same HttpOnly cookie the pages use',
    middleware: [open('members sign in here; the password is checked')] as const,
    request: { body: json(signInSchema) },
    responses: {
      200: ok('Signed in', signInResult),
      400: problem,
      401: problem,
      429: {
        description: `${problem.description}; too many failed sign-ins from this address (Retry-After says until when)`,
      },
    },
  });
  app.openapi(signInRoute, async (c) => {
    const failures = deps.signInFailures.from(clientAddressOf(c, settings));
    const result = await signInMember(deps, c.req.valid('json'), failures);
    if (!result.ok) {
      const refusal = refusals[result.lockedNow ? 'locked' : result.reason];
      c.get('log').info(
        { event: 'member_sign_in_refused', refusal: result.reason },
        'member sign-in refused',
      );
      throw new DomainError('unauthenticated', refusal.code, refusal.title);
    }
    setMemberCookie(c, deps, result.token);
    return c.json({ memberId: result.memberId }, 200);
  });

  const signOutRoute = createRoute({
    method: 'delete',
    path: `${base}/sessions/current`,
    tags: ['members'],
    summary:
      'Sign out: the session ends and the cookie is cleared (send Origin, as browsers do, or a JSON content type)',
    middleware: [open('anyone may end their own member session')] as const,
    responses: { 204: noContent },
  });
  app.openapi(signOutRoute, async (c) => {
    await signOutMember(c, deps);
    return c.body(null, 204);
  });

  const meRoute = createRoute({
    method: 'get',
    path: `${base}/me`,
    tags: ['members'],
    summary: 'My data: every item held, its purposes and retention, and my consents (열람)',
    middleware: [memberOnly(deps, "the signed-in member's own data")] as const,
    responses: { 200: ok('My data', myDataSchema), 401: problem },
  });
  app.openapi(meRoute, async (c) => c.json(myDataJson(await readMyData(deps, memberIdOf(c))), 200));

  const correctRoute = createRoute({
    method: 'patch',
    path: `${base}/me`,
    tags: ['members'],
    summary: 'Correct my data (정정); only the fields sent change',
    middleware: [memberOnly(deps, 'the signed-in member corrects their own data')] as const,
    request: { body: json(correctionSchema) },
    responses: { 200: ok('Corrected', correctionResult), 400: problem, 401: problem },
  });
  app.openapi(correctRoute, async (c) =>
    c.json(await correctMyData(deps, memberIdOf(c), c.req.valid('json')), 200),
  );

  const marketingRoute = createRoute({
    method: 'put',
    path: `${base}/me/marketing/{channel}`,
    tags: ['members'],
    summary: 'Turn advertising by one channel on or off; confirmed to me, an opt-out is immediate',
    middleware: [
      memberOnly(deps, 'the signed-in member sets their own marketing consent'),
    ] as const,
    request: {
      params: z.object({ channel: marketingChannelSchema }),
      body: json(marketingOptInSchema),
    },
    responses: { 200: ok('Recorded', marketingResult), 400: problem, 401: problem },
  });
  app.openapi(marketingRoute, async (c) => {
    const { channel } = c.req.valid('param');
    const { optIn } = c.req.valid('json');
    const result = await setMyMarketing(deps, memberIdOf(c), {
      channel,
      optIn,
      via: 'api',
      trace: requestTrace(c),
    });
    return c.json({ channel, optIn, changed: result.changed, at: result.at.toISOString() }, 200);
  });

  const withdrawRoute = createRoute({
    method: 'post',
    path: `${base}/me/withdrawal`,
    tags: ['members'],
    summary: 'Leave: after the password, the membership is destroyed at once (탈퇴)',
    middleware: [memberOnly(deps, 'the signed-in member leaves, after their password')] as const,
    request: { body: json(withdrawSchema) },
    responses: { 200: ok('Destroyed', withdrawalResult), 400: problem, 401: problem },
  });
  app.openapi(withdrawRoute, async (c) => {
    const result = await withdrawMember(deps, memberIdOf(c), c.req.valid('json').password);
    await signOutMember(c, deps);
    return c.json(result, 200);
  });
  return app;
}
