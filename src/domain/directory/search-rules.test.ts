/**
 * The search rules of issue 11 on a small hand-made directory (test/fixtures/search-directory.ts):
 * coverage tiers and their words, covers' order within a tier, nearest's automatic radius, facet
 * counts equal to the totals they lead to, areas measured by their anchor towns, the Irish Sea,
 * and containment chains of any length.
 */
import { describe, expect, it } from 'vitest';
import { searchFixture } from '../../../test/fixtures/search-directory.js';
import { PORTPATRICK, WESTMINSTER } from '../../../test/fixtures/search-places.js';
import { SearchIndex } from './search-engine.js';
import { COVERAGE_TIERS, type SearchOutcome } from './search-outcome.js';
import { resolveSearch } from './search-request.js';
import type { RawSearchParams } from './search-query.js';

const index = new SearchIndex(searchFixture());

function search(params: RawSearchParams): SearchOutcome {
  const { query, place } = resolveSearch({ purpose: 'job', pageSize: '50', ...params });
  return index.search(query, place);
}

const rows = (out: SearchOutcome) => out.results.map((r) => [r.slug, r.match]);
const firstReasons = (out: SearchOutcome) => out.results.map((r) => r.why[0]);

describe('coverage tiers', () => {
  it('childcare/nannies, job, Surrey (covers): the agencies covering Surrey come first, London-only ones last', () => {
    const out = search({
      industry: 'childcare',
      subsector: 'nannies',
      location: 'Surrey',
      order: 'covers',
    });
    expect(rows(out)).toEqual([
      ['surrey-nannies', 'place'],
      ['guildford-nannies', 'place'],
      ['south-east-nannies', 'region'],
      ['uk-nannies', 'national'],
      ['a-london-nannies', 'nearby-office'],
      ['b-london-nannies', 'nearby-office'],
      ['c-camden-nannies', 'nearby-office'],
    ]);
    expect(firstReasons(out)).toEqual([
      'Covers Surrey',
      'Covers Guildford, in Surrey',
      'Covers South East',
      'Covers the whole UK',
      'Office 5 miles away in Croydon; covers Greater London, not Surrey',
      'Office 12 miles away in London; covers Greater London, not Surrey',
      'Office 13 miles away in Camden Town; covers London, not Surrey',
    ]);
    // Manchester-only: no tier, so not under covers.
    expect(out.total).toBe(7);
  });

  it('shows tier 5 (none) only under specialists and nearest, and says so', () => {
    const specialists = search({
      industry: 'childcare',
      subsector: 'nannies',
      location: 'Surrey',
      order: 'specialists',
    });
    const manchester = specialists.results.find((r) => r.slug === 'manchester-nannies');
    expect(manchester?.match).toBe('none');
    expect(manchester?.why[0]).toBe('Covers Greater Manchester, not Surrey');
    for (const order of ['covers', 'specialists', 'nearest'])
      for (const location of ['Surrey', 'Leeds', 'Wales', 'Truro', 'LS1 4AP', 'Yorkshire']) {
        const out = search({ industry: 'IT', location, order });
        for (const r of out.results) expect(COVERAGE_TIERS).toContain(r.match);
        if (order === 'covers') expect(out.results.some((r) => r.match === 'none')).toBe(false);
      }
  });

  it('IT, job, Leeds: the agency covering Leeds with an office 0.5 miles away ranks above national specialists far away', () => {
    const out = search({ industry: 'IT', location: 'Leeds' });
    expect(rows(out)).toEqual([
      ['leeds-it', 'place'],
      ['bradford-it', 'place'],
      ['huddersfield-dev', 'place'],
      ['yorkshire-it', 'region'],
      ['bbb-national-it', 'national'],
      ['aaa-national-it', 'national'],
    ]);
    expect(firstReasons(out).slice(0, 5)).toEqual([
      'Covers West Yorkshire, including Leeds',
      'Covers West Yorkshire, including Leeds',
      'Covers West Yorkshire, including Leeds',
      'Covers Yorkshire and the Humber',
      'Covers the whole UK',
    ]);
    // leeds-it covers 3 industries but its office is in the nearest band (under 5 miles).
    expect(out.results[0]?.why).toEqual([
      'Covers West Yorkshire, including Leeds',
      'Covers IT among 3 industries',
      'Nearest office 0.5 miles away in Leeds',
    ]);
  });

  it('within a tier: the named sub-sector first, then the distance band, then fewer industries', () => {
    const out = search({ industry: 'IT', subsector: 'softwaredevelopment', location: 'Leeds' });
    // huddersfield-dev names Software Development (14 miles); leeds-it (0.5 miles, band 0) then
    // bradford-it (8 miles, band 1) although bradford-it covers fewer industries.
    expect(out.results.slice(0, 3).map((r) => r.slug)).toEqual([
      'huddersfield-dev',
      'leeds-it',
      'bradford-it',
    ]);
  });

  it('a nearby office never counts across the Irish Sea', () => {
    // Portpatrick, Scotland: the Donaghadee (Northern Ireland) office is about 21 miles away.
    const ask = (order: string) =>
      index.search(
        resolveSearch({
          industry: 'IT',
          purpose: 'job',
          location: 'Stranraer',
          order,
          pageSize: '50',
        }).query,
        PORTPATRICK,
      );
    const belfast = ask('specialists').results.find((r) => r.slug === 'belfast-it');
    expect(belfast?.nearestBranch.distanceMiles).toBeLessThan(25);
    expect(belfast?.match).toBe('none');
    expect(ask('covers').results.map((r) => r.slug)).not.toContain('belfast-it');
  });

  it('accepts a containment chain of any length', () => {
    const { query } = resolveSearch({
      industry: 'childcare',
      purpose: 'job',
      location: 'London',
      order: 'covers',
    });
    const out = index.search(query, WESTMINSTER);
    const bySlug = new Map(out.results.map((r) => [r.slug, r]));
    expect(bySlug.get('c-camden-nannies')?.match).toBe('place');
    expect(bySlug.get('c-camden-nannies')?.why[0]).toBe('Covers London, including Westminster');
    expect(bySlug.get('b-london-nannies')?.why[0]).toBe(
      'Covers Greater London, including Westminster',
    );
  });
});

