import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBranch, buildListing } from '../../../test/factories.js';
import {
  buildWebTestApp,
  findHtmlProblems,
  textOf,
  type WebTestApp,
} from '../../../test/web-app.js';
import type { Brand, Directory } from '../../domain/directory/directory.js';
import { groupByBrand, moreDivisionsText, type ResultEntry } from './result-list.js';
import { isNearestOfficeLine } from './agency-card.js';

const LEEDS = 'industry=driving&purpose=job&location=Leeds';

function division(slug: string, name: string, industries: string[]) {
  return buildListing({
    slug,
    name,
    industries,
    subsectors: [],
    branches: [buildBranch({ id: `${slug}-leeds`, lat: 53.7972, lon: -1.5463 })],
  });
}

function directory(): Directory {
  const pennine: Brand = {
    slug: 'pennine-staffing-group',
    name: 'Pennine Staffing Group',
    listings: [
      division('pennine-driving', 'Pennine Staffing Group - Driving Division', ['driving']),
      division('pennine-industrial', 'Pennine Staffing Group - Industrial Division', [
        'industrial',
        'driving',
      ]),
      division('pennine-logistics', 'Pennine Staffing Group - Logistics Division', [
        'logistics',
        'driving',
      ]),
    ],
  };
  const forklift: Brand = {
    slug: 'forklift-people',
    name: 'Forklift People',
    listings: [
      buildListing({
        slug: 'forklift-people',
        name: 'Forklift People',
        description: 'Forklift and warehouse drivers across West Yorkshire.',
        industries: ['driving'],
        subsectors: ['driving/forklift'],
        branches: [
          buildBranch({ id: 'forklift-armley', postcode: 'LS12 1AA', lat: 53.8, lon: -1.6 }),
          buildBranch({
            id: 'forklift-bradford',
            town: 'town:bradford',
            postcode: 'BD1 1AA',
            lat: 53.795,
            lon: -1.759,
          }),
        ],
      }),
    ],
  };
  // 22 more agencies in another town of the county, so the results take two pages of 20.
  const fillers: Brand[] = Array.from({ length: 22 }, (_, i) => ({
    slug: `filler-${i}`,
    name: `Filler ${i} Drivers`,
    listings: [
      buildListing({
        slug: `filler-${i}`,
        name: `Filler ${i} Drivers`,
        description: 'Temporary drivers across West Yorkshire.',
        // Three industries: ranked after the divisions, which share page 1.
        industries: ['driving', 'logistics', 'industrial'],
        subsectors: [],
        branches: [
          buildBranch({
            id: `filler-${i}-wakefield`,
            town: 'town:wakefield',
            postcode: 'WF1 1AA',
            lat: 53.683,
            lon: -1.499,
          }),
        ],
      }),
    ],
  }));
  return { brands: [pennine, forklift, ...fillers] };
}

