/**
 * The search's data, built once per directory version: the listings as results show them, and
 * per industry a block of typed arrays laid out in posting order for the scan (search-scan.ts).
 * Places are numbered (place numbers) so the scan compares integers, never ids.
 */
import type { Coverage, Directory } from './directory.js';
import { angleOf, unitVector } from './geo.js';
import { ancestorsOf, findPlaceById } from './places.js';
import type { SearchResult } from './search-outcome.js';
import { normaliseWords } from './search-query.js';
import { islandOf } from './search-rules.js';
import { listIndustries, type EmploymentType } from './taxonomy.js';

export const TYPE_BITS: Record<EmploymentType, number> = {
  permanent: 1,
  temporary: 2,
  contract: 4,
  'temp-to-perm': 8,
};
export const PURPOSE_BITS = { job: 1, staff: 2 } as const;

export const typeMaskOf = (types: readonly EmploymentType[]) =>
  types.reduce((m, t) => m | TYPE_BITS[t], 0);

export interface IndexedBranch {
  town: string;
  townName: string;
  postcode: string;
  lat: number;
  lon: number;
  /** 1 in Northern Ireland, 0 in Great Britain. */
  island: number;
}

/** A listing as the search reads it; the fields it shares with a result are copied into it as they are. */
export interface IndexedListing extends Pick<
  SearchResult,
  'slug' | 'name' | 'brand' | 'description' | 'verified' | 'employmentTypes' | 'listedSince'
> {
  /** The coverage as results show it, built once (results share it; nobody mutates it). */
  presentedCoverage: SearchResult['coverage'];
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
  /** The coverage in a sentence, built when first needed (see search-why.ts). */
  coveredText?: string;
  words: Set<string>;
  sortedWords: string[];
}

/** What a search reads by listing; the rest is copied into each industry block (see buildFlat). */
export interface FlatIndex {
  /** Listing i's coverage place numbers, and the numbers of the places containing them. */
  covStart: Int32Array;
  cov: Int32Array;
  upStart: Int32Array;
  up: Int32Array;
  /** By place number: 2 for a region or nation, 1 for any other place (tier of a chain match). */
  placeClass: Uint8Array;
}

export interface IndustryBlock {
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

function placeName(id: string): string {
  return findPlaceById(id)?.name ?? id;
}

export class IndexedDirectory {
  readonly listings: IndexedListing[] = [];
  readonly byIndustry = new Map<string, Int32Array>();
  private readonly ancestorCache = new Map<string, string[]>();
  /** Flat, typed copies of what the search loop reads, indexed by listing (see buildFlat). */
  flat!: FlatIndex;
  readonly industryBlocks = new Map<string, IndustryBlock>();
  readonly placeNumbers = new Map<string, number>();
  /** Place ids by place number. */
  readonly placeIds: string[] = [];
  /** By town place number: a reference point (unit vector) and the angle within which all its branches lie. */
  townRef = new Float64Array(0);
  townRadius = new Float64Array(0);

