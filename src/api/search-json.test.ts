import fastJson from 'fast-json-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { generateDemoDirectory } from '../domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../domain/directory/demo-postcodes.js';
import { SearchIndex } from '../domain/directory/search-engine.js';
import { resolveSearch } from '../domain/directory/search-request.js';
import { listIndustries } from '../domain/directory/taxonomy.js';
import { toSearchLocation } from '../services/search-location.js';
import { searchResponseJson } from './search-json.js';
import { SearchResponse } from './search.schemas.js';

describe('searchResponseJson', () => {
  const directory = generateDemoDirectory({ scale: 0.2, outcodeForTown: demoOutcodeForTown });
  const index = new SearchIndex(directory);
  const schemaSerializer = fastJson(SearchResponse);
  const places = ['Leeds', 'Truro', 'Inverness', 'Belfast', 'Wales', 'LS1 4AP', 'Kent'];
  const orders = ['covers', 'specialists', 'nearest'];
  const outcomes = listIndustries().flatMap((industry, i) => {
    const raw = {
      industry: industry.slug,
      purpose: i % 2 === 0 ? 'job' : 'staff',
      location: places[i % places.length],
      order: orders[i % orders.length],
      ...(i % 3 === 0 ? { employmentType: 'temporary' } : {}),
      pageSize: '50',
    };
    const { query, place, geocoded } = resolveSearch(raw);
    return [{ ...index.search(query, place), location: toSearchLocation(geocoded) }];
  });

  it('writes the same text as JSON.stringify and the same data as the schema serializer', () => {
    const version = {};
    expect(outcomes.filter((o) => o.results.length > 0).length).toBeGreaterThan(40);
    for (const outcome of outcomes) {
      const text = searchResponseJson(outcome, version);
      expect(text).toBe(JSON.stringify(outcome));
      expect(JSON.parse(text)).toEqual(JSON.parse(schemaSerializer(outcome)));
    }
    // Again, now from the kept fragments.
    for (const outcome of outcomes)
      expect(searchResponseJson(outcome, version)).toBe(JSON.stringify(outcome));
  });
});

describe('GET /api/agencies/search writes listings exactly as they are, version by version', () => {
  const hostile =
    'Quotes " and \\ backslash, </script><script>alert(1)</script>, \u2028 line, ☕ and \u0007 bell';
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      buildDirectory([
        buildBrand({
          name: 'Brand "A"',
          listings: [
            buildListing({ slug: 'odd-text', name: 'Odd "Text" Agency', description: hostile }),
          ],
        }),
      ]),
    );
  });
  afterAll(() => t.close());

  const search = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/agencies/search?industry=driving&purpose=job&location=Leeds',
    });
    return {
      res,
      body: res.json<{
        results: { slug: string; name: string; brand: string; description: string }[];
      }>(),
    };
  };

  it('keeps every character of names and descriptions, as JSON', async () => {
    const { res, body } = await search();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(body.results[0]).toMatchObject({
      slug: 'odd-text',
      name: 'Odd "Text" Agency',
      brand: 'Brand "A"',
      description: hostile,
    });
  });

  it('shows a changed description once the directory changes, not the one written before', async () => {
    await search();
    await t.store.replaceDirectory(
      buildDirectory([
        buildBrand({
          name: 'Brand "A"',
          listings: [
            buildListing({
              slug: 'odd-text',
              name: 'Odd "Text" Agency',
              description: 'Now plain.',
            }),
          ],
        }),
      ]),
      { demo: false, changedAt: '2026-11-26T11:00:00.000Z' },
    );
    await t.refresh();
    const { body } = await search();
    expect(body.results[0]?.description).toBe('Now plain.');
  });
});
