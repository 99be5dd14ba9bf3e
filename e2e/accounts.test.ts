/**
 * Accounts and saved interviews in real Chromium, with and without JavaScript: sign up -> add an
 * interview -> the plan -> edit a draft until the checker is happy -> the calendar (.ics, parsed
 * with ical.js) -> mark the thank-you sent -> no reply -> close; a password reset through the
 * outbox (the emailed .eml, parsed with mailparser); another user gets 404 for the interview by
 * URL and by API; sign out; delete the account (sign-in fails, the interview's URL is 404).
 * axe-core and html-validate on every page, screenshots in e2e/screenshots/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../test/enquiries.js';
import { buildBrand, buildDirectory, buildListing } from '../test/factories.js';
import {
  clickTo,
  download,
  heading,
  itMadeNoThirdPartyRequest,
  launchBrowser,
  newContext,
  parseEvents,
  startServer,
  useTab,
  visitCheck,
  type E2eBrowser,
  type E2eServer,
} from './support.js';

const PASSWORD = 'violet kettle harbour 42';
const NEW_PASSWORD = 'amber lantern meadow 77';
const HOUR = 3_600_000;
/** An hour after the interview (15:00 to 16:00 in London, 14:00 to 15:00 UTC). */
const clock = fixedClock('2026-10-15T16:00:00.000Z');

let server: E2eServer;
let chrome: E2eBrowser;
let outbox: string;

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'shortlist-e2e-outbox-'));
  const directory = buildDirectory([
    buildBrand({
      slug: 'acme',
      listings: [buildListing({ slug: 'acme-driving', name: 'Acme Driving' })],
    }),
  ]);
  [server, chrome] = await Promise.all([
    startServer({ directory, clock, outboxDir: outbox }),
    launchBrowser(),
  ]);
}, 60_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  if (outbox) rmSync(outbox, { recursive: true, force: true });
});

const target = () => ({ browser: chrome.browser, baseUrl: server.baseUrl });

async function signUp(page: Page, prefix: string, email: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('password');
  await clickTo(page, /\/signup/, () =>
    page.getByRole('button', { name: 'Create my account' }).click(),
  );
  // A short password is refused, with the message beside the field and in the summary.
  expect(await page.locator('[data-error-summary] li').count()).toBe(1);
  expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true');
  await visitCheck(page, `${prefix}-signup-errors`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await clickTo(page, /\/interviews$/, () =>
    page.getByRole('button', { name: 'Create my account' }).click(),
  );
  expect(await heading(page)).toBe('Your interviews');
}

/** Signs in on the sign-in page (the one the browser is on, when it is one). */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/signin') await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await clickTo(page, /./, () => page.getByRole('button', { name: 'Sign in' }).click());
}

/** Fills the new-interview form and saves it; lands on the plan. Returns the interview's id. */
async function addInterview(page: Page, prefix: string, role: string): Promise<string> {
  await clickTo(page, /\/interviews\/new$/, () =>
    page.getByRole('link', { name: 'Add an interview' }).first().click(),
  );
  expect(await heading(page)).toBe('Add an interview');
  await visitCheck(page, `${prefix}-interview-new`);
  await page.locator('#f-interview-startsAt').fill('2026-10-15T15:00');
  await page.locator('#f-interview-endsAt').fill('2026-10-15T16:00');
  await page.getByLabel('Employer', { exact: true }).fill('Brightwater Analytics Ltd');
  await page.getByLabel('Role you were interviewed for').fill(role);
  await page.getByLabel('Fast-moving').check();
  await page.getByLabel('Your name').fill('Sam Patel');
  await page.getByLabel('A free LinkedIn account').check();
  await page.locator('#f-interviewers-0-name').fill('Anna Clarke');
  await page.locator('#f-interviewers-0-email').fill('anna.clarke@brightwater.example');
  await page.locator('#f-interviewers-0-notes').fill('the move of the reporting stack to dbt');
  await page.locator('#f-decisionExpectedOn').fill('2026-10-22');
  await page
    .getByLabel('What you liked about the employer or the role')
    .fill('the weekly show-and-tell where analysts present their work to the board');
  await page
    .getByLabel('Why you would fit the role')
    .fill('three years building retail dashboards in SQL and Python');
  // The agency by its name as listed (its slug or its page's address would do too).
  await page.getByLabel('The agency that put you forward (optional)').fill('Acme Driving');
  await clickTo(page, /\/interviews\/[^/]+$/, () =>
    page.getByRole('button', { name: 'Save and plan' }).click(),
  );
  expect(await heading(page)).toBe(`${role} at Brightwater Analytics Ltd`);
  expect(await page.locator('.lede').textContent()).toContain('through Acme Driving');
  return new URL(page.url()).pathname.split('/')[2]!;
}

