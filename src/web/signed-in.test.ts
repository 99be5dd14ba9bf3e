/**
 * The website with accounts, in-process: favourites kept in the account when signed in (and in the
 * cookie otherwise, moved into the account at sign-in), the header's Sign in / account links /
 * Sign out, and every page (account, interviews, Email Agency included) in the one web scope.
 */
import { sign } from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/accounts.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { fixedClock } from '../../test/enquiries.js';
import { buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { buildWebTestApp, findHtmlProblems, textOf } from '../../test/web-app.js';
import { csrfOf, postForm, submitCredentials } from '../../test/web-steps.js';

const SEARCH = '/search?industry=driving&purpose=job&location=Leeds';

function directory() {
  return buildDirectory([
    buildBrand({
      listings: [
        buildListing({ slug: 'acme-driving', name: 'Acme Driving' }),
        buildListing({ slug: 'beta-care', name: 'Beta Care' }),
      ],
    }),
  ]);
}

/** The header's navigation, as text. */
function navOf(html: string): string {
  return textOf(/<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '');
}

/** Presses a favourite button of `page` the way a browser does (its hidden fields, as posted). */
async function pressFavourite(
  browser: TestBrowser,
  page: string,
  slug: string,
  action: 'add' | 'remove',
) {
  const html = (await browser.request({ method: 'GET', url: page })).body;
  const form = new RegExp(
    `<form method="post" action="/favourites"[^>]*>((?:(?!</form>)[\\s\\S])*?name="slug" value="${slug}"[\\s\\S]*?)</form>`,
  ).exec(html)?.[1];
  if (!form) throw new Error(`No favourite button for ${slug} on ${page}`);
  const fields = Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/&amp;/g, '&'),
    ]),
  );
  expect(fields.action).toBe(action);
  return postForm(browser, '/favourites', fields);
}

