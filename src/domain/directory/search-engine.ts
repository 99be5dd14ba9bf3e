/**
 * The Agency Search engine: an in-memory index built once per directory version, answering a
 * search without touching the database. Candidates come from a per-industry posting list;
 * purposes and employment types are bit masks; distances are haversine from the place's point to
 * each branch. Ranking is deterministic so other engines can be compared with it.
 */
import type { Coverage, Directory } from './directory.js';
import { anchorTownsOf, isAreaKind, type AnchorTown } from './anchor-towns.js';
import { ancestorsOf, findPlaceById } from './places.js';
import type { SearchQuery } from './search-query.js';
import { normaliseWords } from './search-query.js';
import {
  EMPLOYMENT_TYPES,
  listIndustries,
  type EmploymentType,
  type Industry,
  type SearchOrder,
  type Subsector,
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
/** More than the number of industries a listing can cover (the taxonomy has 69): see selectTop. */
const RANK_SPAN = 1024;
/** The largest chain mark (see search) before the marks start again from 1. */
const MAX_MARK = 0x7fffffff;

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
  /** 1 in Northern Ireland, 0 in Great Britain. */
  island: number;
}

interface IndexedListing {
  /** The coverage as results show it, built once (results share it; nobody mutates it). */
  presentedCoverage: 'national' | { id: string; name: string }[];
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
  /** The coverage in a sentence, built when first needed (see coveredText). */
  coveredText?: string;
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

const typeMaskOf = (types: readonly EmploymentType[]) =>
  types.reduce((m, t) => m | TYPE_BITS[t], 0);

/** "Offers temporary and contract work" by employment-type mask, built once per mask. */
const OFFERS_TEXT: (string | null)[] = [];
function offersText(mask: number): string | null {
  if (mask === 0) return null;
  let text = OFFERS_TEXT[mask];
  if (text === undefined) {
    const labels = EMPLOYMENT_TYPES.filter((t) => (mask & TYPE_BITS[t.value]) !== 0).map((t) =>
      t.label.toLowerCase(),
    );
    text = `Offers ${joinWords(labels)} work`;
    OFFERS_TEXT[mask] = text;
  }
  return text;
}

function placeName(id: string): string {
  return findPlaceById(id)?.name ?? id;
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const PROSE_NAMES = new Map<string, string>();
/** "Yorkshire and The Humber" reads "Yorkshire and the Humber" inside a sentence. */
function proseName(name: string): string {
  let prose = PROSE_NAMES.get(name);
  if (prose === undefined) {
    prose = name.replace(/(?<=\S )The\b/g, 'the');
    if (PROSE_NAMES.size < 10_000) PROSE_NAMES.set(name, prose);
  }
  return prose;
}

/** The automatic radii of `nearest` without a radius, widened while fewer than AUTO_MIN match. */
export const AUTO_RADII_MILES = [40, 80, 160] as const;
export const AUTO_MIN_RESULTS = 5;
/** The distance bands of `covers` within a tier: d < 5, < 15, < 40, the rest. */
export const BAND_MILES = [5, 15, 40] as const;

const NI_NATION = 'nation:northern-ireland';

/**
 * 1 for a branch in Northern Ireland, 0 in Great Britain: a nearby office never counts across
 * the Irish Sea. By the branch's town; a town the tables do not know goes by its coordinates.
 */
export function islandOf(townId: string, lat: number, lon: number): 0 | 1 {
  const town = findPlaceById(townId);
  if (town) return town.nationId === NI_NATION ? 1 : 0;
  return lon < -5.3 && lat > 54 && lat < 55.4 ? 1 : 0;
}

/** The island of a searched place by its chain: 1 Northern Ireland, 0 Great Britain, -1 either. */
export function placeIslandOf(chain: readonly string[]): -1 | 0 | 1 {
  if (chain.includes(NI_NATION)) return 1;
  return chain.some((id) => id.startsWith('nation:')) ? 0 : -1;
}

const cosOfMiles = (miles: number) => Math.cos((miles * KM_PER_MILE) / EARTH_RADIUS_KM);

/** What a search reads by listing; the rest is copied into each industry block (see buildFlat). */
interface FlatIndex {
  /** Listing i's coverage place numbers, and the numbers of the places containing them. */
  covStart: Int32Array;
  cov: Int32Array;
  upStart: Int32Array;
  up: Int32Array;
  /** By place number: 2 for a region or nation, 1 for any other place (tier of a chain match). */
  placeClass: Uint8Array;
}

interface IndustryBlock {
  postings: Int32Array;
  /**
   * What the scan reads, copied in posting order so a search streams through memory: per posting
   * [purpose bits | type bits << 2 | national << 6 | verified << 7, industries covered, slug rank].
   */
  meta: Int32Array;
  /** Posting p's branches are [branchStart[p], branchStart[p + 1]) in coords (x, y, z each). */
  branchStart: Int32Array;
  coords: Float64Array;
  /** By branch: the place number of its town, and its island (1 Northern Ireland). */
  branchTown: Int32Array;
  branchIsland: Uint8Array;
  /** Posting p's coverage place numbers are cov[covStart[p] .. covStart[p + 1]) (copied in posting order). */
  covStart: Int32Array;
  cov: Int32Array;
  /** 1 where the listing covers the whole industry (names none of its sub-sectors). */
  whole: Uint8Array;
  /** The sub-sectors (indexes into the industry's list) the listing at posting p names. */
  namedStart: Int32Array;
  named: Int32Array;
  subIndex: Map<string, number>;
}

/** What an area search measures from: which place numbers lie inside, and its anchor towns. */
interface AreaGeometry {
  inside: Uint8Array;
  /** Anchor towns' unit vectors, (x, y, z) each. */
  anchors: Float64Array;
  anchorTowns: readonly AnchorTown[];
  /**
   * By town place number, built when first needed: the anchors (offsets into `anchors`) that can
   * be the nearest to some branch of that town (see townAnchors); the others never are.
   */
  townAnchors: (Int32Array | undefined)[];
}

/** Slack (radians, about 0.6 m) for rounding in the anchor pruning's angles. */
const ANGLE_SLACK = 1e-7;
const angleOf = (cos: number) => Math.acos(Math.max(-1, Math.min(1, cos)));

/** A point on the unit sphere: the dot product of two is the cosine of their central angle. */
function unitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * toRad;
  const lambda = lon * toRad;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

interface Scratch {
  listing: Int32Array;
  named: Uint8Array;
  tier: Uint8Array;
  band: Uint8Array;
  industries: Int32Array;
  closeness: Float64Array;
  /** Area searches: closeness to the area's centre of a branch inside it, else -2. */
  centre: Float64Array;
  /** A sort key per candidate that agrees with the ranking (see selectTop). */
  key: Float64Array;
  heap: Float64Array;
  rank: Int32Array;
  branch: Int32Array;
}

let scratchBuffers: Scratch | null = null;
/** The facet slots of the current search (see SLOTS), reused across searches. */
let slotBuffer = new Int32Array(0);

/** Candidate buffers reused across searches (a search runs to completion before the next). */
function scratch(size: number): Scratch {
  if (!scratchBuffers || scratchBuffers.listing.length < size) {
    const n = Math.max(size, 1024);
    scratchBuffers = {
      listing: new Int32Array(n),
      named: new Uint8Array(n),
      tier: new Uint8Array(n),
      band: new Uint8Array(n),
      industries: new Int32Array(n),
      closeness: new Float64Array(n),
      centre: new Float64Array(n),
      key: new Float64Array(n),
      heap: new Float64Array(n),
      rank: new Int32Array(n),
      branch: new Int32Array(n),
    };
  }
  return scratchBuffers;
}

/**
 * The first k of `count` candidates in `compare` order, without comparing them all: `key[c]` is
 * a number that never orders two candidates against `compare` (equal keys are allowed), so the
 * k-th smallest key (kept in a bounded max-heap of keys, `heap`) bounds the answer; only the
 * candidates within that bound are sorted with `compare`.
 */
function selectTop(
  count: number,
  k: number,
  key: Float64Array,
  heap: Float64Array,
  compare: (a: number, b: number) => number,
): number[] {
  const limit = Math.min(k, count);
  if (limit <= 0) return [];
  let size = 0;
  for (let c = 0; c < count; c++) {
    const value = key[c]!;
    if (size < limit) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! >= value) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = value;
    } else if (value < heap[0]!) {
      // Replace the largest and sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const child = r < size && heap[r]! > heap[l]! ? r : l;
        if (heap[child]! <= value) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = value;
    }
  }
  const bound = heap[0]!;
  const within: number[] = [];
  for (let c = 0; c < count; c++) if (key[c]! <= bound) within.push(c);
  within.sort(compare);
  return within.length > limit ? within.slice(0, limit) : within;
}

