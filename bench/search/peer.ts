/**
 * What every peer engine shares: the resolved query in plain terms (the same for all engines),
 * the directory flattened into rows, and the engine interface the runner times.
 */
import type { Directory } from '../../src/domain/directory/directory.js';
import { anchorTownsOf, isAreaKind } from '../../src/domain/directory/anchor-towns.js';
import { ancestorsOf, findPlaceById } from '../../src/domain/directory/places.js';
import { EARTH_RADIUS_KM, KM_PER_MILE } from '../../src/domain/directory/geo.js';
import type { SearchPlace } from '../../src/domain/directory/search-outcome.js';
import {
  AUTO_MIN_RESULTS,
  AUTO_RADII_MILES,
  BAND_MILES,
  COVERS_BRANCH_MILES,
  islandOf,
  orderFor,
  placeIslandOf,
} from '../../src/domain/directory/search-rules.js';
import type { SearchQuery } from '../../src/domain/directory/search-query.js';
import type { EmploymentType, SearchOrder } from '../../src/domain/directory/taxonomy.js';

export {
  AUTO_MIN_RESULTS,
  AUTO_RADII_MILES,
  BAND_MILES,
  COVERS_BRANCH_MILES,
  EARTH_RADIUS_KM,
  KM_PER_MILE,
};
export const DEG_TO_RAD = Math.PI / 180;

const TYPE_BITS: Record<EmploymentType, number> = {
  permanent: 1,
  temporary: 2,
  contract: 4,
  'temp-to-perm': 8,
};
const PURPOSE_BITS = { job: 1, staff: 2 } as const;

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
  /** `nearest` without a radius: 40, 80, 160 miles or everything, the first with 5 matches. */
  autoRadius: boolean;
  /** Only verified listings. */
  verified: boolean;
  lat: number;
  lon: number;
  /** The place's own id first, then the ids containing it (any length). */
  chain: string[];
  /**
   * Area searches (county, region, nation): the area's id (coverage entries whose ancestors
   * include it lie within it; a branch whose town is inside it is 0 miles away) and its anchor
   * towns (a branch outside is measured to the nearest); null for a point.
   */
  area: { id: string; anchors: { lat: number; lon: number }[] } | null;
  /** The place's island: 1 Northern Ireland, 0 Great Britain, -1 either (nearby offices). */
  island: number;
  offset: number;
  limit: number;
}

/** Reduces an engine query and place to what the peers need (the order rule is the engine's). */
export function toPeerQuery(query: SearchQuery, place: SearchPlace): PeerQuery {
  const typeMask = query.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0);
  const order = orderFor(query.order, query.subsector);
  const areaId = isAreaKind(place.kind) ? place.chain[0] : undefined;
  return {
    industry: query.industry.slug,
    subsectorKey: query.subsector ? `${query.industry.slug}/${query.subsector.slug}` : null,
    order,
    purpose: query.purpose,
    purposeBit: PURPOSE_BITS[query.purpose],
    employmentTypes: [...query.employmentTypes],
    typeMask,
    radiusMiles: query.radiusMiles,
    autoRadius: order === 'nearest' && query.radiusMiles === null,
    verified: query.verified,
    lat: place.lat,
    lon: place.lon,
    chain: [...place.chain],
    area:
      areaId === undefined
        ? null
        : {
            id: areaId,
            anchors: anchorTownsOf(areaId, place).map((a) => ({ lat: a.lat, lon: a.lon })),
          },
    island: placeIslandOf(place.chain),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  };
}

/** What decides a query's SQL in the database peers: which filters it has, and its order. */
export interface QueryShape {
  order: PeerQuery['order'];
  sub: boolean;
  types: boolean;
  radius: boolean;
  verified: boolean;
  area: boolean;
  auto: boolean;
}

export function shapeOf(q: PeerQuery): QueryShape {
  return {
    order: q.order,
    sub: q.subsectorKey !== null,
    types: q.typeMask !== 0,
    radius: q.radiusMiles !== null,
    verified: q.verified,
    area: q.area !== null,
    auto: q.autoRadius,
  };
}

