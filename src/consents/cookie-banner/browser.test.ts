import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSkip, openBrowserHarness, phone, prominence } from '../../../test/browser.ts';
import { analyticsCookie, choiceCookie } from './state.ts';

const harness = await openBrowserHarness();
const skip = browserSkip;
const necessaryCookies = new Set([choiceCookie, 'jikim_member', '__Host-jikim_member']);

test('reject: one click, like accept, and no optional cookie is stored', { skip }, async () => {
  if (!harness) return;
  const { context, page } = await harness.newPage();
  await page.goto('/');
  assert.deepEqual(await context.cookies(), [], 'nothing stored before a choice');

  const banner = page.locator('.cookie-banner');
  const accept = banner.getByRole('button', { name: '모두 허용' });
  const reject = banner.getByRole('button', { name: '모두 거부' });
  assert.equal(await prominence(reject), await prominence(accept), 'same prominence');
  const [acceptBox, rejectBox] = [await accept.boundingBox(), await reject.boundingBox()];
  assert.equal(rejectBox?.height, acceptBox?.height);
  await harness.screenshot(page, 'cookie-banner-desktop');

  await reject.click();
  await page.waitForURL(`${harness.baseUrl}/`);
  assert.equal(await page.locator('.cookie-banner').count(), 0, 'the banner goes once chosen');
  for (const path of ['/privacy', '/notices', '/signup']) await page.goto(path);
  const names = (await context.cookies()).map((c) => c.name);
  assert.deepEqual(names, [choiceCookie]);
  assert.ok(names.every((name) => necessaryCookies.has(name)));
});

test('accept sets the analytics cookie; changing to reject in the footer settings removes it', {
  skip,
}, async () => {
  if (!harness) return;
  const { context, page } = await harness.newPage(phone);
  await page.goto('/notices');
  await harness.screenshot(page, 'cookie-banner-phone');
  await page.getByRole('button', { name: '모두 허용' }).click();
  assert.ok((await context.cookies()).some((c) => c.name === analyticsCookie));

  await page.locator('footer').getByRole('link', { name: '쿠키 설정' }).click();
  const analytics = page.getByLabel('이용 분석 쿠키');
  assert.equal(await analytics.isChecked(), true, 'the settings show the choice in force');
  assert.equal(await page.getByLabel('필수 쿠키').isDisabled(), true);
  await analytics.uncheck();
  await page.getByRole('button', { name: '선택 저장' }).click();
  await page.getByText('쿠키 선택을 저장했습니다').waitFor();
  await harness.screenshot(page, 'cookie-settings-phone');
  const names = (await context.cookies()).map((c) => c.name);
  assert.ok(!names.includes(analyticsCookie), 'the optional cookie is removed');
  assert.ok(names.every((name) => necessaryCookies.has(name)));
});
