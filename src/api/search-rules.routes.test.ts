/**
 * GET /api/agencies/search and the results page on the fixture directory: `match`, `radiusMiles`,
 * `verified` and facet counts that equal the total after choosing them (issue 11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFixture } from '../../test/fixtures/search-directory.js';
import { buildWebTestApp, findHtmlProblems, textOf, type WebTestApp } from '../../test/web-app.js';

interface SearchBody {
  order: string;
  radiusMiles: number | null;
  total: number;
  results: { slug: string; match: string; why: string[] }[];
  facets: {
    subsectors: Record<string, number>;
    employmentTypes: Record<string, number>;
    verified: number;
  };
  errors?: { field: string | null; code: string; message: string }[];
}

describe('Agency Search on the fixture directory (API and page)', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp(searchFixture());
  });
  afterAll(() => t.close());

  const api = async (query: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies/search', query });
    return { status: res.statusCode, body: res.json<SearchBody>() };
  };
  const page = async (query: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: '/search', query });
    return { status: res.statusCode, html: res.body };
  };

  it('answers match on every result, radiusMiles and the verified count', async () => {
    const { status, body } = await api({
      industry: 'IT',
      purpose: 'job',
      location: 'Leeds',
      order: 'nearest',
    });
    expect(status).toBe(200);
    expect(body.radiusMiles).toBe(40);
    expect(body.total).toBe(5);
    expect(body.results.map((r) => r.match)).toEqual(['place', 'place', 'place', 'none', 'region']);
    expect(body.facets.verified).toBe(5);
    const covers = await api({ industry: 'IT', purpose: 'job', location: 'Leeds' });
    expect(covers.body.radiusMiles).toBeNull();
    expect(covers.body.results[0]?.why[0]).toBe('Covers West Yorkshire, including Leeds');
  });

  it('the LGV count in the facets equals the total after choosing LGV', async () => {
    const before = await api({ industry: 'driving', purpose: 'job', location: 'Truro' });
    const after = await api({
      industry: 'driving',
      purpose: 'job',
      location: 'Truro',
      subsector: 'lgv',
    });
    expect(before.body.facets.subsectors.lgv).toBe(5);
    expect(after.body.total).toBe(5);
    expect(after.body.radiusMiles).toBe(160);
  });

  it('filters with verified=true, and names the field when the value is wrong', async () => {
    const { body } = await api({
      industry: 'IT',
      purpose: 'job',
      location: 'Wales',
      radiusMiles: '25',
      verified: 'true',
    });
    expect(body.results.map((r) => r.slug)).toEqual(['cardiff-it']);
    const bad = await api({ industry: 'IT', purpose: 'job', location: 'Wales', verified: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'verified', code: 'invalid', message: 'Verified must be true or false' },
    ]);
  });

  it('the page says the automatic radius, keeps the radius box empty and no link carries it', async () => {
    // LGV drivers are local work: nearest by default, widened to 160 miles to find 5.
    const { status, html } = await page({
      industry: 'driving',
      purpose: 'job',
      location: 'Truro',
      subsector: 'driving/lgv',
    });
    expect(status).toBe(200);
    expect(textOf(html)).toContain(
      'Your favourites (0) 5 agencies within 160 miles of Truro Your search',
    );
    expect(html).toMatch(/<input[^>]*id="refine-radius"[^>]*value=""/);
    expect(html).not.toContain('radiusMiles=');
    expect(html).not.toMatch(/name="radiusMiles" value="160"/);
    expect(await findHtmlProblems(html)).toEqual([]);
  });

  it('the page offers "Verified agencies only" with the count it leads to', async () => {
    const query = {
      industry: 'driving',
      purpose: 'job',
      location: 'Truro',
      subsector: 'driving/lgv',
    };
    const { html } = await page(query);
    expect(textOf(html)).toContain('Verified agencies only (6)');
    const verified = await page({ ...query, verified: 'true' });
    // 6 verified LGV agencies in the whole UK (fewer than 5 within 160 miles): no radius to name.
    expect(textOf(verified.html)).toContain(
      '6 Recruitment Agencies Found Your favourites (0) Your search',
    );
    expect(textOf(verified.html)).not.toContain('agencies within');
    expect(verified.html).toMatch(/<input[^>]*id="refine-verified"[^>]*checked/);
  });

  it('the page’s sub-sector counts equal the totals after choosing them', async () => {
    const query = { industry: 'driving', purpose: 'job', location: 'Truro', order: 'covers' };
    const { html } = await page(query);
    const options = [
      ...html.matchAll(/<option value="driving\/([a-z0-9]+)"[^>]*>([^<]*) \((\d+)\)<\/option>/g),
    ];
    expect(options.length).toBeGreaterThan(3);
    for (const [, slug, , count] of options) {
      const after = await page({ ...query, subsector: `driving/${slug}` });
      const heading = /(\d+) Recruitment Agenc(?:y|ies) Found/.exec(textOf(after.html));
      expect([slug, heading?.[1]]).toEqual([slug, count]);
    }
  });
});
