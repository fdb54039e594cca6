import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffClient } from '../../access/testing/staff-client.ts';
import { loginIdIndex } from '../subjects.ts';
import { apiCall, problemOf } from '../testing/api-call.ts';
import { adultForm, childForm } from '../testing/member-form.ts';
import { openPortalTestbed } from '../testing/portal.ts';

const bed = await openPortalTestbed();
const { db } = bed;
const api = '/api/v1/members';

const call = (client: StaffClient, method: string, path: string, body?: unknown) =>
  apiCall(client, method, `${api}${path}`, body);

/** The API takes booleans where the form takes "on". */
const jsonForm = (form: Record<string, string>) => ({ ...form, agreeRequired: true });

async function memberCount() {
  return (await db.selectFrom('app.members').select('id').execute()).length;
}

async function fieldsOf(response: Response): Promise<string[]> {
  return ((await problemOf(response)).errors ?? []).map((e) => e.field);
}

async function apiMember(overrides: Record<string, string | undefined> = {}) {
  const form = adultForm(overrides);
  const client = bed.browser();
  assert.equal((await call(client, 'POST', '', jsonForm(form))).status, 201);
  const signIn = await call(client, 'POST', '/sessions', {
    loginId: form.loginId,
    password: form.password,
  });
  assert.equal(signIn.status, 200);
  const { memberId } = (await signIn.json()) as { memberId: string };
  return { client, form, memberId };
}

test('an adult signs up, signs in, reads, corrects, sets marketing and signs out by the API', async () => {
  const { client, memberId } = await apiMember({ name: '한가람', email: 'garam@example.com' });
  assert.ok(client.cookies.has('jikim_member'), 'the same session cookie as the pages');
  const me = await call(client, 'GET', '/me');
  assert.equal(me.status, 200);
  const data = (await me.json()) as {
    memberId: string;
    items: { itemId: string; value?: string }[];
  };
  assert.equal(data.memberId, memberId);
  assert.equal(data.items.find((i) => i.itemId === 'membership.name')?.value, '한가람');

  const corrected = await call(client, 'PATCH', '/me', { district: 'seoul.mapo' });
  assert.equal(corrected.status, 200);
  assert.deepEqual(await corrected.json(), { corrected: ['membership.district'] });

  const on = await call(client, 'PUT', '/me/marketing/email', { optIn: true });
  assert.equal(on.status, 200);
  assert.equal(((await on.json()) as { changed: boolean }).changed, true);
  const consent = await db
    .selectFrom('app.consents')
    .selectAll()
    .where('subject_id', '=', `member:${memberId}`)
    .where('kind', '=', 'marketing_email')
    .executeTakeFirstOrThrow();
  assert.equal(consent.granted, true);
  assert.equal(consent.channel, 'app', 'the channel the choice came by');
  await bed.deliver();
  assert.equal(bed.mailsTo('garam@example.com').length, 1, 'the change is confirmed');

  assert.equal((await call(client, 'DELETE', '/sessions/current')).status, 204);
  assert.equal((await call(client, 'GET', '/me')).status, 401);
});

test('bad input names the field and stores nothing', async () => {
  const before = await memberCount();
  const bad = await call(bed.browser(), 'POST', '', {
    ...jsonForm(adultForm({ email: 'not-an-email' })),
    agreeRequired: false,
  });
  assert.equal(bad.status, 400);
  const fields = await fieldsOf(bad);
  assert.ok(fields.includes('email'));
  assert.ok(fields.includes('agreeRequired'));
  assert.equal(await memberCount(), before, 'nothing stored');

  const underage = await call(bed.browser(), 'POST', '', jsonForm(childForm()));
  assert.equal(underage.status, 400, 'a child on the adult route: a service rule, same shape');
  assert.deepEqual(await fieldsOf(underage), ['birthDate']);
  assert.equal(await memberCount(), before);

  const { client, memberId } = await apiMember({ phone: '010-1111-2222' });
  const phone = await call(client, 'PATCH', '/me', { phone: 'call me' });
  assert.equal(phone.status, 400);
  assert.deepEqual(await fieldsOf(phone), ['phone']);
  const me = (await (await call(client, 'GET', '/me')).json()) as {
    items: { itemId: string; value?: string }[];
  };
  assert.equal(me.items.find((i) => i.itemId === 'membership.phone')?.value, '01011112222');

  const channel = await call(client, 'PUT', '/me/marketing/fax', { optIn: true });
  assert.equal(channel.status, 400);
  assert.deepEqual(await fieldsOf(channel), ['channel']);
  const optIn = await call(client, 'PUT', '/me/marketing/sms', { optIn: 'maybe' });
  assert.deepEqual(await fieldsOf(optIn), ['optIn']);

  const wrong = await call(client, 'POST', '/me/withdrawal', { password: 'Not-The-One-42' });
  assert.equal(wrong.status, 400);
  assert.deepEqual(await fieldsOf(wrong), ['password']);
  assert.ok(
    await db.selectFrom('app.members').select('id').where('id', '=', memberId).executeTakeFirst(),
  );

  const refused = await call(bed.browser(), 'POST', '/sessions', {
    loginId: 'nobody_here',
    password: 'Whatever-123',
  });
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { type: string }).type, '/problems/invalid-credentials');
});

