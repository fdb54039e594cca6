import { noticeRoutes } from './notices/routes.tsx';
import type { Clock } from './platform/clock.ts';
import type { Db } from './platform/db.ts';
import { publicAccess } from './platform/http/access.ts';
import { createRootApp, type Router } from './platform/http/create-app.ts';
import type { Logger } from './platform/log.ts';
import type { PolicyPublisher } from './policy/publisher.ts';
import { policyRoutes } from './policy/routes.tsx';
import { siteRoutes } from './site/routes.tsx';

/** What every module's routes may be given; wired once, here. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  publisher: PolicyPublisher;
}

/** The composition root: one Hono app with each module's routes mounted. */
export function buildApp(deps: AppDeps): Router {
  const app = createRootApp(deps.log);
  app.route('/', siteRoutes(deps));
  app.route('/', policyRoutes(deps));
  app.route('/', noticeRoutes(deps));

  app.get(
    '/api/v1/openapi.json',
    publicAccess('the API description; it holds no personal data'),
    (c) =>
      c.json(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Jikim API (지킴)',
            version: '1',
            description:
              'Every portal and console flow of Jikim as JSON. Errors are RFC 9457 problem details.',
          },
        }),
      ),
  );
  return app;
}