/** A letter for each filter the shape has, to name its prepared statement. */
export function shapeLetters(s: QueryShape): string {
  return `${s.sub ? 's' : ''}${s.types ? 't' : ''}${s.radius ? 'r' : ''}${s.verified ? 'v' : ''}${s.area ? 'a' : ''}${s.auto ? 'n' : ''}`;
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
  verified: boolean;
  industries: string[];
  /** Industries covered whole: none of their sub-sectors named. */
  wholeIndustries: string[];
  /** Sub-sectors named, as `industry/subsector`. */
  named: string[];
  /** Coverage place ids ([] when national). */
  coverage: string[];
  /** Per coverage entry: 2 for a region or nation, 1 for any other place (its tier in a chain). */
  coverageClasses: number[];
  /** Every id containing one of the coverage places (its ancestors), deduplicated. */
  coverageAncestors: string[];
  branches: { id: number; lat: number; lon: number; town: string; island: number }[];
}

/** Whether a place (by id) is the area or lies inside it, by the places module's chain. */
export function isInside(placeId: string, areaId: string): boolean {
  return placeId === areaId || ancestorsOf(placeId).includes(areaId);
}

/** Each place id with the ids containing it: [id, ...ancestorsOf(id)]. */
export function chainOf(id: string): string[] {
  return [id, ...ancestorsOf(id)];
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
        verified: l.verified,
        industries: [...l.industries],
        wholeIndustries: l.industries.filter((i) => !namedIndustries.has(i)),
        named: [...l.subsectors],
        coverage,
        coverageClasses: coverage.map((c) => {
          const kind = findPlaceById(c)?.kind;
          return kind === 'region' || kind === 'nation' ? 2 : 1;
        }),
        coverageAncestors: [...new Set(coverage.flatMap((c) => ancestors(c)))],
        branches: l.branches.map((b) => ({
          id: ++branchId,
          lat: b.lat,
          lon: b.lon,
          town: b.town,
          island: islandOf(b.town, b.lat, b.lon),
        })),
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

/** A listing as a JS-ranking peer sees it once its branches are measured. */
export interface RankRow {
  slug: string;
  /** 0 when the listing names the requested sub-sector, else 1. */
  named: number;
  industryCount: number;
  /** 1 place, 2 region or nation, 3 national, 4 nearby office, 5 none. */
  tier: number;
  /** Miles to the nearest branch (for an area: 0 inside, else to the nearest anchor town). */
  distance: number;
  /** Area searches: miles from the area's centre to the nearest branch inside it, else Infinity. */
  centre: number;
}

/** The distance band of `covers`: d < 5, < 15, < 40, the rest. */
function bandOf(d: number): number {
  return d < BAND_MILES[0] ? 0 : d < BAND_MILES[1] ? 1 : d < BAND_MILES[2] ? 2 : 3;
}

/** The rule, in plain JS: covers keeps tiers 1-4; nearest's automatic radius; sort; one page. */
export function rankRows(q: PeerQuery, all: RankRow[]): string[] {
  let rows = q.order === 'covers' ? all.filter((r) => r.tier <= 4) : all;
  if (q.autoRadius) {
    const radius = AUTO_RADII_MILES.find(
      (r) => rows.filter((row) => row.distance <= r).length >= AUTO_MIN_RESULTS,
    );
    if (radius !== undefined) rows = rows.filter((r) => r.distance <= radius);
  }
  const distance = (a: RankRow, b: RankRow) => a.distance - b.distance || a.centre - b.centre || 0;
  const slug = (a: RankRow, b: RankRow) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  rows = [...rows].sort(
    q.order === 'nearest'
      ? (a, b) => distance(a, b) || slug(a, b)
      : q.order === 'covers'
        ? (a, b) =>
            a.tier - b.tier ||
            a.named - b.named ||
            bandOf(a.distance) - bandOf(b.distance) ||
            a.industryCount - b.industryCount ||
            distance(a, b) ||
            slug(a, b)
        : (a, b) =>
            a.named - b.named || a.industryCount - b.industryCount || distance(a, b) || slug(a, b),
  );
  return rows.slice(q.offset, q.offset + q.limit).map((r) => r.slug);
}
