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

/** What a search reads by listing; the rest is copied into each industry block (see buildFlat). */
interface FlatIndex {
  national: Uint8Array;
  /** Listing i's coverage place numbers, and the numbers of the places containing them. */
  covStart: Int32Array;
  cov: Int32Array;
  upStart: Int32Array;
  up: Int32Array;
}

interface IndustryBlock {
  postings: Int32Array;
  /**
   * What the scan reads, copied in posting order so a search streams through memory: per posting
   * [purpose bits | type bits << 2 | national << 6, industries covered, slug rank].
   */
  meta: Int32Array;
  /** Posting p's branches are [branchStart[p], branchStart[p + 1]) in coords (x, y, z each). */
  branchStart: Int32Array;
  coords: Float64Array;
  /** 1 where the listing covers the whole industry (names none of its sub-sectors). */
  whole: Uint8Array;
  /** The sub-sectors (indexes into the industry's list) the listing at posting p names. */
  namedStart: Int32Array;
  named: Int32Array;
  subIndex: Map<string, number>;
}

/** A point on the unit sphere: the dot product of two is the cosine of their central angle. */
function unitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * toRad;
  const lambda = lon * toRad;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/**
 * Whether listing L's coverage contains the place or lies within it. `inChain[n] === mark` for
 * the place numbers of the place and what contains it; `own` is the place's own number.
 */
function coversPlace(
  f: FlatIndex,
  L: number,
  inChain: Int32Array,
  mark: number,
  own: number,
): boolean {
  for (let k = f.covStart[L]!, end = f.covStart[L + 1]!; k < end; k++)
    if (inChain[f.cov[k]!] === mark) return true;
  if (own < 0) return false;
  for (let k = f.upStart[L]!, end = f.upStart[L + 1]!; k < end; k++)
    if (f.up[k] === own) return true;
  return false;
}

type CoverageMatch = 'national' | { entry: number; within: boolean } | null;

interface Scratch {
  listing: Int32Array;
  named: Uint8Array;
  industries: Int32Array;
  closeness: Float64Array;
  /** A sort key per candidate that agrees with the ranking (see selectTop). */
  key: Float64Array;
  heap: Float64Array;
  rank: Int32Array;
  branch: Int32Array;
}

let scratchBuffers: Scratch | null = null;