test('authorization: anonymous 401, each member reaches only their own data', async () => {
  const owner = await apiMember({ name: '주인공' });
  const other = await apiMember({ name: '다른이' });
  const anonymous = bed.browser();
  for (const [method, path, body] of [
    ['GET', '/me', undefined],
    ['PATCH', '/me', { district: 'other' }],
    ['PUT', '/me/marketing/sms', { optIn: true }],
    ['POST', '/me/withdrawal', { password: owner.form.password }],
  ] as const) {
    const response = await call(anonymous, method, path, body);
    assert.equal(response.status, 401, `${method} ${path}`);
    assert.equal(((await response.json()) as { type: string }).type, '/problems/unauthenticated');
  }
  const mine = (await (await call(owner.client, 'GET', '/me')).json()) as { memberId: string };
  assert.equal(mine.memberId, owner.memberId);
  const theirs = await call(other.client, 'GET', '/me');
  assert.equal(theirs.status, 200);
  const text = await theirs.text();
  assert.ok(!text.includes('주인공'), "another member sees none of the owner's data");
  assert.ok(!text.includes(owner.memberId));
  assert.equal(
    (await call(other.client, 'GET', `/${owner.memberId}`)).status,
    404,
    'no route takes a member id',
  );
});

test('a child signs up by the API; sign-in waits for the guardian’s code', async () => {
  const form = childForm({ guardianContact: 'mom@example.com' });
  const client = bed.browser();
  const signUp = await call(client, 'POST', '/children', jsonForm(form));
  assert.equal(signUp.status, 201);
  assert.equal(((await signUp.json()) as { status: string }).status, 'pending_guardian');
  const credentials = { loginId: form.loginId, password: form.password };
  const pending = await call(client, 'POST', '/sessions', credentials);
  assert.equal(pending.status, 401);
  assert.equal(((await pending.json()) as { type: string }).type, '/problems/pending-guardian');
  const badCode = await call(bed.browser(), 'POST', '/guardian-confirmations', { code: '12' });
  assert.deepEqual(await fieldsOf(badCode), ['code']);
  const code = /(\d{5}-\d{5})/.exec(await bed.latestMessage('guardian_consent_code'))?.[1];
  const confirmed = await call(bed.browser(), 'POST', '/guardian-confirmations', { code });
  assert.equal(confirmed.status, 204);
  assert.equal((await call(client, 'POST', '/sessions', credentials)).status, 200);
});

test('withdrawal by the API destroys the membership and ends the session', async () => {
  const { client, form, memberId } = await apiMember();
  const gone = await call(client, 'POST', '/me/withdrawal', { password: form.password });
  assert.equal(gone.status, 200);
  const body = (await gone.json()) as { destroyed: Record<string, number> };
  assert.equal(body.destroyed.members, 1);
  assert.equal((await call(client, 'GET', '/me')).status, 401);
  assert.equal(
    (await db.selectFrom('app.members').select('id').where('id', '=', memberId).execute()).length,
    0,
  );
  const index = loginIdIndex(bed.cipher, form.loginId ?? '');
  assert.ok(
    await db
      .selectFrom('separated.withdrawn_login_ids')
      .select('login_id_index')
      .where('login_id_index', '=', index)
      .executeTakeFirst(),
  );
});

test('a cross-site form cannot drive the API; the API is described in OpenAPI', async () => {
  const form = adultForm();
  const crossSite = await bed.browser().post(
    `${api}/sessions`,
    {
      loginId: form.loginId ?? '',
      password: form.password ?? '',
    },
    { origin: 'https://evil.example' },
  );
  assert.equal(crossSite.status, 403);
  const doc = (await (await bed.browser().get('/api/v1/openapi.json')).json()) as {
    paths: Record<string, unknown>;
  };
  for (const path of [
    api,
    `${api}/children`,
    `${api}/guardian-confirmations`,
    `${api}/sessions`,
    `${api}/me`,
    `${api}/me/marketing/{channel}`,
    `${api}/me/withdrawal`,
  ]) {
    assert.ok(doc.paths[path], path);
  }
});
