/**
 * What a relevance query expects of its answer, as predicates on each result's coverage tier
 * (`match`), industry, nation and distance: never on slugs, so the expectations stay true when the
 * demo directory is generated again. Pure: each check sees the whole answer (every page) with the
 * listing behind each result.
 */
import type { Listing } from '../../src/domain/directory/directory.js';
import type { SearchOutcome, SearchResult } from '../../src/domain/directory/search-outcome.js';

export type Tier = 'place' | 'region' | 'national' | 'nearby-office' | 'none';
const TIERS: readonly Tier[] = ['place', 'region', 'national', 'nearby-office', 'none'];
/** Tiers counted relevant for precision@10. */
const RELEVANT: ReadonlySet<Tier> = new Set<Tier>(['place', 'region']);

/** One result with what the checks read of it. */
export interface Answered {
  result: SearchResult;
  listing: Listing;
  /** `match` as the engine gave it; undefined when the engine has no tiers. */
  match: Tier | undefined;
  /** The nation of the result's nearest office (the one the engine measured to). */
  officeNation: string | undefined;
}

export interface Answer {
  outcome: SearchOutcome;
  /** Every result of the query, in order (all pages). */
  all: Answered[];
  /** The radius the engine says it searched (`radiusMiles`): a number, null, or undefined. */
  radiusMiles: number | null | undefined;
  /** The searched place's nation, e.g. `nation:wales`. */
  nation: string;
}

export interface Expectation {
  /** Which rule it is, for counting failures: `tiers-in-order`, `first-is`... */
  rule: string;
  /** What is expected, in words ("the first result is place"). */
  says: string;
  holds(answer: Answer): boolean;
}

const tierRank = (t: Tier | undefined) => (t === undefined ? -1 : TIERS.indexOf(t));
const isGb = (nation: string | undefined) =>
  nation !== undefined && nation !== 'nation:northern-ireland';
const sameSide = (a: string | undefined, b: string) =>
  a !== undefined && (a === 'nation:northern-ireland') === (b === 'nation:northern-ireland');

/** `match` reads as one of the five tiers on every result. */
export function everyResultHasATier(): Expectation {
  return {
    rule: 'has-tier',
    says: 'every result carries match',
    holds: (a) => a.all.every((r) => r.match !== undefined && TIERS.includes(r.match)),
  };
}

/** No result outside the industry (with a sub-sector: naming it, or covering the industry whole). */
export function noResultOutsideTheIndustry(industry: string, subsector?: string): Expectation {
  return {
    rule: 'in-industry',
    says: subsector
      ? `no result outside ${industry}/${subsector}`
      : `no result outside the industry ${industry}`,
    holds: (a) =>
      a.all.every(
        (r) =>
          r.listing.industries.includes(industry) &&
          (subsector === undefined ||
            r.listing.subsectors.includes(`${industry}/${subsector}`) ||
            !r.listing.subsectors.some((s) => s.startsWith(`${industry}/`))),
      ),
  };
}

/** `covers`: tiers 1 to 4 only, in tier order. */
export function tiersInOrder(): Expectation {
  return {
    rule: 'tiers-in-order',
    says: 'tiers place, region, national, nearby-office in order, and no none',
    holds: (a) =>
      a.all.every(
        (r, i) =>
          r.match !== undefined &&
          r.match !== 'none' &&
          (i === 0 || tierRank(a.all[i - 1]!.match) <= tierRank(r.match)),
      ),
  };
}

/** The first `k` contain no `nearby-office` while `k` place or region matches exist. */
export function noNearbyOfficeInFirst(k: number): Expectation {
  return {
    rule: 'no-nearby-office-first',
    says: `the first ${k} contain no nearby-office while ${k} place or region matches exist`,
    holds: (a) => {
      const relevant = a.all.filter((r) => r.match !== undefined && RELEVANT.has(r.match)).length;
      if (relevant < k) return a.all.every((r) => r.match !== undefined);
      return a.all.slice(0, k).every((r) => r.match !== undefined && r.match !== 'nearby-office');
    },
  };
}

/** The first result has this tier. */
export function firstResultIs(tier: Tier): Expectation {
  return {
    rule: 'first-is',
    says: `the first result is ${tier}`,
    holds: (a) => a.all[0]?.match === tier,
  };
}

