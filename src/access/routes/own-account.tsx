import { DomainError, Invalid } from '../../platform/errors.ts';
import { signedInAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { changeOwnPassword, findAccount } from '../accounts.ts';
import { accessMessages } from '../messages.ts';
import { pageHtml } from '../pages/layout.tsx';
import { ConsoleHomePage, PasswordPage, TotpPage } from '../pages/own-account.tsx';
import { roleHasPermission } from '../roles.ts';
import { passwordForm } from '../schema.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../totp-enrolment.ts';
import {
  type AccessRouteDeps,
  errorPage,
  formOf,
  sessionIdOfRequest,
  staffActor,
} from './context.ts';

/** What every signed-in staff member does with their own account. */
export function ownAccountRoutes(deps: AccessRouteDeps) {
  const app = createRouter();
  const ownAccount = 'a staff member’s own account; no one else’s data';

  app.get(
    '/staff',
    signedInAccess('the console home; it shows only the caller’s own roles'),
    async (c) => {
      const actor = staffActor(c);
      const account = await findAccount(deps.db, actor.id);
      const page = ConsoleHomePage({
        lang: c.get('lang'),
        displayName: account?.display_name ?? '',
        roles: actor.roles,
        devOutbox:
          deps.devOutbox === true &&
          actor.roles.some((role) => roleHasPermission(role, 'outbox.dev_read')),
      });
      return c.html(await pageHtml(page));
    },
  );

  const passwordStep = signedInAccess(ownAccount, ['password_change']);
  app.get('/staff/password', passwordStep, async (c) => {
    const account = await findAccount(deps.db, staffActor(c).id);
    const page = PasswordPage({
      lang: c.get('lang'),
      mustChange: account?.password_must_change ?? false,
    });
    return c.html(await pageHtml(page));
  });

  app.post('/staff/password', passwordStep, async (c) => {
    const lang = c.get('lang');
    const actor = staffActor(c);
    const parsed = passwordForm.safeParse(await formOf(c));
    try {
      if (!parsed.success) {
        throw Invalid('invalid-input', {
          ko: '현재 비밀번호와 새 비밀번호를 입력하세요',
          en: 'Enter the current and the new password',
        });
      }
      await changeOwnPassword(deps, {
        staffId: actor.id,
        sessionId: sessionIdOfRequest(c),
        current: parsed.data.current,
        next: parsed.data.next,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
      const messages = [
        error.title[lang],
        ...(error.options.fields ?? []).map((f) => f.message[lang]),
      ];
      const account = await findAccount(deps.db, actor.id);
      const page = PasswordPage({
        lang,
        mustChange: account?.password_must_change ?? false,
        messages,
      });
      return c.html(await pageHtml(page), 400);
    }
    return c.html(await pageHtml(PasswordPage({ lang, mustChange: false, done: true })));
  });

  app.get('/staff/totp', signedInAccess(ownAccount), async (c) => {
    const account = await findAccount(deps.db, staffActor(c).id);
    const page = TotpPage({ lang: c.get('lang'), enrolled: Boolean(account?.totp_enrolled_at) });
    return c.html(await pageHtml(page));
  });

  app.post('/staff/totp', signedInAccess(ownAccount), async (c) => {
    const { uri } = await startTotpEnrolment(deps, staffActor(c).id);
    // The secret is shown on this response only; never cache it.
    c.header('cache-control', 'no-store');
    return c.html(await pageHtml(TotpPage({ lang: c.get('lang'), enrolled: false, uri })));
  });

  app.post('/staff/totp/confirm', signedInAccess(ownAccount), async (c) => {
    const lang = c.get('lang');
    const form = await formOf(c);
    try {
      await confirmTotpEnrolment(deps, { staffId: staffActor(c).id, code: form.code ?? '' });
    } catch (error) {
      return errorPage(c, error);
    }
    const page = TotpPage({ lang, enrolled: true, message: accessMessages[lang].totpDone });
    return c.html(await pageHtml(page));
  });

  return app;
}
