import type { Context } from 'hono';
import { staffAccess } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { invalidInput } from '../../platform/validation.ts';
import { localHref } from '../../site/layout.tsx';
import { createStaffAccount, findAccount, listAccounts, unlockAccount } from '../accounts.ts';
import { accountNotFound, activeGrants, changeGrant, grantRole, revokeGrant } from '../grants.ts';
import { listStaffHistory } from '../history.ts';
import { AccountListPage, AccountPage, NewAccountPage } from '../pages/accounts.tsx';
import { HistoryPage } from '../pages/history.tsx';
import { pageHtml } from '../pages/layout.tsx';
import { type Permission, roleHasPermission } from '../roles.ts';
import { grantBody, idParam, newAccountForm, reasonBody } from '../schema.ts';
import { type AccessRouteDeps, consoleActor, errorPage, formOf, staffActor } from './context.ts';

function can(c: Context<AppEnv>, permission: Permission): boolean {
  return staffActor(c).roles.some((role) => roleHasPermission(role, permission));
}

function idOf(c: Context<AppEnv>): string {
  const parsed = idParam.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw accountNotFound();
  return parsed.data.id;
}

/**
 * The console pages where privacy staff manage accounts and access rights
 * (안전성 확보조치 기준 제5조). Staff records are employee data and need no
 * declared patient purpose, so these routes declare `purposes: null`.
 */
export function accountRoutes(deps: AccessRouteDeps) {
  const app = createRouter();
  const backTo = (c: Context<AppEnv>, id: string) =>
    c.redirect(localHref(`/staff/accounts/${id}`, c.get('lang')), 303);

  app.get('/staff/accounts', staffAccess('staff.read', null), async (c) => {
    const accounts = await listAccounts(deps.db);
    const withRoles = await Promise.all(
      accounts.map(async (account) => ({
        account,
        roles: (await activeGrants(deps.db, account.id)).map((g) => g.role),
      })),
    );
    const page = AccountListPage({
      lang: c.get('lang'),
      accounts: withRoles,
      canCreate: can(c, 'staff.create'),
    });
    return c.html(await pageHtml(page));
  });

  app.get('/staff/accounts/new', staffAccess('staff.create', null), async (c) =>
    c.html(await pageHtml(NewAccountPage({ lang: c.get('lang') }))),
  );

  app.post('/staff/accounts/new', staffAccess('staff.create', null), async (c) => {
    try {
      const parsed = newAccountForm.safeParse(await formOf(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      const { account, initialPassword } = await createStaffAccount(
        deps,
        parsed.data,
        consoleActor(c),
      );
      c.header('cache-control', 'no-store');
      const created = {
        id: account.id,
        loginId: account.login_id,
        initialPassword: initialPassword ?? '',
      };
      return c.html(await pageHtml(NewAccountPage({ lang: c.get('lang'), created })), 201);
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.get('/staff/accounts/:id', staffAccess('staff.read', null), async (c) => {
    try {
      const account = await findAccount(deps.db, idOf(c));
      if (!account) throw accountNotFound();
      const page = AccountPage({
        lang: c.get('lang'),
        account,
        grants: await activeGrants(deps.db, account.id),
        canManageGrants: can(c, 'grants.manage'),
        canUnlock: can(c, 'staff.unlock'),
      });
      return c.html(await pageHtml(page));
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.get('/staff/accounts/:id/history', staffAccess('staff.read', null), async (c) => {
    try {
      const account = await findAccount(deps.db, idOf(c));
      if (!account) throw accountNotFound();
      const history = await listStaffHistory(deps.db, account.id);
      return c.html(await pageHtml(HistoryPage({ lang: c.get('lang'), account, history })));
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.post('/staff/accounts/:id/grants', staffAccess('grants.manage', null), async (c) => {
    try {
      const staffId = idOf(c);
      const parsed = grantBody.safeParse(await formOf(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      await grantRole(deps, { staffId, ...parsed.data, actor: consoleActor(c) });
      return backTo(c, staffId);
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.post('/staff/grants/:id/change', staffAccess('grants.manage', null), async (c) => {
    try {
      const parsed = grantBody.safeParse(await formOf(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      const grant = await changeGrant(deps, {
        grantId: idOf(c),
        ...parsed.data,
        actor: consoleActor(c),
      });
      return backTo(c, grant.staff_id);
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.post('/staff/grants/:id/revoke', staffAccess('grants.manage', null), async (c) => {
    try {
      const parsed = reasonBody.safeParse(await formOf(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      const grantId = idOf(c);
      const staffId = await revokeGrant(deps, { grantId, ...parsed.data, actor: consoleActor(c) });
      return backTo(c, staffId);
    } catch (error) {
      return errorPage(c, error);
    }
  });

  app.post('/staff/accounts/:id/unlock', staffAccess('staff.unlock', null), async (c) => {
    try {
      const staffId = idOf(c);
      const parsed = reasonBody.safeParse(await formOf(c));
      if (!parsed.success) throw invalidInput(parsed.error);
      await unlockAccount(deps, { staffId, ...parsed.data, actor: consoleActor(c) });
      return backTo(c, staffId);
    } catch (error) {
      return errorPage(c, error);
    }
  });
  return app;
}
