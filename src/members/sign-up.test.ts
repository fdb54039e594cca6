import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../test/system.ts';
import { StaffClient } from '../access/testing/staff-client.ts';
import { adultForm } from './testing/member-form.ts';

const system = await openTestSystem();
const db = system.handle.db;
const browser = () => new StaffClient(system.app);

async function memberCount() {
  const row = await db
    .selectFrom('app.members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('the sign-up form labels every field, shows the declared purposes and leaves marketing unticked', async () => {
  const res = await browser().get('/signup');
  assert.equal(res.status, 200);
  const page = await res.text();
  for (const id of [
    'name',
    'birthDate',
    'sex',
    'referralSource',
    'district',
    'loginId',
    'password',
    'phone',
    'email',
    'agreeRequired',
    'smsOptIn',
    'emailOptIn',
  ]) {
    assert.match(page, new RegExp(`<label for="${id}">`), `label for ${id}`);
  }
  assert.match(page, /회원제 서비스 이용/, 'a purpose from the declaration');
  assert.match(page, /회원가입정보/, 'a retention rule from the declaration');
  assert.doesNotMatch(page, /id="smsOptIn"[^>]*checked/);
  assert.doesNotMatch(page, /id="emailOptIn"[^>]*checked/);
  assert.match(page, /href="\/signup\/child"/);
});

const badInput: [string, Record<string, string | undefined>, string][] = [
  ['a name with digits', { name: '김지수1' }, 'name'],
  ['a name mixing scripts', { name: '김 Jisu' }, 'name'],
  ['a phone number that is not Korean', { phone: '+1 212 555 0100' }, 'phone'],
  ['a phone number with too few digits', { phone: '010-123-456' }, 'phone'],
  ['an e-mail without a domain', { email: 'jisu@' }, 'email'],
  ['a birth date in the future', { birthDate: '2030-01-01' }, 'birthDate'],
  ['a birth date before 1900', { birthDate: '1899-12-31' }, 'birthDate'],
  ["a child's birth date on the adult form", { birthDate: '2015-01-01' }, 'birthDate'],
  ['an unknown district', { district: 'busan.haeundae' }, 'district'],
  ['a weak password', { password: 'password1' }, 'password'],
  [
    'a password containing the login id',
    { loginId: 'haneul77', password: 'haneul77-Gaeul!' },
    'password',
  ],
  ['no consent to the required items', { agreeRequired: undefined }, 'agreeRequired'],
];

for (const [what, change, field] of badInput) {
  test(`sign-up refuses ${what} on its field, keeps what was typed but the password, stores nothing`, async () => {
    const before = await memberCount();
    const form = adultForm(change);
    const res = await browser().post('/signup', form);
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, new RegExp(`id="${field}-error"`), `error on ${field}`);
    assert.match(page, new RegExp(`value="${form.loginId}"`), 'the login id is kept');
    assert.ok(!page.includes(form.password ?? '\u0000'), 'the password is never echoed');
    assert.equal(await memberCount(), before);
  });
}

test('Korean, Latin names and every phone spelling are accepted', async () => {
  for (const [name, phone] of [
    ['남궁 민', '01012345678'],
    ["Jane O'Neil-Smith", '+82 10 1234 5678'],
    ['이하늘', '010-9876-5432'],
  ]) {
    const res = await browser().post('/signup', adultForm({ name, phone }));
    assert.equal(res.status, 201, `${name} / ${phone}`);
  }
});

test('a used login id is refused on its field; a double submit creates one member', async () => {
  const form = adultForm();
  const before = await memberCount();
  const [a, b] = await Promise.all([
    browser().post('/signup', form),
    browser().post('/signup', form),
  ]);
  assert.deepEqual([a.status, b.status], [201, 201]);
  assert.equal(await memberCount(), before + 1);
  const other = await browser().post(
    '/signup',
    adultForm({ loginId: form.loginId, password: 'Different-Pass-42' }),
  );
  assert.equal(other.status, 400);
  assert.match(await other.text(), /id="loginId-error"/);
  assert.equal(await memberCount(), before + 1);
});

test('the consent record keeps the policy version agreed to, and the marketing choices as made', async () => {
  const form = adultForm({ smsOptIn: 'on' });
  assert.equal((await browser().post('/signup', form)).status, 201);
  const rows = await db
    .selectFrom('app.consent_events')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(3)
    .execute();
  const version = await system.publisher.versionIdInForce(system.clock.now());
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
  assert.equal(byKind.membership_terms?.policy_version_id, version);
  assert.equal(byKind.marketing_sms?.granted, true);
  assert.equal(byKind.marketing_email?.granted, false);
});

test('a sign-up form posted from another site is refused and stores nothing', async () => {
  const before = await memberCount();
  const res = await browser().post('/signup', adultForm(), { origin: 'http://evil.example' });
  assert.equal(res.status, 403);
  assert.equal(await memberCount(), before);
});
