/**
 * What the browser journeys share: the app listening on loopback over a real SQLite database in
 * memory with the demo directory (marked as demo, so the notice shows), Chromium from Debian via
 * playwright-core, a page per describe block, axe-core injected into pages, html-validate, and
 * screenshots in e2e/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutboxMailer } from '../src/adapters/outbox.mailer.js';
import type { Clock } from '../src/services/ports.js';
import type { Directory } from '../src/domain/directory/directory.js';
import { generateDemoDirectory } from '../src/domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../src/domain/directory/demo-postcodes.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import type { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { testConfig } from '../test/app.js';
import { findHtmlProblems } from '../test/web-app.js';
import { composeApp } from '../src/compose.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT_DIR = path.join(ROOT, 'e2e', 'screenshots');
const AXE_SOURCE = axe.source;

export interface E2eServer {
  app: FastifyInstance;
  db: Db;
  directory: Directory;
  enquiryStore: SqlEnquiryStore;
  baseUrl: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The directory served; the generated demo directory (marked as demo) when unset. */
  directory?: Directory;
  /** The time; the system clock when unset. */
  clock?: Clock;
  /** Accounts and saved interviews, their emails written as .eml files into this folder. */
  outboxDir?: string;
}

/** A free port on 127.0.0.1 (so the site's public address, used in emails, is known up front). */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The app on 127.0.0.1 (a free port) over SQLite in memory holding the demo directory. */
export async function startServer(options: ServerOptions = {}): Promise<E2eServer> {
  const db = openDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const directoryStore = new SqlDirectoryStore(db);
  const directory =
    options.directory ?? generateDemoDirectory({ outcodeForTown: demoOutcodeForTown });
  await directoryStore.replaceDirectory(directory, {
    demo: options.directory === undefined,
    changedAt: '2026-11-26T07:00:00.000Z',
  });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Accounts only when asked for (their emails go to outboxDir); no Email Agency (no mailer).
  const composed = await composeApp(
    testConfig('/nonexistent/shortlist-e2e', { PUBLIC_URL: baseUrl }),
    {
      db,
      ...(options.clock ? { clock: options.clock } : {}),
      deps: {
        logger: false,
        mailer: undefined,
        attachmentFiles: undefined,
        cookieSecret: 'e2e-cookie-secret-with-enough-length-0123456789',
      },
      accounts: options.outboxDir
        ? {
            mailer: new OutboxMailer(options.outboxDir),
            mailFrom: { name: 'Shortlist', address: 'accounts@shortlist.example' },
          }
        : null,
    },
  );
  const { app } = composed;
  const enquiryStore = composed.stores.enquiries;
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    db,
    directory,
    enquiryStore,
    baseUrl,
    close: async () => {
      await composed.close();
      await db.close();
    },
  };
}

export interface E2eBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless. chromium.launch gives every run a fresh, temporary profile
 * (user-data-dir) of its own and deletes it on close; it refuses a --user-data-dir argument.
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** A context that records every request leaving for another host (there must be none). */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  options: { javaScriptEnabled: boolean },
): Promise<{ context: BrowserContext; thirdParty: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScriptEnabled,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  // Fail fast, with the step that failed, rather than at the test's own time limit.
  context.setDefaultTimeout(15_000);
  const thirdParty: string[] = [];
  const origin = new URL(baseUrl).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) thirdParty.push(url);
  });
  return { context, thirdParty };
}

/** A page in a context of its own, and the requests it sent to other hosts. */
export interface BrowserTab {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly thirdParty: string[];
}

/**
 * For a describe block: a page in a context of its own (see newContext), opened before the
 * block's tests and closed after them; read its fields inside the tests. `target` is asked when
 * the block starts, after the file's server and browser have.
 */
export function useTab(
  target: () => { browser: Browser; baseUrl: string },
  options: { javaScriptEnabled: boolean },
): BrowserTab {
  let opened: BrowserTab | undefined;
  beforeAll(async () => {
    const { browser, baseUrl } = target();
    const { context, thirdParty } = await newContext(browser, baseUrl, options);
    opened = { context, thirdParty, page: await context.newPage() };
  });
  afterAll(() => opened?.context.close());
  const current = (): BrowserTab => {
    if (!opened) throw new Error('A tab opens before the tests of its describe block');
    return opened;
  };
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get thirdParty() {
      return current().thirdParty;
    },
  };
}

/** Clicks what starts a download; the file's suggested name and its text. */
export async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The VEVENTs of an iCalendar document, parsed with ical.js. */
export function parseEvents(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
}

/** The closing test of a tab's describe block: nothing the tab loaded came from another host. */
export function itMadeNoThirdPartyRequest(tab: BrowserTab): void {
  it('made no request to any other site', () => {
    expect(tab.thirdParty).toEqual([]);
  });
}

/** Starts `app` on a free port of 127.0.0.1; the base URL it answers on. */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core (WCAG 2.x A and AA and best practices) on the page; returns the violations. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Injected as a script body so it runs even with JavaScript off for the page's own scripts
  // (page.evaluate is not page script).
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

/**
 * axe-core for a page whose context has JavaScript off. axe runs asynchronously (timers), which
 * never fire in such a page, so the page's DOM is checked in a JavaScript-enabled twin: the same
 * URL answered with the same HTML (the site's own script left out), the same stylesheet.
 */
async function runAxeWithoutJavaScript(browser: Browser, page: Page): Promise<AxeViolation[]> {
  const html = await page.content();
  const url = page.url();
  const viewport = page.viewportSize();
  const twin = await browser.newContext({
    javaScriptEnabled: true,
    ...(viewport ? { viewport } : {}),
  });
  try {
    await twin.route(/\/assets\/site\.js/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
    );
    await twin.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    const copy = await twin.newPage();
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await twin.close();
  }
}

/** Readable text for an assertion message. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.html.slice(0, 160)}`).join('\n')}`,
    )
    .join('\n');
}

/** Saves a full-page screenshot as e2e/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * Expects no axe-core violations on the page (checked in a JavaScript-enabled twin when NAME
 * starts with `nojs-`, the prefix of pages whose context has JavaScript off).
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser');
  const violations = name.startsWith('nojs-')
    ? await runAxeWithoutJavaScript(browser, page)
    : await runAxe(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Checks the page (axe-core; the document against the HTML standard), then saves its screenshot. */
export async function visitCheck(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  expect(await findHtmlProblems(await page.content()), name).toEqual([]);
  await screenshot(page, name);
}

/** The page's h1, trimmed. */
export async function heading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

/**
 * Clicks, waits for the page the click leads to (a form post may stay at the same URL), and
 * checks that it is at `url`.
 */
export async function clickTo(page: Page, url: RegExp, click: () => Promise<void>): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    click(),
  ]);
  await page.waitForLoadState('load');
  expect(page.url()).toMatch(url);
}
