import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBranch, buildListing } from '../../test/factories.js';
import { buildWebTestApp, findHtmlProblems, textOf, type WebTestApp } from '../../test/web-app.js';
import type { Directory } from '../domain/directory/directory.js';
import { listingCountText, searchButtonLabel } from './shared/page-context.js';
import { safeReturnPath, changeFavourites, MAX_FAVOURITES } from '../http/favourites.js';
import { renderErrorPage } from './shared/error-page.js';
import { expectErrors } from '../../test/web-steps.js';

const HOSTILE = '<script>alert(1)</script>';

/**
 * The markup with every attribute value emptied: kitajs escapes `"` and `&` in attributes, so
 * text there cannot break out; outside attributes no hostile tag may appear.
 */
function markupOf(html: string): string {
  return html.replace(/="[^"]*"/g, '=""');
}

function expectNoHostileMarkup(html: string): void {
  const markup = markupOf(html);
  expect(markup.match(/<script/g)?.length).toBe(1); // site.js only
  expect(markup).not.toContain('<img');
  expect(markup).not.toContain('<b>');
  expect(markup).not.toContain('<i>');
}

function directory(): Directory {
  return {
    brands: [
      {
        slug: 'hostile-brand',
        name: 'Hostile <b>Brand</b>',
        listings: [
          buildListing({
            slug: 'hostile-agency',
            name: `Acme ${HOSTILE} Recruitment`,
            description: 'Drivers & "more" <img src=x onerror=alert(1)>',
            website: 'https://acme.example/',
            subsectors: [],
            branches: [
              buildBranch({
                id: 'acme-leeds',
                name: 'Acme <i>Leeds</i>',
                candidatePhone: '0113 496 0101',
                employerPhone: '0113 496 0102',
              }),
              buildBranch({
                id: 'acme-bradford',
                name: 'Acme Bradford',
                town: 'town:bradford',
                postcode: 'BD1 1AA',
                lat: 53.795,
                lon: -1.759,
              }),
            ],
          }),
        ],
      },
      {
        slug: 'leeds-drivers',
        name: 'Leeds Drivers',
        listings: [buildListing({ slug: 'leeds-drivers', name: 'Leeds Drivers', verified: false })],
      },
      {
        slug: 'code-people',
        name: 'Code People',
        listings: [
          buildListing({
            slug: 'code-people',
            name: 'Code People',
            industries: ['IT'],
            subsectors: ['IT/softwaredevelopment'],
            employmentTypes: ['contract'],
            coverage: 'national',
          }),
        ],
      },
    ],
  };
}

