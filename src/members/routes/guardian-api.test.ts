import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffClient } from '../../access/testing/staff-client.ts';
import { loginIdIndex } from '../subjects.ts';
import { apiCall, problemOf } from '../testing/api-call.ts';
import { fourteenTomorrow } from '../testing/birthday.ts';
import { childForm } from '../testing/member-form.ts';
import { openPortalTestbed } from '../testing/portal.ts';

const bed = await openPortalTestbed();
const { db, clock } = bed;
const api = '/api/v1/members/guardian';

const call = (client: StaffClient, method: string, path: string, body?: unknown) =>
  apiCall(client, method, `${api}${path}`, body);

/** A child signed up by the API whose guardian confirmed with the code sent to them. */
async function confirmedChild(guardianEmail: string, birthDate = '2016-05-05') {
  const form = childForm({ guardianContact: guardianEmail, name: '윤다온', birthDate });
  clock.advance(1_000); // so that its code is the newest message
  const signUp = await bed.browser().send('/api/v1/members/children', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...form, agreeRequired: true }),
  });
  assert.equal(signUp.status, 201);
  const code = /(\d{5}-\d{5})/.exec(await bed.latestMessage('guardian_consent_code'))?.[1];
  const confirmed = await bed.browser().postJson('/api/v1/members/guardian-confirmations', {
    code,
  });
  assert.equal(confirmed.status, 204);
  const row = await db
    .selectFrom('app.members')
    .select('id')
    .where('login_id_index', '=', loginIdIndex(bed.cipher, form.loginId ?? ''))
    .executeTakeFirstOrThrow();
  return { form, loginId: form.loginId ?? '', memberId: row.id };
}

/** Asks for a code by the API and reads it from the mail the guardian received. */
async function codeByMail(loginId: string, guardianEmail: string) {
  const mail = await bed.newMailTo(guardianEmail, async () =>
    assert.equal((await call(bed.browser(), 'POST', '/codes', { loginId })).status, 202),
  );
  return /(\d{5}-\d{5})/.exec(mail)?.[1] ?? '';
}

test('a guardian verifies, reads, corrects and deletes the child’s data by the API', async () => {
  const child = await confirmedChild('api-parent1@example.com');
  const guardian = bed.browser();
  assert.equal((await call(guardian, 'GET', '/child')).status, 401, 'no session yet');

  const code = await codeByMail(child.loginId, 'api-parent1@example.com');
  const wrong = await call(guardian, 'POST', '/sessions', {
    loginId: child.loginId,
    code: code === '00000-00000' ? '11111-11111' : '00000-00000',
  });
  assert.equal(wrong.status, 400);
  assert.deepEqual(
    (await problemOf(wrong)).errors?.map((e) => e.field),
    ['code'],
  );
  const verified = await call(guardian, 'POST', '/sessions', { loginId: child.loginId, code });
  assert.equal(verified.status, 204);
  assert.ok(guardian.cookies.has('jikim_guardian'), 'the same session cookie as the pages');

  const view = await call(guardian, 'GET', '/child');
  assert.equal(view.status, 200);
  const data = (await view.json()) as {
    memberId: string;
    items: { itemId: string; value?: string }[];
  };
  assert.equal(data.memberId, child.memberId);
  assert.equal(data.items.find((i) => i.itemId === 'membership.name')?.value, '윤다온');

  const corrected = await call(guardian, 'PATCH', '/child', { district: 'seoul.mapo' });
  assert.equal(corrected.status, 200);
  assert.deepEqual(await corrected.json(), { corrected: ['membership.district'] });

  const unconfirmed = await call(guardian, 'POST', '/child/deletion', { confirm: false });
  assert.equal(unconfirmed.status, 400);
  assert.deepEqual(
    (await problemOf(unconfirmed)).errors?.map((e) => e.field),
    ['confirm'],
  );
  const deleted = await call(guardian, 'POST', '/child/deletion', { confirm: true });
  assert.equal(deleted.status, 200);
  const body = (await deleted.json()) as { destroyed: Record<string, number> };
  assert.equal(body.destroyed.members, 1);
  assert.equal(await bed.memberExists(child.memberId), false);
  assert.equal((await call(guardian, 'GET', '/child')).status, 401, 'the session ended with it');
  const signIn = await bed.browser().postJson('/api/v1/members/sessions', {
    loginId: child.loginId,
    password: child.form.password,
  });
  assert.equal(signIn.status, 401, 'the child can no longer sign in');
});