describe('nearest: the automatic radius and honest totals', () => {
  it('searches 40 miles when 5 match there, and says so', () => {
    const out = search({ industry: 'IT', location: 'Leeds', order: 'nearest' });
    expect(out.radiusMiles).toBe(40);
    expect(out.total).toBe(5);
    expect(out.results.every((r) => r.nearestBranch.distanceMiles <= 40)).toBe(true);
  });

  it('widens to 80, then 160, then the whole UK while fewer than 5 match', () => {
    const wales = search({ industry: 'IT', location: 'Wales', order: 'nearest' });
    expect([wales.radiusMiles, wales.total]).toEqual([80, 7]);
    // LGV drivers from Truro (nearest by default): 2 within 40, 4 within 80, 5 within 160.
    const truro = search({ industry: 'driving', subsector: 'lgv', location: 'Truro' });
    expect(truro.order).toBe('nearest');
    expect([truro.radiusMiles, truro.total]).toEqual([160, 5]);
    expect(truro.results.map((r) => r.slug)).toEqual([
      'truro-lgv',
      'camborne-lgv',
      'plymouth-lgv',
      'exeter-lgv',
      'taunton-lgv',
    ]);
    const belfast = search({ industry: 'driving', subsector: 'lgv', location: 'Belfast' });
    expect([belfast.radiusMiles, belfast.total]).toEqual([null, 7]);
  });

  it('uses a radius the user gives as given, without widening', () => {
    const out = search({
      industry: 'driving',
      subsector: 'lgv',
      location: 'Truro',
      radiusMiles: '5',
    });
    expect([out.radiusMiles, out.total]).toEqual([5, 1]);
    expect(search({ industry: 'IT', location: 'Leeds', radiusMiles: '10' }).radiusMiles).toBe(10);
    // covers and specialists have no automatic radius.
    expect(search({ industry: 'IT', location: 'Wales' }).radiusMiles).toBeNull();
  });
});

describe('facet counts are the totals they lead to', () => {
  it('the Refine panel offers "LGV Drivers (5)" from Truro, and choosing it finds 5', () => {
    const before = search({ industry: 'driving', location: 'Truro' });
    expect(before.order).toBe('covers');
    expect(before.facets.subsectors.lgv).toBe(5);
    expect(search({ industry: 'driving', subsector: 'lgv', location: 'Truro' }).total).toBe(5);
  });

  const queries: RawSearchParams[] = [
    { industry: 'driving', location: 'Truro' },
    { industry: 'driving', location: 'Truro', order: 'covers' },
    { industry: 'driving', location: 'Truro', subsector: 'lgv', employmentType: 'permanent' },
    { industry: 'driving', location: 'Cornwall', order: 'specialists' },
    { industry: 'IT', location: 'Wales', order: 'nearest' },
    { industry: 'IT', location: 'Wales', radiusMiles: '25' },
    { industry: 'IT', location: 'Leeds', verified: 'true' },
    { industry: 'childcare', location: 'Surrey', subsector: 'nannies', order: 'covers' },
    { industry: 'childcare', location: 'Surrey' },
  ];
  it.each(queries)('for every value of every facet: %o', (params) => {
    const out = search(params);
    for (const [sub, count] of Object.entries(out.facets.subsectors))
      expect([sub, search({ ...params, subsector: sub }).total]).toEqual([sub, count]);
    for (const [type, count] of Object.entries(out.facets.employmentTypes))
      expect([type, search({ ...params, employmentType: type }).total]).toEqual([type, count]);
    expect(search({ ...params, verified: 'true' }).total).toBe(out.facets.verified);
  });

  it('keeps only verified agencies with verified=true', () => {
    const out = search({ industry: 'IT', location: 'Wales', radiusMiles: '25', verified: 'true' });
    expect(out.results.map((r) => r.slug)).toEqual(['cardiff-it']);
  });
});

describe('searching a county, region or nation', () => {
  it('IT, Wales, radius 25: an office inside Wales is 0 miles away, one outside is measured to the nearest Welsh town', () => {
    const out = search({ industry: 'IT', location: 'Wales', radiusMiles: '25' });
    expect(rows(out)).toEqual([
      ['cardiff-it', 'place'],
      ['bristol-it', 'nearby-office'],
    ]);
    expect(out.results[0]?.why).toEqual([
      'Covers South Glamorgan, in Wales',
      'Specialises in IT',
      'Office in Cardiff, inside Wales',
    ]);
    expect(out.results[0]?.nearestBranch.distanceMiles).toBe(0);
    expect(out.results[1]?.why[0]).toBe(
      'Office 13 miles away in Bristol; covers Bristol, not Wales',
    );
  });

  it('breaks ties at 0 miles by the distance to the area’s centre', () => {
    const out = search({
      industry: 'childcare',
      subsector: 'nannies',
      location: 'Surrey',
      order: 'nearest',
    });
    // Woking is nearer the centre of Surrey than Guildford; both are inside (0 miles).
    expect(out.results.slice(0, 2).map((r) => [r.slug, r.nearestBranch.distanceMiles])).toEqual([
      ['surrey-nannies', 0],
      ['guildford-nannies', 0],
    ]);
    expect(out.results[2]?.why[0]).toBe(
      'Office 5 miles away in Croydon; covers Greater London, not Surrey',
    );
  });
});
