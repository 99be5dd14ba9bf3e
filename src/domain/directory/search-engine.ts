/**
 * The Agency Search engine: an in-memory index built once per directory version, answering a
 * search without touching the database. Candidates come from a per-industry posting list;
 * purposes and employment types are bit masks; distances are haversine from the place's point to
 * each branch. Ranking is deterministic so other engines can be compared with it.
 */
import type { Coverage, Directory } from './directory.js';
import { ancestorsOf, findPlaceById } from './places.js';
import type { SearchQuery } from './search-query.js';
import { normaliseWords } from './search-query.js';
import {
  EMPLOYMENT_TYPES,
  listIndustries,
  type EmploymentType,
  type Industry,
  type SearchOrder,
} from './taxonomy.js';

export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;
/** A listing with a branch this close to the place counts as covering it. */
export const COVERS_BRANCH_MILES = 25;

const TYPE_BITS: Record<EmploymentType, number> = {
  permanent: 1,
  temporary: 2,
  contract: 4,
  'temp-to-perm': 8,
};
const PURPOSE_BITS = { job: 1, staff: 2 } as const;

/** The place a search is about: a resolved location with the ids that contain it. */
export interface SearchPlace {
  name: string;
  kind: string;
  lat: number;
  lon: number;
  /** The place's own id first (when it has one), then the ids that contain it (town, county, region, nation). */
  chain: string[];
}

interface IndexedBranch {
  town: string;
  townName: string;
  postcode: string;
  lat: number;
  lon: number;
}

interface IndexedListing {
  slug: string;
  name: string;
  brand: string;
  description: string;
  verified: boolean;
  employmentTypes: EmploymentType[];
  listedSince: string;
  coverage: Coverage;
  national: boolean;
  industryCount: number;
  typeMask: number;
  purposeMask: number;
  /** Industries covered whole (no sub-sector of theirs named). */
  wholeIndustries: Set<string>;
  /** Sub-sectors named, as `industry/subsector`. */
  named: Set<string>;
  branches: IndexedBranch[];
  lats: Float64Array;
  lons: Float64Array;
  words: Set<string>;
  sortedWords: string[];
}

export interface SearchResultBranch {
  town: string;
  postcode: string;
  lat: number;
  lon: number;
  distanceMiles: number;
}

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
  why: string[];
}

export interface SearchOutcome {
  order: SearchOrder;
  location: { name: string; kind: string; lat: number; lon: number };
  total: number;
  page: number;
  pageSize: number;
  results: SearchResult[];
  facets: { employmentTypes: Record<EmploymentType, number>; subsectors: Record<string, number> };
}

const toRad = Math.PI / 180;

/** Great-circle distance in miles (haversine, Earth radius 6371.0088 km). */
export function distanceMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return (2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))) / KM_PER_MILE;
}

const roundTenth = (n: number) => Math.round(n * 10) / 10;

