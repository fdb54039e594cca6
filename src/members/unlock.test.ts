import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../access/roles.ts';
import { makeStaff, StaffClient } from '../access/testing/staff-client.ts';
import { searchAccessLog } from '../platform/audit/search.ts';
import { memberSubject } from './subjects.ts';
import { openPortalTestbed } from './testing/portal.ts';

const bed = await openPortalTestbed();
const { db, clock } = bed;
const page = '/staff/members/unlock';

async function staffAs(role: Role) {
  const account = await makeStaff({ db, clock }, { role });
  const client = new StaffClient(bed.system.app);
  assert.equal((await client.signIn(account.loginId, account.password)).status, 303);
  return { client, id: account.id };
}

/** A member whose five wrong passwords in a row locked the account. */
async function lockedMember() {
  const { memberId, form } = await bed.signedInMember();
  const loginId = form.loginId ?? '';
  const password = form.password ?? '';
  for (let n = 0; n < 5; n++) {
    await bed.browser().post('/login', { loginId, password: `${password}-wrong` });
  }
  const refused = await bed.browser().post('/login', { loginId, password });
  assert.equal(refused.status, 401);
  assert.match(await refused.text(), /병원에 문의하세요/, 'the member is told to ask the hospital');
  return { memberId, loginId, password };
}

test('the front desk unlocks a locked member after checking who they are; the access is logged', async () => {
  const member = await lockedMember();
  const desk = await staffAs('front_desk');
  assert.match(await (await desk.client.get('/staff')).text(), /href="\/staff\/members\/unlock"/);
  const form = await desk.client.get(page);
  assert.equal(form.status, 200);
  assert.match(await form.text(), /<label for="loginId">회원 아이디<\/label>/);

  const done = await desk.client.post(page, {
    loginId: member.loginId.toUpperCase(),
    purpose: 'member_identity',
  });
  assert.equal(done.status, 200);
  assert.match(await done.text(), /잠금을 해제했습니다/);
  const signIn = await bed.browser().post('/login', {
    loginId: member.loginId,
    password: member.password,
  });
  assert.equal(signIn.status, 303, 'the member signs in with their own password again');

  const line = (await searchAccessLog(db, { actorId: desk.id, limit: 5 })).entries.find(
    (e) => e.outcome === 'allowed',
  );
  assert.equal(line?.action, 'update');
  assert.equal(line?.purpose, 'member_identity');
  assert.deepEqual(line?.subjectIds, [memberSubject(member.memberId)]);

  const again = await desk.client.post(page, {
    loginId: member.loginId,
    purpose: 'member_identity',
  });
  assert.match(await again.text(), /잠겨 있지 않습니다/, 'an open account is left as it is');
});

test('an unknown login ID is an error on its field, and keeps what was typed', async () => {
  const desk = await staffAs('front_desk');
  const res = await desk.client.post(page, { loginId: 'nobody-here', purpose: 'member_identity' });
  assert.equal(res.status, 400);
  const body = await res.text();
  assert.match(body, /이 아이디로 가입한 회원이 없습니다/);
  assert.match(body, /value="nobody-here"/);
});

test('a clinician may not unlock members; the API unlocks for the desk with the purpose named', async () => {
  const member = await lockedMember();
  const clinician = await staffAs('clinician');
  const refused = await clinician.client.post(page, {
    loginId: member.loginId,
    purpose: 'member_identity',
  });
  assert.equal(refused.status, 403);

  const desk = await staffAs('front_desk');
  const api = '/api/v1/staff/member-unlocks';
  const unnamed = await desk.client.postJson(api, { loginId: member.loginId });
  assert.equal(unnamed.status, 403, 'no purpose named, no access');
  const res = await desk.client.postJson(
    api,
    { loginId: member.loginId },
    { 'X-Jikim-Purpose': 'member_identity' },
  );
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { unlocked: true });
  const status = await db
    .selectFrom('app.members')
    .select(['status', 'failed_attempts'])
    .where('id', '=', member.memberId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(status, { status: 'active', failed_attempts: 0 });
});
