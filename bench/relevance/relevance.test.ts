import { describe, expect, it } from 'vitest';
import { buildBranch, buildListing } from '../../test/factories.js';
import type { SearchOutcome, SearchResult } from '../../src/domain/directory/search-outcome.js';
import { listIndustries } from '../../src/domain/directory/taxonomy.js';
import {
  automaticRadius,
  distancesAscending,
  firstResultIs,
  nearbyOfficesNearAndSameSide,
  noNearbyOfficeInFirst,
  noResultOutsideTheIndustry,
  precisionAt10,
  tiersInOrder,
  withinRadius,
  type Answer,
  type Answered,
  type Tier,
} from './expectations.js';
import { listRelevanceQueries } from './queries.js';

function answered(match: Tier, miles = 1, nation = 'nation:england', industries = ['IT']) {
  const listing = buildListing({ industries, subsectors: [], branches: [buildBranch()] });
  const result = {
    slug: listing.slug,
    nearestBranch: { town: 'Leeds', postcode: 'LS1 5AB', lat: 0, lon: 0, distanceMiles: miles },
    match,
  } as unknown as SearchResult;
  return { result, listing, match, officeNation: nation } satisfies Answered;
}

function answerOf(all: Answered[], radiusMiles: number | null = null): Answer {
  const outcome = { order: 'covers', total: all.length, results: [] } as unknown as SearchOutcome;
  return { outcome, all, radiusMiles, nation: 'nation:england' };
}

const tiers = (...list: Tier[]) => answerOf(list.map((t) => answered(t)));

describe('relevance expectations', () => {
  it('tiers in order: place, region, national, nearby-office, and never none', () => {
    expect(tiersInOrder().holds(tiers('place', 'place', 'region', 'national'))).toBe(true);
    expect(tiersInOrder().holds(tiers('place', 'national', 'region'))).toBe(false);
    expect(tiersInOrder().holds(tiers('place', 'none'))).toBe(false);
  });

  it('no nearby-office in the first 10 while 10 place or region matches exist', () => {
    const ten = Array.from({ length: 10 }, (): Tier => 'region');
    const rule = noNearbyOfficeInFirst(10);
    expect(rule.holds(tiers(...ten, 'nearby-office'))).toBe(true);
    expect(rule.holds(tiers('nearby-office', ...ten))).toBe(false);
    // Fewer than 10 relevant: nearby offices may fill the page.
    expect(rule.holds(tiers('place', 'nearby-office', 'nearby-office'))).toBe(true);
  });

  it('the first result is place', () => {
    expect(firstResultIs('place').holds(tiers('place', 'region'))).toBe(true);
    expect(firstResultIs('place').holds(tiers('region', 'place'))).toBe(false);
    expect(firstResultIs('place').holds(tiers())).toBe(false);
  });

  it('no result outside the industry', () => {
    const rule = noResultOutsideTheIndustry('IT');
    expect(rule.holds(answerOf([answered('place')]))).toBe(true);
    expect(rule.holds(answerOf([answered('place', 1, 'nation:england', ['driving'])]))).toBe(false);
  });

  it('nearby offices within 25 miles and never across the Irish Sea', () => {
    const rule = nearbyOfficesNearAndSameSide();
    expect(rule.holds(answerOf([answered('nearby-office', 24)]))).toBe(true);
    expect(rule.holds(answerOf([answered('nearby-office', 26)]))).toBe(false);
    expect(rule.holds(answerOf([answered('nearby-office', 20, 'nation:northern-ireland')]))).toBe(
      false,
    );
  });

  it('distances and radii', () => {
    const near = answerOf([answered('none', 1), answered('none', 3)], 40);
    expect(distancesAscending().holds(near)).toBe(true);
    expect(distancesAscending().holds(answerOf([answered('none', 3), answered('none', 1)]))).toBe(
      false,
    );
    expect(withinRadius(40).holds(near)).toBe(true);
    expect(withinRadius(2).holds(near)).toBe(false);
    // The automatic radius needs 5 results within it, or the whole UK.
    expect(automaticRadius().holds(near)).toBe(false);
    const five = answerOf(
      Array.from({ length: 5 }, (_, i) => answered('none', 10 + i)),
      40,
    );
    expect(automaticRadius().holds(five)).toBe(true);
    expect(automaticRadius().holds(answerOf([answered('none', 300)], null))).toBe(true);
    expect(automaticRadius().holds({ ...five, radiusMiles: 25 })).toBe(false);
  });

  it('precision@10 counts place and region among the first 10', () => {
    expect(precisionAt10(tiers('place', 'region', 'national', 'nearby-office'))).toBe(0.5);
    expect(precisionAt10(tiers(...Array.from({ length: 12 }, (): Tier => 'place')))).toBe(1);
    expect(precisionAt10(tiers())).toBeNull();
  });
});

describe('the relevance queries', () => {
  const queries = listRelevanceQueries();

  it('are 150 or more, over every industry, both purposes, each order and kind of place, in all four nations', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    const industries = new Set(queries.map((q) => q.params.industry));
    expect([...industries].sort()).toEqual(
      listIndustries()
        .map((i) => i.slug)
        .sort(),
    );
    expect(new Set(queries.map((q) => q.params.purpose))).toEqual(new Set(['job', 'staff']));
    for (const order of ['covers', 'specialists', 'nearest'])
      expect(queries.filter((q) => q.params.order === order).length).toBeGreaterThanOrEqual(30);
    for (const kind of ['town', 'postcode', 'county', 'region', 'nation'])
      expect(queries.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(8);
    for (const nation of ['england', 'scotland', 'wales', 'northern-ireland'])
      expect(queries.filter((q) => q.nation === nation).length).toBeGreaterThanOrEqual(15);
  });

  it('expect things of match, industry, nation and distance, never of slugs', () => {
    for (const q of queries) {
      expect(q.expectations.length).toBeGreaterThanOrEqual(2);
      expect(q.expectations.map((e) => e.rule)).toContain('has-tier');
      for (const e of q.expectations) expect(e.says).not.toMatch(/slug/);
    }
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
  });
});
