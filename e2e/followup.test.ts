/**
 * The public interview follow-up page (/follow-up) in real Chromium, with and without
 * JavaScript: the form with its errors -> one interview -> the plan -> drafts with the checker's
 * findings -> a draft edited and "Check my edits" -> the calendar (.ics, parsed with ical.js), an
 * email (.eml, parsed with mailparser) and the printable notes page. Hostile input (CR/LF,
 * <script>, emoji, 200-character names) never breaks the page or the files. axe-core and
 * html-validate on every page, screenshots in e2e/screenshots/.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../test/enquiries.js';
import { buildDirectory } from '../test/factories.js';
import { findHtmlProblems } from '../test/web-app.js';
import {
  clickTo,
  download,
  heading,
  itMadeNoThirdPartyRequest,
  launchBrowser,
  parseEvents,
  startServer,
  useTab,
  visitCheck,
  type E2eBrowser,
  type E2eServer,
} from './support.js';

/** An hour after the interview (15:00 to 16:00 in London). */
const clock = fixedClock('2026-10-15T16:00:00.000Z');

let server: E2eServer;
let chrome: E2eBrowser;

beforeAll(async () => {
  [server, chrome] = await Promise.all([
    startServer({ directory: buildDirectory(), clock }),
    launchBrowser(),
  ]);
}, 60_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

const target = () => ({ browser: chrome.browser, baseUrl: server.baseUrl });
/** Where every form of the page posts (and comes back to). */
const FOLLOW_UP = /\/follow-up/;

/** Whether the element's top is inside the window (the page scrolled to it). */
async function isOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(
    `(() => { const top = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().top; return top >= 0 && top < window.innerHeight; })()`,
  );
}

function addressesOf(field: ParsedMail['to']): { name: string; address?: string }[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((a) =>
    a.value.map((v) => ({ name: v.name, address: v.address })),
  );
}

interface Interview {
  employer: string;
  role: string;
  candidate: string;
  first: { name: string; email: string; notes: string };
  second: { name: string; address: string };
  liked: string;
  fit: string;
}

const PLAIN: Interview = {
  employer: 'Brightwater Analytics Ltd',
  role: 'Data Analyst',
  candidate: 'Sam Patel',
  first: {
    name: 'Anna Clarke',
    email: 'anna.clarke@brightwater.example',
    notes: 'the move of the reporting stack to dbt',
  },
  second: { name: 'Ben Okafor', address: 'Brightwater Analytics Ltd\n1 Park Row\nLeeds\nLS1 5AB' },
  liked: 'the weekly show-and-tell where analysts present their work to the board',
  fit: 'three years building retail dashboards in SQL and Python',
};