/** At least `n` results have one of these tiers. */
export function atLeast(n: number, tiers: readonly Tier[]): Expectation {
  return {
    rule: 'at-least-tier',
    says: `at least ${n} ${tiers.join(' or ')} matches`,
    holds: (a) => a.all.filter((r) => r.match !== undefined && tiers.includes(r.match)).length >= n,
  };
}

/** A `nearby-office` result has its office within 25 miles, on the place's side of the Irish Sea. */
export function nearbyOfficesNearAndSameSide(): Expectation {
  return {
    rule: 'nearby-office-near-same-side',
    says: 'every nearby-office match has an office within 25 miles, never across the Irish Sea',
    holds: (a) =>
      a.all.every(
        (r) =>
          r.match !== 'nearby-office' ||
          (r.result.nearestBranch.distanceMiles <= 25 && sameSide(r.officeNation, a.nation)),
      ),
  };
}

/** In Northern Ireland, the first `k` have no office-only match in Great Britain. */
export function noGreatBritainOfficesFirst(k: number): Expectation {
  return {
    rule: 'no-gb-office-first-in-ni',
    says: `the first ${k} contain no result whose only tie is an office in Great Britain`,
    holds: (a) =>
      a.all
        .slice(0, k)
        .every(
          (r) => r.match !== undefined && !(r.match === 'nearby-office' && isGb(r.officeNation)),
        ),
  };
}

/** `nearest`: distances never go down. */
export function distancesAscending(): Expectation {
  return {
    rule: 'distances-ascending',
    says: 'distances of the nearest offices never go down',
    holds: (a) =>
      a.all.every(
        (r, i) =>
          i === 0 ||
          a.all[i - 1]!.result.nearestBranch.distanceMiles <= r.result.nearestBranch.distanceMiles,
      ),
  };
}

/** Every result within `miles` (the user's radius), and the response says that radius. */
export function withinRadius(miles: number): Expectation {
  return {
    rule: 'within-radius',
    says: `every result within ${miles} miles, and radiusMiles is ${miles}`,
    holds: (a) =>
      a.radiusMiles === miles && a.all.every((r) => r.result.nearestBranch.distanceMiles <= miles),
  };
}

/**
 * `nearest` without a radius: the radius used is 40, 80, 160 or the whole UK (null), at least 5
 * results unless it is the whole UK, and every result within it.
 */
export function automaticRadius(): Expectation {
  return {
    rule: 'automatic-radius',
    says: 'radiusMiles is 40, 80, 160 or null; 5 or more results unless null; all within it',
    holds: (a) => {
      const r = a.radiusMiles;
      if (r === undefined || !(r === null || r === 40 || r === 80 || r === 160)) return false;
      if (r === null) return true;
      return (
        a.outcome.total >= 5 &&
        a.outcome.total === a.all.length &&
        a.all.every((x) => x.result.nearestBranch.distanceMiles <= r)
      );
    },
  };
}

/** `specialists` with a sub-sector: every listing naming it comes before every one that does not. */
export function namedSubsectorFirst(industry: string, subsector: string): Expectation {
  const key = `${industry}/${subsector}`;
  return {
    rule: 'named-subsector-first',
    says: `listings naming ${key} come first`,
    holds: (a) => {
      const named = a.all.map((r) => r.listing.subsectors.includes(key));
      const firstUnnamed = named.indexOf(false);
      return firstUnnamed === -1 || !named.slice(firstUnnamed).includes(true);
    },
  };
}

/** At least `n` results. */
export function atLeastResults(n: number): Expectation {
  return {
    rule: 'at-least-results',
    says: `at least ${n} results`,
    holds: (a) => a.all.length >= n,
  };
}

/** Precision@10: the share of the first 10 results (or fewer, when fewer) that are relevant. */
export function precisionAt10(answer: Answer): number | null {
  const top = answer.all.slice(0, 10);
  if (top.length === 0) return null;
  return top.filter((r) => r.match !== undefined && RELEVANT.has(r.match)).length / top.length;
}

/** Reads `match` from a result, whether or not this build's result type declares it. */
export function matchOf(result: SearchResult): Tier | undefined {
  const value = (result as { match?: unknown }).match;
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value)
    ? (value as Tier)
    : undefined;
}

/** Reads `radiusMiles` from an outcome, whether or not this build's type declares it. */
export function radiusOf(outcome: SearchOutcome): number | null | undefined {
  const value = (outcome as { radiusMiles?: unknown }).radiusMiles;
  return typeof value === 'number' || value === null ? value : undefined;
}
