/**
 * The website in real Chromium, with and without JavaScript: search with errors -> fix ->
 * results -> change a field -> refine -> profile -> favourites -> compare -> CSV; phone reveals
 * with and without a company name; axe-core on every page; no request to any other site.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  itMadeNoThirdPartyRequest,
  launchBrowser,
  screenshot,
  startServer,
  useTab,
  visitCheck,
  type E2eBrowser,
  type E2eServer,
} from './support.js';

const BUTTON = /^Search \d+(\+)? Agencies$/;
const CHANGED =
  /^You have changed your query\. Press "Search \d+(\+)? Agencies" when your new query is ready\.$/;
const MESSAGES = [
  'You must select an industry from the list',
  'You must select a status from the list',
  'You must enter a location',
];

let server: E2eServer;
let chrome: E2eBrowser;

beforeAll(async () => {
  [server, chrome] = await Promise.all([startServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

const target = () => ({ browser: chrome.browser, baseUrl: server.baseUrl });

async function reveals(kind: 'phone' | 'website') {
  return server.db.kysely
    .selectFrom('reveals')
    .select(['listing_slug', 'branch_id', 'company_name'])
    .where('kind', '=', kind)
    .execute();
}

async function downloadCsv(page: Page, linkName: RegExp | string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).first().click(),
  ]);
  expect(download.suggestedFilename()).toBe('shortlist-favourites.csv');
  return readFileSync(await download.path(), 'utf8');
}

async function revealPhone(page: Page, prefix: string, slug: string, companyName: string | null) {
  const before = (await reveals('phone')).length;
  await page
    .getByRole('link', { name: /^Phone Number/ })
    .first()
    .click();
  await page.waitForURL(/\/phone\?branch=/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Phone /);
  await expect.poll(() => page.getByLabel('Company name (optional)').count()).toBe(1);
  await visitCheck(page, `${prefix}-phone-step`);
  if (companyName === null) {
    await page.getByRole('button', { name: 'Skip and show the number' }).click();
  } else {
    await page.getByLabel('Company name (optional)').fill(companyName);
    await page.getByRole('button', { name: 'Show the number', exact: true }).click();
  }
  await page.waitForSelector('[data-phone-numbers] a[href^="tel:"]');
  const number = await page.locator('[data-phone-numbers] a[href^="tel:"]').first().textContent();
  expect(number).toMatch(/^0\d{2,4} ?\d{3,4} ?\d{3,4}$/);
  await visitCheck(page, `${prefix}-phone-number${companyName === null ? '-skipped' : ''}`);
  const after = await reveals('phone');
  expect(after.length).toBe(before + 1);
  expect(after.at(-1)).toMatchObject({ listing_slug: slug, company_name: companyName });
}

describe('with JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: true });

  it('searches, fixes errors before the request, refines, and keeps a shortlist', async () => {
    const { page } = tab;
    await page.goto('/');
    await visitCheck(page, 'js-home');
    const button = page.locator('[data-search-button]');
    expect(await button.textContent()).toMatch(BUTTON);
    // The skip link is the first stop for the keyboard, with a visible focus style.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ text: string; background: string }>(
      '({ text: document.activeElement.textContent, background: getComputedStyle(document.activeElement).backgroundColor })',
    );
    expect(focused.text).toBe('Skip to main content');
    expect(focused.background).toBe('rgb(255, 191, 71)');

    // "Do a Search" leads to the form.
    await page.getByRole('link', { name: 'Do a Search' }).click();
    expect(page.url()).toMatch(/#search$/);

    // Submit with everything missing: checked before the request, every message at once.
    await button.click();
    await page.waitForSelector('[data-error-summary]');
    expect(new URL(page.url()).pathname).toBe('/');
    for (const message of MESSAGES) {
      await expect.poll(() => page.getByText(message, { exact: false }).count()).toBe(2);
    }
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'industry',
    );
    expect(await page.getAttribute('#location', 'aria-invalid')).toBe('true');
    await visitCheck(page, 'js-home-errors');

    // Sub-sectors follow the industry.
    await page.selectOption('#industry', 'driving');
    const groups = await page
      .locator('#subsector optgroup')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-industry')));
    expect(groups).toEqual(['driving']);
    await page.selectOption('#purpose', 'job');

    // Places are suggested while typing.
    await page.locator('#location').pressSequentially('Leed', { delay: 30 });
    await expect
      .poll(() =>
        page
          .locator('#location-places option')
          .evaluateAll((els) => els.map((e) => e.getAttribute('value'))),
      )
      .toContain('Leeds, West Yorkshire');
    await page.locator('#location').fill('Leeds, West Yorkshire');
    await page.getByLabel('Permanent').check();
    await Promise.all([page.waitForURL(/\/search\?/), button.click()]);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toMatch(/^\d+ Recruitment Agencies Found$/);
    expect(await page.locator('#order option').allTextContents()).toEqual([
      'Agencies who cover this location',
      'Specialists (Location not important)',
    ]);
    await visitCheck(page, 'js-results');

    // Changing any field says so, with the live number.
    const notice = page.locator('[data-changed-notice]');
    expect(await notice.textContent()).toBe('');
    await page.locator('#search').getByLabel('Temporary').check();
    await expect.poll(() => notice.textContent()).toMatch(CHANGED);
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'js-results-changed');

    // Refine to a local sub-sector: nearest is offered and preselected.
    await page.selectOption('#refine-subsector', 'driving/lgv');
    await page.fill('#refine-radius', '40');
    await Promise.all([
      page.waitForURL(/subsector=driving%2Flgv/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    expect(await page.locator('#order option').allTextContents()).toEqual([
      'Agencies who cover this location',
      'Agencies nearest to your location',
    ]);
    expect(await page.locator('#order').inputValue()).toBe('nearest');
    await visitCheck(page, 'js-results-refined');
    const resultsUrl = page.url();

    // Profile, with its map.
    const firstName = (await page.locator('.agency-card h2 a').first().textContent())!;
    await page.locator('.agency-card h2 a').first().click();
    await page.waitForURL(/\/agencies\//);
    const slug = new URL(page.url()).pathname.split('/')[2]!;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(firstName);
    expect(await page.locator('svg.map title').first().textContent()).toMatch(/^Map of /);
    await visitCheck(page, 'js-profile');

    // Favourites: add from the profile and from the results.
    await page.getByRole('button', { name: /^Add to favourites/ }).click();
    await page.waitForSelector('text=Remove from favourites');
    await page.goto(resultsUrl);
    const second = page.locator('.agency-card').nth(1);
    await second.getByRole('button', { name: /^Add to favourites/ }).click();
    await second.getByRole('button', { name: /^Remove from favourites/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/search');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Favourites' })
      .click();
    expect(await page.locator('.card-list > li').count()).toBe(2);
    await visitCheck(page, 'js-favourites');
    await page.getByRole('link', { name: 'Compare side by side' }).click();
    expect(await page.locator('table thead th').count()).toBe(2);
    await visitCheck(page, 'js-compare');
    const csv = await downloadCsv(page, 'Download as CSV');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      'Agency,Brand,Profile,Verified,Industries,Employment types,Works with,Coverage,Offices,Listed since',
    );
    expect(csv).toContain(firstName);

    // Phone reveals, with and without a company name, recorded each time.
    await page.goto(`/agencies/${slug}`);
    await revealPhone(page, 'js', slug, 'Widgets Ltd');
    await page.goto(`/agencies/${slug}`);
    await revealPhone(page, 'js', slug, null);
    // A job seeker is not asked for a company name: one click shows the number, still counted.
    const counted = (await reveals('phone')).length;
    await page.goto(`/agencies/${slug}?purpose=job`);
    await page
      .getByRole('button', { name: /^Phone Number/ })
      .first()
      .click();
    await page.waitForSelector('[data-phone-numbers] a[href^="tel:"]');
    expect(await page.getByLabel('Company name (optional)').count()).toBe(0);
    expect((await reveals('phone')).length).toBe(counted + 1);

    // Visit Website: recorded, then a 302 to the agency's site. Playwright cannot route a
    // redirect's target, so the form's own request is passed to the server here and its answer
    // checked, and the browser is shown a stand-in page instead of leaving for the site.
    const listing = server.directory.brands
      .flatMap((b) => b.listings)
      .find((l) => l.slug === slug)!;
    const redirects: { status: number; location: string | undefined }[] = [];
    await page.route(/\/website$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const answer = await route.fetch({ maxRedirects: 0 });
      redirects.push({ status: answer.status(), location: answer.headers().location });
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Agency site</title>',
      });
    });
    await page.goto(`/agencies/${slug}`);
    await page.getByRole('link', { name: 'Visit Website' }).click();
    await visitCheck(page, 'js-website-step');
    await page.getByRole('button', { name: 'Skip and go to the website' }).click();
    await expect.poll(() => redirects).toEqual([{ status: 302, location: listing.website }]);
    expect((await reveals('website')).at(-1)).toMatchObject({
      listing_slug: slug,
      company_name: null,
    });
    await page.unroute(/\/website$/);
  }, 180_000);

  it('has accessible content pages and HTML error pages', async () => {
    const { page } = tab;
    for (const [url, name] of [
      ['/about', 'js-about'],
      ['/advice/interview-follow-up', 'js-advice'],
      ['/privacy', 'js-privacy'],
      ['/terms', 'js-terms'],
      ['/contact', 'js-contact'],
      ['/no-such-page', 'js-404'],
    ] as const) {
      await page.goto(url);
      await visitCheck(page, name);
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByText('Demo data: every agency listed here is fictional.').count()).toBe(
      1,
    );
  }, 60_000);

  it('fits a 360px screen', async () => {
    const { context } = tab;
    const small = await context.newPage();
    await small.setViewportSize({ width: 360, height: 780 });
    await small.goto('/search?industry=driving&purpose=job&location=Leeds');
    const overflow = await small.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(small, 'js-results-360', false);
    await small.close();
  });

  itMadeNoThirdPartyRequest(tab);
});

describe('without JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: false });

  it('does the same journey with server-side validation and plain forms', async () => {
    const { page, thirdParty } = tab;
    await page.goto('/');
    // Every industry's sub-sectors are listed, grouped.
    expect(await page.locator('#subsector optgroup').count()).toBeGreaterThan(50);
    await Promise.all([
      page.waitForURL(/\/search\?/),
      page.locator('[data-search-button]').click(),
    ]);
    for (const message of MESSAGES) {
      expect(await page.getByText(message).count()).toBe(2);
    }
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'industry',
    );
    await visitCheck(page, 'nojs-errors');

    // Fix two fields, and give an ambiguous place: its suggestions complete the search.
    await page.selectOption('#industry', 'driving');
    await page.selectOption('#subsector', 'driving/lgv');
    await page.selectOption('#purpose', 'job');
    await page.fill('#location', 'Richmond');
    await Promise.all([
      page.waitForURL(/location=Richmond/),
      page.locator('[data-search-button]').click(),
    ]);
    expect(await page.inputValue('#location')).toBe('Richmond');
    expect(await page.locator('#industry').inputValue()).toBe('driving');
    await visitCheck(page, 'nojs-ambiguous');
    await Promise.all([
      page.waitForURL(/Yorkshire/),
      page.getByRole('link', { name: 'Richmond, North Yorkshire', exact: true }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /Recruitment Agenc(y|ies) Found$/,
    );
    expect(await page.locator('#order').inputValue()).toBe('nearest');
    // The notice needs JavaScript: without it, it stays empty.
    await page.locator('#search').getByLabel('Contract').check();
    expect(await page.locator('[data-changed-notice]').textContent()).toBe('');
    await visitCheck(page, 'nojs-results');

    // Order and refine are plain forms.
    await Promise.all([
      page.waitForURL(/order=covers/),
      (async () => {
        await page.selectOption('#order', 'covers');
        await page.getByRole('button', { name: 'Sort results' }).click();
      })(),
    ]);
    await page.locator('#refine-type-permanent').check();
    await Promise.all([
      page.waitForURL(/employmentType=permanent/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    const resultsUrl = page.url();

    // "Show more offices" works without JavaScript.
    const details = page.locator('.agency-card details').first();
    if ((await details.count()) > 0) {
      await details.locator('summary').click();
      expect(await details.getAttribute('open')).toBe('');
    }

    // Profile, favourites by POST forms, compare, CSV.
    await page.locator('.agency-card h2 a').first().click();
    await page.waitForURL(/\/agencies\//);
    const slug = new URL(page.url()).pathname.split('/')[2]!;
    await visitCheck(page, 'nojs-profile');
    await Promise.all([
      page.waitForURL(/\/agencies\//),
      page.getByRole('button', { name: /^Add to favourites/ }).click(),
    ]);
    expect(await page.getByRole('button', { name: /^Remove from favourites/ }).count()).toBe(1);
    await page.goto(resultsUrl);
    await page.goto('/favourites');
    expect(await page.locator('.card-list > li').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Print this list' }).count()).toBe(0); // needs JS
    await visitCheck(page, 'nojs-favourites');
    await page.getByRole('link', { name: 'Compare side by side' }).click();
    await visitCheck(page, 'nojs-compare');
    const csv = await downloadCsv(page, 'Download as CSV');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(2);

    // Remove again.
    await page.goto('/favourites');
    await Promise.all([
      page.waitForURL(/\/favourites$/),
      page.getByRole('button', { name: /^Remove from favourites/ }).click(),
    ]);
    expect(await page.getByText('No favourites yet').count()).toBe(1);

    // Phone reveals with and without a company name.
    await page.goto(`/agencies/${slug}`);
    await revealPhone(page, 'nojs', slug, 'Northern Widgets Ltd');
    await page.goto(`/agencies/${slug}`);
    await revealPhone(page, 'nojs', slug, null);

    expect(thirdParty).toEqual([]);
  }, 180_000);
});

describe('page weight', () => {
  it('keeps the results page, with its stylesheet and script, under 60 KB compressed', async () => {
    let total = 0;
    for (const url of [
      '/search?industry=driving&purpose=job&location=Leeds',
      '/assets/site.css',
      '/assets/site.js',
    ]) {
      const res = await server.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      total += res.rawPayload.length;
    }
    expect(total).toBeLessThan(60 * 1024);
  });
});