/** The card of the plan's step whose title starts with `title`. */
function stepCard(page: Page, title: string) {
  return page.locator('li.card', {
    has: page.getByRole('heading', { level: 3, name: title }),
  });
}

/**
 * The core journey on one page: sign up, add an interview, the plan, a draft edited until the
 * checker is happy, the calendar file, the thank-you marked sent, no reply, closed.
 */
async function coreJourney(page: Page, prefix: string, email: string): Promise<string> {
  clock.set('2026-10-15T16:00:00.000Z');
  await signUp(page, prefix, email);
  await visitCheck(page, `${prefix}-interviews-empty`);
  const id = await addInterview(page, prefix, 'Data Analyst');
  await visitCheck(page, `${prefix}-interview-plan`);

  // The thank-you email to Anna, with its suggested draft and no findings.
  const thanks = stepCard(page, 'Email a thank-you to Anna Clarke');
  expect(await thanks.count()).toBe(1);
  expect(await thanks.getByText('To do', { exact: true }).count()).toBe(1);
  const body = thanks.getByRole('textbox', { name: 'Suggested draft' });
  const suggested = await body.inputValue();
  expect(suggested).toContain('Anna');

  // A pushy edit: the checker says what is wrong.
  await body.fill('Hi,\n\nPlease call me ASAP with your decision.\n\nSam');
  await clickTo(page, /\/interviews\/[^/]+#step-\d+$/, () =>
    thanks.getByRole('button', { name: 'Save and check my draft' }).click(),
  );
  const edited = stepCard(page, 'Email a thank-you to Anna Clarke');
  const findings = edited.locator('.notice-warning li');
  expect(await findings.count()).toBeGreaterThan(1);
  expect(await findings.allTextContents()).toEqual(
    expect.arrayContaining([
      expect.stringContaining('Anna Clarke'),
      expect.stringContaining('ASAP'),
      expect.stringContaining('call me'),
    ]),
  );
  await visitCheck(page, `${prefix}-interview-plan-findings`);

  // Edited again, in their own words: the checker is happy.
  const mine = `${suggested}\n\nI enjoyed hearing about the show-and-tell too.`;
  await edited.getByRole('textbox', { name: 'Your draft' }).fill(mine);
  await clickTo(page, /#step-\d+$/, () =>
    edited.getByRole('button', { name: 'Save and check my draft' }).click(),
  );
  const happy = stepCard(page, 'Email a thank-you to Anna Clarke');
  expect(await happy.locator('.notice-warning').count()).toBe(0);
  expect(await happy.getByRole('textbox', { name: 'Your draft' }).inputValue()).toBe(mine);

  // The calendar: one event per step, the thank-you with the edited draft.
  const ics = await download(page, () =>
    page.getByRole('link', { name: 'Download the calendar (.ics)' }).click(),
  );
  expect(ics.name).toBe('follow-up-plan.ics');
  const events = parseEvents(ics.text);
  expect(events.length).toBeGreaterThan(1);
  const thanksEvent = events.find((e) => e.summary === 'Email a thank-you to Anna Clarke')!;
  expect(thanksEvent.description).toContain('show-and-tell too.');
  expect(thanksEvent.startDate.toJSDate().getTime()).toBeGreaterThan(clock.now().getTime());

  // The email itself, as an .eml file.
  const eml = await download(page, () =>
    happy.getByRole('link', { name: /Download the email/ }).click(),
  );
  const mail = await simpleParser(eml.text);
  expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('anna.clarke@brightwater');
  expect(mail.text).toContain('show-and-tell too.');

  // A last touch, then sent: "Mark done" keeps the edit typed just before it.
  const sent = `${mine}\n\nBest wishes for the launch.`;
  await happy.getByRole('textbox', { name: 'Your draft' }).fill(sent);
  await clickTo(page, /#step-\d+$/, () => happy.getByRole('button', { name: 'Mark done' }).click());
  const done = stepCard(page, 'Email a thank-you to Anna Clarke');
  expect(await done.getByText('Done', { exact: true }).count()).toBe(1);
  expect(await done.getByRole('textbox', { name: 'Your draft' }).inputValue()).toBe(sent);

  // The day after the check-in was due, no reply: the check-in went, then the application closes.
  // (Under 14 days since the last visit, so the session is still alive.)
  clock.set('2026-10-27T10:00:00.000Z');
  await page.goto('/interviews');
  await visitCheck(page, `${prefix}-interviews-overdue`);
  // The overdue check-in leads to its step on the plan.
  const overdue = page.locator('section[aria-labelledby="overdue"] li a');
  expect(await overdue.allTextContents()).toEqual([
    'Check in with Anna Clarke about the Data Analyst role',
  ]);
  await clickTo(page, new RegExp(`/interviews/${id}#`), () => overdue.click());
  expect(
    await page.evaluate<string | null>(
      '(() => { const t = document.querySelector(":target"); return t && t.closest("li.card").querySelector("h3").textContent; })()',
    ),
  ).toBe('Check in with Anna Clarke about the Data Analyst role');
  const checkIn = stepCard(page, 'Check in with Anna Clarke about the Data Analyst role');
  await clickTo(page, /#step-\d+$/, () =>
    checkIn.getByRole('button', { name: 'Mark done' }).click(),
  );
  await page.locator('#outcome').selectOption('no-reply');
  await clickTo(page, /\/interviews\/[^/#]+$/, () =>
    page.getByRole('button', { name: 'Save the outcome' }).click(),
  );
  const close = stepCard(page, 'No reply from Brightwater Analytics Ltd? Close the application');
  expect(await close.getByText('Done', { exact: true }).count()).toBe(1);
  expect(await page.locator('.lede').textContent()).toContain('No reply');
  await visitCheck(page, `${prefix}-interview-closed`);
  await page.goto('/interviews');
  expect(await page.getByText('Nothing left to do').count()).toBe(1);
  await visitCheck(page, `${prefix}-interviews-closed`);
  return id;
}

/** The newest email in the outbox folder, parsed (requests only queue: it may still be on its way). */
async function lastEmail() {
  const emails = () => readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  for (let waited = 0; emails().length === 0 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const files = emails().sort();
  expect(files.length).toBeGreaterThan(0);
  return simpleParser(readFileSync(path.join(outbox, files.at(-1)!)));
}

async function createApiToken(page: Page, name: string): Promise<string> {
  await page.goto('/account');
  await page.getByLabel('Name of a new token').fill(name);
  // Post/Redirect/Get: the new token is shown once on /account itself.
  await clickTo(page, /\/account$/, () =>
    page.getByRole('button', { name: 'Create a token' }).click(),
  );
  const token = (await page.locator('.notice-info code').textContent())!.trim();
  expect(token).toMatch(/^sl_/);
  return token;
}

/**
 * Plans an interview on /follow-up without an account, saves it, creates an account through the
 * sign-in page's "Create one", and finds the interview in the new account.
 */
async function saveThroughSignUp(page: Page, prefix: string, email: string): Promise<void> {
  await page.goto('/follow-up');
  await page.locator('#f-interview-startsAt').fill('2026-10-15T15:00');
  await page.locator('#f-interview-endsAt').fill('2026-10-15T16:00');
  await page.getByLabel('Employer', { exact: true }).fill('Hargreaves & Pollard LLP');
  await page.getByLabel('Role you were interviewed for').fill('Payroll Officer');
  await page.getByLabel('Fast-moving').check();
  await page.getByLabel('Your name').fill('Seán D’Arcy');
  await page.getByLabel('A free LinkedIn account').check();
  await page.locator('#f-interviewers-0-name').fill('Margaret Hale');
  await page.locator('#f-interviewers-0-email').fill('margaret.hale@hargreaves.example');
  await page.locator('#f-interviewers-0-notes').fill('the move to a new payroll system in April');
  await page.locator('#f-decisionExpectedOn').fill('2026-10-22');
  await page
    .getByLabel('What you liked about the employer or the role')
    .fill('the monthly surgery where payroll answers staff questions in person');
  await page
    .getByLabel('Why you would fit the role')
    .fill('four years running a 600-person monthly payroll');
  await clickTo(page, /\/follow-up$/, () =>
    page.getByRole('button', { name: 'Make my plan' }).click(),
  );
  await clickTo(page, /\/signin/, () =>
    page.getByRole('button', { name: 'Save this interview to your account' }).click(),
  );
  await clickTo(page, /\/signup\?next=/, () =>
    page.getByRole('link', { name: 'Create one' }).click(),
  );
  await visitCheck(page, `${prefix}-signup-to-save`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await clickTo(page, /\/interviews\/[^/]+$/, () =>
    page.getByRole('button', { name: 'Create my account' }).click(),
  );
  expect(await heading(page)).toBe('Payroll Officer at Hargreaves & Pollard LLP');
  await page.goto('/interviews');
  expect(await page.getByText('No interviews yet').count()).toBe(0);
  expect(await page.getByText('Hargreaves & Pollard LLP').count()).toBeGreaterThan(0);
}

describe('with JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: true });
  let interviewId = '';
  let samToken = '';

  it('signs up, plans an interview, gets a draft right, downloads, marks sent and closes', async () => {
    const { page } = tab;
    interviewId = await coreJourney(page, 'js', 'sam@example.com');
    await page.goto('/account');
    await visitCheck(page, 'js-account');
    samToken = await createApiToken(page, 'My spreadsheet');
    await visitCheck(page, 'js-account-token');
    // Reloading neither shows the token again nor makes a second one.
    await page.reload();
    expect(await page.locator('.notice-info code').count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'My spreadsheet', exact: true }).count()).toBe(1);
  }, 30_000);

  it('resets a forgotten password through the emailed link', async () => {
    const { page } = tab;
    clock.advance(HOUR);
    const { context: other } = await newContext(chrome.browser, server.baseUrl, {
      javaScriptEnabled: true,
    });
    const reset = await other.newPage();
    await reset.goto('/signin');
    await clickTo(reset, /\/forgot-password$/, () =>
      reset.getByRole('link', { name: 'Forgotten your password?' }).click(),
    );
    await visitCheck(reset, 'js-forgot-password');
    await reset.getByLabel('Email address').fill('sam@example.com');
    await clickTo(reset, /\/forgot-password$/, () =>
      reset.getByRole('button', { name: 'Email me a link' }).click(),
    );
    expect(await reset.getByRole('status').textContent()).toContain('we have sent it a link');
    await visitCheck(reset, 'js-forgot-password-sent');

    const mail = await lastEmail();
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('sam@example.com');
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text ?? '')?.[0];
    expect(link?.startsWith(`${server.baseUrl}/reset-password?token=`), mail.text).toBe(true);
    await reset.goto(link!);
    expect(await heading(reset)).toBe('Choose a new password');
    await visitCheck(reset, 'js-reset-password');
    await reset.getByLabel('New password').fill(NEW_PASSWORD);
    await clickTo(reset, /\/account\?done=reset$/, () =>
      reset.getByRole('button', { name: 'Set my new password' }).click(),
    );
    expect(await reset.getByRole('status').textContent()).toContain(
      'Your password is changed. You are signed out everywhere else, and your API tokens and calendar feed no longer work: make new ones below if you need them.',
    );

    // The link works once: used, it says so at once and offers a new one (no form to fill in).
    const used = await reset.goto(link!);
    expect(used?.status()).toBe(400);
    expect(await reset.locator('[data-error-summary]').textContent()).toContain(
      'This reset link has expired or has already been used',
    );
    expect(await reset.getByLabel('New password').count()).toBe(0);
    expect(await reset.getByRole('link', { name: 'Ask for a new link' }).count()).toBe(1);
    await visitCheck(reset, 'js-reset-password-used');
    await other.close();

    // Every other session ended: this browser signs in again, with the new password only.
    await page.goto('/interviews');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await signIn(page, 'sam@example.com', PASSWORD);
    expect(await page.locator('[data-error-summary]').count()).toBe(1);
    await visitCheck(page, 'js-signin-errors');
    await signIn(page, 'sam@example.com', NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/interviews');

    // The token made before the reset no longer works; a new one does.
    const me = (token: string) =>
      page.request.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me(samToken)).status()).toBe(401);
    samToken = await createApiToken(page, 'My spreadsheet, again');
    expect((await me(samToken)).status()).toBe(200);
  }, 30_000);

  it('keeps an interview from another user, by URL and by API (404, never the content)', async () => {
    const { page } = tab;
    const { context: other } = await newContext(chrome.browser, server.baseUrl, {
      javaScriptEnabled: true,
    });
    const alex = await other.newPage();
    await alex.goto('/signup');
    await alex.getByLabel('Email address').fill('alex@example.com');
    await alex.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await clickTo(alex, /\/interviews$/, () =>
      alex.getByRole('button', { name: 'Create my account' }).click(),
    );
    const alexToken = await createApiToken(alex, 'Alex script');
    for (const url of [`/interviews/${interviewId}`, `/interviews/${interviewId}/edit`]) {
      const response = await alex.goto(url);
      expect(response?.status(), url).toBe(404);
      expect(await heading(alex)).toBe('Page not found');
      expect(await alex.content()).not.toContain('Brightwater');
    }
    await visitCheck(alex, 'js-interview-not-yours');
    const csrf = (await (await alex.request.get('/api/auth/csrf')).json()) as { token: string };
    const attempts = [
      () => alex.request.get(`/api/interviews/${interviewId}`),
      () => alex.request.get(`/api/interviews/${interviewId}/plan`),
      () => alex.request.get(`/api/interviews/${interviewId}/plan.ics`),
      () =>
        alex.request.get(`/api/interviews/${interviewId}/steps/anna-clarke:thank-you:email.eml`),
      () =>
        alex.request.get(`/api/interviews/${interviewId}/plan`, {
          headers: { authorization: `Bearer ${alexToken}` },
        }),
      () =>
        alex.request.patch(`/api/interviews/${interviewId}`, {
          headers: { 'x-csrf-token': csrf.token },
          data: { outcome: 'offer' },
        }),
      () =>
        alex.request.delete(`/api/interviews/${interviewId}`, {
          headers: { authorization: `Bearer ${alexToken}` },
        }),
      () =>
        alex.request.post(`/interviews/${interviewId}/delete`, {
          form: { _csrf: csrf.token },
        }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status(), response.url()).toBe(404);
      expect(await response.text()).not.toContain('Brightwater');
    }
    await other.close();

    // Sam's interview is untouched.
    const own = await page.request.get(`/api/interviews/${interviewId}`, {
      headers: { authorization: `Bearer ${samToken}` },
    });
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ outcome: 'no-reply', role: 'Data Analyst' });
    const ownEml = await page.request.get(
      `/api/interviews/${interviewId}/steps/anna-clarke:thank-you:email.eml`,
      { headers: { authorization: `Bearer ${samToken}` } },
    );
    expect(ownEml.status()).toBe(200);
  }, 30_000);

  it('signs out, then deletes the account and everything in it', async () => {
    const { page } = tab;
    await page.goto('/interviews');
    await clickTo(page, /\/$/, () => page.getByRole('button', { name: 'Sign out' }).click());
    await page.goto(`/interviews/${interviewId}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    // Signing in leads back to the page asked for.
    await signIn(page, 'sam@example.com', NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe(`/interviews/${interviewId}`);
    await page.goto('/account');
    await page.getByLabel('Your password, to confirm').fill('not my password at all');
    await clickTo(page, /\/account\/delete$/, () =>
      page.getByRole('button', { name: 'Delete my account and everything in it' }).click(),
    );
    expect(await page.locator('#delete-password').getAttribute('aria-invalid')).toBe('true');
    await visitCheck(page, 'js-account-delete-errors');
    await page.getByLabel('Your password, to confirm').fill(NEW_PASSWORD);
    await clickTo(page, /\/account\/deleted$/, () =>
      page.getByRole('button', { name: 'Delete my account and everything in it' }).click(),
    );
    expect(await heading(page)).toBe('Your account is deleted');
    await visitCheck(page, 'js-account-deleted');

    // Gone: sign-in fails, the token and the interview are gone, nothing is left in the database.
    await signIn(page, 'sam@example.com', NEW_PASSWORD);
    expect(await page.locator('[data-error-summary]').count()).toBe(1);
    const api = await page.request.get(`/api/interviews/${interviewId}`, {
      headers: { authorization: `Bearer ${samToken}` },
    });
    expect(api.status()).toBe(401);
    // Signed in as someone else, the interview's address is not found.
    await signIn(page, 'alex@example.com', PASSWORD);
    expect((await page.goto(`/interviews/${interviewId}`))?.status()).toBe(404);
    expect(await heading(page)).toBe('Page not found');
    const users = await server.db.kysely.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).not.toContain('sam@example.com');
    const db = server.db.kysely;
    expect(
      await db.selectFrom('interviews').select('id').where('id', '=', interviewId).execute(),
    ).toEqual([]);
    for (const table of ['interview_steps', 'interview_replies'] as const) {
      const rows = await db
        .selectFrom(table)
        .select('interview_id')
        .where('interview_id', '=', interviewId)
        .execute();
      expect(rows, table).toEqual([]);
    }
  }, 30_000);

  it('keeps an interview planned before signing up through "Create one"', async () => {
    // A visitor who has never signed in: a browser of their own.
    const { context } = await newContext(chrome.browser, server.baseUrl, {
      javaScriptEnabled: true,
    });
    try {
      await saveThroughSignUp(await context.newPage(), 'js', 'sean@example.com');
    } finally {
      await context.close();
    }
  }, 30_000);

  itMadeNoThirdPartyRequest(tab);
});

describe('without JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: false });

  it('does the same core journey with plain forms', async () => {
    const { page, thirdParty } = tab;
    const id = await coreJourney(page, 'nojs', 'robin@example.com');
    await page.goto('/account');
    await visitCheck(page, 'nojs-account');
    await page.getByLabel('Your password, to confirm').fill(PASSWORD);
    await clickTo(page, /\/account\/deleted$/, () =>
      page.getByRole('button', { name: 'Delete my account and everything in it' }).click(),
    );
    expect(await heading(page)).toBe('Your account is deleted');
    await page.goto(`/interviews/${id}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(thirdParty).toEqual([]);
  }, 40_000);

  it('keeps an interview planned before signing up through "Create one", with plain forms', async () => {
    await saveThroughSignUp(tab.page, 'nojs', 'margaret@example.com');
  }, 30_000);
});
