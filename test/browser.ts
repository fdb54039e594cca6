import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import type { System } from '../src/system.ts';
import { openTestSystem } from './system.ts';

/** Debian's Chromium (CI installs it with apt); no browser is ever downloaded. */
const chromiumPath = process.env.JIKIM_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const screenshotDir = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/**
 * Browser checks drive pages, not the database, so they run once, on PGlite;
 * the PostgreSQL pass of the suite skips them.
 */
export const browserSkip =
  process.env.JIKIM_TEST_ENGINE === 'postgres'
    ? 'browser checks run on the PGlite pass only'
    : false;

export interface BrowserHarness {
  system: System;
  baseUrl: string;
  browser: Browser;
  /** A fresh context (its own cookies) and page; closed when the test file ends. */
  newPage(viewport?: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page }>;
  /** A full-page PNG into test-output/screenshots, for a person to look at. */
  screenshot(page: Page, name: string): Promise<string>;
}

/**
 * The real app over HTTP on a random port, on a fresh database, and headless
 * Chromium; undefined on the PostgreSQL pass (see browserSkip).
 */
export async function openBrowserHarness(): Promise<BrowserHarness | undefined> {
  if (browserSkip) return undefined;
  const system = await openTestSystem();
  const server = serve({ fetch: system.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  after(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    system,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(viewport = desktop) {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        viewport,
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
      });
      // A page that fails does so in seconds, not after Playwright's default 30.
      context.setDefaultTimeout(8_000);
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
    async screenshot(page, name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

// Code that runs inside the page is written as text: the project's types know Node, not the DOM.

/** Form controls a person fills in that no label names: the check for "every field has a label". */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden')
    .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label'))
    .map((el) => el.name || el.id || el.outerHTML)`);
}

/** Whether keyboard focus is on the element the selector names. */
export function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
}

/** How many pixels the page is wider than the window (a sideways scroll on a phone). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/** What makes a button stand out, to compare two of them. */
export function prominence(locator: Locator): Promise<string> {
  return locator.evaluate(`(el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.padding, s.borderRadius].join();
  }`);
}