function placeName(id: string): string {
  return findPlaceById(id)?.name ?? id;
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export class SearchIndex {
  private readonly listings: IndexedListing[] = [];
  private readonly byIndustry = new Map<string, Int32Array>();
  private readonly bySlug = new Map<string, number>();
  private readonly ancestorCache = new Map<string, string[]>();

  /** Builds the index from a directory; O(listings + branches). */
  constructor(directory: Directory) {
    const postings = new Map<string, number[]>();
    const townNames = new Map<string, string>();
    for (const brand of directory.brands) {
      for (const l of brand.listings) {
        const named = new Set(l.subsectors);
        const namedIndustries = new Set(l.subsectors.map((s) => s.split('/')[0]!));
        const branches = l.branches.map((b) => {
          let townName = townNames.get(b.town);
          if (townName === undefined) {
            townName = placeName(b.town);
            townNames.set(b.town, townName);
          }
          return { town: b.town, townName, postcode: b.postcode, lat: b.lat, lon: b.lon };
        });
        const words = new Set([
          ...normaliseWords(l.name),
          ...normaliseWords(l.description),
          ...normaliseWords(brand.name),
        ]);
        const index = this.listings.length;
        this.listings.push({
          slug: l.slug,
          name: l.name,
          brand: brand.name,
          description: l.description,
          verified: l.verified,
          employmentTypes: [...l.employmentTypes].sort((a, b) => TYPE_BITS[a] - TYPE_BITS[b]),
          listedSince: l.listedSince,
          coverage: l.coverage,
          national: l.coverage === 'national',
          industryCount: l.industries.length,
          typeMask: l.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0),
          purposeMask: l.purposes.reduce((m, p) => m | PURPOSE_BITS[p], 0),
          wholeIndustries: new Set(l.industries.filter((i) => !namedIndustries.has(i))),
          named,
          branches,
          lats: Float64Array.from(branches, (b) => b.lat),
          lons: Float64Array.from(branches, (b) => b.lon),
          words,
          sortedWords: [...words].sort(),
        });
        this.bySlug.set(l.slug, index);
        for (const industry of l.industries) {
          let list = postings.get(industry);
          if (!list) postings.set(industry, (list = []));
          list.push(index);
        }
      }
    }
    for (const [industry, list] of postings) this.byIndustry.set(industry, Int32Array.from(list));
  }

  get size(): number {
    return this.listings.length;
  }

  private ancestors(id: string): string[] {
    let chain = this.ancestorCache.get(id);
    if (!chain) {
      chain = ancestorsOf(id);
      this.ancestorCache.set(id, chain);
    }
    return chain;
  }

  /** The coverage entry ('national' or a place id) that puts the place in the listing's area. */
  private coverageMatch(listing: IndexedListing, place: SearchPlace): string | null {
    if (listing.national) return 'national';
    if (listing.coverage === 'national') return 'national';
    const own = place.chain[0];
    for (const c of listing.coverage) {
      if (place.chain.includes(c)) return c;
    }
    if (own !== undefined) {
      for (const c of listing.coverage) {
        if (this.ancestors(c).includes(own)) return c;
      }
    }
    return null;
  }

  private hasWords(listing: IndexedListing, words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (i < words.length - 1) {
        if (!listing.words.has(word)) return false;
      } else {
        const sorted = listing.sortedWords;
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid]! < word) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= sorted.length || !sorted[lo]!.startsWith(word)) return false;
      }
    }
    return true;
  }

  /** Runs a search for a resolved place. Pure and deterministic for the same index and input. */
  search(query: SearchQuery, place: SearchPlace): SearchOutcome {
    const industry = query.industry;
    const subsectorKey = query.subsector ? `${industry.slug}/${query.subsector.slug}` : null;
    const order: SearchOrder = query.order ?? (query.subsector?.local ? 'nearest' : 'covers');
    const purposeBit = PURPOSE_BITS[query.purpose];
    const typeMask = query.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0);
    const postings = this.byIndustry.get(industry.slug) ?? new Int32Array(0);
    const typeFacet: Record<EmploymentType, number> = {
      permanent: 0,
      temporary: 0,
      contract: 0,
      'temp-to-perm': 0,
    };
    const subsectorFacet: Record<string, number> = {};
    for (const s of industry.subsectors) subsectorFacet[s.slug] = 0;
    let wholeCount = 0;
    const candidates: {
      index: number;
      named: number;
      distance: number;
      branch: number;
      coverage: string | null;
    }[] = [];

    for (let p = 0; p < postings.length; p++) {
      const index = postings[p]!;
      const listing = this.listings[index]!;
      if ((listing.purposeMask & purposeBit) === 0) continue;
      if (query.words.length > 0 && !this.hasWords(listing, query.words)) continue;
      let distance = Infinity;
      let branch = 0;
      for (let b = 0; b < listing.lats.length; b++) {
        const d = distanceMiles(place.lat, place.lon, listing.lats[b]!, listing.lons[b]!);
        if (d < distance) {
          distance = d;
          branch = b;
        }
      }
      if (query.radiusMiles !== null && distance > query.radiusMiles) continue;
      const coverage = this.coverageMatch(listing, place);
      if (order === 'covers' && coverage === null && distance > COVERS_BRANCH_MILES) continue;
      const whole = listing.wholeIndustries.has(industry.slug);
      const typeOk = typeMask === 0 || (listing.typeMask & typeMask) !== 0;
      const subOk = subsectorKey === null || whole || listing.named.has(subsectorKey);
      if (subOk) {
        for (const t of listing.employmentTypes) typeFacet[t] += 1;
      }
      if (typeOk) {
        if (whole) wholeCount += 1;
        else {
          for (const key of listing.named) {
            const slash = key.indexOf('/');
            if (key.slice(0, slash) === industry.slug) subsectorFacet[key.slice(slash + 1)]! += 1;
          }
        }
      }
      if (typeOk && subOk) {
        candidates.push({
          index,
          named: subsectorKey !== null && listing.named.has(subsectorKey) ? 0 : 1,
          distance,
          branch,
          coverage,
        });
      }
    }
    if (wholeCount > 0) for (const s of industry.subsectors) subsectorFacet[s.slug]! += wholeCount;

    const listings = this.listings;
    candidates.sort(
      order === 'nearest'
        ? (a, b) =>
            a.distance - b.distance || (listings[a.index]!.slug < listings[b.index]!.slug ? -1 : 1)
        : (a, b) =>
            a.named - b.named ||
            listings[a.index]!.industryCount - listings[b.index]!.industryCount ||
            a.distance - b.distance ||
            (listings[a.index]!.slug < listings[b.index]!.slug ? -1 : 1),
    );
    const start = (query.page - 1) * query.pageSize;
    const results = candidates
      .slice(start, start + query.pageSize)
      .map((c) => this.present(c, query, industry, place));
    return {
      order,
      location: { name: place.name, kind: place.kind, lat: place.lat, lon: place.lon },
      total: candidates.length,
      page: query.page,
      pageSize: query.pageSize,
      results,
      facets: { employmentTypes: typeFacet, subsectors: subsectorFacet },
    };
  }

  private present(
    c: { index: number; named: number; distance: number; branch: number; coverage: string | null },
    query: SearchQuery,
    industry: Industry,
    place: SearchPlace,
  ): SearchResult {
    const listing = this.listings[c.index]!;
    const branch = listing.branches[c.branch]!;
    const distance = roundTenth(c.distance);
    const why: string[] = [];
    if (query.subsector && c.named === 0) why.push(`Specialises in ${query.subsector.name}`);
    else if (listing.industryCount === 1) why.push(`Specialises in ${industry.name}`);
    else why.push(`Covers ${industry.name} among ${listing.industryCount} industries`);
    if (c.coverage === 'national') why.push('Covers the whole UK');
    else if (c.coverage !== null) {
      const name = placeName(c.coverage);
      why.push(
        place.chain.includes(c.coverage) ? `Covers ${name}` : `Covers ${name}, in ${place.name}`,
      );
    }
    const distanceText =
      distance < 0.1
        ? 'less than 0.1 miles'
        : `${distance.toFixed(1)} ${distance === 1 ? 'mile' : 'miles'}`;
    why.push(`Nearest office ${distanceText} away in ${branch.townName}`);
    if (query.employmentTypes.length > 0) {
      const offered = EMPLOYMENT_TYPES.filter(
        (t) => query.employmentTypes.includes(t.value) && listing.employmentTypes.includes(t.value),
      ).map((t) => t.label.toLowerCase());
      if (offered.length > 0) why.push(`Offers ${joinWords(offered)} work`);
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
        distanceMiles: distance,
      },
      coverage:
        listing.coverage === 'national'
          ? 'national'
          : listing.coverage.map((id) => ({ id, name: placeName(id) })),
      why,
    };
  }

  /** Every industry the index has listings for, with how many. */
  countByIndustry(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const industry of listIndustries())
      out[industry.slug] = this.byIndustry.get(industry.slug)?.length ?? 0;
    return out;
  }
}