/** Slots of a facet count: matches by automatic-radius band (<= 40, 80, 160, beyond), then covers. */
const SLOTS = 5;
const COVERS_SLOT = 4;

/**
 * The total of a query from its slots (see SLOTS) at `offset`: covers counts tiers 1 to 4,
 * specialists everything, nearest the first automatic radius reaching AUTO_MIN_RESULTS (or
 * everything, when the radius is the user's).
 */
function totalOf(
  slots: Int32Array,
  offset: number,
  order: SearchOrder,
  auto: boolean,
): { total: number; radiusMiles: number | null } {
  if (order === 'covers') return { total: slots[offset + COVERS_SLOT]!, radiusMiles: null };
  let sum = 0;
  if (order === 'nearest' && auto) {
    for (let i = 0; i < AUTO_RADII_MILES.length; i++) {
      sum += slots[offset + i]!;
      if (sum >= AUTO_MIN_RESULTS) return { total: sum, radiusMiles: AUTO_RADII_MILES[i]! };
    }
    return { total: sum + slots[offset + 3]!, radiusMiles: null };
  }
  for (let i = 0; i < 4; i++) sum += slots[offset + i]!;
  return { total: sum, radiusMiles: null };
}

/** The order a query gets: the one asked for, else nearest for a local sub-sector, else covers. */
export function orderFor(asked: SearchOrder | null, subsector: Subsector | null): SearchOrder {
  return asked ?? (subsector?.local ? 'nearest' : 'covers');
}

