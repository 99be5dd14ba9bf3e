import { sign } from '@fastify/cookie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, RecordingMailer, TestBrowser } from '../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { fixedClock } from '../../test/enquiries.js';
import { makeRawInput } from '../domain/followup/test-support.js';
import { hashToken } from '../services/accounts/secrets.js';
import { DEV_COOKIE_SECRET } from '../app.js';
import { expectAccountNeeded, expectErrors, UNAUTHENTICATED } from '../../test/web-steps.js';

const START = '2026-11-26T09:00:00.000Z';
const CSRF = {
  errors: [
    {
      field: null,
      code: 'csrf',
      message:
        'This form has expired or did not come from Shortlist: reload the page and try again.',
    },
  ],
};
const INVALID_CREDENTIALS = {
  errors: [
    {
      field: null,
      code: 'invalid-credentials',
      message: 'The email address or password is not right.',
    },
  ],
};

function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : [String(header)];
  return cookies.find((cookie) => cookie.startsWith('shortlist_session=')) ?? '';
}

describe('account routes', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixedClock>;
  let mailer: RecordingMailer;

  beforeEach(async () => {
    clock = fixedClock(START);
    mailer = new RecordingMailer();
    t = await buildTestApp(undefined, { clock, trustProxy: true }, { mailer });
  });
  afterEach(() => t.close());

  describe('POST /api/auth/signup', () => {
    it('creates the account and sets an HttpOnly, SameSite=Lax session cookie whose token is stored hashed', async () => {
      const browser = new TestBrowser(t.app);
      const res = await browser.signUp(' Sam.Patel@Example.com ');
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        user: { id: expect.any(String), email: 'sam.patel@example.com', createdAt: START },
      });
      const cookie = sessionCookieOf(res);
      expect(cookie).toMatch(
        /^shortlist_session=sls_[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/,
      );
      const token = browser.cookies.get('shortlist_session')!;
      const rows = await t.db.kysely.selectFrom('sessions').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          id_hash: hashToken(token),
          expires_at: '2026-12-10T09:00:00.000Z',
        }),
      ]);
      expect(JSON.stringify(rows)).not.toContain(token);
      const user = await t.db.kysely.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(user.password_hash).not.toContain(GOOD_PASSWORD);
      expect((await browser.request({ method: 'GET', url: '/api/me' })).json()).toEqual(res.json());
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('marks the cookie Secure when served over HTTPS (behind a proxy that says so)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'sam@example.com', password: GOOD_PASSWORD },
      });
      expect(sessionCookieOf(res)).toContain('; Secure');
    });

    it('reports every problem at once, with exact messages', async () => {
      const res = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: 'sam@example', password: 'short' },
      });
      expectErrors(
        res,
        400,
        {
          field: 'email',
          code: 'invalid',
          message: 'Enter an email address like name@example.com.',
        },
        {
          field: 'password',
          code: 'too-short',
          message: 'Use at least 12 characters for your password.',
        },
      );
    });

    it('refuses a common password', async () => {
      const res = await new TestBrowser(t.app).signUp('sam@example.com', 'Password1234');
      expectErrors(res, 400, {
        field: 'password',
        code: 'common-password',
        message:
          'This password is too common and easy to guess: three or four random words make a strong one.',
      });
    });

    it('says when the address already has an account (sign-up may)', async () => {
      await new TestBrowser(t.app).signUp('sam@example.com');
      const res = await new TestBrowser(t.app).signUp('SAM@example.com');
      expectErrors(res, 409, {
        field: 'email',
        code: 'email-taken',
        message:
          'An account with this email address already exists: sign in, or reset your password.',
      });
    });

    it('accepts a form post only with the CSRF token (403 csrf without)', async () => {
      const browser = new TestBrowser(t.app);
      const form = 'email=sam%40example.com&password=violet+kettle+harbour+42';
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      const refused = await browser.request({
        method: 'POST',
        url: '/api/auth/signup',
        headers,
        payload: form,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual(CSRF);
      const token = await browser.csrf();
      const accepted = await browser.request({
        method: 'POST',
        url: '/api/auth/signup',
        headers,
        payload: `${form}&_csrf=${encodeURIComponent(token)}`,
      });
      expect(accepted.statusCode).toBe(201);
    });

    it('moves the favourites kept in the cookie into the account', async () => {
      const browser = new TestBrowser(t.app);
      browser.cookies.set(
        'shortlist_favourites',
        encodeURIComponent(sign('acme-driving.beta-care', DEV_COOKIE_SECRET)),
      );
      const res = await browser.signUp('sam@example.com');
      expect(res.statusCode).toBe(201);
      const userId = res.json<{ user: { id: string } }>().user.id;
      expect(
        (await t.accountStores.favouriteStore.listFavourites(userId)).map((f) => f.listingSlug),
      ).toEqual(['acme-driving', 'beta-care']);
      expect(browser.cookies.has('shortlist_favourites')).toBe(false);
    });
  });

  describe('POST /api/auth/signin', () => {
    beforeEach(async () => {
      await new TestBrowser(t.app).signUp('sam@example.com');
    });

    it('signs in with a new session', async () => {
      const browser = new TestBrowser(t.app);
      const res = await browser.signIn('Sam@Example.com');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email: 'sam@example.com' } });
      expect((await browser.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    });

    it('answers a wrong password and an unknown address the same, after hashing either way', async () => {
      const wrong = await new TestBrowser(t.app).signIn('sam@example.com', 'not the password');
      const started = performance.now();
      const unknown = await new TestBrowser(t.app).signIn('nobody@example.com', 'not the password');
      const elapsedMs = performance.now() - started;
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(INVALID_CREDENTIALS);
      expect(unknown.json()).toEqual(INVALID_CREDENTIALS);
      // An scrypt at N=2^15 takes tens of milliseconds; a lookup alone takes one or two.
      expect(elapsedMs).toBeGreaterThan(20);
    });

    it('gives a new session id at sign-in and ends the one the browser had (session fixation)', async () => {
      // An attacker plants their own session in the victim's browser...
      const attacker = new TestBrowser(t.app, '203.0.113.9');
      await attacker.signUp('mallory@example.com');
      const planted = attacker.cookies.get('shortlist_session')!;
      const victim = new TestBrowser(t.app);
      victim.cookies.set('shortlist_session', planted);
      // ...and the victim signs in.
      await victim.signIn('sam@example.com');
      const issued = victim.cookies.get('shortlist_session')!;
      expect(issued).not.toBe(planted);
      const me = await victim.request({ method: 'GET', url: '/api/me' });
      expect(me.json()).toMatchObject({ user: { email: 'sam@example.com' } });
      const old = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `shortlist_session=${planted}` },
      });
      expect(old.statusCode).toBe(401);
      // A made-up id is never adopted either.
      const other = new TestBrowser(t.app);
      other.cookies.set('shortlist_session', 'sls_chosen-by-the-attacker');
      await other.signIn('sam@example.com');
      expect(other.cookies.get('shortlist_session')).not.toBe('sls_chosen-by-the-attacker');
    });

    it('limits attempts per address: the 11th in 15 minutes gets 429, from any IP', async () => {
      for (let n = 1; n <= 10; n += 1) {
        const res = await new TestBrowser(t.app, `192.0.2.${n}`).signIn(
          'sam@example.com',
          'wrong wrong wrong',
        );
        expect(res.statusCode).toBe(401);
      }
      const blocked = await new TestBrowser(t.app, '192.0.2.99').signIn('sam@example.com');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('900');
      expect(blocked.json()).toEqual({
        errors: [
          {
            field: null,
            code: 'rate-limited',
            message: 'Too many attempts: please wait 15 minutes and try again.',
          },
        ],
      });
      clock.advance(15 * 60_000);
      expect(
        (await new TestBrowser(t.app, '192.0.2.99').signIn('sam@example.com')).statusCode,
      ).toBe(200);
    });

    it('limits attempts per IP address, whatever the addresses tried; counters live in the database', async () => {
      const browser = new TestBrowser(t.app, '192.0.2.50');
      for (let n = 1; n <= 10; n += 1) {
        const res = await browser.signIn(`user${n}@example`, 'x');
        expect(res.statusCode).toBe(400);
      }
      expect((await browser.signIn('sam@example.com')).statusCode).toBe(429);
      expect((await browser.signUp('new@example.com')).statusCode).toBe(201);
      const rows = await t.db.kysely.selectFrom('rate_limits').selectAll().execute();
      expect(rows).toContainEqual({
        key: 'signin:ip:192.0.2.50',
        count: 11,
        reset_at: '2026-11-26T09:15:00.000Z',
      });
      expect(JSON.stringify(rows)).not.toContain('sam@example.com');
    });
  });

  describe('POST /api/auth/signout', () => {
    it('needs the CSRF token with the session cookie, then ends the session', async () => {
      const browser = new TestBrowser(t.app);
      await browser.signUp('sam@example.com');
      const token = browser.cookies.get('shortlist_session')!;
      const refused = await browser.request({ method: 'POST', url: '/api/auth/signout' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual(CSRF);
      const res = await browser.change({ method: 'POST', url: '/api/auth/signout' });
      expect(res.statusCode).toBe(204);
      expect(browser.cookies.has('shortlist_session')).toBe(false);
      const reused = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `shortlist_session=${token}` },
      });
      expect(reused.statusCode).toBe(401);
    });
  });

  describe('sessions expire after 14 idle days, sliding with use', () => {
    it('keeps a session used every few days, and ends one left for 14 days', async () => {
      const browser = new TestBrowser(t.app);
      await browser.signUp('sam@example.com');
      for (let week = 0; week < 4; week += 1) {
        clock.advance(10 * 24 * 3600_000);
        expect((await browser.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      }
      clock.advance(14 * 24 * 3600_000);
      const res = await browser.request({ method: 'GET', url: '/api/me' });
      expectErrors(res, 401, UNAUTHENTICATED);
    });
  });

  describe('password reset', () => {
    let sam: TestBrowser;
    beforeEach(async () => {
      sam = new TestBrowser(t.app);
      await sam.signUp('sam@example.com');
    });

    it('answers the same for any address, and emails a one-hour link only to an account', async () => {
      const known = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'sam@example.com' },
      });
      await t.app.mailSettled();
      const unknown = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'nobody@example.com' },
      });
      await t.app.mailSettled();
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(known.json()).toEqual({
        message:
          'If an account uses that address, we have sent it a link to reset the password. The link works for one hour.',
      });
      expect(unknown.json()).toEqual(known.json());
      expect(mailer.sent).toHaveLength(1);
      const mail = mailer.sent[0]!;
      expect(mail.to).toEqual({ address: 'sam@example.com' });
      expect(mail.subject).toBe('Reset your Shortlist password');
      const token = mailer.lastResetToken();
      expect(mail.text).toContain(`http://shortlist.test/reset-password?token=${token}`);
      const rows = await t.db.kysely.selectFrom('password_resets').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          token_hash: hashToken(token),
          expires_at: '2026-11-26T10:00:00.000Z',
        }),
      ]);
    });

    it('stops every API token and the calendar feed made before the reset; a password change keeps them', async () => {
      const token = (
        await sam.change({ method: 'POST', url: '/api/tokens', payload: { name: 'Script' } })
      ).json<{ token: string }>().token;
      const feed = new URL(
        (await sam.change({ method: 'POST', url: '/api/me/feed' })).json<{ url: string }>().url,
      );
      const bearer = { authorization: `Bearer ${token}` };
      const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
      const calendar = () => t.app.inject({ method: 'GET', url: feed.pathname + feed.search });
      expect((await me()).statusCode).toBe(200);

      const changed = await sam.change({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: GOOD_PASSWORD, newPassword: 'a changed passphrase here' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await me()).statusCode).toBe(200);
      expect((await calendar()).statusCode).toBe(200);

      await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'sam@example.com' },
      });
      await t.app.mailSettled();
      const reset = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token: mailer.lastResetToken(), password: 'a brand new passphrase' },
      });
      expect(reset.statusCode).toBe(200);
      expect((await me()).statusCode).toBe(401);
      expect((await calendar()).statusCode).toBe(404);
    });

    it('sets a new password once, ends every session, signs in here; the link cannot be used again', async () => {
      await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'sam@example.com' },
      });
      await t.app.mailSettled();
      const token = mailer.lastResetToken();
      const browser = new TestBrowser(t.app);
      const weak = await browser.request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token, password: 'password' },
      });
      expectErrors(weak, 400, {
        field: 'password',
        code: 'too-short',
        message: 'Use at least 12 characters for your password.',
      });
      const res = await browser.request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token, password: 'a brand new passphrase' },
      });
      expect(res.statusCode).toBe(200);
      expect((await browser.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect((await sam.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
      expect((await new TestBrowser(t.app).signIn('sam@example.com')).statusCode).toBe(401);
      expect(
        (await new TestBrowser(t.app).signIn('sam@example.com', 'a brand new passphrase'))
          .statusCode,
      ).toBe(200);
      const again = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token, password: 'another new passphrase' },
      });
      expectErrors(again, 400, {
        field: 'token',
        code: 'invalid-token',
        message: 'This reset link has expired or has already been used: ask for a new one.',
      });
    });

    it('refuses a link after its hour', async () => {
      await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'sam@example.com' },
      });
      await t.app.mailSettled();
      clock.advance(60 * 60_000);
      const res = await new TestBrowser(t.app).request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token: mailer.lastResetToken(), password: 'a brand new passphrase' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].code).toBe('invalid-token');
    });
  });

  describe('the account', () => {
    let sam: TestBrowser;
    beforeEach(async () => {
      sam = new TestBrowser(t.app);
      await sam.signUp('sam@example.com');
    });

    it('needs an account for every account route (401 in the shared shape)', async () => {
      await expectAccountNeeded(t.app, [
        ['GET', '/api/me'],
        ['POST', '/api/me/password'],
        ['POST', '/api/me/email'],
        ['GET', '/api/me/export'],
        ['DELETE', '/api/me'],
        ['GET', '/api/me/feed'],
        ['POST', '/api/me/feed'],
        ['DELETE', '/api/me/feed'],
        ['GET', '/api/tokens'],
        ['POST', '/api/tokens'],
        ['DELETE', '/api/tokens/x'],
      ] as const);
    });

    it('changes the password with the current one; other sessions end, this one stays', async () => {
      const laptop = new TestBrowser(t.app);
      await laptop.signIn('sam@example.com');
      const wrong = await sam.change({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' },
      });
      expectErrors(wrong, 400, {
        field: 'currentPassword',
        code: 'wrong-password',
        message: 'Your password is not right.',
      });
      const withoutCsrf = await sam.request({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase' },
      });
      expect(withoutCsrf.statusCode).toBe(403);
      const res = await sam.change({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase' },
      });
      expect(res.statusCode).toBe(204);
      expect((await sam.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect((await laptop.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
      expect(
        (await new TestBrowser(t.app).signIn('sam@example.com', 'a brand new passphrase'))
          .statusCode,
      ).toBe(200);
    });

    it('changes the email address with the password', async () => {
      await new TestBrowser(t.app).signUp('ann@example.com');
      const taken = await sam.change({
        method: 'POST',
        url: '/api/me/email',
        payload: { email: 'ann@example.com', password: GOOD_PASSWORD },
      });
      expect(taken.statusCode).toBe(409);
      const wrong = await sam.change({
        method: 'POST',
        url: '/api/me/email',
        payload: { email: 'sam.new@example.com', password: 'not it at all' },
      });
      expect(wrong.json()).toEqual({
        errors: [
          { field: 'password', code: 'wrong-password', message: 'Your password is not right.' },
        ],
      });
      const res = await sam.change({
        method: 'POST',
        url: '/api/me/email',
        payload: { email: 'Sam.New@example.com', password: GOOD_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email: 'sam.new@example.com' } });
      expect((await new TestBrowser(t.app).signIn('sam.new@example.com')).statusCode).toBe(200);
    });

    it('creates API tokens shown once, lists them without the secret, and revokes them', async () => {
      const created = await sam.change({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'My script' },
      });
      expect(created.statusCode).toBe(201);
      const body = created.json<{ id: string; token: string; prefix: string }>();
      expect(body).toEqual({
        id: expect.any(String),
        name: 'My script',
        prefix: body.token.slice(0, 8),
        createdAt: START,
        lastUsedAt: null,
        token: expect.stringMatching(/^sl_[A-Za-z0-9_-]{43}$/),
      });
      const bearer = { authorization: `Bearer ${body.token}` };
      // Bearer requests need no CSRF token.
      const interview = await t.app.inject({
        method: 'POST',
        url: '/api/interviews',
        headers: bearer,
        payload: makeRawInput(),
      });
      expect(interview.statusCode).toBe(201);
      const listed = await sam.request({ method: 'GET', url: '/api/tokens' });
      expect(listed.json()).toEqual({
        tokens: [
          {
            id: body.id,
            name: 'My script',
            prefix: body.prefix,
            createdAt: START,
            lastUsedAt: START,
          },
        ],
      });
      expect(listed.body).not.toContain(body.token);
      const empty = await sam.change({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: ' ' },
      });
      expect(empty.json()).toEqual({
        errors: [
          {
            field: 'name',
            code: 'required',
            message: 'Give the token a name, such as the program that will use it.',
          },
        ],
      });
      const ann = new TestBrowser(t.app);
      await ann.signUp('ann@example.com');
      const foreign = await ann.change({ method: 'DELETE', url: `/api/tokens/${body.id}` });
      expectErrors(foreign, 404, {
        field: null,
        code: 'not-found',
        message: 'There is no such token: it may have been revoked already.',
      });
      expect(
        (await sam.change({ method: 'DELETE', url: `/api/tokens/${body.id}` })).statusCode,
      ).toBe(204);
      const revoked = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
      expectErrors(revoked, 401, {
        field: null,
        code: 'unauthenticated',
        message: 'The API token is not valid or has been revoked.',
      });
    });

    it('gives a private calendar feed that can be replaced and revoked', async () => {
      expect((await sam.request({ method: 'GET', url: '/api/me/feed' })).json()).toEqual({
        active: false,
        createdAt: null,
      });
      await sam.change({ method: 'POST', url: '/api/interviews', payload: makeRawInput() });
      const created = await sam.change({ method: 'POST', url: '/api/me/feed' });
      expect(created.statusCode).toBe(201);
      const url = new URL(created.json<{ url: string }>().url);
      expect(url.origin + url.pathname).toBe('http://shortlist.test/api/feed.ics');
      const feed = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(feed.body).toContain('X-WR-CALNAME:Shortlist follow-ups');
      // Planned on 26 Nov: Anna's late thank-you goes with the check-in; Ben's goes alone.
      expect(feed.body).toContain('SUMMARY:Email a thank-you to Ben Okafor');
      expect((await sam.request({ method: 'GET', url: '/api/me/feed' })).json()).toEqual({
        active: true,
        createdAt: START,
      });
      const replaced = new URL(
        (await sam.change({ method: 'POST', url: '/api/me/feed' })).json<{ url: string }>().url,
      );
      expect(
        (await t.app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode,
      ).toBe(404);
      expect(
        (await t.app.inject({ method: 'GET', url: replaced.pathname + replaced.search }))
          .statusCode,
      ).toBe(200);
      expect((await sam.change({ method: 'DELETE', url: '/api/me/feed' })).statusCode).toBe(204);
      const gone = await t.app.inject({ method: 'GET', url: replaced.pathname + replaced.search });
      expectErrors(gone, 404, {
        field: null,
        code: 'not-found',
        message: 'There is no calendar feed at this address.',
      });
    });

    it('exports everything as one JSON file, without any secret', async () => {
      await sam.change({
        method: 'POST',
        url: '/api/interviews',
        payload: { ...makeRawInput(), outcome: 'pending' },
      });
      const token = (
        await sam.change({ method: 'POST', url: '/api/tokens', payload: { name: 'n' } })
      ).json().token as string;
      await sam.change({ method: 'POST', url: '/api/me/feed' });
      const res = await sam.request({ method: 'GET', url: '/api/me/export' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="shortlist-my-data-2026-11-26.json"',
      );
      const data = res.json();
      expect(data).toMatchObject({
        format: 'shortlist-account-export',
        version: 1,
        account: { email: 'sam@example.com', createdAt: START },
        apiTokens: [{ name: 'n' }],
        calendarFeed: { createdAt: START },
        favourites: [],
        interviews: [{ role: 'Data Analyst', outcome: 'pending', steps: [], replies: [] }],
      });
      expect(data.sessions).toHaveLength(1);
      for (const secret of [
        token,
        hashToken(token),
        'scrypt$',
        sam.cookies.get('shortlist_session')!,
      ]) {
        expect(res.body).not.toContain(secret);
      }
    });

    it('deletes the account and everything in it, with the password', async () => {
      await sam.change({ method: 'POST', url: '/api/interviews', payload: makeRawInput() });
      await sam.change({ method: 'POST', url: '/api/me/feed' });
      const ann = new TestBrowser(t.app);
      await ann.signUp('ann@example.com');
      const wrong = await sam.change({
        method: 'DELETE',
        url: '/api/me',
        payload: { password: 'nope nope nope' },
      });
      expectErrors(wrong, 400, {
        field: 'password',
        code: 'wrong-password',
        message: 'Your password is not right.',
      });
      const missing = await sam.change({ method: 'DELETE', url: '/api/me' });
      expect(missing.json()).toEqual({
        errors: [{ field: 'password', code: 'required', message: 'Enter a password.' }],
      });
      const res = await sam.change({
        method: 'DELETE',
        url: '/api/me',
        payload: { password: GOOD_PASSWORD },
      });
      expect(res.statusCode).toBe(204);
      expect(sam.cookies.has('shortlist_session')).toBe(false);
      // Ann's account and session stay.
      expect(await t.db.kysely.selectFrom('users').selectAll().execute()).toHaveLength(1);
      expect(await t.db.kysely.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
      for (const table of ['interviews', 'calendar_feeds'] as const) {
        expect(await t.db.kysely.selectFrom(table).selectAll().execute()).toEqual([]);
      }
      expect((await new TestBrowser(t.app).signIn('sam@example.com')).statusCode).toBe(401);
      expect((await ann.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    });
  });
});

describe('the OpenAPI document', () => {
  it('lists every account and interview endpoint', async () => {
    const t = await buildTestApp();
    try {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, unknown>>;
      }>();
      const listed = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(listed).toEqual(
        expect.arrayContaining([
          'GET /api/auth/csrf',
          'POST /api/auth/signup',
          'POST /api/auth/signin',
          'POST /api/auth/signout',
          'POST /api/auth/reset-request',
          'POST /api/auth/reset',
          'GET /api/me',
          'DELETE /api/me',
          'POST /api/me/password',
          'POST /api/me/email',
          'GET /api/me/export',
          'GET /api/me/feed',
          'POST /api/me/feed',
          'DELETE /api/me/feed',
          'GET /api/feed.ics',
          'GET /api/tokens',
          'POST /api/tokens',
          'DELETE /api/tokens/{id}',
          'GET /api/interviews',
          'POST /api/interviews',
          'GET /api/interviews/agenda',
          'GET /api/interviews/{id}',
          'PUT /api/interviews/{id}',
          'PATCH /api/interviews/{id}',
          'DELETE /api/interviews/{id}',
          'GET /api/interviews/{id}/plan',
          'GET /api/interviews/{id}/plan.ics',
          'PATCH /api/interviews/{id}/steps/{stepId}',
          'GET /api/interviews/{id}/steps/{stepId}.eml',
          'POST /api/interviews/{id}/steps/{stepId}/check',
          'POST /api/interviews/{id}/replies',
        ]),
      );
    } finally {
      await t.close();
    }
  });
});

describe('logs', () => {
  it('never hold passwords, tokens, reset links, feed addresses, notes or drafts', async () => {
    const lines: string[] = [];
    const logger = { level: 'trace', stream: { write: (line: string) => void lines.push(line) } };
    const mailer = new RecordingMailer();
    const t = await buildTestApp(undefined, { logger }, { mailer });
    try {
      const sam = new TestBrowser(t.app);
      await sam.signUp('sam@example.com');
      await sam.signIn('sam@example.com', 'a wrong password');
      const raw = makeRawInput();
      const interview = (
        await sam.change({ method: 'POST', url: '/api/interviews', payload: raw })
      ).json();
      await sam.change({
        method: 'PATCH',
        url: `/api/interviews/${interview.id}/steps/anna-clarke:thank-you:email`,
        payload: { draft: { body: 'Dear Anna, my private draft about dbt.' } },
      });
      const token = (
        await sam.change({ method: 'POST', url: '/api/tokens', payload: { name: 'n' } })
      ).json().token as string;
      await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      const feed = new URL(
        (await sam.change({ method: 'POST', url: '/api/me/feed' })).json().url as string,
      );
      await t.app.inject({ method: 'GET', url: feed.pathname + feed.search });
      await sam.request({
        method: 'POST',
        url: '/api/auth/reset-request',
        payload: { email: 'sam@example.com' },
      });
      await t.app.mailSettled();
      const resetToken = mailer.lastResetToken();
      await sam.request({
        method: 'POST',
        url: '/api/auth/reset',
        payload: { token: resetToken, password: 'a brand new passphrase' },
      });
      const text = lines.join('\n');
      expect(text).toContain('/api/feed.ics');
      for (const secret of [
        GOOD_PASSWORD,
        'a wrong password',
        'a brand new passphrase',
        token,
        resetToken,
        feed.searchParams.get('token')!,
        sam.cookies.get('shortlist_session')!,
        'my private draft',
        (raw.notes as { liked: string }).liked,
        'sam@example.com',
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });
});
