/**
 * The scan: one pass over an industry's postings (search-index.ts) that filters, measures,
 * classifies and counts. Matches of the query go into the scratch buffers as candidates for
 * ranking; every listing counts towards the facets it would match (search-facets.ts).
 *
 * Distances compare as the cosine of the central angle between unit vectors: larger is nearer,
 * and d <= R exactly when cos >= cosOfMiles(R). Nothing here allocates per posting.
 */
import { townAnchors, type SearchAt } from './search-area.js';
import { COVERS_SLOT, SLOTS, type FacetSlots } from './search-facets.js';
import { cosOfMiles, unitVector } from './geo.js';
import {
  PURPOSE_BITS,
  typeMaskOf,
  type IndexedDirectory,
  type IndexedListing,
  type IndustryBlock,
} from './search-index.js';
import type { SearchPlace } from './search-outcome.js';
import type { SearchQuery } from './search-query.js';
import { rankKey } from './search-rank.js';
import { AUTO_RADII_MILES, BAND_MILES, COVERS_BRANCH_MILES } from './search-rules.js';
import type { SearchOrder } from './taxonomy.js';

/** The candidates of the current search, by candidate number. */
export interface Scratch {
  listing: Int32Array;
  /** 0 when the listing names the searched sub-sector, else 1 (named ones rank first). */
  unnamed: Uint8Array;
  /** 1 place, 2 region or nation, 3 national, 4 nearby office, 5 none. */
  tier: Uint8Array;
  /** The distance band (see BAND_MILES), 0 nearest. */
  band: Uint8Array;
  industries: Int32Array;
  /** Cosine of the central angle to the nearest branch (1 inside an area). */
  closeness: Float64Array;
  /** Area searches: closeness to the area's centre of a branch inside it, else -2. */
  centre: Float64Array;
  /** A sort key per candidate that agrees with the ranking (see rankKey). */
  key: Float64Array;
  heap: Float64Array;
  /** The listing's rank by slug. */
  rank: Int32Array;
  /** The nearest branch, by position in the listing's branches. */
  branch: Int32Array;
}

let scratchBuffers: Scratch | null = null;

/**
 * Candidate buffers for `size` postings, shared by every index in this thread: a search runs to
 * completion (it is synchronous) before the next starts, and nothing it returns refers to them.
 */
export function scratch(size: number): Scratch {
  if (!scratchBuffers || scratchBuffers.listing.length < size) {
    const n = Math.max(size, 1024);
    scratchBuffers = {
      listing: new Int32Array(n),
      unnamed: new Uint8Array(n),
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

/** Whether the listing has every word, the last one as a prefix (it may be half typed). */
function hasWords(listing: IndexedListing, words: string[]): boolean {
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
 * Scans the industry's postings for the query: counts into `slots` and writes the query's
 * matches (for covers, tiers 1 to 4 only) into `buf`. Returns how many it wrote.
 */
export function scan(
  index: IndexedDirectory,
  block: IndustryBlock,
  query: SearchQuery,
  place: SearchPlace,
  order: SearchOrder,
  at: SearchAt,
  slots: FacetSlots,
  buf: Scratch,
): number {
  const listings = index.listings;
  const { up, upStart, placeClass } = index.flat;
  const { postings, meta, coords, whole, namedStart, named, branchTown, branchIsland } = block;
  const { cov, covStart } = block;
  const blockBranches = block.branchStart;
  const { geometry, island, own, mark } = at;
  const inChain = at.marks;
  const auto = query.radiusMiles === null;
  const purposeBit = PURPOSE_BITS[query.purpose];
  const typeMask = typeMaskOf(query.employmentTypes);
  const verifiedOnly = query.verified;
  const subIndex = query.subsector ? (block.subIndex.get(query.subsector.slug) ?? -2) : -1;
  const [qx, qy, qz] = unitVector(place.lat, place.lon);
  const inside = geometry?.inside;
  const anchors = geometry?.anchors;
  const townAnchorLists = geometry?.townAnchors;
  const cosCovers = cosOfMiles(COVERS_BRANCH_MILES);
  const cosRadius = query.radiusMiles === null ? -2 : cosOfMiles(query.radiusMiles);
  const cosAuto0 = cosOfMiles(AUTO_RADII_MILES[0]);
  const cosAuto1 = cosOfMiles(AUTO_RADII_MILES[1]);
  const cosAuto2 = cosOfMiles(AUTO_RADII_MILES[2]);
  const cosBand0 = cosOfMiles(BAND_MILES[0]);
  const cosBand1 = cosOfMiles(BAND_MILES[1]);
  const cosBand2 = cosOfMiles(BAND_MILES[2]);
  const covers = order === 'covers';
  const byDistance = order === 'nearest';
  const words = query.words;
  const { sub: subSlots, whole: wholeSlots, type: typeSlots } = slots;
  const { verified: verifiedSlots, main: mainSlots } = slots;
  let count = 0;

  for (let p = 0; p < postings.length; p++) {
    const packed = meta[p * 3]!;
    if ((packed & purposeBit) === 0) continue;
    const L = postings[p]!;
    if (words.length > 0 && !hasWords(listings[L]!, words)) continue;
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
        const candidates = townAnchorLists![town] ?? townAnchors(index, geometry!, town);
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
    const slot = !auto ? 0 : best >= cosAuto0 ? 0 : best >= cosAuto1 ? 1 : best >= cosAuto2 ? 2 : 3;
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
      const unnamed = isNamed ? 0 : 1;
      const band = best > cosBand0 ? 0 : best > cosBand1 ? 1 : best > cosBand2 ? 2 : 3;
      const industries = meta[p * 3 + 1]!;
      buf.listing[count] = L;
      buf.unnamed[count] = unnamed;
      buf.tier[count] = tier;
      buf.band[count] = band;
      buf.industries[count] = industries;
      buf.closeness[count] = best;
      buf.centre[count] = bestCentre;
      buf.rank[count] = meta[p * 3 + 2]!;
      buf.branch[count] = bestBranch;
      buf.key[count] = rankKey(byDistance, covers, tier, unnamed, band, industries, best);
      count += 1;
    }
  }
  return count;
}

/** Keeps the first `count` candidates with closeness >= `minCloseness`, in order; returns how many. */
export function keepWithin(buf: Scratch, count: number, minCloseness: number): number {
  let kept = 0;
  for (let c = 0; c < count; c++) {
    if (buf.closeness[c]! < minCloseness) continue;
    if (kept !== c) {
      buf.listing[kept] = buf.listing[c]!;
      buf.unnamed[kept] = buf.unnamed[c]!;
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
  return kept;
}
