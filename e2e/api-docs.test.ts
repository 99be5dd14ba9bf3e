/**
 * /api/docs in Chromium: Swagger UI renders every operation under the CSP it is sent with, and
 * the browser reports no blocked script, style or request.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import { launchBrowser, listenLocally, type E2eBrowser } from './support.js';

let t: TestApp;
let chrome: E2eBrowser;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp();
  baseUrl = await listenLocally(t.app);
  chrome = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await chrome?.close();
  await t?.close();
});

it('renders the API docs with no Content-Security-Policy violation', async () => {
  const page = await chrome.browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  const response = await page.goto(`${baseUrl}/api/docs`);
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await page.waitForSelector('.opblock');
  expect(await page.locator('.title').first().textContent()).toContain('Shortlist API');
  expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
  expect(problems).toEqual([]);
  await page.close();
});
