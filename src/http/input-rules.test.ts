import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, TestBrowser } from '../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { TEST_DATABASES } from '../../test/databases.js';
import { EMAIL_MESSAGES } from '../domain/accounts/email.js';

const nul = (field: string) => ({
  errors: [
    {
      field,
      code: 'invalid-character',
      message: `${field} contains a NUL character (U+0000), which is never accepted`,
    },
  ],
});

const INVISIBLE_EMAIL = {
  errors: [{ field: 'email', code: 'invalid-character', message: EMAIL_MESSAGES.invisible }],
};

describe.each(TEST_DATABASES)('input rules on $name', (database) => {
  let t: TestApp;
  let sam: TestBrowser;

  beforeEach(async () => {
    t = await buildTestApp(undefined, {}, {}, { database });
    sam = new TestBrowser(t.app);
    expect((await sam.signUp('sam@example.com')).statusCode).toBe(201);
  });
  afterEach(() => t.close());

  it.each([
    ['/api/auth/signup', { email: 'a\u0000@example.com', password: GOOD_PASSWORD }, 'email'],
    ['/api/auth/signin', { email: 'sam@example.com\u0000', password: GOOD_PASSWORD }, 'email'],
    ['/api/auth/reset-request', { email: '\u0000sam@example.com' }, 'email'],
    ['/api/auth/reset', { token: 'sl_\u0000', password: GOOD_PASSWORD }, 'token'],
  ])('a NUL in the JSON of %s is a 400 naming the field', async (url, payload, field) => {
    const res = await new TestBrowser(t.app).request({ method: 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(nul(field));
  });

  it('a NUL in the email change, or deep in a saved interview, is a 400', async () => {
    const change = await sam.change({
      method: 'POST',
      url: '/api/me/email',
      payload: { email: 'sam2@example.com\u0000', password: GOOD_PASSWORD },
    });
    expect(change.statusCode).toBe(400);
    expect(change.json()).toEqual(nul('email'));
    const nested = await sam.change({
      method: 'POST',
      url: '/api/interviews',
      payload: { interviewers: [{ name: 'Ann', notes: ['ok', 'bad\u0000'] }] },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toEqual(nul('interviewers[0].notes[1]'));
  });

  it('a NUL in a route parameter or the query string is a 400', async () => {
    const interview = await sam.request({ method: 'GET', url: '/api/interviews/%00' });
    expect(interview.statusCode).toBe(400);
    expect(interview.json()).toEqual(nul('id'));
    const token = await sam.change({ method: 'DELETE', url: '/api/tokens/%00' });
    expect(token.statusCode).toBe(400);
    expect(token.json()).toEqual(nul('id'));
    const search = await sam.request({ method: 'GET', url: '/api/places?q=Le%00eds' });
    expect(search.statusCode).toBe(400);
    expect(search.json()).toEqual(nul('q'));
  });

  it('a NUL in a form field is a 400 page', async () => {
    const browser = new TestBrowser(t.app);
    const page = await browser.request({ method: 'GET', url: '/signin' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const res = await browser.request({
      method: 'POST',
      url: '/signin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'sam@example.com\u0000',
        password: GOOD_PASSWORD,
        _csrf: csrf,
      }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('email contains a NUL character (U+0000), which is never accepted');
  });

  it.each([
    'admin\u200b@example.com',
    'admin@exam\u0000ple.com',
    'ad\u001bmin@example.com',
    '\u202eadmin@example.com',
    'admin@example.com\u2066',
  ])('sign-up refuses the address %j with a clear 400', async (email) => {
    const res = await new TestBrowser(t.app).request({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    if (!email.includes('\u0000')) expect(res.json()).toEqual(INVISIBLE_EMAIL);
    expect(await t.accountStores.userStore.findUserByEmail('admin@example.com')).toBeUndefined();
  });

  it('an email change to an address with a zero-width space is a 400', async () => {
    const res = await sam.change({
      method: 'POST',
      url: '/api/me/email',
      payload: { email: 'sam\u200b@example.com', password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(INVISIBLE_EMAIL);
  });
});
