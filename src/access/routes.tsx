import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { createRouter } from '../platform/http/create-app.ts';
import type { Logger } from '../platform/log.ts';
import { csrfGuard } from './csrf.ts';
import { isInside, networkList } from './networks.ts';
import { accessLogRoutes } from './routes/access-log.tsx';
import { accountRoutes } from './routes/accounts.tsx';
import { staffApiRoutes } from './routes/api.ts';
import { ownAccountRoutes } from './routes/own-account.tsx';
import { signInRoutes } from './routes/sign-in.tsx';
import { type AccessSettings, accessSettings } from './settings.ts';

/** The staff console and its API: sign-in, own account, accounts and grants. */
export function accessRoutes(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  staffAccess?: Partial<AccessSettings>;
}) {
  const settings = accessSettings(deps.staffAccess);
  const internal = networkList(settings.internalNetworks);
  const routeDeps = {
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    settings,
    isInternal: (address: string | undefined) => isInside(internal, address),
  };
  const app = createRouter();
  app.use('/staff/*', csrfGuard(settings));
  app.use('/api/v1/staff/*', csrfGuard(settings));
  app.route('/', signInRoutes(routeDeps));
  app.route('/', ownAccountRoutes(routeDeps));
  app.route('/', accountRoutes(routeDeps));
  app.route('/', staffApiRoutes(routeDeps));
  app.route('/', accessLogRoutes(routeDeps));
  return app;
}
