import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type BrowserHarness,
  browserSkip,
  hasFocus,
  openBrowserHarness,
  unlabelledControls,
} from '../../test/browser.ts';
import { makeStaff } from '../access/testing/staff-client.ts';
import { adultForm, childForm } from './testing/member-form.ts';

const harness = await openBrowserHarness();
const skip = browserSkip;

/** Fills the sign-up form as a person would, with the mouse. */
async function fillSignUp(page: Page, form: Record<string, string>) {
  for (const id of ['name', 'birthDate', 'loginId', 'password', 'phone', 'email']) {
    await page.fill(`#${id}`, form[id] ?? '');
  }
  for (const id of ['sex', 'referralSource', 'district']) {
    await page.selectOption(`#${id}`, form[id] ?? '');
  }
  for (const id of ['guardianName', 'guardianContact']) {
    if (form[id]) await page.fill(`#${id}`, form[id]);
  }
  await page.check('#agreeRequired');
  if (form.smsOptIn) await page.check('#smsOptIn');
}

async function signIn(page: Page, loginId: string, password: string) {
  await page.goto('/login');
  await page.fill('#loginId', loginId);
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
}

test('adult: sign up, sign in, correct my data, marketing off, withdraw; then the id is refused', {
  skip,
}, async () => {
  if (!harness) return;
  const form = adultForm({ name: '한소윤', phone: '010-2468-1357', smsOptIn: 'on' });
  const { page } = await harness.newPage();

  await page.goto('/signup');
  assert.deepEqual(await unlabelledControls(page), []);
  await fillSignUp(page, form);
  await page.click('main form button[type=submit]');
  await page.getByText('가입이 완료되었습니다').waitFor();

  await signIn(page, form.loginId ?? '', form.password ?? '');
  await page.waitForURL('**/me');
  assert.match((await page.locator('#my-items').textContent()) ?? '', /한소윤/);
  await harness.screenshot(page, 'me-desktop');

  await page.fill('form[action="/me"] #phone', '010-9876-5432');
  await page.click('form[action="/me"] button[type=submit]');
  await page.getByText('정정했습니다').waitFor();
  assert.match((await page.locator('#my-items').textContent()) ?? '', /01098765432/);

  const sms = page.locator('form[data-channel="sms"]');
  assert.match((await sms.textContent()) ?? '', /받고 있음/, 'opted in at sign-up');
  await sms.locator('button').click();
  await page.getByText('광고 수신을 거부했습니다').waitFor();
  assert.match((await page.locator('form[data-channel="sms"]').textContent()) ?? '', /받지 않음/);

  await page.click('a[href="/me/withdraw"]');
  await page.fill('#password', form.password ?? '');
  await page.click('form[action="/me/withdraw"] button[type=submit]');
  await page.getByText('회원 정보는 파기되었습니다').waitFor();

  await signIn(page, form.loginId ?? '', form.password ?? '');
  await page.getByText('아이디 또는 비밀번호가 맞지 않습니다').waitFor();

  await page.goto('/signup');
  await fillSignUp(page, adultForm({ loginId: form.loginId }));
  await page.click('main form button[type=submit]');
  assert.match((await page.locator('#loginId-error').textContent()) ?? '', /다시 쓸 수 없습니다/);
  assert.equal(await page.inputValue('#password'), '', 'the password is never sent back');
});

/**
 * The front desk's console page listing what the dev adapters kept (no phone
 * or mailbox exists here): the newest message of a kind, as the desk reads it.
 */
async function staffOutbox(harness: BrowserHarness) {
  const { system } = harness;
  const desk = await makeStaff(
    { db: system.handle.db, clock: system.clock },
    { role: 'front_desk' },
  );
  const { page } = await harness.newPage();
  await page.goto('/staff/login');
  await page.fill('#login-id', desk.loginId);
  await page.fill('#password', desk.password);
  await page.click('main button[type=submit]');
  await page.waitForURL('**/staff');
  const deliver = system.jobs.find((job) => job.name === 'outbox.deliver');
  return {
    page,
    /** Lets the outbox job hand what is due to the dev adapters, then reads the newest of a kind. */
    async newest(template: string, pattern: RegExp): Promise<string> {
      await deliver?.run();
      await page.goto('/staff');
      await page.click('a[href^="/staff/dev-outbox"]');
      await page.getByText('실제로 발송되지 않았습니다').first().waitFor();
      const text = await page.locator(`li[data-template="${template}"]`).first().textContent();
      return pattern.exec(text ?? '')?.[1] ?? '';
    },
  };
}