/** Whether the website offers an order for a sub-sector: covers always, with nearest for a local one, else specialists. */
export function isOrderOffered(order: SearchOrder, subsector: Subsector | null): boolean {
  return order === 'covers' || (order === 'nearest') === Boolean(subsector?.local);
}

/**
 * The order of the query with sub-sector `subsector` instead of the query's: the order asked for,
 * unless `offeredOnly` (the website) and it is not offered for that sub-sector; then the default.
 */
function facetOrder(query: SearchQuery, subsector: Subsector | null): SearchOrder {
  const asked =
    query.order !== null && query.offeredOrdersOnly && !isOrderOffered(query.order, subsector)
      ? null
      : query.order;
  return orderFor(asked, subsector);
}

export class SearchIndex {
  private readonly listings: IndexedListing[] = [];
  private readonly byIndustry = new Map<string, Int32Array>();
  private readonly bySlug = new Map<string, number>();
  private readonly ancestorCache = new Map<string, string[]>();
  /** Flat, typed copies of what the search loop reads, indexed by listing (see buildFlat). */
  private flat!: FlatIndex;
  private readonly industryBlocks = new Map<string, IndustryBlock>();
  private readonly placeNumbers = new Map<string, number>();
  /** Place ids by place number. */
  private readonly placeIds: string[] = [];
  /** The current search's mark at the place numbers of the searched place's chain. */
  private chainMarks = new Int32Array(0);
  private chainMark = 0;
  private readonly areas = new Map<string, AreaGeometry>();
  /** By town place number: a reference point (unit vector) and the angle within which all its branches lie. */
  private townRef = new Float64Array(0);
  private townRadius = new Float64Array(0);

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
          return {
            town: b.town,
            townName,
            postcode: b.postcode,
            lat: b.lat,
            lon: b.lon,
            island: islandOf(b.town, b.lat, b.lon),
          };
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
          presentedCoverage:
            l.coverage === 'national'
              ? 'national'
              : l.coverage.map((id) => ({ id, name: placeName(id) })),
          national: l.coverage === 'national',
          industryCount: l.industries.length,
          typeMask: l.employmentTypes.reduce((m, t) => m | TYPE_BITS[t], 0),
          purposeMask: l.purposes.reduce((m, p) => m | PURPOSE_BITS[p], 0),
          wholeIndustries: new Set(l.industries.filter((i) => !namedIndustries.has(i))),
          named,
          branches,
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
    this.buildFlat();
  }

  private placeNumber(id: string): number {
    let n = this.placeNumbers.get(id);
    if (n === undefined) {
      n = this.placeNumbers.size;
      this.placeNumbers.set(id, n);
      this.placeIds.push(id);
    }
    return n;
  }

  /**
   * Lays out the search loop's data in typed arrays: masks, ranks, branch unit vectors, towns and
   * islands, coverage place numbers per listing, and per industry its posting list with the
   * whole-industry flags and named sub-sectors. Cache-friendly and allocation-free to scan.
   */
  private buildFlat(): void {
    const n = this.listings.length;
    const order = [...this.listings.keys()].sort((a, b) =>
      this.listings[a]!.slug < this.listings[b]!.slug ? -1 : 1,
    );
    const slugRank = new Int32Array(n);
    order.forEach((listing, rank) => (slugRank[listing] = rank));
    const branchStart = new Int32Array(n + 1);
    const covStart = new Int32Array(n + 1);
    const upStart = new Int32Array(n + 1);
    const bx: number[] = [];
    const by: number[] = [];
    const bz: number[] = [];
    const bTown: number[] = [];
    const bIsland: number[] = [];
    const cov: number[] = [];
    const up: number[] = [];
    this.listings.forEach((l, i) => {
      branchStart[i] = bx.length;
      for (const branch of l.branches) {
        const [x, y, z] = unitVector(branch.lat, branch.lon);
        bx.push(x);
        by.push(y);
        bz.push(z);
        bTown.push(this.placeNumber(branch.town));
        bIsland.push(branch.island);
      }
      covStart[i] = cov.length;
      upStart[i] = up.length;
      if (l.coverage !== 'national') {
        const ancestors = new Set<number>();
        for (const c of l.coverage) {
          cov.push(this.placeNumber(c));
          for (const a of this.ancestors(c)) ancestors.add(this.placeNumber(a));
        }
        up.push(...ancestors);
      }
    });
    branchStart[n] = bx.length;
    covStart[n] = cov.length;
    upStart[n] = up.length;
    // Every place a search can name in its chain is numbered at search time only if a listing
    // involves it; the branches' towns' ancestors are numbered too, for area searches.
    for (const id of [...this.placeIds]) for (const a of this.ancestors(id)) this.placeNumber(a);
    this.chainMarks = new Int32Array(this.placeNumbers.size);
    // Each branch town's reference point (its first branch) and the widest angle to its branches.
    this.townRef = new Float64Array(this.placeNumbers.size * 3);
    this.townRadius = new Float64Array(this.placeNumbers.size);
    const seenTown = new Uint8Array(this.placeNumbers.size);
    for (let b = 0; b < bTown.length; b++) {
      const t = bTown[b]!;
      if (seenTown[t] === 0) {
        seenTown[t] = 1;
        this.townRef.set([bx[b]!, by[b]!, bz[b]!], t * 3);
      }
      const angle = angleOf(
        bx[b]! * this.townRef[t * 3]! +
          by[b]! * this.townRef[t * 3 + 1]! +
          bz[b]! * this.townRef[t * 3 + 2]!,
      );
      if (angle > this.townRadius[t]!) this.townRadius[t] = angle;
    }
    const placeClass = new Uint8Array(this.placeNumbers.size);
    this.placeIds.forEach((id, i) => {
      const kind = findPlaceById(id)?.kind;
      placeClass[i] = kind === 'region' || kind === 'nation' ? 2 : 1;
    });
    this.flat = {
      covStart,
      cov: Int32Array.from(cov),
      upStart,
      up: Int32Array.from(up),
      placeClass,
    };
    for (const industry of listIndustries()) {
      const postings = this.byIndustry.get(industry.slug) ?? new Int32Array(0);
      const subIndex = new Map(industry.subsectors.map((s, i) => [s.slug, i]));
      const whole = new Uint8Array(postings.length);
      const namedStart = new Int32Array(postings.length + 1);
      const named: number[] = [];
      postings.forEach((listingIndex, p) => {
        const l = this.listings[listingIndex]!;
        whole[p] = l.wholeIndustries.has(industry.slug) ? 1 : 0;
        namedStart[p] = named.length;
        for (const key of l.named) {
          const slash = key.indexOf('/');
          if (key.slice(0, slash) !== industry.slug) continue;
          const i = subIndex.get(key.slice(slash + 1));
          if (i !== undefined) named.push(i);
        }
      });
      namedStart[postings.length] = named.length;
      const meta = new Int32Array(postings.length * 3);
      const blockStart = new Int32Array(postings.length + 1);
      let branches = 0;
      postings.forEach((L, p) => {
        const l = this.listings[L]!;
        meta[p * 3] =
          l.purposeMask |
          (l.typeMask << 2) |
          ((l.national ? 1 : 0) << 6) |
          ((l.verified ? 1 : 0) << 7);
        meta[p * 3 + 1] = l.industryCount;
        meta[p * 3 + 2] = slugRank[L]!;
        blockStart[p] = branches;
        branches += branchStart[L + 1]! - branchStart[L]!;
      });
      blockStart[postings.length] = branches;
      const blockCovStart = new Int32Array(postings.length + 1);
      const blockCov: number[] = [];
      postings.forEach((L, p) => {
        blockCovStart[p] = blockCov.length;
        for (let k = covStart[L]!; k < covStart[L + 1]!; k++) blockCov.push(cov[k]!);
      });
      blockCovStart[postings.length] = blockCov.length;
      const coords = new Float64Array(branches * 3);
      const branchTown = new Int32Array(branches);
      const branchIsland = new Uint8Array(branches);
      postings.forEach((L, p) => {
        for (let b = branchStart[L]!, k = blockStart[p]!; b < branchStart[L + 1]!; b++, k++) {
          coords[k * 3] = bx[b]!;
          coords[k * 3 + 1] = by[b]!;
          coords[k * 3 + 2] = bz[b]!;
          branchTown[k] = bTown[b]!;
          branchIsland[k] = bIsland[b]!;
        }
      });
      this.industryBlocks.set(industry.slug, {
        postings,
        meta,
        branchStart: blockStart,
        coords,
        branchTown,
        branchIsland,
        covStart: blockCovStart,
        cov: Int32Array.from(blockCov),
        whole,
        namedStart,
        named: Int32Array.from(named),
        subIndex,
      });
    }
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

  /** Whether a place (by id) is the area or lies inside it. */
  private isInside(placeId: string, areaId: string): boolean {
    return placeId === areaId || this.ancestors(placeId).includes(areaId);
  }

  /** The area's inside marks (by place number) and anchor towns, built once per area. */
  private area(place: SearchPlace): AreaGeometry {
    const areaId = place.chain[0]!;
    let geometry = this.areas.get(areaId);
    if (!geometry) {
      const inside = new Uint8Array(this.placeIds.length);
      this.placeIds.forEach((id, i) => (inside[i] = this.isInside(id, areaId) ? 1 : 0));
      const anchorTowns = anchorTownsOf(areaId, place);
      const anchors = new Float64Array(anchorTowns.length * 3);
      anchorTowns.forEach((a, i) => anchors.set(unitVector(a.lat, a.lon), i * 3));
      geometry = { inside, anchors, anchorTowns, townAnchors: [] };
      this.areas.set(areaId, geometry);
    }
    return geometry;
  }

  /**
   * The anchors that can be nearest to a branch of town `t`: every branch of the town lies within
   * townRadius[t] (an angle) of the town's reference point, so by the triangle inequality an
   * anchor further from that point than the nearest anchor plus twice that radius is never the
   * nearest. Usually one to three of the area's anchors remain; the answer stays exact.
   */
  private townAnchors(geometry: AreaGeometry, t: number): Int32Array {
    const { anchors } = geometry;
    const rx = this.townRef[t * 3]!;
    const ry = this.townRef[t * 3 + 1]!;
    const rz = this.townRef[t * 3 + 2]!;
    const angles: number[] = [];
    let nearest = Infinity;
    for (let a = 0; a < anchors.length; a += 3) {
      const angle = angleOf(rx * anchors[a]! + ry * anchors[a + 1]! + rz * anchors[a + 2]!);
      angles.push(angle);
      if (angle < nearest) nearest = angle;
    }
    const bound = nearest + 2 * this.townRadius[t]! + ANGLE_SLACK;
    const kept: number[] = [];
    angles.forEach((angle, i) => {
      if (angle <= bound) kept.push(i * 3);
    });
    const list = Int32Array.from(kept);
    geometry.townAnchors[t] = list;
    return list;
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

  /**
   * Runs a search for a resolved place. Pure and deterministic for the same index and input.
   * Every result carries its coverage tier (`match`); `covers` keeps tiers 1 to 4 in tier order;
   * `nearest` without a radius searches 40, 80, 160 miles or the whole UK, the first with at
   * least 5 matches; each facet count is the total of the query with that facet set to it.
   */
  search(query: SearchQuery, place: SearchPlace): SearchOutcome {
    const industry = query.industry;
    const order = orderFor(query.order, query.subsector);
    const auto = query.radiusMiles === null;
    const block = this.industryBlocks.get(industry.slug);
    const subsectorFacet: Record<string, number> = {};
    for (const s of industry.subsectors) subsectorFacet[s.slug] = 0;
    const typeFacet: Record<EmploymentType, number> = {
      permanent: 0,
      temporary: 0,
      contract: 0,
      'temp-to-perm': 0,
    };
    const facets: SearchFacets = {
      employmentTypes: typeFacet,
      subsectors: subsectorFacet,
      verified: 0,
    };
    if (!block) return this.outcome(order, place, query, null, 0, [], facets);

    const f = this.flat;
    const { up, upStart, placeClass } = f;
    const { postings, meta, coords, whole, namedStart, named, branchTown, branchIsland } = block;
    const { cov, covStart } = block;
    const blockBranches = block.branchStart;
    const purposeBit = PURPOSE_BITS[query.purpose];
    const typeMask = typeMaskOf(query.employmentTypes);
    const verifiedOnly = query.verified;
    const subIndex = query.subsector ? (block.subIndex.get(query.subsector.slug) ?? -2) : -1;
    const [qx, qy, qz] = unitVector(place.lat, place.lon);
    const isArea = isAreaKind(place.kind) && place.chain.length > 0;
    const geometry = isArea ? this.area(place) : null;
    const inside = geometry?.inside;
    const anchors = geometry?.anchors;
    const townAnchorLists = geometry?.townAnchors;
    const island = placeIslandOf(place.chain);
    // Distances compare as the cosine of the central angle: larger is nearer (d <= R is cos >= cosR).
    const cosCovers = cosOfMiles(COVERS_BRANCH_MILES);
    const cosRadius = query.radiusMiles === null ? -2 : cosOfMiles(query.radiusMiles);
    const cosAuto0 = cosOfMiles(AUTO_RADII_MILES[0]);
    const cosAuto1 = cosOfMiles(AUTO_RADII_MILES[1]);
    const cosAuto2 = cosOfMiles(AUTO_RADII_MILES[2]);
    const cosBand0 = cosOfMiles(BAND_MILES[0]);
    const cosBand1 = cosOfMiles(BAND_MILES[1]);
    const cosBand2 = cosOfMiles(BAND_MILES[2]);
    const chain = place.chain.map((id) => this.placeNumbers.get(id) ?? -1);
    const own = isArea ? (chain[0] ?? -1) : -1;
    // This search's mark: a place number n is in the chain when chainMarks[n] === mark. Marks
    // only grow, so old ones never match; before they would wrap, every mark is cleared.
    if (this.chainMark === MAX_MARK) {
      this.chainMarks.fill(0);
      this.chainMark = 0;
    }
    const mark = ++this.chainMark;
    const inChain = this.chainMarks;
    for (const n of chain) if (n >= 0) inChain[n] = mark;
    const covers = order === 'covers';
    const byDistance = order === 'nearest';
    const words = query.words;
    const subCount = industry.subsectors.length;
    // Facet slots (see SLOTS): by sub-sector, for listings covering the whole industry, by
    // employment type, for verified, and for the query itself.
    // One zeroed buffer reused across searches, cut into the slots of each facet.
    const slotCount = (subCount + 4 + 4) * SLOTS;
    if (slotBuffer.length < slotCount) slotBuffer = new Int32Array(slotCount * 2);
    slotBuffer.fill(0, 0, slotCount);
    const subSlots = slotBuffer.subarray(0, subCount * SLOTS);
    let offset = subCount * SLOTS;
    const wholeSlots = slotBuffer.subarray(offset, (offset += SLOTS));
    const typeSlots = slotBuffer.subarray(offset, (offset += 4 * SLOTS));
    const verifiedSlots = slotBuffer.subarray(offset, (offset += SLOTS));
    const mainSlots = slotBuffer.subarray(offset, (offset += SLOTS));
    const slots = slotBuffer.subarray(offset, offset + SLOTS);
    const buf = scratch(postings.length);
    let count = 0;

    for (let p = 0; p < postings.length; p++) {
      const packed = meta[p * 3]!;
      if ((packed & purposeBit) === 0) continue;
      const L = postings[p]!;
      if (words.length > 0 && !this.hasWords(this.listings[L]!, words)) continue;
      let best = -2;
      let bestCentre = -2;
      let bestSame = -2;
      let bestBranch = 0;
      const firstBranch = blockBranches[p]!;
      for (let b = firstBranch, end = blockBranches[p + 1]!; b < end; b++) {
        const x = coords[b * 3]!;
        const y = coords[b * 3 + 1]!;
        const z = coords[b * 3 + 2]!;
        let d: number;
        let centre = -2;
        if (inside === undefined) d = x * qx + y * qy + z * qz;
        else if (inside[branchTown[b]!] === 1) {
          d = 1;
          centre = x * qx + y * qy + z * qz;
        } else {
          d = -2;
          const town = branchTown[b]!;
          const candidates = townAnchorLists![town] ?? this.townAnchors(geometry!, town);
          for (let k = 0; k < candidates.length; k++) {
            const a = candidates[k]!;
            const c = x * anchors![a]! + y * anchors![a + 1]! + z * anchors![a + 2]!;
            if (c > d) d = c;
          }
        }
        if (d > best || (d === best && centre > bestCentre)) {
          best = d;
          bestCentre = centre;
          bestBranch = b - firstBranch;
        }
        if ((island < 0 || branchIsland[b] === island) && d > bestSame) bestSame = d;
      }
      if (best < cosRadius) continue;
      // The coverage tier: 1 place, 2 region or nation, 3 national, 4 nearby office, 5 none.
      let tier = 5;
      if ((packed & 64) !== 0) tier = 3;
      else {
        for (let k = covStart[p]!, end = covStart[p + 1]!; k < end; k++) {
          const n = cov[k]!;
          if (inChain[n] === mark && placeClass[n]! < tier) {
            tier = placeClass[n]!;
            if (tier === 1) break;
          }
        }
        if (tier > 1 && own >= 0) {
          for (let k = upStart[L]!, end = upStart[L + 1]!; k < end; k++) {
            if (up[k] === own) {
              tier = 1;
              break;
            }
          }
        }
        if (tier === 5 && bestSame >= cosCovers) tier = 4;
      }
      const isWhole = whole[p] === 1;
      let isNamed = false;
      if (subIndex >= 0) {
        for (let k = namedStart[p]!, end = namedStart[p + 1]!; k < end; k++) {
          if (named[k] === subIndex) {
            isNamed = true;
            break;
          }
        }
      }
      const mask = (packed >> 2) & 15;
      const typeOk = typeMask === 0 || (mask & typeMask) !== 0;
      const subOk = subIndex === -1 || isWhole || isNamed;
      const isVerified = (packed & 128) !== 0;
      const verifiedOk = !verifiedOnly || isVerified;
      // Slot: the automatic-radius band (all 0 when the user gave a radius), and covers.
      const slot = !auto
        ? 0
        : best >= cosAuto0
          ? 0
          : best >= cosAuto1
            ? 1
            : best >= cosAuto2
              ? 2
              : 3;
      const coversOk = tier <= 4 ? 1 : 0;
      if (subOk && verifiedOk) {
        for (let t = 0; t < 4; t++) {
          if ((mask & (1 << t)) !== 0) {
            typeSlots[t * SLOTS + slot]! += 1;
            typeSlots[t * SLOTS + COVERS_SLOT]! += coversOk;
          }
        }
      }
      if (typeOk && verifiedOk) {
        if (isWhole) {
          wholeSlots[slot]! += 1;
          wholeSlots[COVERS_SLOT]! += coversOk;
        } else
          for (let k = namedStart[p]!, end = namedStart[p + 1]!; k < end; k++) {
            subSlots[named[k]! * SLOTS + slot]! += 1;
            subSlots[named[k]! * SLOTS + COVERS_SLOT]! += coversOk;
          }
      }
      if (typeOk && subOk && isVerified) {
        verifiedSlots[slot]! += 1;
        verifiedSlots[COVERS_SLOT]! += coversOk;
      }
      if (typeOk && subOk && verifiedOk) {
        mainSlots[slot]! += 1;
        mainSlots[COVERS_SLOT]! += coversOk;
        if (covers && coversOk === 0) continue;
        buf.listing[count] = L;
        buf.named[count] = isNamed ? 0 : 1;
        buf.tier[count] = tier;
        const band = best > cosBand0 ? 0 : best > cosBand1 ? 1 : best > cosBand2 ? 2 : 3;
        buf.band[count] = band;
        const industries = meta[p * 3 + 1]!;
        buf.industries[count] = industries;
        buf.closeness[count] = best;
        buf.centre[count] = bestCentre;
        buf.rank[count] = meta[p * 3 + 2]!;
        buf.branch[count] = bestBranch;
        // Monotone in every ranking field but the slug (and the centre), so it never contradicts
        // `compare`: nearest by 1 - cosine; the others by (tier, named, band) and industries
        // (< RANK_SPAN) in the integer part and 1 - cosine, scaled into [0, 0.5], as the fraction.
        buf.key[count] = byDistance
          ? 1 - best
          : (covers ? (((tier - 1) * 2 + buf.named[count]!) * 4 + band) * RANK_SPAN : 0) +
            (isNamed ? 0 : covers ? 0 : RANK_SPAN) +
            industries +
            (1 - best) / 4;
        count += 1;
      }
    }

    const main = totalOf(mainSlots, 0, order, auto);
    if (order === 'nearest' && auto && main.radiusMiles !== null) {
      // Keep the candidates within the automatic radius.
      const cosAuto = cosOfMiles(main.radiusMiles);
      let kept = 0;
      for (let c = 0; c < count; c++) {
        if (buf.closeness[c]! < cosAuto) continue;
        if (kept !== c) {
          buf.listing[kept] = buf.listing[c]!;
          buf.named[kept] = buf.named[c]!;
          buf.tier[kept] = buf.tier[c]!;
          buf.band[kept] = buf.band[c]!;
          buf.industries[kept] = buf.industries[c]!;
          buf.closeness[kept] = buf.closeness[c]!;
          buf.centre[kept] = buf.centre[c]!;
          buf.rank[kept] = buf.rank[c]!;
          buf.branch[kept] = buf.branch[c]!;
          buf.key[kept] = buf.key[c]!;
        }
        kept += 1;
      }
      count = kept;
    }
    industry.subsectors.forEach((s, i) => {
      for (let k = 0; k < SLOTS; k++) slots[k] = subSlots[i * SLOTS + k]! + wholeSlots[k]!;
      subsectorFacet[s.slug] = totalOf(slots, 0, facetOrder(query, s), auto).total;
    });
    EMPLOYMENT_TYPES.forEach((t, i) => {
      typeFacet[t.value] = totalOf(typeSlots, i * SLOTS, order, auto).total;
    });
    facets.verified = totalOf(verifiedSlots, 0, order, auto).total;

    const compareDistance = (a: number, b: number) =>
      buf.closeness[b]! - buf.closeness[a]! || buf.centre[b]! - buf.centre[a]!;
    const compare =
      order === 'nearest'
        ? (a: number, b: number) => compareDistance(a, b) || buf.rank[a]! - buf.rank[b]!
        : order === 'covers'
          ? (a: number, b: number) =>
              buf.tier[a]! - buf.tier[b]! ||
              buf.named[a]! - buf.named[b]! ||
              buf.band[a]! - buf.band[b]! ||
              buf.industries[a]! - buf.industries[b]! ||
              compareDistance(a, b) ||
              buf.rank[a]! - buf.rank[b]!
          : (a: number, b: number) =>
              buf.named[a]! - buf.named[b]! ||
              buf.industries[a]! - buf.industries[b]! ||
              compareDistance(a, b) ||
              buf.rank[a]! - buf.rank[b]!;
    const start = (query.page - 1) * query.pageSize;
    const top = selectTop(count, start + query.pageSize, buf.key, buf.heap, compare).slice(start);
    const presentAt = { geometry, island, own, placeName: proseName(place.name) };
    const results = top.map((c) =>
      this.present(
        {
          index: buf.listing[c]!,
          named: buf.named[c]!,
          tier: buf.tier[c]!,
          branch: buf.branch[c]!,
        },
        query,
        industry,
        place,
        presentAt,
      ),
    );
    const radiusMiles = query.radiusMiles ?? (order === 'nearest' ? main.radiusMiles : null);
    return this.outcome(order, place, query, radiusMiles, main.total, results, facets);
  }

  private outcome(
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

  /** Miles from the searched place to a branch: for an area, 0 inside, else to its nearest anchor town. */
  private branchMiles(
    branch: IndexedBranch,
    place: SearchPlace,
    geometry: AreaGeometry | null,
  ): number {
    if (geometry === null) return distanceMiles(place.lat, place.lon, branch.lat, branch.lon);
    const town = this.placeNumbers.get(branch.town);
    if (town !== undefined && geometry.inside[town] === 1) return 0;
    const [x, y, z] = unitVector(branch.lat, branch.lon);
    const anchors = geometry.anchors;
    let best = -2;
    let nearest = 0;
    for (let i = 0; i < geometry.anchorTowns.length; i++) {
      const c = x * anchors[i * 3]! + y * anchors[i * 3 + 1]! + z * anchors[i * 3 + 2]!;
      if (c > best) {
        best = c;
        nearest = i;
      }
    }
    const anchor = geometry.anchorTowns[nearest]!;
    return distanceMiles(anchor.lat, anchor.lon, branch.lat, branch.lon);
  }

  /**
   * The coverage entry behind tier 1 or 2 (by position), and whether it lies inside the place;
   * read from the current search's chain marks.
   */
  private tierEntry(
    L: number,
    tier: number,
    own: number,
  ): { entry: number; within: boolean } | null {
    const f = this.flat;
    const first = f.covStart[L]!;
    for (let k = first, end = f.covStart[L + 1]!; k < end; k++) {
      const n = f.cov[k]!;
      if (this.chainMarks[n] === this.chainMark && f.placeClass[n] === tier)
        return { entry: k - first, within: false };
    }
    if (tier === 1 && own >= 0) {
      const ownId = this.placeIds[own]!;
      const coverage = this.listings[L]!.coverage;
      if (coverage !== 'national')
        for (let k = 0; k < coverage.length; k++)
          if (this.ancestors(coverage[k]!).includes(ownId)) return { entry: k, within: true };
    }
    return null;
  }

  /** "Greater London", "Greater London, Kent and 3 more": a listing's coverage in a sentence. */
  private coveredText(listing: IndexedListing): string {
    if (listing.coveredText === undefined) {
      if (listing.presentedCoverage === 'national') listing.coveredText = 'the whole UK';
      else {
        const names = listing.presentedCoverage.map((e) => proseName(e.name));
        listing.coveredText =
          names.length > 3
            ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
            : joinWords(names);
      }
    }
    return listing.coveredText;
  }

  private present(
    c: { index: number; named: number; tier: number; branch: number },
    query: SearchQuery,
    industry: Industry,
    place: SearchPlace,
    at: { geometry: AreaGeometry | null; island: number; own: number; placeName: string },
  ): SearchResult {
    const { geometry, island, placeName } = at;
    const listing = this.listings[c.index]!;
    const branch = listing.branches[c.branch]!;
    const miles = this.branchMiles(branch, place, geometry);
    const tenths = Math.round(miles * 10);
    const isArea = geometry !== null;
    const why: string[] = [];
    let officeSaid = false;
    if (c.tier === 1 || c.tier === 2) {
      const found = this.tierEntry(c.index, c.tier, at.own);
      const entry =
        found === null || listing.presentedCoverage === 'national'
          ? null
          : { ...found, ...listing.presentedCoverage[found.entry]! };
      const name = entry === null ? placeName : proseName(entry.name);
      if (entry?.within) why.push(`Covers ${name}, in ${placeName}`);
      else if (c.tier === 1 && entry !== null && entry.id !== place.chain[0])
        why.push(`Covers ${name}, including ${placeName}`);
      else why.push(`Covers ${name}`);
    } else if (c.tier === 3) why.push('Covers the whole UK');
    else if (c.tier === 4) {
      // The nearest branch on the place's side of the Irish Sea.
      let near = branch;
      let nearMiles = Infinity;
      for (const b of listing.branches) {
        if (island >= 0 && b.island !== island) continue;
        const d = b === branch ? miles : this.branchMiles(b, place, geometry);
        if (d < nearMiles) {
          nearMiles = d;
          near = b;
        }
      }
      officeSaid = near === branch;
      const office =
        isArea && nearMiles === 0
          ? `Office in ${near.townName}, inside ${placeName}`
          : `Office ${wholeMilesText(nearMiles)} away in ${near.townName}`;
      why.push(`${office}; covers ${this.coveredText(listing)}, not ${placeName}`);
    } else why.push(`Covers ${this.coveredText(listing)}, not ${placeName}`);
    if (query.subsector && c.named === 0) why.push(`Specialises in ${query.subsector.name}`);
    else if (listing.industryCount === 1) why.push(`Specialises in ${industry.name}`);
    else why.push(`Covers ${industry.name} among ${listing.industryCount} industries`);
    if (!officeSaid) {
      // tenths/10 formatted with one decimal, as toFixed(1) would (and much faster).
      const distanceText =
        tenths === 0
          ? 'less than 0.1 miles'
          : `${Math.floor(tenths / 10)}.${tenths % 10} ${tenths === 10 ? 'mile' : 'miles'}`;
      if (isArea && miles === 0) why.push(`Office in ${branch.townName}, inside ${placeName}`);
      else if (isArea)
        why.push(`Nearest office ${distanceText} away in ${branch.townName}, outside ${placeName}`);
      else why.push(`Nearest office ${distanceText} away in ${branch.townName}`);
    }
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

  /** Every industry the index has listings for, with how many. */
  countByIndustry(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const industry of listIndustries())
      out[industry.slug] = this.byIndustry.get(industry.slug)?.length ?? 0;
    return out;
  }
}

/** Whole miles for a sentence: "less than a mile", "1 mile", "20 miles". */
function wholeMilesText(miles: number): string {
  const rounded = Math.round(miles);
  if (rounded === 0) return 'less than a mile';
  return rounded === 1 ? '1 mile' : `${rounded} miles`;
}
