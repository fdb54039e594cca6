import type { Context } from 'hono';
import { csrfGuard } from '../../access/csrf.ts';
import { accessSettings } from '../../access/settings.ts';
import { DomainError } from '../../platform/errors.ts';
import { publicAccess } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { localHref } from '../../site/layout.tsx';
import { guardianContext, type MemberDeps } from '../deps.ts';
import { requestGuardianCode, verifyGuardianCode } from '../guardian-access.ts';
import { guardianAccessText } from '../guardian-access-text.ts';
import { correctMyData, readMyData } from '../my-data.ts';
import type { FieldErrors } from '../pages/fields.tsx';
import { GuardianAccessPage, GuardianChildPage } from '../pages/guardian-access.tsx';
import {
  correctionSchema,
  guardianCodeRequestSchema,
  guardianCodeSchema,
  guardianDeleteSchema,
} from '../schema.ts';
import { destroyMemberAccount } from '../withdraw.ts';
import {
  endGuardianCookie,
  guardianOnly,
  guardianSessionOf as sessionOf,
  setGuardianCookie,
} from './guardian-session.ts';
import { errorsOf, formOf, html } from './page-forms.ts';
import { requestTrace } from './session.ts';

/** The pages' answers when the guard stops a guardian: back to the form, or the refusal on it. */
function pageGuard(deps: MemberDeps, why: string) {
  return guardianOnly(deps, why, {
    onMissing: (c) => c.redirect(localHref('/guardian', c.get('lang')), 303),
    onRefused: async (c, refusal) =>
      c.html(await html(GuardianAccessPage({ lang: c.get('lang'), refusal })), 422),
  });
}

/** 법정대리인의 열람·정정·삭제 요구 (법 제38조, 제22조의2): after a fresh code, for one child. */
export function guardianAccessRoutes(deps: MemberDeps) {
  const app = createRouter();
  app.use('/guardian*', csrfGuard(accessSettings(deps.settings)));
  const open = (why: string) => publicAccess(`guardian access: ${why}`);
  const by = (c: Context<AppEnv>) =>
    guardianContext(sessionOf(c).requestId, 'rights_requests', requestTrace(c));

  app.get('/guardian', open("the form asking for the child's login ID"), async (c) =>
    c.html(await html(GuardianAccessPage({ lang: c.get('lang') }))),
  );
  app.post('/guardian', open('sends a code only to the guardian contact on record'), async (c) => {
    const lang = c.get('lang');
    const parsed = guardianCodeRequestSchema.safeParse(await formOf(c));
    if (!parsed.success) {
      const errors = errorsOf(lang, fieldErrorsOf(parsed.error));
      return c.html(await html(GuardianAccessPage({ lang, errors })), 400);
    }
    await requestGuardianCode(deps, parsed.data.loginId, requestTrace(c));
    return c.html(
      await html(GuardianAccessPage({ lang, loginId: parsed.data.loginId, codeSent: true })),
    );
  });
  app.post('/guardian/verify', open('the guardian proves they hold the contact'), async (c) => {
    const lang = c.get('lang');
    const form = await formOf(c);
    const parsed = guardianCodeSchema.safeParse(form);
    const again = (errors: FieldErrors) =>
      html(GuardianAccessPage({ lang, loginId: form.loginId ?? '', codeSent: true, errors }));
    if (!parsed.success)
      return c.html(await again(errorsOf(lang, fieldErrorsOf(parsed.error))), 400);
    try {
      const { token } = await verifyGuardianCode(deps, parsed.data, requestTrace(c));
      setGuardianCookie(c, deps, token);
      return c.redirect(localHref('/guardian/child', lang), 303);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'refused') {
        return c.html(await html(GuardianAccessPage({ lang, refusal: error })), 422);
      }
      if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
      return c.html(await again(errorsOf(lang, error.options.fields ?? [])), 400);
    }
  });

  app.get('/guardian/child', pageGuard(deps, "sees the child's data"), async (c) => {
    const data = await readMyData(deps, sessionOf(c).memberId, by(c));
    return c.html(await html(GuardianChildPage({ lang: c.get('lang'), data })));
  });
  app.post('/guardian/child', pageGuard(deps, "corrects the child's data"), async (c) => {
    const lang = c.get('lang');
    const { memberId } = sessionOf(c);
    const form = Object.fromEntries(
      Object.entries(await formOf(c)).filter(([, v]) => v.trim() !== ''),
    );
    const parsed = correctionSchema.safeParse(form);
    if (!parsed.success) {
      const data = await readMyData(deps, memberId, by(c));
      const errors = errorsOf(lang, fieldErrorsOf(parsed.error));
      return c.html(await html(GuardianChildPage({ lang, data, errors })), 400);
    }
    await correctMyData(deps, memberId, parsed.data, by(c));
    const data = await readMyData(deps, memberId, by(c));
    const notice = guardianAccessText[lang].corrected;
    return c.html(await html(GuardianChildPage({ lang, data, notice })));
  });
  app.post('/guardian/child/delete', pageGuard(deps, "deletes the child's data"), async (c) => {
    const lang = c.get('lang');
    const { memberId } = sessionOf(c);
    const parsed = guardianDeleteSchema.safeParse(await formOf(c));
    if (!parsed.success) {
      const data = await readMyData(deps, memberId, by(c));
      const errors = { confirm: guardianAccessText[lang].mustConfirm };
      return c.html(await html(GuardianChildPage({ lang, data, errors })), 400);
    }
    await destroyMemberAccount(deps, memberId, by(c));
    await endGuardianCookie(c, deps);
    return c.html(await html(GuardianChildPage({ lang, deleted: true })));
  });
  return app;
}
