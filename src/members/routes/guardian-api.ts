import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DomainError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { problemResponse } from '../../platform/http/problem.ts';
import { guardianContext, type MemberDeps } from '../deps.ts';
import { requestGuardianCode, verifyGuardianCode } from '../guardian-access.ts';
import { correctMyData, readMyData } from '../my-data.ts';
import {
  correctionSchema,
  guardianCodeRequestSchema,
  guardianCodeSchema,
  guardianDeleteSchema,
} from '../schema.ts';
import { destroyMemberAccount } from '../withdraw.ts';
import {
  correctionResult,
  json,
  myDataJson,
  myDataSchema,
  noContent,
  ok,
  problem,
  publicCall,
  withdrawalResult,
} from './api-schemas.ts';
import {
  endGuardianCookie,
  guardianOnly,
  guardianSessionOf,
  setGuardianCookie,
} from './guardian-session.ts';
import { requestTrace } from './session.ts';

/** Under the member API's path, so its CSRF guard covers these cookie-authenticated calls too. */
const base = '/api/v1/members/guardian';
const open = publicCall('guardian API');

/** No guardian session: 401; the child has turned 14: the refusal, as the pages say it. */
function apiGuard(deps: MemberDeps, why: string) {
  return guardianOnly(deps, why, {
    onMissing: (c) =>
      problemResponse(
        c,
        new DomainError('unauthenticated', 'guardian-session-required', {
          ko: '보호자 확인 코드로 먼저 확인하세요',
          en: 'Verify with a guardian code first',
        }),
      ),
    onRefused: (c, refusal) => problemResponse(c, refusal),
  });
}

/**
 * 법정대리인의 열람·정정·삭제 as JSON: the services, rules and errors of the
 * /guardian pages, with the same HttpOnly cookie for the short guardian session.
 */
export function guardianApiRoutes(deps: MemberDeps) {
  const app = createRouter();
  const by = (c: Context<AppEnv>) =>
    guardianContext(guardianSessionOf(c).requestId, 'rights_requests', requestTrace(c));

  const codeRoute = createRoute({
    method: 'post',
    path: `${base}/codes`,
    tags: ['guardians'],
    summary:
      "Send a code to the guardian contact on record for a child's login ID; the answer is the same for any ID",
    middleware: [open('sends a code only to the guardian contact on record')] as const,
    request: { body: json(guardianCodeRequestSchema) },
    responses: { 202: noContent, 400: problem },
  });
  app.openapi(codeRoute, async (c) => {
    await requestGuardianCode(deps, c.req.valid('json').loginId, requestTrace(c));
    return c.body(null, 202);
  });

  const sessionRoute = createRoute({
    method: 'post',
    path: `${base}/sessions`,
    tags: ['guardians'],
    summary: 'Verify the code: opens a short guardian session for that one child (cookie)',
    middleware: [open('the guardian proves they hold the contact')] as const,
    request: { body: json(guardianCodeSchema) },
    responses: { 204: noContent, 400: problem, 422: problem },
  });
  app.openapi(sessionRoute, async (c) => {
    const { token } = await verifyGuardianCode(deps, c.req.valid('json'), requestTrace(c));
    setGuardianCookie(c, deps, token);
    return c.body(null, 204);
  });

  const endRoute = createRoute({
    method: 'delete',
    path: `${base}/sessions/current`,
    tags: ['guardians'],
    summary: 'End the guardian session (send Origin, as browsers do, or a JSON content type)',
    middleware: [open('anyone may end their own guardian session')] as const,
    responses: { 204: noContent },
  });
  app.openapi(endRoute, async (c) => {
    await endGuardianCookie(c, deps);
    return c.body(null, 204);
  });

  const childRoute = createRoute({
    method: 'get',
    path: `${base}/child`,
    tags: ['guardians'],
    summary: "The child's data: every item held, its purposes and retention (열람)",
    middleware: [apiGuard(deps, "sees the child's data")] as const,
    responses: { 200: ok("The child's data", myDataSchema), 401: problem, 422: problem },
  });
  app.openapi(childRoute, async (c) =>
    c.json(myDataJson(await readMyData(deps, guardianSessionOf(c).memberId, by(c))), 200),
  );

  const correctRoute = createRoute({
    method: 'patch',
    path: `${base}/child`,
    tags: ['guardians'],
    summary: "Correct the child's data (정정); only the fields sent change",
    middleware: [apiGuard(deps, "corrects the child's data")] as const,
    request: { body: json(correctionSchema) },
    responses: {
      200: ok('Corrected', correctionResult),
      400: problem,
      401: problem,
      422: problem,
    },
  });
  app.openapi(correctRoute, async (c) =>
    c.json(
      await correctMyData(deps, guardianSessionOf(c).memberId, c.req.valid('json'), by(c)),
      200,
    ),
  );

  const deleteRoute = createRoute({
    method: 'post',
    path: `${base}/child/deletion`,
    tags: ['guardians'],
    summary: "Delete the child's membership at once (삭제), as a withdrawal; the session ends",
    middleware: [apiGuard(deps, "deletes the child's data")] as const,
    request: { body: json(guardianDeleteSchema) },
    responses: {
      200: ok('Destroyed', withdrawalResult),
      400: problem,
      401: problem,
      422: problem,
    },
  });
  app.openapi(deleteRoute, async (c) => {
    const result = await destroyMemberAccount(deps, guardianSessionOf(c).memberId, by(c));
    await endGuardianCookie(c, deps);
    return c.json(result, 200);
  });
  return app;
}
