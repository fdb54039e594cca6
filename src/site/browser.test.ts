import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserSkip,
  desktop,
  openBrowserHarness,
  phone,
  sidewaysOverflow,
  unlabelledControls,
} from '../../test/browser.ts';
import { adultForm } from '../members/testing/member-form.ts';

const harness = await openBrowserHarness();
const skip = browserSkip;
const pages = [
  '/',
  '/privacy',
  '/signup',
  '/login',
  '/login/reset',
  '/me',
  '/notices',
  '/staff/login',
];

/** A file name a person can find the page by: /staff/login → staff-login. */
const shotName = (path: string) => path.replace(/^\//, '').replaceAll('/', '-') || 'home';

test('the main pages at desktop and phone widths: screenshots, every field labelled, nothing wider than the screen', {
  skip,
}, async () => {
  if (!harness) return;
  for (const [width, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    const { context, page } = await harness.newPage(viewport);
    await page.goto('/');
    await harness.screenshot(page, `home-with-cookie-banner-${width}`);
    await page.getByRole('button', { name: '모두 거부' }).click();

    // A member, signed in through the same forms a person uses, so /me has something to show.
    const form = adultForm();
    const origin = { origin: harness.baseUrl };
    await context.request.post('/signup', { form, headers: origin });
    const signIn = { loginId: form.loginId ?? '', password: form.password ?? '' };
    await context.request.post('/login', { form: signIn, headers: origin, maxRedirects: 0 });

    for (const path of pages) {
      const response = await page.goto(path);
      assert.equal(response?.status(), 200, path);
      assert.deepEqual(await unlabelledControls(page), [], `${path}: every field has a label`);
      const overflow = await sidewaysOverflow(page);
      assert.ok(overflow <= 0, `${path} at ${width}: no sideways scrolling (${overflow}px)`);
      await harness.screenshot(page, `${shotName(path)}-${width}`);
    }
  }
});
