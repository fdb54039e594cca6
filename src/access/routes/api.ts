import { createRoute, z } from '@hono/zod-openapi';
import { signedInAccess, staffAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { findAccount, unlockAccount } from '../accounts.ts';
import { accountNotFound, grantRole, revokeGrant } from '../grants.ts';
import { listStaffHistory, STAFF_HISTORY_RETENTION } from '../history.ts';
import { roles } from '../roles.ts';
import { grantBody, idParam, reasonBody } from '../schema.ts';
import { type AccessRouteDeps, consoleActor, staffActor } from './context.ts';

const problem = { description: 'Problem details (RFC 9457)' };
const noContent = { description: 'Done' };

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/me',
  tags: ['staff'],
  summary: 'The signed-in staff member and the roles in force now',
  middleware: [signedInAccess('the caller’s own account')] as const,
  responses: {
    200: {
      description: 'The caller',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            roles: z.array(z.enum(roles)),
            grantIds: z.array(z.string()),
          }),
        },
      },
    },
    401: problem,
  },
});

const historyEntry = z.object({
  at: z.string().openapi({ format: 'date-time' }),
  event: z.string(),
  grantId: z.string().nullable(),
  roleBefore: z.enum(roles).nullable(),
  roleAfter: z.enum(roles).nullable(),
  actorId: z.string().nullable(),
  actorChannel: z.string(),
  reason: z.string().nullable(),
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/accounts/{id}/history',
  tags: ['staff'],
  summary: 'Every grant, change, revocation, lock and unlock of one account (kept 3 years)',
  middleware: [staffAccess('staff.read', null)] as const,
  request: { params: idParam },
  responses: {
    200: {
      description: 'The history, oldest first',
      content: {
        'application/json': {
          schema: z.object({
            retentionYears: z.number(),
            legalBasis: z.string(),
            entries: z.array(historyEntry),
          }),
        },
      },
    },
    401: problem,
    403: problem,
    404: problem,
  },
});

const grantRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/accounts/{id}/grants',
  tags: ['staff'],
  summary: 'Grant a role, with the reason',
  middleware: [staffAccess('grants.manage', null)] as const,
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: grantBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Granted',
      content: { 'application/json': { schema: z.object({ grantId: z.string() }) } },
    },
    401: problem,
    403: problem,
    404: problem,
    409: problem,
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/grants/{id}/revoke',
  tags: ['staff'],
  summary: 'Revoke a grant, with the reason; effective on the holder’s next request',
  middleware: [staffAccess('grants.manage', null)] as const,
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: reasonBody } }, required: true },
  },
  responses: { 204: noContent, 401: problem, 403: problem, 404: problem },
});

const unlockRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/accounts/{id}/unlock',
  tags: ['staff'],
  summary: 'Unlock an account locked after failed sign-ins, with the reason',
  middleware: [staffAccess('staff.unlock', null)] as const,
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: reasonBody } }, required: true },
  },
  responses: { 204: noContent, 401: problem, 403: problem, 404: problem, 409: problem },
});

/** The staff console's account flows as JSON. */
export function staffApiRoutes(deps: AccessRouteDeps) {
  const app = createRouter();

  app.openapi(meRoute, (c) => {
    const actor = staffActor(c);
    return c.json({ id: actor.id, roles: [...actor.roles], grantIds: [...actor.grantIds] }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await findAccount(deps.db, id))) throw accountNotFound();
    const rows = await listStaffHistory(deps.db, id);
    return c.json(
      {
        retentionYears: STAFF_HISTORY_RETENTION.years,
        legalBasis: STAFF_HISTORY_RETENTION.legalBasis,
        entries: rows.map((h) => ({
          at: h.at.toISOString(),
          event: h.event,
          grantId: h.grant_id,
          roleBefore: h.role_before,
          roleAfter: h.role_after,
          actorId: h.actor_id,
          actorChannel: h.actor_channel,
          reason: h.reason,
        })),
      },
      200,
    );
  });

  app.openapi(grantRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const grant = await grantRole(deps, { staffId: id, ...body, actor: consoleActor(c) });
    return c.json({ grantId: grant.id }, 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid('param');
    await revokeGrant(deps, { grantId: id, ...c.req.valid('json'), actor: consoleActor(c) });
    return c.body(null, 204);
  });

  app.openapi(unlockRoute, async (c) => {
    const { id } = c.req.valid('param');
    await unlockAccount(deps, { staffId: id, ...c.req.valid('json'), actor: consoleActor(c) });
    return c.body(null, 204);
  });
  return app;
}
