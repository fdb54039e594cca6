import type { Context } from 'hono';
import { clientAddressOf } from '../../access/client-address.ts';
import { csrfGuard } from '../../access/csrf.ts';
import { TooManyGuesses } from '../../access/guess-throttle.ts';
import { accessSettings } from '../../access/settings.ts';
import { publicAccess } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import type { Lang } from '../../platform/i18n.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { findItem } from '../../policy/lookup.ts';
import { localHref } from '../../site/layout.tsx';
import { type MemberDeps, policyInForce } from '../deps.ts';
import { guardianCategories, membershipCategories } from '../destruction.ts';
import { confirmGuardian } from '../guardian.ts';
import { setMyMarketing } from '../marketing.ts';
import { marketingText } from '../marketing-text.ts';
import { memberText } from '../messages.ts';
import { correctMyData, readMyData } from '../my-data.ts';
import { GuardianPage, MePage, SignInPage, WithdrawPage } from '../pages/account.tsx';
import type { FieldErrors } from '../pages/fields.tsx';
import { PasswordResetPage, resetText } from '../pages/password-reset.tsx';
import { SignUpPage } from '../pages/sign-up.tsx';
import { requestPasswordReset, resetPassword } from '../password-reset.ts';
import {
  childSignUpSchema,
  correctionSchema,
  guardianConfirmSchema,
  marketingChoiceSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  signInSchema,
  signUpSchema,
  withdrawSchema,
} from '../schema.ts';
import { signInMember } from '../sign-in.ts';
import { signUpAdult, signUpChild } from '../sign-up.ts';
import { withdrawMember } from '../withdraw.ts';
import { attempt, domainFields, errorsOf, formOf, html } from './page-forms.ts';
import { memberIdOf, memberOnly, requestTrace, setMemberCookie, signOutMember } from './session.ts';

// Sign-up and sign-in are open to anyone; the member's own pages use memberOnly.
const memberPage = (why: string) => publicAccess(`member portal: ${why}`);

