import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestSystem } from '../../../test/system.ts';
import { StaffClient } from '../../access/testing/staff-client.ts';
import { latestCookieChoice } from '../cookies.ts';
import { analyticsCookie, choiceCookie } from './state.ts';

const system = await openTestSystem();
const db = system.handle.db;
const visitor = () => new StaffClient(system.app);
const banner = /class="cookie-banner"/;

test('before a choice: no cookie at all, and every public page shows the banner with the declared purpose', async () => {
  const browser = visitor();
  for (const path of ['/', '/privacy', '/notices', '/signup', '/login']) {
    const page = await browser.get(path);
    assert.equal(page.status, 200, path);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=UTF-8');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.deepEqual(page.headers.getSetCookie(), [], `${path} sets no cookie before a choice`);
    const html = await page.text();
    assert.match(html, banner, path);
    assert.match(html, /이용자 규모 등을 파악하여/, 'the purpose from the declaration');
    assert.match(html, /name="choice" value="all"/);
    assert.match(html, /name="choice" value="necessary"/);
  }
});

test('reject: recorded under the policy in force, no optional cookie, no banner afterwards', async () => {
  const browser = visitor();
  const rejected = await browser.post('/cookies', { choice: 'necessary', return: '/notices' });
  assert.equal(rejected.status, 303);
  assert.equal(rejected.headers.get('location'), '/notices');
  assert.deepEqual([...browser.cookies.keys()], [choiceCookie]);
  const visitorId = browser.cookies.get(choiceCookie) ?? '';
  const recorded = await latestCookieChoice(db, visitorId);
  assert.deepEqual(recorded?.categories, { necessary: true, analytics: false });
  const inForce = await system.publisher.inForce(system.clock.now());
  assert.equal(recorded?.policyVersionId, inForce.id);
  assert.doesNotMatch(await (await browser.get('/')).text(), banner);
});

test('accept sets the analytics cookie; a later reject removes it; the choice can be changed in settings', async () => {
  const browser = visitor();
  await browser.post('/cookies', { choice: 'all', return: '/' });
  assert.ok(browser.cookies.has(analyticsCookie));
  const settings = await (await browser.get('/cookies')).text();
  assert.match(settings, /id="cookie-analytics"[^>]*checked/);

  const saved = await browser.post('/cookies', { choice: 'custom', from: 'settings', return: '/' });
  assert.match(saved.headers.get('location') ?? '', /^\/cookies\?saved=1/);
  assert.ok(!browser.cookies.has(analyticsCookie), 'unticked analytics: the cookie is deleted');
  const visitorId = browser.cookies.get(choiceCookie) ?? '';
  assert.equal((await latestCookieChoice(db, visitorId))?.categories.analytics, false);
});

test('an analytics cookie without a consent behind it is deleted on the next response', async () => {
  const browser = visitor();
  browser.cookies.set(analyticsCookie, 'planted');
  const page = await browser.get('/healthz');
  assert.ok(page.headers.getSetCookie().some((h) => h.startsWith(`${analyticsCookie}=;`)));
  assert.ok(!browser.cookies.has(analyticsCookie));
});

test('the banner form only returns to a page of this site', async () => {
  const away = await visitor().post('/cookies', { choice: 'necessary', return: '//evil.example' });
  assert.equal(away.headers.get('location'), '/');
  const foreign = await visitor().post(
    '/cookies',
    { choice: 'all' },
    { origin: 'https://evil.example' },
  );
  assert.equal(foreign.status, 403);
});
