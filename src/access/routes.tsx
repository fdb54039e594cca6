import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db } from '../platform/db.ts';
import { createRouter } from '../platform/http/create-app.ts';
import type { Logger } from '../platform/log.ts';
import type { DevTransportId } from '../platform/outbox/transports.ts';
import type { PolicyPublisher } from '../policy/publisher.ts';
import { csrfGuard } from './csrf.ts';
import { isInside, networkList } from './networks.ts';
import type { PersonalDataDoor } from './personal-data.ts';
import { accessLogRoutes } from './routes/access-log.tsx';
import { accountRoutes } from './routes/accounts.tsx';
import { staffApiRoutes } from './routes/api.ts';
import { devOutboxRoutes } from './routes/dev-outbox.tsx';
import { ownAccountRoutes } from './routes/own-account.tsx';
import { signInRoutes } from './routes/sign-in.tsx';
import { type AccessSettings, accessSettings } from './settings.ts';

/** The staff console and its API: sign-in, own account, accounts and grants. */
export function accessRoutes(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  cipher: FieldCipher;
  door: PersonalDataDoor;
  publisher: PolicyPublisher;
  staffAccess?: Partial<AccessSettings>;
  /** Dev SMS/e-mail adapters in use (none in production): their outbox page is mounted. */
  devAdapters?: readonly DevTransportId[];
}) {
  const devAdapters = deps.devAdapters ?? [];
  const settings = accessSettings(deps.staffAccess);
  const internal = networkList(settings.internalNetworks);
  const routeDeps = {
    db: deps.db,
    clock: deps.clock,
    cipher: deps.cipher,
    log: deps.log,
    settings,
    isInternal: (address: string | undefined) => isInside(internal, address),
    devOutbox: devAdapters.length > 0,
  };
  const app = createRouter();
  app.use('/staff/*', csrfGuard(settings));
  app.use('/api/v1/staff/*', csrfGuard(settings));
  app.route('/', signInRoutes(routeDeps));
  app.route('/', ownAccountRoutes(routeDeps));
  app.route('/', accountRoutes(routeDeps));
  app.route('/', staffApiRoutes(routeDeps));
  app.route('/', accessLogRoutes(routeDeps));
  if (devAdapters.length > 0) app.route('/', devOutboxRoutes({ ...deps, adapters: devAdapters }));
  return app;
}