describe('the website with accounts', () => {
  let t: TestApp;
  let ips = 0;
  const browser = () => new TestBrowser(t.app, `198.51.100.${++ips}`);

  beforeAll(async () => {
    t = await buildTestApp(directory(), { clock: fixedClock('2026-11-26T10:00:00.000Z') });
  });
  afterAll(() => t.close());

  async function signedUp(email: string): Promise<{ browser: TestBrowser; userId: string }> {
    const b = browser();
    const res = await b.signUp(email);
    expect(res.statusCode).toBe(201);
    return { browser: b, userId: res.json<{ user: { id: string } }>().user.id };
  }

  const accountFavourites = async (userId: string) =>
    (await t.accountStores.favouriteStore.listFavourites(userId)).map((f) => f.listingSlug);

  describe('favourites', () => {
    it('signed in, adding and removing changes the account, never a cookie', async () => {
      const { browser: sam, userId } = await signedUp('sam@example.com');
      const added = await pressFavourite(sam, '/agencies/acme-driving', 'acme-driving', 'add');
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/agencies/acme-driving');
      expect(await accountFavourites(userId)).toEqual(['acme-driving']);
      expect(sam.cookies.has('shortlist_favourites')).toBe(false);
      await pressFavourite(sam, SEARCH, 'beta-care', 'add');
      expect(await accountFavourites(userId)).toEqual(['acme-driving', 'beta-care']);

      // Every view of the favourites is the account's.
      const profile = await sam.request({ method: 'GET', url: '/agencies/acme-driving' });
      expect(textOf(profile.body)).toContain('Remove from favourites : Acme Driving');
      const results = await sam.request({ method: 'GET', url: SEARCH });
      expect(textOf(results.body)).toContain('Your favourites (2)');
      expect(textOf(results.body)).toContain('Remove from favourites : Beta Care');
      const list = await sam.request({ method: 'GET', url: '/favourites' });
      expect(textOf(list.body)).toContain('kept with your account');
      expect(list.body.match(/<article class="card"/g)?.length).toBe(2);
      expect(await findHtmlProblems(list.body)).toEqual([]);
      const compare = await sam.request({ method: 'GET', url: '/favourites/compare' });
      expect(compare.body.match(/<th scope="col">/g)?.length).toBe(2);
      const csv = await sam.request({ method: 'GET', url: '/favourites.csv' });
      expect(csv.body).toContain('Acme Driving');
      expect(csv.body).toContain('Beta Care');
      const eml = await sam.request({ method: 'GET', url: '/favourites.eml' });
      expect(eml.body).toContain('My shortlist of 2 recruitment agencies');

      // Another browser without the session sees none of them.
      const stranger = await browser().request({ method: 'GET', url: '/favourites' });
      expect(textOf(stranger.body)).toContain('No favourites yet');

      const removed = await pressFavourite(sam, '/favourites', 'acme-driving', 'remove');
      expect(removed.headers.location).toBe('/favourites');
      expect(await accountFavourites(userId)).toEqual(['beta-care']);
    });

    it('signed in, a change needs the CSRF token', async () => {
      const { browser: kim, userId } = await signedUp('kim@example.com');
      const res = await postForm(kim, '/favourites', {
        slug: 'acme-driving',
        action: 'add',
        return: '/favourites',
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(textOf(res.body)).toContain('This form has expired');
      expect(await accountFavourites(userId)).toEqual([]);
    });

    it('signed out, they stay in the signed cookie', async () => {
      const visitor = browser();
      const res = await pressFavourite(visitor, '/agencies/beta-care', 'beta-care', 'add');
      expect(res.statusCode).toBe(303);
      expect(visitor.cookies.get('shortlist_favourites')).toContain('beta-care');
      const list = await visitor.request({ method: 'GET', url: '/favourites' });
      expect(textOf(list.body)).toContain('kept in this browser only');
      expect(textOf(list.body)).toContain('Beta Care');
    });

    it('signing in on the page moves the cookie favourites into the account', async () => {
      const { userId } = await signedUp('ali@example.com');
      await t.accountStores.favouriteStore.addFavourites(
        userId,
        ['beta-care'],
        '2026-11-25T09:00:00.000Z',
      );
      const ali = browser();
      await pressFavourite(ali, '/agencies/acme-driving', 'acme-driving', 'add');
      await pressFavourite(ali, '/agencies/beta-care', 'beta-care', 'add');
      const res = await submitCredentials(ali, '/signin?next=%2Ffavourites', 'ali@example.com');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/favourites');
      expect(ali.cookies.has('shortlist_favourites')).toBe(false);
      expect(await accountFavourites(userId)).toEqual(['beta-care', 'acme-driving']);
      const list = await ali.request({ method: 'GET', url: '/favourites' });
      expect(list.body.match(/<article class="card"/g)?.length).toBe(2);
    });

    it('signing up on the page moves the cookie favourites into the new account', async () => {
      const jo = browser();
      await pressFavourite(jo, '/agencies/beta-care', 'beta-care', 'add');
      const res = await submitCredentials(jo, '/signup', 'pat.new@example.com');
      expect(res.statusCode).toBe(303);
      expect(jo.cookies.has('shortlist_favourites')).toBe(false);
      const user = await t.accountStores.userStore.findUserByEmail('pat.new@example.com');
      expect(await accountFavourites(user!.id)).toEqual(['beta-care']);
    });
  });

  describe('the header', () => {
    it('offers Sign in when signed out', async () => {
      const res = await browser().request({ method: 'GET', url: '/' });
      expect(navOf(res.body)).toBe(
        'Agency Search Favourites Interview follow-up Advice About Sign in',
      );
      expect(res.body).toContain('<a href="/signin">Sign in</a>');
      expect(res.headers['cache-control']).toBeUndefined();
    });

    it('signed in, links the interviews and the account, and signs out with its form', async () => {
      const { browser: lee } = await signedUp('lee@example.com');
      for (const url of ['/', '/about', '/favourites', '/follow-up', '/interviews', '/nowhere']) {
        const res = await lee.request({ method: 'GET', url });
        expect(navOf(res.body), url).toBe(
          'Agency Search Favourites Interview follow-up Advice About Your interviews Account Signed in as lee@example.com Sign out',
        );
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
      const home = await lee.request({ method: 'GET', url: '/' });
      expect(await findHtmlProblems(home.body)).toEqual([]);
      const dashboard = await lee.request({ method: 'GET', url: '/interviews' });
      expect(dashboard.body).toContain('<a href="/interviews" aria-current="page">');
      expect(dashboard.body.match(/action="\/signout"/g)?.length).toBe(1);

      const out = await postForm(lee, '/signout', { _csrf: csrfOf(home.body) });
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/');
      expect(lee.cookies.has('shortlist_session')).toBe(false);
      const after = await lee.request({ method: 'GET', url: '/' });
      expect(navOf(after.body)).toContain('Sign in');
      expect(navOf(after.body)).not.toContain('Sign out');
    });

    it('escapes the email address it shows', async () => {
      const { browser: odd } = await signedUp("o'neil&co@example.com");
      const res = await odd.request({ method: 'GET', url: '/' });
      expect(res.body).toContain('<span>o&#39;neil&amp;co@example.com</span>');
      expect(res.body).not.toContain("o'neil&co");
    });
  });

  describe('one web scope', () => {
    it('gives every page the site headers, compression and HTML errors', async () => {
      const { browser: jo } = await signedUp('jo@example.com');
      const visitor = browser();
      const pages: [TestBrowser, string][] = [
        [visitor, '/'],
        [visitor, '/signin'],
        [visitor, '/agencies/acme-driving/email'],
        [visitor, '/agencies/acme-driving/email?purpose=job'],
        [jo, '/forgot-password'],
        [jo, '/account'],
        [jo, '/interviews'],
        [jo, '/interviews/new'],
        [jo, '/agencies/acme-driving/email?purpose=job'],
      ];
      for (const [who, url] of pages) {
        const res = await who.request({
          method: 'GET',
          url,
          headers: { 'accept-encoding': 'gzip' },
        });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('same-origin');
        expect(res.headers['content-encoding'], url).toBe('gzip');
      }
      const missing = await jo.request({ method: 'GET', url: '/interviews/no-such-interview' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('text/html');
      expect(textOf(missing.body)).toContain('Page not found');
      // The API keeps its JSON errors.
      const api = await jo.request({ method: 'GET', url: '/api/interviews/no-such-interview' });
      expect(api.statusCode).toBe(404);
      expect(api.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('not-found');
    });

    it('signs every cookie with the one configured secret', async () => {
      const secret = 'one-configured-cookie-secret-0123456789';
      const other = await buildTestApp(directory(), { cookieSecret: secret });
      try {
        const visitor = new TestBrowser(other.app, '203.0.113.9');
        visitor.cookies.set('shortlist_favourites', encodeURIComponent(sign('beta-care', secret)));
        const page = await visitor.request({ method: 'GET', url: '/favourites' });
        expect(textOf(page.body)).toContain('Beta Care');
        const res = await visitor.signUp('pat@example.com');
        const userId = res.json<{ user: { id: string } }>().user.id;
        expect(
          (await other.accountStores.favouriteStore.listFavourites(userId)).map(
            (f) => f.listingSlug,
          ),
        ).toEqual(['beta-care']);
        // A page's CSRF token (here the Email Agency form's) is the site's one: the API takes it.
        const email = await visitor.request({
          method: 'GET',
          url: '/agencies/acme-driving/email?purpose=job',
        });
        expect(email.statusCode).toBe(200);
        const signout = await visitor.request({
          method: 'POST',
          url: '/api/auth/signout',
          headers: { 'x-csrf-token': csrfOf(email.body) },
        });
        expect(signout.statusCode).toBe(204);
      } finally {
        await other.close();
      }
    });
  });
});

describe('the website without accounts', () => {
  it('offers neither Sign in nor the account links', async () => {
    const web = await buildWebTestApp(directory());
    try {
      const res = await web.app.inject({ method: 'GET', url: '/' });
      expect(navOf(res.body)).toBe('Agency Search Favourites Interview follow-up Advice About');
      expect((await web.app.inject({ method: 'GET', url: '/signin' })).statusCode).toBe(404);
    } finally {
      await web.close();
    }
  });
});