/** Candidate buffers reused across searches (a search runs to completion before the next). */
function scratch(size: number): Scratch {
  if (!scratchBuffers || scratchBuffers.listing.length < size) {
    const n = Math.max(size, 1024);
    scratchBuffers = {
      listing: new Int32Array(n),
      named: new Uint8Array(n),
      industries: new Int32Array(n),
      closeness: new Float64Array(n),
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
   * Lays out the search loop's data in typed arrays: masks, ranks, branch unit vectors and
   * coverage place numbers per listing, and per industry its posting list with the whole-industry
   * flags and named sub-sectors. Cache-friendly and allocation-free to scan.
   */
  private buildFlat(): void {
    const n = this.listings.length;
    const order = [...this.listings.keys()].sort((a, b) =>
      this.listings[a]!.slug < this.listings[b]!.slug ? -1 : 1,
    );
    const slugRank = new Int32Array(n);
    order.forEach((listing, rank) => (slugRank[listing] = rank));
    const typeMask = new Uint8Array(n);
    const purposeMask = new Uint8Array(n);
    const industryCount = new Int32Array(n);
    const national = new Uint8Array(n);
    const branchStart = new Int32Array(n + 1);
    const covStart = new Int32Array(n + 1);
    const upStart = new Int32Array(n + 1);
    const bx: number[] = [];
    const by: number[] = [];
    const bz: number[] = [];
    const cov: number[] = [];
    const up: number[] = [];
    this.listings.forEach((l, i) => {
      typeMask[i] = l.typeMask;
      purposeMask[i] = l.purposeMask;
      industryCount[i] = l.industryCount;
      national[i] = l.national ? 1 : 0;
      branchStart[i] = bx.length;
      for (const branch of l.branches) {
        const [x, y, z] = unitVector(branch.lat, branch.lon);
        bx.push(x);
        by.push(y);
        bz.push(z);
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
    this.chainMarks = new Int32Array(this.placeNumbers.size);
    // Listing i's branches are [branchStart[i], branchStart[i + 1]) in bx, by, bz (unit
    // vectors); these and the masks and ranks are only copied into the industry blocks below.
    const built = {
      slugRank,
      typeMask,
      purposeMask,
      industryCount,
      national,
      branchStart,
      bx: Float64Array.from(bx),
      by: Float64Array.from(by),
      bz: Float64Array.from(bz),
    };
    this.flat = {
      national,
      covStart,
      cov: Int32Array.from(cov),
      upStart,
      up: Int32Array.from(up),
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
      const branchStart = new Int32Array(postings.length + 1);
      let branches = 0;
      postings.forEach((L, p) => {
        meta[p * 3] = built.purposeMask[L]! | (built.typeMask[L]! << 2) | (built.national[L]! << 6);
        meta[p * 3 + 1] = built.industryCount[L]!;
        meta[p * 3 + 2] = built.slugRank[L]!;
        branchStart[p] = branches;
        branches += built.branchStart[L + 1]! - built.branchStart[L]!;
      });
      branchStart[postings.length] = branches;
      const coords = new Float64Array(branches * 3);
      postings.forEach((L, p) => {
        for (
          let b = built.branchStart[L]!, k = branchStart[p]!;
          b < built.branchStart[L + 1]!;
          b++, k++
        ) {
          coords[k * 3] = built.bx[b]!;
          coords[k * 3 + 1] = built.by[b]!;
          coords[k * 3 + 2] = built.bz[b]!;
        }
      });
      this.industryBlocks.set(industry.slug, {
        postings,
        meta,
        branchStart,
        coords,
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

  /**
   * Which coverage entry puts the place in listing L's area: 'national', the entry (by position)
   * that contains the place (`within: false`) or lies within it (`within: true`), or null.
   * `inChain[n] === mark` for the place numbers of the place and what contains it; `own` is the
   * place's own number (-1 when no listing's coverage involves it).
   */
  private coverageMatch(L: number, inChain: Int32Array, mark: number, own: number): CoverageMatch {
    const f = this.flat;
    if (f.national[L] === 1) return 'national';
    const first = f.covStart[L]!;
    const end = f.covStart[L + 1]!;
    for (let k = first; k < end; k++)
      if (inChain[f.cov[k]!] === mark) return { entry: k - first, within: false };
    if (own < 0) return null;
    // Some entry lies within the place only if the place contains one of the entries.
    let contains = false;
    for (let k = f.upStart[L]!, upEnd = f.upStart[L + 1]!; k < upEnd; k++) {
      if (f.up[k] === own) {
        contains = true;
        break;
      }
    }
    if (!contains) return null;
    const coverage = this.listings[L]!.coverage;
    if (coverage === 'national') return 'national';
    const ownId = this.placeIds[own]!;
    for (let k = 0; k < coverage.length; k++) {
      if (this.ancestors(coverage[k]!).includes(ownId)) return { entry: k, within: true };
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
    const order: SearchOrder = query.order ?? (query.subsector?.local ? 'nearest' : 'covers');
    const purposeBit = PURPOSE_BITS[query.purpose];
    const typeMask = typeMaskOf(query.employmentTypes);
    const block = this.industryBlocks.get(industry.slug);
    const subsectorFacet: Record<string, number> = {};
    for (const s of industry.subsectors) subsectorFacet[s.slug] = 0;
    const typeFacet: Record<EmploymentType, number> = {
      permanent: 0,
      temporary: 0,
      contract: 0,
      'temp-to-perm': 0,
    };
    if (!block) return this.outcome(order, place, query, 0, [], typeFacet, subsectorFacet);

    const f = this.flat;
    const { postings, meta, coords, whole, namedStart, named } = block;
    const blockBranches = block.branchStart;
    const subIndex = query.subsector ? (block.subIndex.get(query.subsector.slug) ?? -2) : -1;
    const [qx, qy, qz] = unitVector(place.lat, place.lon);
    // Distances compare as the cosine of the central angle: larger is nearer.
    const cosCovers = Math.cos((COVERS_BRANCH_MILES * KM_PER_MILE) / EARTH_RADIUS_KM);
    const cosRadius =
      query.radiusMiles === null
        ? -2
        : Math.cos((query.radiusMiles * KM_PER_MILE) / EARTH_RADIUS_KM);
    const chain = place.chain.map((id) => this.placeNumbers.get(id) ?? -1);
    const own = chain[0] ?? -1;
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
    const subCounts = new Int32Array(industry.subsectors.length);
    let wholeCount = 0;
    let perm = 0;
    let temp = 0;
    let contract = 0;
    let t2p = 0;
    const buf = scratch(postings.length);
    let count = 0;

    for (let p = 0; p < postings.length; p++) {
      const packed = meta[p * 3]!;
      if ((packed & purposeBit) === 0) continue;
      const L = postings[p]!;
      if (words.length > 0 && !this.hasWords(this.listings[L]!, words)) continue;
      let best = -2;
      let bestBranch = 0;
      const firstBranch = blockBranches[p]!;
      for (let b = firstBranch, end = blockBranches[p + 1]!; b < end; b++) {
        const d = coords[b * 3]! * qx + coords[b * 3 + 1]! * qy + coords[b * 3 + 2]! * qz;
        if (d > best) {
          best = d;
          bestBranch = b - firstBranch;
        }
      }
      if (best < cosRadius) continue;
      if (
        covers &&
        (packed & 64) === 0 &&
        best < cosCovers &&
        !coversPlace(f, L, inChain, mark, own)
      )
        continue;
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
      if (subOk) {
        perm += mask & 1;
        temp += (mask >> 1) & 1;
        contract += (mask >> 2) & 1;
        t2p += (mask >> 3) & 1;
      }
      if (typeOk) {
        if (isWhole) wholeCount += 1;
        else
          for (let k = namedStart[p]!, end = namedStart[p + 1]!; k < end; k++)
            subCounts[named[k]!]! += 1;
      }
      if (typeOk && subOk) {
        buf.listing[count] = L;
        buf.named[count] = isNamed ? 0 : 1;
        const industries = meta[p * 3 + 1]!;
        buf.industries[count] = industries;
        buf.closeness[count] = best;
        buf.rank[count] = meta[p * 3 + 2]!;
        buf.branch[count] = bestBranch;
        // Monotone in every ranking field but the slug, so it never contradicts `compare`:
        // nearest by 1 - cosine; the others by (named, industries) in the integer part
        // (industries < RANK_SPAN) and 1 - cosine, scaled into [0, 0.5], as the fraction.
        buf.key[count] = byDistance
          ? 1 - best
          : (isNamed ? 0 : RANK_SPAN) + industries + (1 - best) / 4;
        count += 1;
      }
    }
    typeFacet.permanent = perm;
    typeFacet.temporary = temp;
    typeFacet.contract = contract;
    typeFacet['temp-to-perm'] = t2p;
    industry.subsectors.forEach((s, i) => (subsectorFacet[s.slug] = subCounts[i]! + wholeCount));

    const compare =
      order === 'nearest'
        ? (a: number, b: number) =>
            buf.closeness[b]! - buf.closeness[a]! || buf.rank[a]! - buf.rank[b]!
        : (a: number, b: number) =>
            buf.named[a]! - buf.named[b]! ||
            buf.industries[a]! - buf.industries[b]! ||
            buf.closeness[b]! - buf.closeness[a]! ||
            buf.rank[a]! - buf.rank[b]!;
    const start = (query.page - 1) * query.pageSize;
    const top = selectTop(count, start + query.pageSize, buf.key, buf.heap, compare).slice(start);
    const results = top.map((c) => {
      const L = buf.listing[c]!;
      const listing = this.listings[L]!;
      const branch = buf.branch[c]!;
      return this.present(
        {
          index: L,
          named: buf.named[c]!,
          distance: distanceMiles(
            place.lat,
            place.lon,
            listing.branches[branch]!.lat,
            listing.branches[branch]!.lon,
          ),
          branch,
          coverage: this.coverageMatch(L, inChain, mark, own),
        },
        query,
        industry,
        place,
      );
    });
    return this.outcome(order, place, query, count, results, typeFacet, subsectorFacet);
  }

  private outcome(
    order: SearchOrder,
    place: SearchPlace,
    query: SearchQuery,
    total: number,
    results: SearchResult[],
    employmentTypes: Record<EmploymentType, number>,
    subsectors: Record<string, number>,
  ): SearchOutcome {
    return {
      order,
      location: { name: place.name, kind: place.kind, lat: place.lat, lon: place.lon },
      total,
      page: query.page,
      pageSize: query.pageSize,
      results,
      facets: { employmentTypes, subsectors },
    };
  }

  private present(
    c: { index: number; named: number; distance: number; branch: number; coverage: CoverageMatch },
    query: SearchQuery,
    industry: Industry,
    place: SearchPlace,
  ): SearchResult {
    const listing = this.listings[c.index]!;
    const branch = listing.branches[c.branch]!;
    const tenths = Math.round(c.distance * 10);
    const distance = tenths / 10;
    const why: string[] = [];
    if (query.subsector && c.named === 0) why.push(`Specialises in ${query.subsector.name}`);
    else if (listing.industryCount === 1) why.push(`Specialises in ${industry.name}`);
    else why.push(`Covers ${industry.name} among ${listing.industryCount} industries`);
    if (c.coverage === 'national') why.push('Covers the whole UK');
    else if (c.coverage !== null && listing.presentedCoverage !== 'national') {
      const name = listing.presentedCoverage[c.coverage.entry]!.name;
      why.push(c.coverage.within ? `Covers ${name}, in ${place.name}` : `Covers ${name}`);
    }
    // tenths/10 formatted with one decimal, as toFixed(1) would (and much faster).
    const distanceText =
      tenths === 0
        ? 'less than 0.1 miles'
        : `${Math.floor(tenths / 10)}.${tenths % 10} ${tenths === 10 ? 'mile' : 'miles'}`;
    why.push(`Nearest office ${distanceText} away in ${branch.townName}`);
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
        distanceMiles: distance,
      },
      coverage: listing.presentedCoverage,
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