export function memberPageRoutes(deps: MemberDeps) {
  const app = createRouter();
  const settings = accessSettings(deps.settings);
  for (const path of ['/signup*', '/login*', '/logout*', '/me*'])
    app.use(path, csrfGuard(settings));
  const guessesOf = (c: Context<AppEnv>) =>
    deps.guardianCodeGuesses.from(clientAddressOf(c, settings));
  const failuresOf = (c: Context<AppEnv>) => deps.signInFailures.from(clientAddressOf(c, settings));

  const signUpPage = async (
    c: Context<AppEnv>,
    child: boolean,
    values?: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const policy = await policyInForce(deps);
    const { password: _never, ...kept } = values ?? {};
    return html(
      SignUpPage({
        lang: c.get('lang'),
        child,
        declaration: policy.declaration,
        versionLabel: policy.label,
        values: kept,
        ...(errors ? { errors } : {}),
      }),
    );
  };

  for (const child of [false, true]) {
    const path = child ? '/signup/child' : '/signup';
    app.get(path, memberPage('the sign-up form'), async (c) => c.html(await signUpPage(c, child)));
    app.post(path, memberPage('anyone may sign up; the form checks every field'), async (c) => {
      const lang = c.get('lang');
      const form = await formOf(c);
      const outcome = child
        ? await attempt(lang, childSignUpSchema.safeParse(form), (d) => signUpChild(deps, d, 'web'))
        : await attempt(lang, signUpSchema.safeParse(form), (d) => signUpAdult(deps, d, 'web'));
      if ('errors' in outcome) return c.html(await signUpPage(c, child, form, outcome.errors), 400);
      const t = memberText[lang];
      const pending = outcome.result.status === 'pending_guardian';
      return c.html(
        await html(SignInPage({ lang, notice: pending ? t.pendingGuardian : t.welcome })),
        201,
      );
    });
  }

  app.get('/signup/guardian', memberPage("the guardian's confirmation form"), async (c) =>
    c.html(await html(GuardianPage({ lang: c.get('lang') }))),
  );
  app.post(
    '/signup/guardian',
    memberPage('the guardian confirms with the code sent to them'),
    async (c) => {
      const lang = c.get('lang');
      const parsed = guardianConfirmSchema.safeParse(await formOf(c));
      try {
        if (!parsed.success)
          return c.html(
            await html(GuardianPage({ lang, errors: errorsOf(lang, fieldErrorsOf(parsed.error)) })),
            400,
          );
        await confirmGuardian(deps, parsed.data.code, guessesOf(c));
        return c.html(await html(GuardianPage({ lang, done: true })));
      } catch (error) {
        if (error instanceof TooManyGuesses) {
          c.header('retry-after', error.retryAt.toUTCString());
        }
        return c.html(
          await html(GuardianPage({ lang, errors: errorsOf(lang, domainFields(error)) })),
          error instanceof TooManyGuesses ? 429 : 400,
        );
      }
    },
  );

  app.get('/login', memberPage('the member sign-in form'), async (c) =>
    c.html(await html(SignInPage({ lang: c.get('lang') }))),
  );
  app.post('/login', memberPage('members sign in here; the form checks them'), async (c) => {
    const lang = c.get('lang');
    const t = memberText[lang];
    const parsed = signInSchema.safeParse(await formOf(c));
    if (!parsed.success)
      return c.html(await html(SignInPage({ lang, message: t.invalidCredentials })), 400);
    const { loginId } = parsed.data;
    let result: Awaited<ReturnType<typeof signInMember>>;
    try {
      result = await signInMember(deps, parsed.data, failuresOf(c));
    } catch (error) {
      if (!(error instanceof TooManyGuesses)) throw error;
      c.header('retry-after', error.retryAt.toUTCString());
      const message = error.options.fields?.[0]?.message[lang];
      return c.html(await html(SignInPage({ lang, message, loginId })), 429);
    }
    if (!result.ok) {
      const message =
        result.reason === 'locked' || result.lockedNow
          ? t.locked
          : result.reason === 'pending_guardian'
            ? t.pendingSignIn
            : t.invalidCredentials;
      c.get('log').info(
        { event: 'member_sign_in_refused', refusal: result.reason },
        'member sign-in refused',
      );
      return c.html(await html(SignInPage({ lang, message, loginId })), 401);
    }
    setMemberCookie(c, deps, result.token);
    return c.redirect(localHref('/me', lang), 303);
  });
  app.get('/login/reset', memberPage('the password reset form'), async (c) =>
    c.html(await html(PasswordResetPage({ lang: c.get('lang') }))),
  );
  app.post(
    '/login/reset',
    memberPage('anyone may ask for a reset code; it goes only to the contact on record'),
    async (c) => {
      const lang = c.get('lang');
      const form = await formOf(c);
      const kept = { loginId: form.loginId ?? '', channel: form.channel ?? '' };
      const parsed = passwordResetRequestSchema.safeParse(form);
      if (!parsed.success) {
        const askErrors = errorsOf(lang, fieldErrorsOf(parsed.error));
        return c.html(await html(PasswordResetPage({ lang, askErrors, ...kept })), 400);
      }
      await requestPasswordReset(deps, parsed.data, requestTrace(c));
      const notice = resetText[lang].sent;
      return c.html(await html(PasswordResetPage({ lang, notice, ...kept })));
    },
  );
  app.post(
    '/login/reset/code',
    memberPage('the reset code, with the new password, changes the password'),
    async (c) => {
      const lang = c.get('lang');
      const form = await formOf(c);
      const input = { ...form, loginId: form['reset-loginId'] ?? '' };
      const outcome = await attempt(lang, passwordResetSchema.safeParse(input), (data) =>
        resetPassword(deps, data, requestTrace(c)),
      );
      if ('errors' in outcome) {
        const page = PasswordResetPage({
          lang,
          resetErrors: outcome.errors,
          loginId: input.loginId,
        });
        return c.html(await html(page), 400);
      }
      return c.html(await html(SignInPage({ lang, notice: resetText[lang].done })));
    },
  );
  app.post('/logout', memberPage('anyone may end their own member session'), async (c) => {
    await signOutMember(c, deps);
    return c.redirect(localHref('/login', c.get('lang')), 303);
  });

  app.get('/me', memberOnly(deps, "the signed-in member's own data"), async (c) => {
    const memberId = memberIdOf(c);
    const data = await readMyData(deps, memberId);
    return c.html(await html(MePage({ lang: c.get('lang'), data })));
  });
  app.post('/me', memberOnly(deps, 'the signed-in member corrects their own data'), async (c) => {
    const memberId = memberIdOf(c);
    const lang = c.get('lang');
    const form = Object.fromEntries(
      Object.entries(await formOf(c)).filter(([, v]) => v.trim() !== ''),
    );
    const parsed = correctionSchema.safeParse(form);
    if (!parsed.success) {
      const data = await readMyData(deps, memberId);
      return c.html(
        await html(MePage({ lang, data, errors: errorsOf(lang, fieldErrorsOf(parsed.error)) })),
        400,
      );
    }
    await correctMyData(deps, memberId, parsed.data);
    const data = await readMyData(deps, memberId);
    return c.html(await html(MePage({ lang, data, notice: memberText[lang].corrected })));
  });

  app.post(
    '/me/marketing',
    memberOnly(deps, 'the signed-in member turns their own marketing consent on or off'),
    async (c) => {
      const memberId = memberIdOf(c);
      const lang = c.get('lang');
      const parsed = marketingChoiceSchema.safeParse(await formOf(c));
      if (!parsed.success) {
        const data = await readMyData(deps, memberId);
        return c.html(
          await html(MePage({ lang, data, errors: errorsOf(lang, fieldErrorsOf(parsed.error)) })),
          400,
        );
      }
      const { channel, optIn } = parsed.data;
      const result = await setMyMarketing(deps, memberId, {
        channel,
        optIn,
        via: 'web',
        trace: requestTrace(c),
      });
      const t = marketingText[lang];
      const notice = result.changed ? t.changed(t.channels[channel], optIn) : t.unchanged;
      const data = await readMyData(deps, memberId);
      return c.html(await html(MePage({ lang, data, notice })));
    },
  );

  const destroyedItems = async (lang: Lang) => {
    const { declaration } = await policyInForce(deps);
    return [...membershipCategories, ...guardianCategories].map((id) => ({
      label: findItem(declaration, id)?.label[lang] ?? id,
    }));
  };
  app.get('/me/withdraw', memberOnly(deps, 'the signed-in member leaves'), async (c) => {
    const lang = c.get('lang');
    return c.html(await html(WithdrawPage({ lang, items: await destroyedItems(lang) })));
  });
  app.post(
    '/me/withdraw',
    memberOnly(deps, 'the signed-in member leaves, after their password'),
    async (c) => {
      const memberId = memberIdOf(c);
      const lang = c.get('lang');
      const items = await destroyedItems(lang);
      const parsed = withdrawSchema.safeParse(await formOf(c));
      try {
        if (!parsed.success)
          return c.html(
            await html(
              WithdrawPage({ lang, items, errors: errorsOf(lang, fieldErrorsOf(parsed.error)) }),
            ),
            400,
          );
        await withdrawMember(deps, memberId, parsed.data.password);
      } catch (error) {
        return c.html(
          await html(WithdrawPage({ lang, items, errors: errorsOf(lang, domainFields(error)) })),
          400,
        );
      }
      await signOutMember(c, deps);
      return c.html(await html(WithdrawPage({ lang, items, done: true })));
    },
  );
  return app;
}
