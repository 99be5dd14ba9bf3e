import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { fixedClock } from '../../../test/enquiries.js';
import { buildDirectory } from '../../../test/factories.js';
import { FOLLOW_UP_FORM_FIELDS } from '../../../test/followup-form.js';
import {
  credentialsFor,
  decodeEntities,
  postForm,
  submitCredentials,
} from '../../../test/web-steps.js';

const FIELDS = FOLLOW_UP_FORM_FIELDS;

/** The save form of a plan page: its hidden fields, CSRF token included. */
function saveFormOf(html: string): Record<string, string> {
  const form = /<form method="post" action="\/follow-up\/save"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1]) throw new Error('The page has no save form');
  const fields: Record<string, string> = {};
  for (const match of form[1].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    fields[decodeEntities(match[1] ?? '')] = decodeEntities(match[2] ?? '');
  }
  return fields;
}

/** Makes the plan on the public page and posts its save form. */
async function planAndSave(browser: TestBrowser) {
  const plan = await postForm(browser, '/follow-up', { ...FIELDS, action: 'plan' });
  expect(plan.statusCode).toBe(200);
  expect(plan.body).toContain('Save this interview to your account');
  const fields = saveFormOf(plan.body);
  expect(fields._csrf).toBeTruthy();
  expect(fields['employer.name']).toBe('Brightwater Analytics Ltd');
  return postForm(browser, '/follow-up/save', fields);
}

describe('saving the follow-up page interview to an account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(buildDirectory([]), { clock: fixedClock('2026-10-15T11:00:00.000Z') });
    const owner = new TestBrowser(t.app, '192.0.2.30');
    await owner.signUp('sam@example.com');
    const other = new TestBrowser(t.app, '192.0.2.31');
    await other.signUp('other@example.com');
  });
  afterAll(() => t.close());

  it('signed in: creates the interview in the account and goes to it', async () => {
    const sam = new TestBrowser(t.app, '192.0.2.32');
    await sam.signIn('sam@example.com');
    const res = await planAndSave(sam);
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/interviews\/[^/]+$/);
    const page = await sam.request({ method: 'GET', url: location });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Brightwater Analytics Ltd');
    const other = new TestBrowser(t.app, '192.0.2.33');
    await other.signIn('other@example.com');
    expect((await other.request({ method: 'GET', url: location })).statusCode).toBe(404);
  });

  it('refuses a save without the page CSRF token', async () => {
    const sam = new TestBrowser(t.app, '192.0.2.34');
    await sam.signIn('sam@example.com');
    const res = await postForm(sam, '/follow-up/save', FIELDS);
    expect(res.statusCode).toBe(403);
  });

  it('signed out: keeps the input while the visitor signs in, then creates the interview', async () => {
    const visitor = new TestBrowser(t.app, '192.0.2.35');
    const res = await planAndSave(visitor);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin?next=%2Ffollow-up%2Fsave');
    expect(visitor.cookies.has('shortlist_followup_save')).toBe(true);
    const signedIn = await submitCredentials(
      visitor,
      '/signin?next=%2Ffollow-up%2Fsave',
      'sam@example.com',
    );
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/follow-up/save');
    const saved = await visitor.request({ method: 'GET', url: '/follow-up/save' });
    expect(saved.statusCode).toBe(303);
    const location = String(saved.headers.location);
    expect(location).toMatch(/^\/interviews\/[^/]+$/);
    expect(visitor.cookies.has('shortlist_followup_save')).toBe(false);
    const page = await visitor.request({ method: 'GET', url: location });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Data Analyst');
    // Once only: going back does not make a second interview.
    const again = await visitor.request({ method: 'GET', url: '/follow-up/save' });
    expect(again.headers.location).toBe('/follow-up');
  });

  it('signed out: keeps a long interview on the server, not in the cookie, through "Create one"', async () => {
    const visitor = new TestBrowser(t.app, '192.0.2.36');
    // Together well over the 4 KB a cookie can hold, each within the planner's limits.
    const longNote =
      `the data platform team ${'and the way it works with analysts '.repeat(25)}`.trim();
    const res = await postForm(visitor, '/follow-up/save', {
      ...FIELDS,
      'notes.liked': longNote,
      'notes.fit': longNote,
      _csrf: await visitor.csrf(),
    });
    expect(res.statusCode).toBe(303);
    const key = decodeURIComponent(String(visitor.cookies.get('shortlist_followup_save')));
    expect(key.length).toBeLessThan(120);
    expect(key).not.toContain('Brightwater');

    // The sign-in page's "Create one" keeps where the visitor was going.
    const signInPage = await visitor.request({ method: 'GET', url: String(res.headers.location) });
    expect(signInPage.body).toContain('<a href="/signup?next=%2Ffollow-up%2Fsave">Create one</a>');
    expect(signInPage.body).toContain(
      '<a href="/forgot-password?next=%2Ffollow-up%2Fsave">Forgotten your password?</a>',
    );
    const signUpPage = await visitor.request({
      method: 'GET',
      url: '/signup?next=%2Ffollow-up%2Fsave',
    });
    expect(signUpPage.body).toContain('action="/signup?next=%2Ffollow-up%2Fsave"');
    expect(signUpPage.body).toContain('<a href="/signin?next=%2Ffollow-up%2Fsave">Sign in</a>');
    const created = await postForm(
      visitor,
      '/signup?next=%2Ffollow-up%2Fsave',
      credentialsFor('new-visitor@example.com', signUpPage.body),
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/follow-up/save');
    const saved = await visitor.request({ method: 'GET', url: '/follow-up/save' });
    const location = String(saved.headers.location);
    expect(location).toMatch(/^\/interviews\/[^/]+$/);
    const list = await visitor.request({ method: 'GET', url: '/interviews' });
    expect(list.body).toContain('Brightwater Analytics Ltd');
    expect(list.body).not.toContain('No interviews yet');
  });

  it('ignores a sign-in return path that is not on Shortlist', async () => {
    const visitor = new TestBrowser(t.app, '192.0.2.37');
    for (const next of [
      'https://evil.example/follow-up/save',
      '//evil.example/x',
      '/\\evil.example',
    ]) {
      const url = `/signin?next=${encodeURIComponent(next)}`;
      const res = await submitCredentials(visitor, url, 'sam@example.com');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/interviews');
      visitor.cookies.delete('shortlist_session');
    }
  });
});