test('child: no sign-in until the guardian confirms; later the guardian deletes the child’s data', {
  skip,
}, async () => {
  if (!harness) return;
  const form = childForm();
  const { page } = await harness.newPage();
  await page.goto('/signup');
  await page.click('a[href="/signup/child"]');
  assert.deepEqual(await unlabelledControls(page), []);
  await fillSignUp(page, form);
  await page.click('main form button[type=submit]');
  await page.getByText('보호자').first().waitFor();

  await signIn(page, form.loginId ?? '', form.password ?? '');
  await page.getByText('보호자의 동의 확인을 기다리고 있어').waitFor();

  // No phone or mailbox exists here: the front desk reads the code on the console's dev outbox page.
  const outbox = await staffOutbox(harness);
  const code = await outbox.newest('guardian_consent_code', /(\d{5}-\d{5})/);
  assert.match(code, /^\d{5}-\d{5}$/);
  assert.ok(
    !((await outbox.page.locator('main').textContent()) ?? '').includes(form.guardianContact ?? ''),
    "the guardian's address is not on the page",
  );
  await harness.screenshot(outbox.page, 'staff-dev-outbox');

  const guardian = (await harness.newPage()).page;
  await guardian.goto('/signup/guardian');
  assert.deepEqual(await unlabelledControls(guardian), []);
  await guardian.fill('#code', code);
  await guardian.click('main form button[type=submit]');
  await guardian.getByText('동의를 확인했습니다').waitFor();

  await signIn(page, form.loginId ?? '', form.password ?? '');
  await page.waitForURL('**/me');
  assert.match((await page.locator('#my-items').textContent()) ?? '', /박하준/);

  // The guardian comes back: asks for access by the child's login ID, reads the code, deletes.
  await guardian.goto('/guardian');
  assert.deepEqual(await unlabelledControls(guardian), []);
  await guardian.fill('#loginId', form.loginId ?? '');
  await guardian.click('form[action="/guardian"] button[type=submit]');
  await guardian.getByText('확인 코드를 보냈습니다').waitFor();
  const accessCode = await outbox.newest('guardian_access_code', /코드는 (\d{5}-\d{5})/);
  assert.match(accessCode, /^\d{5}-\d{5}$/);
  await guardian.fill('#code', accessCode);
  await guardian.click('form[action="/guardian/verify"] button[type=submit]');
  await guardian.waitForURL('**/guardian/child');
  assert.match((await guardian.locator('main').textContent()) ?? '', /박하준/);
  assert.deepEqual(await unlabelledControls(guardian), []);
  await harness.screenshot(guardian, 'guardian-child');

  await guardian.check('#confirm');
  await guardian.click('form[action="/guardian/child/delete"] button[type=submit]');
  await guardian.getByText('자녀의 회원정보를 파기했습니다').first().waitFor();

  await signIn(page, form.loginId ?? '', form.password ?? '');
  await page.getByText('아이디 또는 비밀번호가 맞지 않습니다').waitFor();
});

test('keyboard only: sign-up with Tab, typing, arrows, Space and Enter; no click', {
  skip,
}, async () => {
  if (!harness) return;
  const form = adultForm({ name: '오하늘' });
  const { page } = await harness.newPage();
  await page.goto('/signup');

  /** Tab forward until the element is focused, as a keyboard user moves through the page. */
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await hasFocus(page, selector)) return;
    }
    assert.fail(`Tab never reached ${selector}`);
  };
  /** A closed select changes its value with the arrow keys, without opening. */
  const choose = async (id: string, value: string) => {
    await tabTo(`#${id}`);
    for (let i = 0; i < 60; i++) {
      if ((await page.inputValue(`#${id}`)) === value) return;
      await page.keyboard.press('ArrowDown');
    }
    assert.fail(`${id} never reached ${value}`);
  };

  await tabTo('#name');
  await page.keyboard.type(form.name ?? '');
  await tabTo('#birthDate');
  // Chromium lays the date field out in its own UI locale, which headless keeps at en-US: month, day, year.
  await page.keyboard.type('04011990');
  assert.equal(await page.inputValue('#birthDate'), '1990-04-01');
  await choose('sex', form.sex ?? '');
  await choose('referralSource', form.referralSource ?? '');
  await choose('district', form.district ?? '');
  for (const id of ['loginId', 'password', 'phone', 'email']) {
    await tabTo(`#${id}`);
    await page.keyboard.type(form[id] ?? '');
  }
  await tabTo('#agreeRequired');
  await page.keyboard.press('Space');
  await tabTo('main form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.getByText('가입이 완료되었습니다').waitFor();
});
