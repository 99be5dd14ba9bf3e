/**
 * What every peer engine shares: the resolved query in plain terms (the same for all engines),
 * the directory flattened into rows, and the engine interface the runner times.
 */
import type { Directory } from '../../src/domain/directory/directory.js';
import { ancestorsOf } from '../../src/domain/directory/places.js';
import {
  COVERS_BRANCH_MILES,
  EARTH_RADIUS_KM,
  KM_PER_MILE,
  type SearchPlace,
} from '../../src/domain/directory/search-engine.js';
import type { SearchQuery } from '../../src/domain/directory/search-query.js';
import type { EmploymentType, SearchOrder } from '../../src/domain/directory/taxonomy.js';

export { COVERS_BRANCH_MILES, EARTH_RADIUS_KM, KM_PER_MILE };
export const DEG_TO_RAD = Math.PI / 180;

export const TYPE_BITS: Record<EmploymentType, number> = {
  permanent: 1,
  temporary: 2,
  contract: 4,
  'temp-to-perm': 8,
};
export const PURPOSE_BITS = { job: 1, staff: 2 } as const;

/** A search as every peer receives it: validated, geocoded and reduced to plain values. */
export interface PeerQuery {
  industry: string;
  /** `industry/subsector`, or null for the whole industry. */
  subsectorKey: string | null;
  /** The order in force: the one asked for, else nearest for a local sub-sector, else covers. */
  order: SearchOrder;
  purpose: 'job' | 'staff';
  purposeBit: number;
  employmentTypes: EmploymentType[];
  /** 0 when no employment type is asked for. */
  typeMask: number;
  radiusMiles: number | null;
  lat: number;
  lon: number;
  /** The place's own id first, then the ids containing it. */
  chain: string[];
  /** chain[0]: coverage entries whose ancestors include it lie within the place. */
  own: string | null;
  offset: number;
  limit: number;
}

/** Reduces an engine query and place to what the peers need (the order rule is the engine's). */
export function toPeerQuery(query: SearchQuery, place: SearchPlace): PeerQuery {
  const typeMask = query.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0);
  return {
    industry: query.industry.slug,
    subsectorKey: query.subsector ? `${query.industry.slug}/${query.subsector.slug}` : null,
    order: query.order ?? (query.subsector?.local ? 'nearest' : 'covers'),
    purpose: query.purpose,
    purposeBit: PURPOSE_BITS[query.purpose],
    employmentTypes: [...query.employmentTypes],
    typeMask,
    radiusMiles: query.radiusMiles,
    lat: place.lat,
    lon: place.lon,
    chain: [...place.chain],
    own: place.chain[0] ?? null,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  };
}

/** Half the side of a lat/lon box (degrees) that surely holds every point within `miles`. */
export function boundingBox(
  lat: number,
  lon: number,
  miles: number,
): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const angle = (miles * KM_PER_MILE) / EARTH_RADIUS_KM; // radians
  const dLat = (angle / DEG_TO_RAD) * 1.01 + 1e-4;
  const worstLat = Math.min(89, Math.abs(lat) + dLat);
  const dLon = dLat / Math.cos(worstLat * DEG_TO_RAD);
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** One listing flattened for loading into a peer. */
export interface ListingRow {
  id: number;
  slug: string;
  industryCount: number;
  purposeMask: number;
  typeMask: number;
  purposes: string[];
  employmentTypes: EmploymentType[];
  national: boolean;
  industries: string[];
  /** Industries covered whole: none of their sub-sectors named. */
  wholeIndustries: string[];
  /** Sub-sectors named, as `industry/subsector`. */
  named: string[];
  /** Coverage place ids ([] when national). */
  coverage: string[];
  /** Every id containing one of the coverage places (its ancestors), deduplicated. */
  coverageAncestors: string[];
  branches: { id: number; lat: number; lon: number }[];
}

/** Flattens a directory into rows; ids are dense from 1 in directory order. */
export function toRows(directory: Directory): ListingRow[] {
  const rows: ListingRow[] = [];
  const ancestorCache = new Map<string, string[]>();
  const ancestors = (id: string) => {
    let list = ancestorCache.get(id);
    if (!list) ancestorCache.set(id, (list = ancestorsOf(id)));
    return list;
  };
  let branchId = 0;
  for (const brand of directory.brands) {
    for (const l of brand.listings) {
      const namedIndustries = new Set(l.subsectors.map((s) => s.split('/')[0]!));
      const coverage = l.coverage === 'national' ? [] : [...l.coverage];
      rows.push({
        id: rows.length + 1,
        slug: l.slug,
        industryCount: l.industries.length,
        purposeMask: l.purposes.reduce((m, p) => m | PURPOSE_BITS[p], 0),
        typeMask: l.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0),
        purposes: [...l.purposes],
        employmentTypes: [...l.employmentTypes],
        national: l.coverage === 'national',
        industries: [...l.industries],
        wholeIndustries: l.industries.filter((i) => !namedIndustries.has(i)),
        named: [...l.subsectors],
        coverage,
        coverageAncestors: [...new Set(coverage.flatMap((c) => ancestors(c)))],
        branches: l.branches.map((b) => ({ id: ++branchId, lat: b.lat, lon: b.lon })),
      });
    }
  }
  return rows;
}

/** A search engine under test: returns the slugs of one page of results, best first. */
export interface Peer {
  readonly name: string;
  search(q: PeerQuery): string[] | Promise<string[]>;
  close(): void | Promise<void>;
}
