import { staffAccessEnforcement } from './access/guard.ts';
import type { PersonalDataDoor } from './access/personal-data.ts';
import { accessRoutes } from './access/routes.tsx';
import type { AccessSettings } from './access/settings.ts';
import { honourCookieChoice } from './consents/cookie-banner/honour.tsx';
import { cookieBannerRoutes } from './consents/cookie-banner/routes.tsx';
import { memberRoutes } from './members/routes.ts';
import { noticeRoutes } from './notices/routes.tsx';
import { patientRoutes } from './patients/routes.ts';
import type { AccessLog } from './platform/audit/access-log.ts';
import type { Clock } from './platform/clock.ts';
import type { FieldCipher } from './platform/crypto/fields.ts';
import type { Db } from './platform/db.ts';
import { publicAccess } from './platform/http/access.ts';
import { createRootApp, type Router } from './platform/http/create-app.ts';
import type { Logger } from './platform/log.ts';
import type { DevTransportId } from './platform/outbox/transports.ts';
import type { PolicyPublisher } from './policy/publisher.ts';
import { policyRoutes } from './policy/routes.tsx';
import { siteRoutes } from './site/routes.tsx';

/** What every module's routes may be given; wired once, here. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  publisher: PolicyPublisher;
  cipher: FieldCipher;
  accessLog: AccessLog;
  /** The one door to personal data: purpose check, decryption and the access-log line together. */
  door: PersonalDataDoor;
  /** Staff sign-in settings from the configuration (access/settings.ts has the defaults). */
  staffAccess?: Partial<AccessSettings>;
  /** Dev SMS/e-mail adapters in use, never in production: staff may read what they kept. */
  devAdapters?: readonly DevTransportId[];
}

/** The composition root: one Hono app with each module's routes mounted. */
export function buildApp(deps: AppDeps): Router {
  const app = createRootApp(deps.log);
  app.use(
    '*',
    staffAccessEnforcement({
      ...deps,
      onRefusedAccess: (c, refused) =>
        deps.door.refuse(
          {
            actor: { kind: 'staff', id: refused.staffId },
            purpose: refused.purpose,
            grantId: refused.grantId,
            ip: c.get('clientAddress') ?? null,
            requestId: c.get('requestId'),
          },
          {
            action: refused.touches.action,
            items: [...refused.touches.items],
            subjectIds: refused.touches.subjects?.(c.req.param() as Record<string, string>) ?? [],
          },
          refused.reasonCode,
        ),
    }),
  );
  app.use('*', honourCookieChoice(deps));
  app.route('/', siteRoutes(deps));
  app.route('/', cookieBannerRoutes(deps));
  app.route('/', policyRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', accessRoutes(deps));
  app.route('/', patientRoutes(deps));
  app.route('/', memberRoutes(deps));

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
