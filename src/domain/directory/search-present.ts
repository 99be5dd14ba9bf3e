/** A ranked candidate as a result: its nearest branch in miles, its coverage tier and its `why`. */
import { branchMiles, type SearchAt } from './search-area.js';
import { typeMaskOf, type IndexedDirectory } from './search-index.js';
import {
  COVERAGE_TIERS,
  type SearchFacets,
  type SearchOutcome,
  type SearchPlace,
  type SearchResult,
} from './search-outcome.js';
import type { SearchQuery } from './search-query.js';
import {
  NATIONAL_WHY,
  coversWhy,
  nearbyOfficeWhy,
  nearestOfficeWhy,
  notCoveredWhy,
  offersText,
  proseName,
  specialismWhy,
} from './search-why.js';
import type { Industry, SearchOrder } from './taxonomy.js';

/** A candidate of the scan (search-scan.ts Scratch) by value. */
export interface Candidate {
  index: number;
  unnamed: number;
  tier: number;
  branch: number;
}

export function outcome(
  order: SearchOrder,
  place: SearchPlace,
  query: SearchQuery,
  radiusMiles: number | null,
  total: number,
  results: SearchResult[],
  facets: SearchFacets,
): SearchOutcome {
  return {
    order,
    location: { name: place.name, kind: place.kind, lat: place.lat, lon: place.lon },
    radiusMiles,
    total,
    page: query.page,
    pageSize: query.pageSize,
    results,
    facets,
  };
}

/**
 * The coverage entry behind tier 1 or 2 (by position), and whether it lies inside the place;
 * read from the current search's chain marks.
 */
function tierEntry(
  index: IndexedDirectory,
  L: number,
  tier: number,
  at: SearchAt,
): { entry: number; within: boolean } | null {
  const f = index.flat;
  const first = f.covStart[L]!;
  for (let k = first, end = f.covStart[L + 1]!; k < end; k++) {
    const n = f.cov[k]!;
    if (at.marks[n] === at.mark && f.placeClass[n] === tier)
      return { entry: k - first, within: false };
  }
  if (tier === 1 && at.own >= 0) {
    const ownId = index.placeIds[at.own]!;
    const coverage = index.listings[L]!.coverage;
    if (coverage !== 'national')
      for (let k = 0; k < coverage.length; k++)
        if (index.ancestors(coverage[k]!).includes(ownId)) return { entry: k, within: true };
  }
  return null;
}

export function present(
  index: IndexedDirectory,
  c: Candidate,
  query: SearchQuery,
  industry: Industry,
  place: SearchPlace,
  at: SearchAt,
): SearchResult {
  const { geometry, island, placeName } = at;
  const listing = index.listings[c.index]!;
  const branch = listing.branches[c.branch]!;
  const miles = branchMiles(index, branch, place, geometry);
  const tenths = Math.round(miles * 10);
  const isArea = geometry !== null;
  const why: string[] = [];
  let officeSaid = false;
  if (c.tier === 1 || c.tier === 2) {
    const found = tierEntry(index, c.index, c.tier, at);
    const entry =
      found === null || listing.presentedCoverage === 'national'
        ? null
        : { ...found, ...listing.presentedCoverage[found.entry]! };
    const name = entry === null ? placeName : proseName(entry.name);
    const relation = entry?.within
      ? 'within'
      : c.tier === 1 && entry !== null && entry.id !== place.chain[0]
        ? 'including'
        : null;
    why.push(coversWhy(name, relation, placeName));
  } else if (c.tier === 3) why.push(NATIONAL_WHY);
  else if (c.tier === 4) {
    // The nearest branch on the place's side of the Irish Sea.
    let near = branch;
    let nearMiles = Infinity;
    for (const b of listing.branches) {
      if (island >= 0 && b.island !== island) continue;
      const d = b === branch ? miles : branchMiles(index, b, place, geometry);
      if (d < nearMiles) {
        nearMiles = d;
        near = b;
      }
    }
    officeSaid = near === branch;
    why.push(nearbyOfficeWhy(listing, near.townName, nearMiles, isArea, placeName));
  } else why.push(notCoveredWhy(listing, placeName));
  const namedSubsector = query.subsector && c.unnamed === 0 ? query.subsector.name : null;
  why.push(specialismWhy(namedSubsector, industry.name, listing.industryCount));
  if (!officeSaid) why.push(nearestOfficeWhy(tenths, miles, branch.townName, isArea, placeName));
  if (query.employmentTypes.length > 0) {
    const offered = offersText(listing.typeMask & typeMaskOf(query.employmentTypes));
    if (offered !== null) why.push(offered);
  }
  return {
    slug: listing.slug,
    name: listing.name,
    brand: listing.brand,
    description: listing.description,
    verified: listing.verified,
    employmentTypes: listing.employmentTypes,
    listedSince: listing.listedSince,
    branchCount: listing.branches.length,
    nearestBranch: {
      town: branch.townName,
      postcode: branch.postcode,
      lat: branch.lat,
      lon: branch.lon,
      distanceMiles: tenths / 10,
    },
    coverage: listing.presentedCoverage,
    match: COVERAGE_TIERS[c.tier - 1]!,
    why,
  };
}
