/** Agency Search use-cases: search and show, over the in-memory index of the current directory. */
import type { Directory } from '../domain/directory/directory.js';
import { DomainError } from '../domain/errors.js';
import { SearchIndex } from '../domain/directory/search-engine.js';
import { resolveSearch } from '../domain/directory/search-request.js';
import { toSearchLocation, type AgencySearchOutcome } from './search-location.js';
import type { RawSearchParams } from '../domain/directory/search-query.js';
import type { DirectorySnapshot } from './directory-snapshot.service.js';
import { findPlaceById } from '../domain/directory/places.js';
import { findIndustry, findSubsector } from '../domain/directory/taxonomy.js';
import type { Listing } from '../domain/directory/directory.js';

export interface SearchDeps {
  snapshot: DirectorySnapshot<SearchIndexes>;
}

/** A listing with the brand it belongs to. */
export interface ListingEntry {
  listing: Listing;
  brand: { slug: string; name: string };
}

/** What the snapshot derives from each directory version for search and lookup. */
export interface SearchIndexes {
  index: SearchIndex;
  listings: Map<string, ListingEntry>;
}

/** Builds the search index and the slug lookup from a directory. */
export function buildSearchIndexes(directory: Directory): SearchIndexes {
  const listings = new Map<string, ListingEntry>();
  for (const brand of directory.brands) {
    for (const listing of brand.listings)
      listings.set(listing.slug, { listing, brand: { slug: brand.slug, name: brand.name } });
  }
  return { index: new SearchIndex(directory), listings };
}

/** The listing of a slug in the current directory, with its brand; undefined when there is none. */
export function findListing(deps: SearchDeps, slug: string): ListingEntry | undefined {
  return deps.snapshot.get().derived.listings.get(slug);
}

/** How many listings the directory holds (0 before it has loaded). */
export function countListings(deps: SearchDeps): number {
  try {
    return deps.snapshot.get().derived.index.size;
  } catch {
    return 0;
  }
}

/** True while the directory is the generated demo directory (false before it has loaded). */
export function servesDemoDirectory(deps: SearchDeps): boolean {
  try {
    return deps.snapshot.get().demo;
  } catch {
    return false;
  }
}

export interface SearchOptions {
  /** The website: facet counts follow the orders it offers per sub-sector (see isOrderOffered). */
  offeredOrdersOnly?: boolean;
}

/** Searches the directory; throws a DomainError naming every bad parameter. */
export function searchAgencies(
  deps: SearchDeps,
  raw: RawSearchParams,
  options: SearchOptions = {},
): AgencySearchOutcome {
  return searchVersion(deps, raw, options).outcome;
}

/**
 * Searches the current directory version and says which one it was (`version`: the same object
 * for as long as the directory does not change), for callers that keep work per version.
 */
export function searchVersion(
  deps: SearchDeps,
  raw: RawSearchParams,
  options: SearchOptions = {},
): { outcome: AgencySearchOutcome; version: SearchIndexes } {
  const resolved = resolveSearch(raw);
  const { place, geocoded } = resolved;
  const query = options.offeredOrdersOnly
    ? { ...resolved.query, offeredOrdersOnly: true }
    : resolved.query;
  const version = deps.snapshot.get().derived;
  const outcome = version.index.search(query, place);
  return { outcome: { ...outcome, location: toSearchLocation(geocoded) }, version };
}

export interface AgencyDetail {
  slug: string;
  name: string;
  brand: { slug: string; name: string };
  description: string;
  website: string | null;
  verified: boolean;
  listedSince: string;
  industries: { slug: string; name: string }[];
  subsectors: { key: string; industry: string; slug: string; name: string }[];
  employmentTypes: string[];
  purposes: string[];
  coverage: 'national' | { id: string; name: string; kind: string }[];
  branches: {
    id: string;
    name: string;
    address: string;
    town: { id: string; name: string };
    postcode: string;
    lat: number;
    lon: number;
    candidate: { phone: string | null; email: string | null };
    employer: { phone: string | null; email: string | null };
  }[];
}

/** The full listing for its profile; throws `not-found` for an unknown slug. */
export function getAgency(deps: SearchDeps, slug: string): AgencyDetail {
  const lookup = (industry: string, sub?: string) =>
    sub === undefined ? findIndustry(industry) : findSubsector(industry, sub);
  const entry = findListing(deps, slug);
  if (!entry) throw DomainError.single('not-found', `There is no agency listing "${slug}"`, null);
  const { listing, brand } = entry;
  return {
    slug: listing.slug,
    name: listing.name,
    brand,
    description: listing.description,
    website: listing.website,
    verified: listing.verified,
    listedSince: listing.listedSince,
    industries: listing.industries.map((slug) => ({ slug, name: lookup(slug)?.name ?? slug })),
    subsectors: listing.subsectors.map((key) => {
      const [industry = '', sub = ''] = key.split('/');
      return { key, industry, slug: sub, name: lookup(industry, sub)?.name ?? sub };
    }),
    employmentTypes: listing.employmentTypes,
    purposes: listing.purposes,
    coverage:
      listing.coverage === 'national'
        ? 'national'
        : listing.coverage.map((id) => {
            const place = findPlaceById(id);
            return { id, name: place?.name ?? id, kind: place?.kind ?? 'place' };
          }),
    branches: listing.branches.map((b) => ({
      id: b.id,
      name: b.name,
      address: b.address,
      town: { id: b.town, name: findPlaceById(b.town)?.name ?? b.town },
      postcode: b.postcode,
      lat: b.lat,
      lon: b.lon,
      candidate: { phone: b.candidatePhone, email: b.candidateEmail },
      employer: { phone: b.employerPhone, email: b.employerEmail },
    })),
  };
}