describe('the results page', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(directory());
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  describe('keyword box', () => {
    it('is on the form with its label and hint', async () => {
      const res = await get('/');
      expect(res.body).toContain('<label class="label" for="q">Keywords (optional)</label>');
      expect(res.body).toContain(
        '<p class="hint" id="q-hint">Words in the agency&#39;s name or description, such as a skill or a software</p>',
      );
      expect(res.body).toMatch(
        /<input class="input" type="search" id="q" name="q" value=""[^>]*aria-describedby="q-hint"/,
      );
    });

    it('keeps only the agencies with every keyword, and carries the keywords along', async () => {
      const res = await get(`/search?${LEEDS}&q=forklift`);
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain('1 Recruitment Agency Found');
      expect(text).toContain(
        'Driving, to find me a job, for Leeds, West Yorkshire (England); with the keywords "forklift".',
      );
      expect(text).toContain('Forklift People');
      expect(res.body).toContain('id="q" name="q" value="forklift"');
      // The order and refine forms keep the keywords.
      expect(res.body.split('<input type="hidden" name="q" value="forklift"/>').length - 1).toBe(2);
    });

    it('says when there are too many keywords, beside the box', async () => {
      const long = await get(`/search?${LEEDS}&q=${'word '.repeat(30)}`);
      expect(long.statusCode).toBe(400);
      expect(textOf(long.body).split('Use at most 10 keywords').length - 1).toBe(2);
      expect(long.body).toContain('<a href="#q">Use at most 10 keywords</a>');
      expect(long.body).toContain('id="q-error"');
    });
  });

  describe('keywords with no match', () => {
    it('offers to remove the keywords', async () => {
      const res = await get(`/search?${LEEDS}&q=submarine`);
      expect(textOf(res.body)).toContain('0 Recruitment Agencies Found');
      expect(res.body).toContain(
        '<a href="/search?industry=driving&amp;purpose=job&amp;location=Leeds">Remove the keywords &#34;submarine&#34;</a>',
      );
    });
  });

  describe('brands with several divisions', () => {
    it("groups the divisions under the brand's first card, in a details element", async () => {
      const res = await get(`/search?${LEEDS}`);
      const text = textOf(res.body);
      expect(text).toContain('26 Recruitment Agencies Found');
      expect(res.body).toContain(
        '<details class="brand-divisions"><summary>and 2 more divisions of Pennine Staffing Group</summary><ul class="card-list" aria-label="More divisions of Pennine Staffing Group">',
      );
      expect(text.split('and 2 more divisions of Pennine Staffing Group').length - 1).toBe(1);
      // The first division is a card of the list; the others are level-3 cards inside it.
      expect(res.body).toMatch(
        /<h2 class="card-title"><a id="agency-pennine-driving"[^>]*>Pennine Staffing Group - Driving Division<\/a>/,
      );
      expect(res.body).toMatch(/<h3 class="card-title"><a id="agency-pennine-industrial"/);
      expect(res.body).toMatch(/<h3 class="card-title"><a id="agency-pennine-logistics"/);
      expect(await findHtmlProblems(res.body)).toEqual([]);
    });

    it('keeps the page order for the first division of each brand', () => {
      const entry = (slug: string, brand: string) =>
        ({ result: { slug }, listing: {}, brand: { slug: brand, name: brand } }) as ResultEntry;
      const groups = groupByBrand([
        entry('a1', 'a'),
        entry('b1', 'b'),
        entry('a2', 'a'),
        entry('c1', 'c'),
        entry('a3', 'a'),
      ]);
      expect(groups.map((g) => [g.lead.result.slug, g.more.map((m) => m.result.slug)])).toEqual([
        ['a1', ['a2', 'a3']],
        ['b1', []],
        ['c1', []],
      ]);
      expect(moreDivisionsText(groups[0]!)).toBe('and 2 more divisions of a');
      expect(moreDivisionsText({ ...groups[0]!, more: groups[0]!.more.slice(1) })).toBe(
        'and 1 more division of a',
      );
    });
  });

  describe('pages', () => {
    it('answers a page past the last one with 404 and a link to the last page', async () => {
      const ok = await get(`/search?${LEEDS}&page=2`);
      expect(ok.statusCode).toBe(200);
      const res = await get(`/search?${LEEDS}&page=3`);
      expect(res.statusCode).toBe(404);
      const text = textOf(res.body);
      expect(text).toContain('There is no page 3 of these results');
      expect(text).toContain('These results have 2 pages. Go to the last page (page 2)');
      expect(res.body).toContain(
        '<a href="/search?industry=driving&amp;purpose=job&amp;location=Leeds&amp;page=2">Go to the last page (page 2)</a>',
      );
      expect(await findHtmlProblems(res.body)).toEqual([]);
    });

    it('links to the only page when the results fit on one', async () => {
      const res = await get(`/search?${LEEDS}&q=forklift&page=2`);
      expect(res.statusCode).toBe(404);
      expect(textOf(res.body)).toContain(
        'These results fit on one page. Go to the last page (page 1)',
      );
      expect(res.body).toContain(
        '<a href="/search?industry=driving&amp;purpose=job&amp;location=Leeds&amp;q=forklift">Go to the last page (page 1)</a>',
      );
    });
  });

  describe('order control', () => {
    it('says what each order offered means and what "Verified" means', async () => {
      const covers = await get(`/search?${LEEDS}`);
      expect(textOf(covers.body)).toContain(
        '"Agencies who cover this location" lists first the agencies whose coverage names your place, then its region or nation, then the whole UK, then those with an office within 25 miles; "Specialists (Location not important)" puts first the agencies that name your sub-sector or work in the fewest industries, wherever they are; "Verified" means the directory has checked that the agency is a real, trading business; it is not a rating.',
      );
      expect(covers.body).toContain(
        '<select class="select" id="order" name="order" aria-describedby="order-hint">',
      );
      const local = await get(`/search?${LEEDS}&subsector=driving%2Flgv`);
      expect(textOf(local.body)).toContain(
        '"Agencies who cover this location" lists first the agencies whose coverage names your place, then its region or nation, then the whole UK, then those with an office within 25 miles; "Agencies nearest to your location" puts first the agencies with the nearest office; "Verified" means',
      );
    });
  });

  describe('cards', () => {
    it('show the nearest office once, with one rounding, and the other offices after it', async () => {
      const res = await get(`/search?${LEEDS}&q=forklift`);
      const text = textOf(res.body);
      expect(text).toContain(
        'Nearest office Leeds, LS12 1AA (2 miles away) Show 1 more office of Forklift People Bradford, BD1 1AA (9 miles)',
      );
      expect(text.split('LS12 1AA').length - 1).toBe(1);
      expect(text).not.toMatch(/Nearest office [\d.]+ miles? away in/);
    });

    it('leave out only the reasons that restate the nearest office', () => {
      expect(isNearestOfficeLine('Nearest office 2.2 miles away in Leeds')).toBe(true);
      expect(isNearestOfficeLine('Office in Cardiff, inside Wales')).toBe(true);
      expect(
        isNearestOfficeLine('Office 20 miles away in Croydon; covers Greater London, not Surrey'),
      ).toBe(false);
      expect(isNearestOfficeLine('Covers West Yorkshire, including Leeds')).toBe(false);
    });
  });
});