/** Fills the form for one interview with two interviewers, the second by hand-written note. */
async function fillForm(page: Page, interview: Interview): Promise<void> {
  await page.locator('#f-interview-startsAt').fill('2026-10-15T15:00');
  await page.locator('#f-interview-endsAt').fill('2026-10-15T16:00');
  await page.getByLabel('Employer', { exact: true }).fill(interview.employer);
  await page.getByLabel('Role you were interviewed for').fill(interview.role);
  await page.getByLabel('Fast-moving').check();
  await page.getByLabel('Your name').fill(interview.candidate);
  await page.getByLabel('A free LinkedIn account').check();
  await page.locator('#f-interviewers-0-name').fill(interview.first.name);
  await page.locator('#f-interviewers-0-email').fill(interview.first.email);
  await page.locator('#f-interviewers-0-notes').fill(interview.first.notes);
  await page.locator('#f-decisionExpectedOn').fill('2026-10-22');
  await page.getByLabel('What you liked about the employer or the role').fill(interview.liked);
  await page.getByLabel('Why you would fit the role').fill(interview.fit);
  // A second interviewer: the page comes back with one more fieldset, everything kept.
  await clickTo(page, FOLLOW_UP, () =>
    page.getByRole('button', { name: 'Add another interviewer' }).click(),
  );
  expect(await page.locator('#f-interviewers-0-name').inputValue()).toBe(interview.first.name);
  // ... and the page comes back at the new fieldset, not at the top.
  expect(page.url()).toMatch(/\/follow-up#interviewer-2$/);
  expect(await isOnScreen(page, '#interviewer-2')).toBe(true);
  await page.locator('#f-interviewers-1-name').fill(interview.second.name);
  await page.locator('#f-interviewers-1-postalAddress').fill(interview.second.address);
  await page.locator('#f-interviewers-1-channel').selectOption('handwritten');
}

/** The draft card whose heading is `title`. */
function draftCard(page: Page, title: string) {
  return page.locator('section.card', { has: page.getByRole('heading', { name: title }) });
}

async function followUpJourney(page: Page, prefix: string): Promise<void> {
  await page.goto('/follow-up');
  expect(await heading(page)).toBe('Plan your interview follow-up');
  await visitCheck(page, `${prefix}-followup-form`);

  // Nothing filled in: every problem at once, beside its field and in the summary.
  await clickTo(page, FOLLOW_UP, () => page.getByRole('button', { name: 'Make my plan' }).click());
  const problems = await page.locator('[data-error-summary] li').allTextContents();
  expect(problems.length).toBeGreaterThan(3);
  // In the page's words, not the API's values.
  expect(problems).toContain('Choose your LinkedIn account, or “I am not on LinkedIn”.');
  expect(await page.title()).toMatch(/^Error: /);
  await visitCheck(page, `${prefix}-followup-errors`);

  await fillForm(page, PLAIN);
  await visitCheck(page, `${prefix}-followup-form-filled`);
  await clickTo(page, FOLLOW_UP, () => page.getByRole('button', { name: 'Make my plan' }).click());
  expect(await heading(page)).toBe('Your follow-up plan');
  expect(await page.locator('.lede').textContent()).toContain(
    'For the Data Analyst interview at Brightwater Analytics Ltd',
  );
  await visitCheck(page, `${prefix}-followup-plan`);

  // The drafts: each with what the checker found (nothing, for the suggested ones).
  const anna = draftCard(page, 'Email a thank-you to Anna Clarke');
  const ben = draftCard(page, 'Write and post a thank-you note to Ben Okafor');
  expect(await anna.count()).toBe(1);
  expect(await ben.count()).toBe(1);
  expect(await anna.getByText('The checker found nothing to change.').count()).toBe(1);
  const suggested = await anna.getByLabel('Message').inputValue();
  expect(suggested).toContain('Anna');

  // A hasty edit: "Check my edits" says what to look at.
  await anna.getByLabel('Message').fill('Hi,\n\nCan you call me ASAP with the decision?\n\nSam');
  if (prefix === 'js') {
    // With JavaScript the checker's findings come as the draft is typed, before any button.
    await anna.locator('.notice-warning li', { hasText: 'ASAP' }).waitFor({ timeout: 5000 });
    expect(await anna.locator('.notice-warning strong').textContent()).toMatch(
      /^The checker found \d+ things to look at:$/,
    );
    expect(page.url()).toMatch(/\/follow-up$/);
    await visitCheck(page, 'js-followup-live-findings');
  }
  await clickTo(page, FOLLOW_UP, () =>
    page.getByRole('button', { name: 'Check my edits', exact: true }).click(),
  );
  expect(await page.getByRole('status').textContent()).toMatch(
    /^We checked your edits: the checker found \d+ things to look at\.$/,
  );
  // Back at the drafts, with the result on screen, not at the top of a long page.
  expect(page.url()).toMatch(/\/follow-up#drafts-title$/);
  expect(await isOnScreen(page, '[role="status"]')).toBe(true);
  const findings = await draftCard(page, 'Email a thank-you to Anna Clarke')
    .locator('.notice-warning li')
    .allTextContents();
  expect(findings).toEqual(
    expect.arrayContaining([expect.stringContaining('ASAP'), expect.stringContaining('call')]),
  );
  await visitCheck(page, `${prefix}-followup-findings`);

  // Edited again, in the user's own words: nothing to change, and the edit is kept.
  const mine = `${suggested}\n\nP.S. I enjoyed hearing about the show-and-tell too.`;
  await draftCard(page, 'Email a thank-you to Anna Clarke').getByLabel('Message').fill(mine);
  await clickTo(page, FOLLOW_UP, () =>
    page.getByRole('button', { name: 'Check my edits', exact: true }).click(),
  );
  expect(await page.getByRole('status').textContent()).toBe(
    'We checked your edits: the checker found nothing to change.',
  );
  const edited = draftCard(page, 'Email a thank-you to Anna Clarke');
  expect(await edited.getByLabel('Message').inputValue()).toBe(mine);
  await visitCheck(page, `${prefix}-followup-checked`);

  // The calendar: every step, the edited draft in the thank-you's description.
  const ics = await download(page, () =>
    page.getByRole('button', { name: 'Add the plan to your calendar (.ics)' }).click(),
  );
  expect(ics.name).toBe('follow-up-plan.ics');
  const events = parseEvents(ics.text);
  expect(events.map((e) => e.summary)).toEqual(
    expect.arrayContaining([
      'Email a thank-you to Anna Clarke',
      'Write and post a thank-you note to Ben Okafor',
    ]),
  );
  const thanks = events.find((e) => e.summary === 'Email a thank-you to Anna Clarke')!;
  expect(thanks.description).toContain('show-and-tell too.');
  expect(thanks.startDate.toJSDate().getTime()).toBeGreaterThan(clock.now().getTime());

  // The email, unsent, to Anna, with the edited text.
  const eml = await download(page, () =>
    edited.getByRole('button', { name: 'Download this email (.eml)' }).click(),
  );
  expect(eml.name).toMatch(/\.eml$/);
  const mail = await simpleParser(eml.text);
  expect(addressesOf(mail.to)).toEqual([
    { name: 'Anna Clarke', address: 'anna.clarke@brightwater.example' },
  ]);
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.text?.trim()).toBe(mine.replace(/\r\n/g, '\n'));

  // The printable page of hand-written notes, with the address line by line.
  await clickTo(page, FOLLOW_UP, () =>
    page.getByRole('button', { name: 'Printable page for your hand-written notes' }).click(),
  );
  expect(await heading(page)).toBe('Notes to write by hand');
  expect(await page.getByRole('heading', { level: 2, name: 'To Ben Okafor' }).count()).toBe(1);
  expect((await page.locator('address').innerText()).split('\n')).toEqual(
    PLAIN.second.address.split('\n'),
  );
  await visitCheck(page, `${prefix}-followup-notes`);
}

const SCRIPT = '<script>alert("boo")</script>';

/** `text` made up to exactly `length` characters (code points). */
function padTo(text: string, length: number): string {
  return text + 'x'.repeat(length - [...text].length);
}

const HOSTILE: Interview = {
  employer: padTo(`Bright & "Co" ${SCRIPT} 🚀 `, 200),
  role: `Lead </textarea><script>alert(2)</script> Analyst 🎯`,
  candidate: padTo(`Sam 😀 Patel ${SCRIPT} `, 200),
  first: {
    name: padTo(`Zoë 👩🏽‍💻 O'Brien ${SCRIPT} `, 200),
    email: 'zoe@brightwater.example',
    notes: 'the dbt migration\r\n<img src=x onerror=alert(3)> & the "board" 🎉',
  },
  second: {
    name: `Ben <b>bold</b> Okafor`,
    address: `Brightwater & Co\r\n1 <i>Park</i> Row\r\nLeeds ${SCRIPT}\r\nLS1 5AB`,
  },
  liked: 'the show-and-tell\r\n</textarea><script>alert(5)</script> 🙌',
  fit: 'three years of SQL; "dashboards" & <em>Python</em>',
};

/** The form's fields as a browser would post them, CR/LF allowed in every one (a crafted post). */
function craftedFields(): Record<string, string> {
  return {
    'interview.startsAt': '2026-10-15T15:00',
    'interview.endsAt': '2026-10-15T16:00',
    'interview.timeZone': 'Europe/London',
    'interview.format': 'in-person',
    'interview.nation': 'england',
    'employer.name': `Evil Ltd\r\nBcc: victim@example.com\r\n${SCRIPT}`,
    'employer.style': 'fast-moving',
    role: 'Analyst\r\nX-Injected: yes',
    'candidate.name': 'Sam\r\nPatel',
    'candidate.linkedin': 'free',
    interviewerCount: '1',
    'interviewers[0].name': 'Anna\r\nBcc: victim@example.com',
    'interviewers[0].email': 'anna@brightwater.example',
    contact: '0',
    decisionExpectedOn: '2026-10-22',
    'notes.liked': 'the show-and-tell\r\nSUMMARY:injected\r\nEND:VEVENT',
    'notes.fit': 'three years of SQL',
  };
}

/** The content lines of an iCalendar document: CRLF ends, none over 75 octets. */
function expectFoldedIcs(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  for (const line of ics.slice(0, -2).split('\r\n')) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
}

describe('with JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: true });

  it('plans one interview, checks edited drafts and downloads the files', async () => {
    const { page } = tab;
    await followUpJourney(page, 'js');
  }, 30_000);

  it('keeps hostile input (script, CR/LF, emoji, 200-character names) harmless', async () => {
    const { page } = tab;
    const dialogs: string[] = [];
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    const noInjectedElements = async () => {
      expect(await page.locator('script:not([src])').count()).toBe(0);
      expect(await page.locator('main img, main b, main i, main em').count()).toBe(0);
      // Long names wrap: the page never grows wider than the window.
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
      ).toBeLessThanOrEqual(0);
    };

    await page.goto('/follow-up');
    await fillForm(page, HOSTILE);
    await clickTo(page, FOLLOW_UP, () =>
      page.getByRole('button', { name: 'Make my plan' }).click(),
    );
    expect(await heading(page)).toBe('Your follow-up plan');
    const lede = (await page.locator('.lede').textContent()) ?? '';
    expect(lede).toContain(`For the ${HOSTILE.role} interview at ${HOSTILE.employer}`);
    await noInjectedElements();
    await visitCheck(page, 'js-followup-hostile-plan');

    // Every value comes back exactly as typed after a round trip through the page.
    const zoe = `Email a thank-you to ${HOSTILE.first.name}`;
    const card = draftCard(page, zoe);
    expect(await card.count()).toBe(1);
    const body = `${await card.getByLabel('Message').inputValue()}\r\n</textarea><script>alert(4)</script> 😀`;
    await card.getByLabel('Message').fill(body);
    await clickTo(page, FOLLOW_UP, () =>
      page.getByRole('button', { name: 'Check my edits', exact: true }).click(),
    );
    await noInjectedElements();
    expect(await draftCard(page, zoe).getByLabel('Message').inputValue()).toBe(
      body.replace(/\r\n/g, '\n'),
    );
    const details = page.locator('#details-title ~ form');
    expect(await details.getByLabel('Employer', { exact: true }).inputValue()).toBe(
      HOSTILE.employer,
    );
    expect(await details.locator('#f-interviewers-0-name').inputValue()).toBe(HOSTILE.first.name);
    expect(await details.locator('#f-interviewers-1-postalAddress').inputValue()).toBe(
      HOSTILE.second.address.replace(/\r\n/g, '\n'),
    );

    // The files: the calendar parses, with the names whole; the email has them in its headers only.
    const ics = await download(page, () =>
      page.getByRole('button', { name: 'Add the plan to your calendar (.ics)' }).click(),
    );
    expectFoldedIcs(ics.text);
    const summaries = parseEvents(ics.text).map((e) => e.summary);
    expect(summaries).toContain(zoe);
    const eml = await download(page, () =>
      draftCard(page, zoe).getByRole('button', { name: 'Download this email (.eml)' }).click(),
    );
    const mail = await simpleParser(eml.text);
    expect(addressesOf(mail.to)).toEqual([
      { name: HOSTILE.first.name, address: HOSTILE.first.email },
    ]);
    expect(mail.text?.trim()).toBe(body.replace(/\r\n/g, '\n'));

    // The notes page shows the address as text, line by line.
    await clickTo(page, FOLLOW_UP, () =>
      page.getByRole('button', { name: 'Printable page for your hand-written notes' }).click(),
    );
    await noInjectedElements();
    expect((await page.locator('address').innerText()).split('\n')).toEqual(
      HOSTILE.second.address.split('\r\n'),
    );
    await visitCheck(page, 'js-followup-hostile-notes');
    expect(dialogs).toEqual([]);
    page.off('dialog', onDialog);
  }, 30_000);

  it('keeps CR/LF in single-line fields out of the page, the calendar and the email headers', async () => {
    const { page } = tab;
    const fields = craftedFields();
    const html = await page.request.post('/follow-up', { form: fields });
    expect(html.status()).toBe(200);
    const text = await html.text();
    expect(await findHtmlProblems(text)).toEqual([]);
    expect(text).not.toContain(SCRIPT);

    const ics = await page.request.post('/follow-up/plan.ics', { form: fields });
    expect(ics.status()).toBe(200);
    const calendar = await ics.text();
    expectFoldedIcs(calendar);
    const events = parseEvents(calendar);
    expect(events.length).toBeGreaterThan(1);
    expect(calendar).not.toMatch(/^SUMMARY:injected/m);
    expect(events.map((e) => e.summary)).toContain(
      'Email a thank-you to Anna Bcc: victim@example.com',
    );

    const step = /name="drafts\[0\]\.stepId" value="([^"]+)"/.exec(text)?.[1];
    expect(step).toBeDefined();
    const eml = await page.request.post(`/follow-up/draft.eml?step=${encodeURIComponent(step!)}`, {
      form: fields,
    });
    expect(eml.status()).toBe(200);
    const raw = await eml.text();
    const mail = await simpleParser(raw);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^(Bcc|X-Injected):/im);
  });

  itMadeNoThirdPartyRequest(tab);
});

describe('without JavaScript', () => {
  const tab = useTab(target, { javaScriptEnabled: false });

  it('does the same with plain forms', async () => {
    const { page, thirdParty } = tab;
    await followUpJourney(page, 'nojs');
    expect(thirdParty).toEqual([]);
  }, 30_000);
});