test('bad input names the field; an unknown ID gets the same answer and no message', async () => {
  const before = await bed.outboxSize();
  const missing = await call(bed.browser(), 'POST', '/codes', {});
  assert.equal(missing.status, 400);
  assert.deepEqual(
    (await problemOf(missing)).errors?.map((e) => e.field),
    ['loginId'],
  );
  const shortCode = await call(bed.browser(), 'POST', '/sessions', {
    loginId: 'someone_here',
    code: '12ab',
  });
  assert.equal(shortCode.status, 400);
  const problem = await problemOf(shortCode);
  assert.deepEqual(
    problem.errors?.map((e) => e.field),
    ['code'],
  );
  assert.equal(
    (await call(bed.browser(), 'POST', '/codes', { loginId: 'nobody_at_all' })).status,
    202,
  );
  assert.equal(await bed.outboxSize(), before, 'nothing is sent for an unknown ID');
  const malformed = await bed.browser().send(`${api}/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"loginId":',
  });
  assert.equal(malformed.status, 400);
});

test('from the child’s 14th birthday in Korea the API refuses the session and the code', async () => {
  const { today, tomorrow, birthDate } = fourteenTomorrow(clock.now());
  const withSession = await confirmedChild('api-parent2@example.com', birthDate);
  const withCode = await confirmedChild('api-parent3@example.com', birthDate);

  clock.set(`${today}T23:50:00+09:00`);
  const guardian = bed.browser();
  const code = await codeByMail(withSession.loginId, 'api-parent2@example.com');
  const opened = await call(guardian, 'POST', '/sessions', { loginId: withSession.loginId, code });
  assert.equal(opened.status, 204);
  assert.equal((await call(guardian, 'GET', '/child')).status, 200, 'the day before: allowed');
  clock.set(`${today}T23:55:00+09:00`);
  const later = await codeByMail(withCode.loginId, 'api-parent3@example.com');

  // 00:00:30 in Seoul on the birthday: the session and the code are still within their minutes.
  clock.set(`${tomorrow}T00:00:30+09:00`);
  for (const [method, path, body] of [
    ['GET', '/child', undefined],
    ['PATCH', '/child', { district: 'seoul.mapo' }],
    ['POST', '/child/deletion', { confirm: true }],
  ] as const) {
    const refused = await call(guardian, method, path, body);
    assert.equal(refused.status, 422, `${method} ${path}`);
    const problem = await problemOf(refused);
    assert.equal(problem.type, '/problems/guardian-access-ended');
    assert.match(problem.title, /만 14세가 되어/);
    assert.match(problem.title_en, /turned 14/);
  }
  assert.ok(await bed.memberExists(withSession.memberId));
  const usedCode = await call(bed.browser(), 'POST', '/sessions', {
    loginId: withCode.loginId,
    code: later,
  });
  assert.equal(usedCode.status, 422);
  assert.equal((await problemOf(usedCode)).type, '/problems/guardian-access-ended');
});

test('the guardian API is in the OpenAPI document', async () => {
  const doc = (await (await bed.browser().get('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  for (const [path, method] of [
    [`${api}/codes`, 'post'],
    [`${api}/sessions`, 'post'],
    [`${api}/sessions/current`, 'delete'],
    [`${api}/child`, 'get'],
    [`${api}/child`, 'patch'],
    [`${api}/child/deletion`, 'post'],
  ] as const) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  }
});