  /** O(listings + branches). */
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
          typeMask: typeMaskOf(l.employmentTypes),
          purposeMask: l.purposes.reduce((m, p) => m | PURPOSE_BITS[p], 0),
          wholeIndustries: new Set(l.industries.filter((i) => !namedIndustries.has(i))),
          named,
          branches,
          words,
          sortedWords: [...words].sort(),
        });
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

  ancestors(id: string): string[] {
    let chain = this.ancestorCache.get(id);
    if (!chain) {
      chain = ancestorsOf(id);
      this.ancestorCache.set(id, chain);
    }
    return chain;
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
    const branches: FlatBranches = { x: [], y: [], z: [], town: [], island: [] };
    const cov: number[] = [];
    const up: number[] = [];
    this.listings.forEach((l, i) => {
      branchStart[i] = branches.x.length;
      for (const branch of l.branches) {
        const [x, y, z] = unitVector(branch.lat, branch.lon);
        branches.x.push(x);
        branches.y.push(y);
        branches.z.push(z);
        branches.town.push(this.placeNumber(branch.town));
        branches.island.push(branch.island);
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
    branchStart[n] = branches.x.length;
    covStart[n] = cov.length;
    upStart[n] = up.length;
    // Every place a search can name in its chain is numbered at search time only if a listing
    // involves it; the branches' towns' ancestors are numbered too, for area searches.
    for (const id of [...this.placeIds]) for (const a of this.ancestors(id)) this.placeNumber(a);
    this.measureTowns(branches);
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
      this.industryBlocks.set(
        industry.slug,
        this.industryBlock(industry.slug, postings, subIndex, slugRank, branchStart, branches),
      );
    }
  }

  /** Each branch town's reference point (its first branch) and the widest angle to its branches. */
  private measureTowns(branches: FlatBranches): void {
    const { x: bx, y: by, z: bz, town: bTown } = branches;
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
  }

  /** One industry's block: its postings' data copied in posting order (see IndustryBlock). */
  private industryBlock(
    industrySlug: string,
    postings: Int32Array,
    subIndex: Map<string, number>,
    slugRank: Int32Array,
    branchStart: Int32Array,
    branches: FlatBranches,
  ): IndustryBlock {
    const { covStart, cov } = this.flat;
    const whole = new Uint8Array(postings.length);
    const namedStart = new Int32Array(postings.length + 1);
    const named: number[] = [];
    postings.forEach((listingIndex, p) => {
      const l = this.listings[listingIndex]!;
      whole[p] = l.wholeIndustries.has(industrySlug) ? 1 : 0;
      namedStart[p] = named.length;
      for (const key of l.named) {
        const slash = key.indexOf('/');
        if (key.slice(0, slash) !== industrySlug) continue;
        const i = subIndex.get(key.slice(slash + 1));
        if (i !== undefined) named.push(i);
      }
    });
    namedStart[postings.length] = named.length;
    const meta = new Int32Array(postings.length * 3);
    const blockStart = new Int32Array(postings.length + 1);
    let branchCount = 0;
    postings.forEach((L, p) => {
      const l = this.listings[L]!;
      meta[p * 3] =
        l.purposeMask |
        (l.typeMask << 2) |
        ((l.national ? 1 : 0) << 6) |
        ((l.verified ? 1 : 0) << 7);
      meta[p * 3 + 1] = l.industryCount;
      meta[p * 3 + 2] = slugRank[L]!;
      blockStart[p] = branchCount;
      branchCount += branchStart[L + 1]! - branchStart[L]!;
    });
    blockStart[postings.length] = branchCount;
    const blockCovStart = new Int32Array(postings.length + 1);
    const blockCov: number[] = [];
    postings.forEach((L, p) => {
      blockCovStart[p] = blockCov.length;
      for (let k = covStart[L]!; k < covStart[L + 1]!; k++) blockCov.push(cov[k]!);
    });
    blockCovStart[postings.length] = blockCov.length;
    const coords = new Float64Array(branchCount * 3);
    const branchTown = new Int32Array(branchCount);
    const branchIsland = new Uint8Array(branchCount);
    postings.forEach((L, p) => {
      for (let b = branchStart[L]!, k = blockStart[p]!; b < branchStart[L + 1]!; b++, k++) {
        coords[k * 3] = branches.x[b]!;
        coords[k * 3 + 1] = branches.y[b]!;
        coords[k * 3 + 2] = branches.z[b]!;
        branchTown[k] = branches.town[b]!;
        branchIsland[k] = branches.island[b]!;
      }
    });
    return {
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
    };
  }
}

/** Every branch of the directory in listing order, while the index is built. */
interface FlatBranches {
  x: number[];
  y: number[];
  z: number[];
  /** Place number of the branch's town. */
  town: number[];
  island: number[];
}
