import { publicAccess, signedInAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { localHref } from '../../site/layout.tsx';
import { clientAddressOf } from '../client-address.ts';
import { clearSessionCookie, setSessionCookie } from '../cookies.ts';
import { accessMessages } from '../messages.ts';
import { pageHtml } from '../pages/layout.tsx';
import { SecondFactorPage, SignInPage } from '../pages/sign-in.tsx';
import { codeForm, signInForm } from '../schema.ts';
import { deleteSession } from '../sessions.ts';
import { signIn, verifySecondFactor } from '../sign-in.ts';
import { type AccessRouteDeps, formOf, sessionIdOfRequest, staffActor } from './context.ts';

/** Sign-in with password, the one-time code from outside, and sign-out. */
export function signInRoutes(deps: AccessRouteDeps) {
  const app = createRouter();
  const signInDeps = {
    db: deps.db,
    clock: deps.clock,
    settings: deps.settings,
    cipher: deps.cipher,
  };

  app.get('/staff/login', publicAccess('the staff sign-in form'), async (c) =>
    c.html(await pageHtml(SignInPage({ lang: c.get('lang') }))),
  );

  app.post('/staff/login', publicAccess('staff sign in here; the form checks them'), async (c) => {
    const lang = c.get('lang');
    const t = accessMessages[lang];
    const parsed = signInForm.safeParse(await formOf(c));
    if (!parsed.success) {
      return c.html(await pageHtml(SignInPage({ lang, message: t.invalidCredentials })), 400);
    }
    const address = clientAddressOf(c, deps.settings);
    const result = await signIn(signInDeps, {
      ...parsed.data,
      address,
      inside: deps.isInternal(address),
    });
    if (!result.ok) {
      const message =
        result.reason === 'invalid'
          ? result.lockedNow
            ? t.lockedNow
            : t.invalidCredentials
          : result.reason === 'locked'
            ? t.locked
            : result.reason === 'disabled'
              ? t.disabled
              : t.notEnrolled;
      c.get('log').info(
        { event: 'staff_sign_in_refused', refusal: result.reason },
        'sign-in refused',
      );
      return c.html(await pageHtml(SignInPage({ lang, message })), 401);
    }
    setSessionCookie(c, result.token, deps.settings);
    c.get('log').info({ event: 'staff_signed_in', staffId: result.staffId }, 'staff signed in');
    return c.redirect(
      localHref(result.needsSecondFactor ? '/staff/login/code' : '/staff', lang),
      303,
    );
  });

  const codeStep = signedInAccess('the second sign-in step from outside', ['second_factor']);
  app.get('/staff/login/code', codeStep, async (c) =>
    c.html(await pageHtml(SecondFactorPage({ lang: c.get('lang') }))),
  );

  app.post('/staff/login/code', codeStep, async (c) => {
    const lang = c.get('lang');
    const t = accessMessages[lang];
    const parsed = codeForm.safeParse(await formOf(c));
    const staffId = staffActor(c).id;
    const result = parsed.success
      ? await verifySecondFactor(signInDeps, {
          staffId,
          sessionId: sessionIdOfRequest(c),
          code: parsed.data.code,
        })
      : ({ ok: false, lockedNow: false } as const);
    if (!result.ok) {
      c.get('log').info({ event: 'staff_code_refused', staffId }, 'one-time code refused');
      if (result.lockedNow) {
        clearSessionCookie(c, deps.settings);
        return c.html(await pageHtml(SignInPage({ lang, message: t.lockedNow })), 401);
      }
      return c.html(await pageHtml(SecondFactorPage({ lang, message: t.wrongCode })), 401);
    }
    return c.redirect(localHref('/staff', lang), 303);
  });

  app.post(
    '/staff/logout',
    signedInAccess('anyone signed in may sign out', ['second_factor', 'password_change']),
    async (c) => {
      await deleteSession(deps.db, sessionIdOfRequest(c));
      clearSessionCookie(c, deps.settings);
      return c.redirect(localHref('/staff/login', c.get('lang')), 303);
    },
  );
  return app;
}
