import fs from 'node:fs';
import { FOLLOW_UP_FORM_FIELDS } from '../../../test/followup-form.js';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, TestBrowser } from '../../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { fixedClock } from '../../../test/enquiries.js';
import { buildBrand, buildDirectory, buildListing } from '../../../test/factories.js';
import { csrfOf, postForm, submitForm } from '../../../test/web-steps.js';

/** A whole API token, as the page shows a new one (the list shows only its start). */
const NEW_TOKEN = /<code>(sl_[A-Za-z0-9_-]{43})<\/code>/;

/** The card of the thank-you email to Anna on a plan page. */
function thanksCard(html: string): string {
  return (
    /<li class="card" id="step-\d+"><span id="step-anna-clarke:thank-you:email">[\s\S]*?<\/li>/.exec(
      html,
    )?.[0] ?? ''
  );
}

const INTERVIEW_FIELDS = {
  ...FOLLOW_UP_FORM_FIELDS,
  agency: 'acme-driving',
  outcome: 'pending',
};

/** The reset token in the newest reset email the outbox holds for the address. */
async function resetTokenSentTo(t: TestApp, address: string): Promise<string> {
  await t.app.mailSettled();
  const outbox = path.join(t.dataDir, 'outbox');
  let token: string | undefined;
  let newest = '';
  for (const name of fs.readdirSync(outbox).filter((file) => file.endsWith('.eml'))) {
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, name)));
    const found = /reset-password\?token=(\S+)/.exec(mail.text ?? '')?.[1];
    const to = JSON.stringify(mail.to ?? '');
    if (found && to.includes(address) && name >= newest) {
      newest = name;
      token = found;
    }
  }
  if (!token) throw new Error(`No reset link was sent to ${address}`);
  return token;
}

