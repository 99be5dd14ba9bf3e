/** What a search is asked about (the resolved place) and what it answers. */
import type { EmploymentType, SearchOrder } from './taxonomy.js';

/** The place a search is about: a resolved location with the ids that contain it. */
export interface SearchPlace {
  name: string;
  kind: string;
  lat: number;
  lon: number;
  /** The place's own id first (when it has one), then the ids that contain it (town, county, region, nation). */
  chain: string[];
}

interface SearchResultBranch {
  town: string;
  postcode: string;
  lat: number;
  lon: number;
  distanceMiles: number;
}

/**
 * How a listing covers the searched place, best first: its coverage names the place (or a town or
 * county containing it; for an area, the area or a place inside it), the region or nation
 * containing it, the whole UK, or none of these but a branch within 25 miles (never across the
 * Irish Sea), or nothing.
 */
export type CoverageTier = 'place' | 'region' | 'national' | 'nearby-office' | 'none';
export const COVERAGE_TIERS: readonly CoverageTier[] = [
  'place',
  'region',
  'national',
  'nearby-office',
  'none',
];

export interface SearchResult {
  slug: string;
  name: string;
  brand: string;
  description: string;
  verified: boolean;
  employmentTypes: EmploymentType[];
  listedSince: string;
  branchCount: number;
  nearestBranch: SearchResultBranch;
  coverage: 'national' | { id: string; name: string }[];
  match: CoverageTier;
  why: string[];
}

export interface SearchFacets {
  employmentTypes: Record<EmploymentType, number>;
  subsectors: Record<string, number>;
  /** The total with `verified=true`. */
  verified: number;
}

export interface SearchOutcome {
  order: SearchOrder;
  location: { name: string; kind: string; lat: number; lon: number };
  /** The radius searched: the user's, the automatic one of `nearest` (40, 80 or 160), or null. */
  radiusMiles: number | null;
  total: number;
  page: number;
  pageSize: number;
  results: SearchResult[];
  facets: SearchFacets;
}