describe('website pages (no JavaScript needed)', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(directory());
  });
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

  describe('home', () => {
    it('has the Agency Search form with the exact texts, field names and no-JS sub-sectors', async () => {
      const res = await get('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = res.body;
      const text = textOf(html);
      expect(html.startsWith('<!doctype html><html lang="en-GB">')).toBe(true);
      for (const exact of [
        'Industry (required)',
        'Industry Sub Sector',
        "I'd like a recruitment agency to... (required)",
        'find me a job',
        'find me staff',
        'Location',
        'Employment Type',
        'Permanent',
        'Temporary',
        'Contract',
        'Temp to Perm',
        'Refine your search to get more accurate results.',
        'Want a customised list of agencies? Do a Search',
        'Search 3 Agencies',
      ]) {
        expect(text).toContain(exact);
      }
      expect(html).toContain('<a href="#search">Do a Search</a>');
      expect(html).toMatch(/<form id="search"[^>]* method="get" action="\/search" novalidate/);
      for (const name of ['industry', 'subsector', 'purpose', 'location', 'employmentType']) {
        expect(html).toContain(`name="${name}"`);
      }
      expect(html).toContain('<optgroup label="Driving" data-industry="driving">');
      expect(html).toContain('<option value="driving/lgv">LGV Drivers</option>');
      expect(html).toContain('Skip to main content');
      expect(html).not.toContain('Demo data: every agency listed here is fictional.');
    });

    it('rounds the listing count down to the thousand on the button', () => {
      expect(listingCountText(640)).toBe('640');
      expect(listingCountText(999)).toBe('999');
      expect(listingCountText(1000)).toBe('1000+');
      expect(listingCountText(8321)).toBe('8000+');
      expect(searchButtonLabel(8321)).toBe('Search 8000+ Agencies');
    });
  });

  describe('validation on the server', () => {
    it('shows every missing field at once, beside its field, with status 400', async () => {
      const res = await get('/search?industry=&purpose=&location=');
      expect(res.statusCode).toBe(400);
      const text = textOf(res.body);
      for (const message of [
        'You must select an industry from the list',
        'You must select a status from the list',
        'You must enter a location',
      ]) {
        expect(text.split(message).length - 1).toBe(2); // in the summary and beside the field
      }
      expect(res.body).toContain(
        '<a href="#industry">You must select an industry from the list</a>',
      );
      expect(res.body).toMatch(
        /id="industry" name="industry" autofocus aria-invalid="true" aria-describedby="industry-error"/,
      );
      expect(res.body).toContain('id="location-error"');
      expect(res.body).toContain('<title>Error: Agency Search - Shortlist</title>');
    });

    it('keeps everything typed', async () => {
      const res = await get(
        '/search?industry=&purpose=staff&location=Leeds&employmentType=contract&subsector=driving%2Flgv',
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<option value="staff" selected>find me staff</option>');
      expect(res.body).toContain('value="Leeds"');
      expect(res.body).toMatch(/value="contract" checked/);
      expect(res.body).toContain('<option value="driving/lgv" selected>LGV Drivers</option>');
      expect(textOf(res.body)).not.toContain('You must enter a location');
    });

    it('escapes a hostile location when it echoes it back', async () => {
      const res = await get(
        `/search?industry=driving&purpose=job&location=${encodeURIComponent(HOSTILE)}`,
      );
      expect(res.statusCode).toBe(400);
      expectNoHostileMarkup(res.body);
      expect(res.body).toContain('We could not find &#34;&lt;script>alert(1)&lt;/script>&#34;.');
      expect(res.body).toContain('value="<script>alert(1)</script>"'); // inside quotes: inert
    });

    it('offers the places an ambiguous location could mean, each completing the search', async () => {
      const res = await get('/search?industry=driving&purpose=job&location=Richmond');
      expect(res.statusCode).toBe(400);
      const links = [...res.body.matchAll(/<a href="(\/search\?[^"]+)">([^<]+)<\/a>/g)];
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const [, href, label] of links) {
        const params = new URLSearchParams(href!.replace(/&amp;/g, '&').split('?')[1]);
        expect(params.get('industry')).toBe('driving');
        expect(params.get('purpose')).toBe('job');
        expect(params.get('location')).toBe(textOf(label!));
      }
      const follow = await get(links[0]![1]!.replace(/&amp;/g, '&'));
      expect(follow.statusCode).toBe(200);
    });

    it('sends a bare /search to the form', async () => {
      const res = await get('/search');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/#search');
    });
  });

  describe('results', () => {
    it('counts, summarises and shows cards with everything a visitor needs, escaped', async () => {
      const res = await get('/search?industry=driving&purpose=job&location=Leeds');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      const text = textOf(html);
      expect(text).toContain('2 Recruitment Agencies Found');
      expectNoHostileMarkup(html);
      expect(html).toContain('>Acme &lt;script>alert(1)&lt;/script> Recruitment</a>');
      expect(text).toContain('Part of Hostile <b>Brand</b>');
      expect(text).toContain('Drivers & "more" <img src=x onerror=alert(1)>');
      expect(html).toContain('href="/agencies/hostile-agency?purpose=job"');
      expect(text).toContain('Verified');
      // A job seeker reveals a number or the website in one click: no company-name step.
      expect(html).toContain(
        '<form method="post" action="/agencies/hostile-agency/website" class="reveal-form"><input type="hidden" name="skip" value="yes"/><button type="submit" class="button button-small">Visit Website',
      );
      expect(html).toContain('href="/agencies/hostile-agency/email?purpose=job"');
      expect(html).toContain(
        '<form method="post" action="/agencies/hostile-agency/phone?branch=acme-leeds&amp;purpose=job" class="reveal-form"><input type="hidden" name="skip" value="yes"/><button type="submit" class="button button-small">Phone Number',
      );
      expect(text).toContain('Show 1 more office');
      expect(text).toContain('Bradford, BD1 1AA');
      expect(text).toContain('Listed since April 2015');
      expect(text).toContain('Add to favourites');
      expect(html).toContain('<form method="post" action="/favourites"');
      // Not a local sub-sector: covers + specialists, covers in effect.
      expect(html).toContain(
        '<option value="covers" selected>Agencies who cover this location</option>',
      );
      expect(html).toContain(
        '<option value="specialists">Specialists (Location not important)</option>',
      );
      expect(html).not.toContain('Agencies nearest to your location');
      // The changed-query notice (shown by site.js) carries the live number.
      expect(html).toContain(
        'data-changed-text="You have changed your query. Press &#34;Search 3 Agencies&#34; when your new query is ready."',
      );
      expect(html).toMatch(
        /<p class="live-notice[^"]*" data-changed-notice aria-live="polite"><\/p>/,
      );
    });

    it('offers and preselects nearest for a local sub-sector', async () => {
      const res = await get(
        '/search?industry=driving&subsector=driving%2Flgv&purpose=job&location=Leeds',
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(
        '<option value="nearest" selected>Agencies nearest to your location</option>',
      );
      expect(res.body).toContain(
        '<option value="covers">Agencies who cover this location</option>',
      );
      expect(res.body).not.toContain('Specialists (Location not important)</option>');
      // An order not offered for this query falls back to the default.
      const other = await get(
        '/search?industry=driving&subsector=lgv&purpose=job&location=Leeds&order=specialists',
      );
      expect(other.body).toContain('<option value="nearest" selected>');
    });

    it('says "1 Recruitment Agency Found" for one', async () => {
      const res = await get('/search?industry=IT&purpose=job&location=York');
      expect(textOf(res.body)).toContain('1 Recruitment Agency Found');
    });

    it('explains how to widen an empty search', async () => {
      const res = await get(
        '/search?industry=IT&purpose=job&location=York&employmentType=permanent&radiusMiles=5',
      );
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain('0 Recruitment Agencies Found');
      expect(text).toContain('No agencies match this search');
      expect(text).toContain('Remove the employment type filter');
      expect(text).toContain('Search any distance away');
    });

    it('shows the refine panel with facet counts and the radius', async () => {
      const res = await get('/search?industry=driving&purpose=job&location=Leeds&radiusMiles=30');
      expect(res.body).toContain('id="refine-radius" name="radiusMiles" value="30"');
      expect(textOf(res.body)).toMatch(/Permanent \(2\)/);
      expect(textOf(res.body)).toContain('LGV Drivers (2)');
    });
  });

  describe('agency profile', () => {
    it('shows the listing, its offices and a server-drawn accessible map, escaped', async () => {
      const res = await get('/agencies/hostile-agency');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expectNoHostileMarkup(html);
      expect(html).toMatch(/<svg class="map"[^>]*role="img" aria-labelledby="map-title map-desc">/);
      expect(html).toContain(
        '<title id="map-title">Map of Acme &lt;script>alert(1)&lt;/script> Recruitment&#39;s 2 offices</title>',
      );
      expect(html.match(/<circle class="branch"/g)?.length).toBe(2);
      expect(html).toContain('<path class="land" d="M');
      const text = textOf(html);
      expect(text).toContain('For job seekers');
      expect(text).toContain('For employers');
      expect(text).toContain('Bradford BD1 1AA');
    });

    it("shows only the contacts for the visitor's purpose", async () => {
      const text = textOf((await get('/agencies/hostile-agency?purpose=staff')).body);
      expect(text).toContain('For employers');
      expect(text).not.toContain('For job seekers');
    });

    it('answers an unknown agency with an HTML 404 page', async () => {
      const res = await get('/agencies/no-such-agency');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(textOf(res.body)).toContain('Page not found');
    });
  });

  describe('reveals', () => {
    const reveals = () =>
      t.db.kysely
        .selectFrom('reveals')
        .select(['listing_slug', 'branch_id', 'kind', 'company_name'])
        .execute();
    const postReveal = (url: string, payload: string) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

    it('asks only for an optional company name, and records a skipped phone reveal', async () => {
      const step = await get('/agencies/hostile-agency/phone?branch=acme-leeds&purpose=job');
      expect(step.statusCode).toBe(200);
      const text = textOf(step.body);
      expect(text).toContain('Company name (optional)');
      expect(text).toContain('Skip and show the number');
      expect(text).not.toContain('0113 496 0101');
      expect(step.body).not.toMatch(/name="(name|email)"/);

      const shown = await postReveal(
        '/agencies/hostile-agency/phone?branch=acme-leeds&purpose=job',
        'companyName=Ignored&skip=1',
      );
      expect(shown.statusCode).toBe(200);
      expect(textOf(shown.body)).toContain('0113 496 0101');
      expect(shown.body).toContain('href="tel:01134960101"');
      expect(await reveals()).toContainEqual({
        listing_slug: 'hostile-agency',
        branch_id: 'acme-leeds',
        kind: 'phone',
        company_name: null,
      });
    });

    it('records the company name when given', async () => {
      const shown = await postReveal(
        '/agencies/hostile-agency/phone?branch=acme-leeds',
        'companyName=Widgets+%3Cb%3ELtd%3C%2Fb%3E',
      );
      expect(shown.statusCode).toBe(200);
      // No purpose: both numbers, labelled.
      expect(textOf(shown.body)).toContain(
        'For job seekers 0113 496 0101 For employers 0113 496 0102',
      );
      expect(await reveals()).toContainEqual({
        listing_slug: 'hostile-agency',
        branch_id: 'acme-leeds',
        kind: 'phone',
        company_name: 'Widgets <b>Ltd</b>',
      });
    });

    it('records a website reveal and redirects to the site', async () => {
      const step = await get('/agencies/hostile-agency/website');
      expect(textOf(step.body)).toContain('Skip and go to the website');
      const res = await postReveal('/agencies/hostile-agency/website', 'skip=1');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('https://acme.example/');
      expect(await reveals()).toContainEqual({
        listing_slug: 'hostile-agency',
        branch_id: null,
        kind: 'website',
        company_name: null,
      });
    });

    it('says when a company name is too long, keeping it', async () => {
      const res = await postReveal(
        '/agencies/hostile-agency/website',
        `companyName=${'x'.repeat(250)}`,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('aria-invalid="true"');
      expect(res.body).toContain(`value="${'x'.repeat(250)}"`);
    });

    it('404s for an unknown branch', async () => {
      expect((await get('/agencies/hostile-agency/phone?branch=nope')).statusCode).toBe(404);
    });
  });

  describe('favourites without JavaScript', () => {
    const post = (payload: string, cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/favourites',
        payload,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
      });
    const cookieOf = (res: { headers: Record<string, unknown> }) => {
      const raw = res.headers['set-cookie'];
      const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
      return first.split(';')[0]!;
    };

    it('adds, lists, compares, downloads and removes', async () => {
      const added = await post(
        `slug=hostile-agency&action=add&return=${encodeURIComponent('/search?industry=driving&purpose=job&location=Leeds')}`,
      );
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/search?industry=driving&purpose=job&location=Leeds');
      expect(String(added.headers['set-cookie'])).toMatch(/HttpOnly/);
      let cookie = cookieOf(added);
      const second = await post('slug=code-people&action=add&return=/favourites', cookie);
      cookie = cookieOf(second);

      const results = await get('/search?industry=driving&purpose=job&location=Leeds', cookie);
      expect(textOf(results.body)).toContain('Remove from favourites');

      const list = await get('/favourites', cookie);
      const text = textOf(list.body);
      expect(text).toContain('Acme <script>alert(1)</script> Recruitment');
      expectNoHostileMarkup(list.body);
      expect(text).toContain('Code People');
      expect(text).toContain('Compare side by side');

      const compare = await get('/favourites/compare', cookie);
      expect(compare.statusCode).toBe(200);
      expect(compare.body).toMatch(/<th scope="col"><a href="\/agencies\/hostile-agency">/);
      expect(compare.body).toContain('<th scope="row">Employment types</th>');

      const csv = await get('/favourites.csv', cookie);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="shortlist-favourites.csv"',
      );
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'Agency,Brand,Profile,Verified,Industries,Employment types,Works with,Coverage,Offices,Listed since',
      );
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('Acme <script>alert(1)</script> Recruitment');
      expect(lines[2]).toContain('Code People');
      // Profile links come from PUBLIC_URL, never from the request's Host header.
      const forged = await t.app.inject({
        method: 'GET',
        url: '/favourites.csv',
        headers: { cookie, host: 'evil.example' },
      });
      expect(forged.body).toContain(',http://shortlist.test/agencies/code-people,');
      expect(forged.body).not.toContain('evil.example');

      const removed = await post('slug=hostile-agency&action=remove&return=/favourites', cookie);
      expect(removed.headers.location).toBe('/favourites');
      const after = await get('/favourites', cookieOf(removed));
      expect(textOf(after.body)).not.toContain('Acme');
      expect(textOf(after.body)).toContain('Code People');
    });

    it('builds the list as an unsent email, and refuses header injection', async () => {
      const cookie = cookieOf(await post('slug=code-people&action=add&return=/favourites'));
      const eml = await get('/favourites.eml?to=me%40example.com', cookie);
      expect(eml.statusCode).toBe(200);
      expect(eml.headers['content-type']).toBe('message/rfc822');
      expect(eml.body).toMatch(/^To: me@example\.com\r$/m);
      expect(eml.body).toMatch(/^Subject: My shortlist of recruitment agencies\r$/m);
      expect(eml.body).toMatch(/^X-Unsent: 1\r$/m);
      expect(eml.body).toContain('Code People');
      expect(eml.body).toContain('http://shortlist.test/agencies/code-people');

      const injected = await get(
        `/favourites.eml?to=${encodeURIComponent('me@example.com\r\nBcc: evil@example.com')}`,
        cookie,
      );
      expect(injected.statusCode).toBe(400);
      expect(injected.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(textOf(injected.body)).toContain('Enter an email address in the correct format');

      const noAddress = await get('/favourites.eml', cookie);
      expect(noAddress.statusCode).toBe(200);
      expect(noAddress.body).not.toMatch(/^To:/m);
    });

    it('only goes back to paths on this site', async () => {
      for (const target of [
        '//evil.example/x',
        'https://evil.example/',
        '/\\evil.example',
        'javascript:alert(1)',
      ]) {
        const res = await post(`slug=code-people&action=add&return=${encodeURIComponent(target)}`);
        expect(res.headers.location).toBe('/favourites');
      }
      expect(safeReturnPath('/search?a=1#x')).toBe('/search?a=1#x');
    });

    it('ignores a tampered cookie and refuses unknown slugs and foreign origins', async () => {
      const list = await get('/favourites', 'shortlist_favourites=code-people.forged-signature');
      expect(textOf(list.body)).toContain('No favourites yet');
      expect((await post('slug=no-such-agency&action=add')).statusCode).toBe(404);
      expect((await post('slug=code-people&action=toggle')).statusCode).toBe(400);
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/favourites',
        payload: 'slug=code-people&action=add',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
      });
      expect(foreign.statusCode).toBe(403);
    });

    it(`keeps at most ${MAX_FAVOURITES}`, () => {
      const full = Array.from({ length: MAX_FAVOURITES }, (_, i) => `agency-${i}`);
      expect(changeFavourites(full, 'one-more', 'add').status).toBe('full');
      expect(changeFavourites(full, 'agency-3', 'remove').slugs).toHaveLength(MAX_FAVOURITES - 1);
    });
  });

  describe('valid HTML', () => {
    it('has no standard violations on any page, hostile values and errors included', async () => {
      const add = await t.app.inject({
        method: 'POST',
        url: '/favourites',
        payload: 'slug=hostile-agency&action=add&return=/favourites',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const cookie = String(add.headers['set-cookie']).split(';')[0]!;
      for (const url of [
        '/',
        '/search?industry=&purpose=&location=',
        `/search?industry=driving&purpose=job&location=${encodeURIComponent(HOSTILE)}`,
        '/search?industry=driving&purpose=job&location=Richmond',
        '/search?industry=driving&purpose=job&location=Leeds',
        '/search?industry=driving&subsector=lgv&purpose=staff&location=LS1&employmentType=permanent&radiusMiles=20',
        '/search?industry=IT&purpose=job&location=York&employmentType=permanent&radiusMiles=5',
        '/agencies/hostile-agency',
        '/agencies/hostile-agency?purpose=job',
        '/agencies/hostile-agency/phone?branch=acme-leeds',
        '/agencies/hostile-agency/website',
        '/favourites',
        '/favourites/compare',
        '/favourites.eml?to=not-an-address',
        '/advice/interview-follow-up',
        '/about',
        '/no-such-page',
      ]) {
        const res = await get(url, cookie);
        expect(await findHtmlProblems(res.body), url).toEqual([]);
      }
    });
  });

  describe('other pages', () => {
    it('has the advice and about pages, linked from the nav', async () => {
      const advice = await get('/advice/interview-follow-up');
      expect(advice.statusCode).toBe(200);
      expect(advice.body).toContain('href="/follow-up"');
      expect(advice.body).toContain(
        '<a href="/advice/interview-follow-up" aria-current="page">Advice</a>',
      );
      const about = textOf((await get('/about')).body);
      expect(about).toContain('GeoNames');
      expect(about).toContain('CC BY 4.0');
      expect(about).toContain('CC BY 3.0');
      expect(about).toContain('Ofcom');
    });

    it('answers unknown pages with HTML and unknown API paths with JSON', async () => {
      const page = await get('/no-such-page');
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const api = await get('/api/no-such-thing');
      expectErrors(api, 404, {
        field: null,
        code: 'not-found',
        message: 'There is nothing at GET /api/no-such-thing',
      });
    });

    it("has a 500 page in the site's look", async () => {
      const html = renderErrorPage({ status: 500, demo: true });
      const text = textOf(html);
      expect(text).toContain('Sorry, there is a problem with the service');
      expect(text).toContain('Demo data: every agency listed here is fictional.');
      expect(await findHtmlProblems(html)).toEqual([]);
    });

    it('serves the stylesheet and script compressed, with a content security policy', async () => {
      const css = await t.app.inject({
        method: 'GET',
        url: '/assets/site.css',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-encoding']).toBe('br');
      const js = await get('/assets/site.js');
      expect(js.statusCode).toBe(200);
      const home = await get('/');
      expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });
});

describe('demo data notice', () => {
  it('is shown on every page while the directory is the demo directory', async () => {
    const t = await buildWebTestApp(directory(), { demo: true });
    try {
      for (const url of ['/', '/about', '/favourites', '/no-such-page']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(textOf(res.body)).toContain('Demo data: every agency listed here is fictional.');
      }
    } finally {
      await t.close();
    }
  });
});