describe('account and interview pages, without JavaScript', () => {
  let t: TestApp;
  let sam: TestBrowser;

  beforeAll(async () => {
    t = await buildTestApp(
      buildDirectory([
        buildBrand({ listings: [buildListing({ slug: 'acme-driving', name: 'Acme Driving' })] }),
      ]),
      { clock: fixedClock('2026-10-15T11:00:00.000Z') },
    );
    sam = new TestBrowser(t.app, '192.0.2.10');
  });
  afterAll(() => t.close());

  it('signs up with the form (the CSRF token is needed) and lands on the interviews', async () => {
    const refused = await postForm(sam, '/signup', {
      email: 'sam@example.com',
      password: GOOD_PASSWORD,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('text/html');
    const invalid = await submitForm(sam, '/signup', '/signup', {
      email: 'sam@example',
      password: 'short',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('There is a problem');
    expect(invalid.body).toContain('Enter an email address like name@example.com.');
    expect(invalid.body).toContain('Use at least 12 characters for your password.');
    expect(invalid.body).toContain('value="sam@example"');
    const res = await submitForm(sam, '/signup', '/signup', {
      email: 'sam@example.com',
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/interviews');
    expect(sam.cookies.has('shortlist_session')).toBe(true);
  });

  it('sends visitors without an account to the sign-in page, and back afterwards', async () => {
    const visitor = new TestBrowser(t.app, '192.0.2.11');
    const res = await visitor.request({ method: 'GET', url: '/interviews/new' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin?next=%2Finterviews%2Fnew');
    const wrong = await submitForm(visitor, '/signin', '/signin?next=%2Finterviews%2Fnew', {
      email: 'sam@example.com',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The email address or password is not right.');
    const signedIn = await submitForm(visitor, '/signin', '/signin?next=%2Finterviews%2Fnew', {
      email: 'sam@example.com',
      password: GOOD_PASSWORD,
    });
    expect(signedIn.headers.location).toBe('/interviews/new');
  });

  it('adds an interview, edits a draft with the checker’s findings, marks steps, records a reply', async () => {
    const missing = await submitForm(sam, '/interviews/new', '/interviews/new', {
      ...INTERVIEW_FIELDS,
      role: '',
      agency: 'no-such-agency',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('The role is required.');
    expect(missing.body).toContain('name="notes.liked"');
    expect(missing.body).toContain('value="Anna Clarke"');
    // "Add another interviewer" posts here and comes back to the new fieldset.
    expect(missing.body).toContain('formaction="/interviews/new#interviewer-2"');
    expect(missing.body).toContain('There is no agency &#34;no-such-agency&#34; in the directory.');

    const created = await submitForm(sam, '/interviews/new', '/interviews/new', INTERVIEW_FIELDS);
    expect(created.statusCode).toBe(303);
    const path = created.headers.location as string;
    expect(path).toMatch(/^\/interviews\/[0-9a-f-]{36}$/);
    const page = await sam.request({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Data Analyst at Brightwater Analytics Ltd');
    expect(page.body).toContain('Email a thank-you to Anna Clarke');
    expect(page.body).toContain('href="/agencies/acme-driving"');

    const step = `${path}/steps/anna-clarke:thank-you:email`;
    const saved = await submitForm(sam, path, step, {
      action: 'save-draft',
      subject: 'Thanks',
      body: 'Hello. Please call me back soon.',
    });
    expect(saved.statusCode).toBe(303);
    const edited = (await sam.request({ method: 'GET', url: path })).body;
    expect(edited).toContain('Your draft');
    expect(edited).toContain('Hello. Please call me back soon.');
    expect(edited).toContain('The checker found:');
    // With JavaScript, site.js refreshes the findings as the draft is typed: it posts the draft
    // with the page's CSRF token to the textarea's data-live-check, and fills the aria-live box.
    const card = thanksCard(edited);
    const live = /data-live-check="([^"]+)" data-live-findings="(step-\d+-findings)"/.exec(card);
    expect(live?.[1]).toBe(`/api${path}/steps/anna-clarke%3Athank-you%3Aemail/check`);
    expect(card).toContain(`<div id="${live?.[2]}" aria-live="polite"`);
    const checked = await sam.request({
      method: 'POST',
      url: live?.[1] ?? '',
      headers: { 'x-csrf-token': csrfOf(edited) },
      payload: { draft: { subject: 'Thanks', body: 'Hello. Please call me back soon.' } },
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().findings.map((f: { code: string }) => f.code)).toContain('asks-for-call');

    const empty = await submitForm(sam, path, step, {
      action: 'save-draft',
      subject: '',
      body: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(
      'Write the draft’s text, or send null to go back to the suggested draft.',
    );

    expect((await submitForm(sam, path, step, { action: 'done' })).statusCode).toBe(303);
    expect((await sam.request({ method: 'GET', url: path })).body).toContain(
      'Done Thu 15 Oct, 12:00',
    );

    const reply = await submitForm(sam, path, `${path}/reply`, {
      at: '2026-10-15T11:30',
      from: 'Anna',
    });
    expect(reply.statusCode).toBe(303);
    const after = (await sam.request({ method: 'GET', url: path })).body;
    expect(after).toContain('Not needed any more');
    expect(after).toContain('Thu 15 Oct, 11:30, from Anna');

    const dashboard = (await sam.request({ method: 'GET', url: '/interviews' })).body;
    expect(dashboard).toContain('Overdue');
    expect(dashboard).toContain('Due today');
    expect(dashboard).toContain('Coming up');
    expect(dashboard).toContain(`href="${path}"`);
  });

  it('edits an interview in the same form, filled with what was saved', async () => {
    const created = await submitForm(sam, '/interviews/new', '/interviews/new', INTERVIEW_FIELDS);
    const path = created.headers.location as string;
    const form = (await sam.request({ method: 'GET', url: `${path}/edit` })).body;
    expect(form).toContain('value="Data Analyst"');
    expect(form).toContain('value="2026-10-15T15:00"');
    const res = await submitForm(sam, `${path}/edit`, `${path}/edit`, {
      ...INTERVIEW_FIELDS,
      role: 'Senior Data Analyst',
      outcome: 'offer',
      // The agency by its name as listed, not its slug.
      agency: 'acme driving',
    });
    expect(res.statusCode).toBe(303);
    const page = (await sam.request({ method: 'GET', url: path })).body;
    expect(page).toContain('Senior Data Analyst at Brightwater Analytics Ltd');
    expect(page).toContain('Offer');
    expect(page).toContain('<a href="/agencies/acme-driving">Acme Driving</a>');
  });

  it('shows someone else’s interview as not found', async () => {
    const created = await submitForm(sam, '/interviews/new', '/interviews/new', INTERVIEW_FIELDS);
    const path = created.headers.location as string;
    const ann = new TestBrowser(t.app, '192.0.2.12');
    await ann.signUp('ann@example.com');
    for (const url of [path, `${path}/edit`]) {
      const res = await ann.request({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Page not found');
    }
    const deleted = await submitForm(ann, '/interviews', `${path}/delete`, {});
    expect(deleted.statusCode).toBe(404);
    expect((await sam.request({ method: 'GET', url: path })).statusCode).toBe(200);
  });

  it('manages tokens, the feed, the password and the account on /account', async () => {
    // Post/Redirect/Get: the new token is shown once, on /account, and never in the address.
    const created = await submitForm(sam, '/account', '/account/tokens', {
      name: 'My spreadsheet',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/account');
    const tokenPage = await sam.request({ method: 'GET', url: '/account' });
    const token = NEW_TOKEN.exec(tokenPage.body)?.[1];
    expect(token).toBeDefined();
    // Reloading shows it no more, and makes no second token.
    const again = (await sam.request({ method: 'GET', url: '/account' })).body;
    expect(again).toContain('My spreadsheet');
    expect(again).not.toContain(token!);
    expect(again.match(/<td>My spreadsheet<\/td>/g)).toHaveLength(1);

    const feedMade = await submitForm(sam, '/account', '/account/feed', {});
    expect(feedMade.statusCode).toBe(303);
    expect(feedMade.headers.location).toBe('/account');
    const feedPage = await sam.request({ method: 'GET', url: '/account' });
    expect(feedPage.body).toMatch(/http:\/\/shortlist\.test\/api\/feed\.ics\?token=slf_/);
    // A subscription link calendar apps open, and a Copy button that the script reveals.
    expect(feedPage.body).toMatch(
      /<a href="webcal:\/\/shortlist\.test\/api\/feed\.ics\?token=slf_[^"]+">Subscribe in your calendar app<\/a>/,
    );
    expect(feedPage.body).toContain(
      '<button type="button" class="button button-secondary" data-copy="feed-url" hidden>Copy</button>',
    );
    const feedAgain = await sam.request({ method: 'GET', url: '/account' });
    expect(feedAgain.body).not.toContain('api/feed.ics?token=');
    expect(feedAgain.body).toContain('You have a calendar feed');

    const wrong = await submitForm(sam, '/account', '/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Your password is not right.');

    const badEmail = await submitForm(sam, '/account', '/account/email', {
      email: 'not an address',
      password: GOOD_PASSWORD,
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('Enter an email address like name@example.com.');
    const moved = await submitForm(sam, '/account', '/account/email', {
      email: 'sam.new@example.com',
      password: GOOD_PASSWORD,
    });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe('/account?done=email');
    const movedPage = await sam.request({ method: 'GET', url: '/account' });
    expect(movedPage.body).toContain('sam.new@example.com');
    const back = await submitForm(sam, '/account', '/account/email', {
      email: 'sam@example.com',
      password: GOOD_PASSWORD,
    });
    expect(back.statusCode).toBe(303);

    const exported = await sam.request({ method: 'GET', url: '/account/export' });
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json()).toMatchObject({ account: { email: 'sam@example.com' } });

    const gone = await submitForm(sam, '/account', '/account/delete', { password: GOOD_PASSWORD });
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/account/deleted');
    // The browser is told it is done, and what went.
    const told = await sam.request({ method: 'GET', url: '/account/deleted' });
    expect(told.statusCode).toBe(200);
    expect(told.body).toContain('<h1 class="page-title">Your account is deleted</h1>');
    expect(told.body).toContain('Your account and everything in it are gone');
    expect((await sam.request({ method: 'GET', url: '/account' })).statusCode).toBe(303);
  });

  it('shows a new token once, to the account that made it only, from a short-lived cookie', async () => {
    const kit = new TestBrowser(t.app, '192.0.2.14');
    await kit.signUp('kit@example.com');
    const created = await submitForm(kit, '/account', '/account/tokens', { name: 'Laptop' });
    expect(created.statusCode).toBe(303);
    const flash = created.cookies.find((cookie) => cookie.name === 'shortlist_account_flash');
    expect(flash).toMatchObject({ path: '/account', httpOnly: true, sameSite: 'Lax' });
    expect(flash?.maxAge).toBeLessThanOrEqual(120);
    // Someone else signed in on this browser before the page was shown never sees it.
    const lee = new TestBrowser(t.app, '192.0.2.15');
    await lee.signUp('lee@example.com');
    lee.cookies.set('shortlist_account_flash', kit.cookies.get('shortlist_account_flash')!);
    const other = await lee.request({ method: 'GET', url: '/account' });
    expect(other.body).not.toMatch(NEW_TOKEN);
    expect(lee.cookies.has('shortlist_account_flash')).toBe(false);
    // A cookie that was tampered with shows nothing.
    kit.cookies.set('shortlist_account_flash', 'not-signed');
    expect((await kit.request({ method: 'GET', url: '/account' })).body).not.toMatch(NEW_TOKEN);
  });

  it('marks a step done with the draft as typed in the same form (unsaved edits are kept)', async () => {
    const sam = new TestBrowser(t.app, '192.0.2.16');
    await sam.signUp('sam.done@example.com');
    const created = await submitForm(sam, '/interviews/new', '/interviews/new', INTERVIEW_FIELDS);
    const path = created.headers.location as string;
    const step = `${path}/steps/anna-clarke:thank-you:email`;
    const plan = thanksCard((await sam.request({ method: 'GET', url: path })).body);
    // One form holds the draft and the status buttons.
    const forms = plan.match(/<form[\s\S]*?<\/form>/g) ?? [];
    expect(forms).toHaveLength(1);
    expect(forms[0]).toContain('name="body"');
    expect(forms[0]).toContain('value="done"');
    const suggested = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(plan)?.[1] ?? '';
    const subject = /id="step-\d+-subject"[^>]*value="([^"]*)"/.exec(plan)?.[1] ?? '';
    expect(suggested).toContain('Anna');
    const unescape = (text: string) =>
      text.replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&amp;/g, '&');

    // Untouched (as a browser sends it, with CRLF line breaks): done, and still the suggestion.
    const untouched = await submitForm(sam, path, step, {
      action: 'done',
      subject: unescape(subject),
      body: unescape(suggested).replace(/\n/g, '\r\n'),
    });
    expect(untouched.statusCode).toBe(303);
    let page = thanksCard((await sam.request({ method: 'GET', url: path })).body);
    expect(page).toContain('Done Thu 15 Oct, 12:00');
    expect(page).toContain('Suggested draft');

    // Edited, then "Back to to-do" and "Mark done" without saving first: the edit is kept.
    expect((await submitForm(sam, path, step, { action: 'pending' })).statusCode).toBe(303);
    const done = await submitForm(sam, path, step, {
      action: 'done',
      subject: 'Thank you, Anna',
      body: 'Dear Anna,\n\nThank you for your time today.\n\nSam',
    });
    expect(done.statusCode).toBe(303);
    page = thanksCard((await sam.request({ method: 'GET', url: path })).body);
    expect(page).toContain('Done Thu 15 Oct, 12:00');
    expect(page).toContain('Your draft');
    expect(page).toContain('value="Thank you, Anna"');
    expect(page).toContain('Thank you for your time today.');

    // An emptied draft is not thrown away silently: nothing changes, and the page says why.
    expect((await submitForm(sam, path, step, { action: 'pending' })).statusCode).toBe(303);
    const emptied = await submitForm(sam, path, step, { action: 'done', subject: '', body: ' ' });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.body).toContain('Write the draft’s text');
    page = thanksCard((await sam.request({ method: 'GET', url: path })).body);
    expect(page).toContain('To do');
  });

  it('sizes a draft’s box to the draft: 8 rows at least, 24 at most', async () => {
    const sam = new TestBrowser(t.app, '192.0.2.17');
    await sam.signUp('sam.rows@example.com');
    const created = await submitForm(sam, '/interviews/new', '/interviews/new', INTERVIEW_FIELDS);
    const path = created.headers.location as string;
    const step = `${path}/steps/anna-clarke:thank-you:email`;
    const rowsFor = async (body: string) => {
      const saved = await submitForm(sam, path, step, {
        action: 'save-draft',
        subject: 'Thanks',
        body,
      });
      expect(saved.statusCode).toBe(303);
      const card = thanksCard((await sam.request({ method: 'GET', url: path })).body);
      return /<textarea class="textarea" id="step-\d+-body" name="body" rows="(\d+)"/.exec(
        card,
      )?.[1];
    };
    expect(await rowsFor('Thank you.')).toBe('8');
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    // 15 lines and one spare.
    expect(await rowsFor(paragraphs)).toBe('16');
    expect(await rowsFor(`${'A long line of text. '.repeat(200)}`)).toBe('24');
  });

  it('goes back where sign-in was going after a password reset started from it', async () => {
    const kim = new TestBrowser(t.app, '192.0.2.14');
    await kim.signUp('kim@example.com');
    kim.cookies.delete('shortlist_session');
    const next = encodeURIComponent('/interviews/new');
    const signInPage = await kim.request({ method: 'GET', url: `/signin?next=${next}` });
    expect(signInPage.body).toContain(`href="/forgot-password?next=${next}"`);
    const asked = await submitForm(
      kim,
      `/forgot-password?next=${next}`,
      `/forgot-password?next=${next}`,
      {
        email: 'kim@example.com',
      },
    );
    expect(asked.statusCode).toBe(200);
    const token = await resetTokenSentTo(t, 'kim@example.com');
    const reset = await submitForm(kim, `/reset-password?token=${token}`, '/reset-password', {
      token: token,
      password: 'amber lantern meadow 78',
    });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe('/interviews/new');
    // Once only: the next reset in this browser goes to the account page as before.
    expect(kim.cookies.has('shortlist_reset_next')).toBe(false);
  });

  it('says at once when a reset link cannot be used, and offers a new one instead of the form', async () => {
    const robin = new TestBrowser(t.app, '192.0.2.13');
    await robin.signUp('robin@example.com');
    await submitForm(robin, '/forgot-password', '/forgot-password', { email: 'robin@example.com' });
    // The request only queued the email; its attempt runs in the background.
    const token = await resetTokenSentTo(t, 'robin@example.com');

    const fresh = await robin.request({ method: 'GET', url: `/reset-password?token=${token}` });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toContain('name="password"');

    const used = await submitForm(robin, `/reset-password?token=${token}`, '/reset-password', {
      token: token,
      password: 'amber lantern meadow 77',
    });
    expect(used.statusCode).toBe(303);
    for (const url of [
      `/reset-password?token=${token}`,
      '/reset-password?token=slr_nonsense',
      '/reset-password',
    ]) {
      const dead = await robin.request({ method: 'GET', url });
      expect(dead.statusCode, url).toBe(400);
      expect(dead.body).toContain(
        'This reset link has expired or has already been used: ask for a new one.',
      );
      expect(dead.body).toContain('href="/forgot-password"');
      expect(dead.body, url).not.toContain('name="password"');
      expect(dead.body).toContain('href="#new-link"');
      expect(dead.body).toContain('id="new-link"');
    }
  });
});
