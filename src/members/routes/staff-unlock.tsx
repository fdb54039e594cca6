import { createRoute, z } from '@hono/zod-openapi';
import { StaffLayout } from '../../access/pages/layout.tsx';
import { accessContextOf } from '../../access/request-context.ts';
import { staffAccess } from '../../platform/http/access.ts';
import { createRouter } from '../../platform/http/create-app.ts';
import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import type { MemberDeps } from '../deps.ts';
import { Field, type FieldErrors, Notice } from '../pages/fields.tsx';
import { memberUnlockSchema } from '../schema.ts';
import { UNLOCK_PURPOSE, unlockMember } from '../unlock.ts';
import { json, ok, problem } from './api-schemas.ts';
import { attempt, formOf, html } from './page-forms.ts';

const text = {
  ko: {
    title: '회원 계정 잠금 해제',
    lead: '로그인에 5회 연속 실패해 잠긴 회원 계정을 엽니다. 먼저 신분증으로 회원 본인임을 확인하십시오. 비밀번호는 바뀌지 않습니다.',
    loginId: '회원 아이디',
    submit: '잠금 해제',
    unlocked: '잠금을 해제했습니다. 회원은 자기 비밀번호로 다시 로그인할 수 있습니다.',
    notLocked: '이 계정은 잠겨 있지 않습니다. 바꾼 것이 없습니다.',
  },
  en: {
    title: "Unlock a member's account",
    lead: "Opens a member's account that five failed sign-ins in a row locked. Check first, with an identity card, that this is the member. The password does not change.",
    loginId: "Member's login ID",
    submit: 'Unlock',
    unlocked: 'Unlocked. The member can sign in again with their own password.',
    notLocked: 'This account is not locked. Nothing was changed.',
  },
} as const;

function UnlockPage(props: {
  lang: Lang;
  errors?: FieldErrors;
  notice?: string;
  loginId?: string;
}) {
  const t = text[props.lang];
  return (
    <StaffLayout lang={props.lang} title={t.title} path="/staff/members/unlock" signedIn>
      <h1>{t.title}</h1>
      <Notice text={props.notice} />
      <p>{t.lead}</p>
      <form method="post" action={localHref('/staff/members/unlock', props.lang)}>
        <input type="hidden" name="purpose" value={UNLOCK_PURPOSE} />
        <Field
          id="loginId"
          label={t.loginId}
          errors={props.errors ?? {}}
          value={props.loginId}
          autocomplete="off"
        />
        <button type="submit">{t.submit}</button>
      </form>
    </StaffLayout>
  );
}

const touches = { action: 'update', items: ['membership.login_id'] } as const;

const unlockRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/member-unlocks',
  tags: ['staff'],
  summary:
    "Unlock a member's account locked after failed sign-ins, once the member's identity was checked in person",
  middleware: [staffAccess('members.unlock', [UNLOCK_PURPOSE], touches)] as const,
  request: { body: json(memberUnlockSchema) },
  responses: {
    200: ok('Whether the account was locked and is now open', z.object({ unlocked: z.boolean() })),
    400: problem,
    401: problem,
    403: problem,
  },
});

/** The front desk's side of the member lock-out: the page and its JSON twin. */
export function memberUnlockRoutes(deps: MemberDeps) {
  const app = createRouter();
  app.get('/staff/members/unlock', staffAccess('members.unlock', null), async (c) =>
    c.html(await html(UnlockPage({ lang: c.get('lang') }))),
  );
  app.post(
    '/staff/members/unlock',
    staffAccess('members.unlock', [UNLOCK_PURPOSE], touches),
    async (c) => {
      const lang = c.get('lang');
      const form = await formOf(c);
      const outcome = await attempt(lang, memberUnlockSchema.safeParse(form), (data) =>
        unlockMember(deps, accessContextOf(c), data.loginId),
      );
      if ('errors' in outcome) {
        const page = UnlockPage({ lang, errors: outcome.errors, loginId: form.loginId ?? '' });
        return c.html(await html(page), 400);
      }
      const notice = outcome.result.unlocked ? text[lang].unlocked : text[lang].notLocked;
      return c.html(await html(UnlockPage({ lang, notice })));
    },
  );
  app.openapi(unlockRoute, async (c) => {
    const result = await unlockMember(deps, accessContextOf(c), c.req.valid('json').loginId);
    return c.json(result, 200);
  });
  return app;
}
