/**
 * The Agency Search engine: an in-memory index built once per directory version, answering a
 * search without touching the database. A search scans the industry's posting list
 * (search-scan.ts), counts the facets on the way (search-facets.ts), ranks the matches
 * (search-rank.ts) and presents one page of them (search-present.ts, search-why.ts).
 *
 * Distances are great-circle distances on a sphere of radius 6371.0088 km: the scan compares the
 * cosines of central angles (dot products of unit vectors, no trigonometry per branch); the
 * miles a result shows are computed with the haversine formula (geo.ts). An area search
 * measures from the area's anchor towns, with 0 for a branch inside the area (search-area.ts).
 */
import { isAreaKind } from './anchor-towns.js';
import type { Directory } from './directory.js';
import { areaGeometry, type AreaGeometry, type SearchAt } from './search-area.js';
import { countFacets, emptyFacets, totalOf, zeroedSlots } from './search-facets.js';
import { IndexedDirectory } from './search-index.js';
import type { SearchOutcome, SearchPlace } from './search-outcome.js';
import { outcome, present } from './search-present.js';
import type { SearchQuery } from './search-query.js';
import { rankedPage } from './search-rank.js';
import { orderFor, placeIslandOf } from './search-rules.js';
import { keepWithin, scan, scratch } from './search-scan.js';
import { cosOfMiles } from './geo.js';
import { proseName } from './search-why.js';
import { listIndustries } from './taxonomy.js';

/** The largest chain mark (see search) before the marks start again from 1. */
const MAX_MARK = 0x7fffffff;

export class SearchIndex {
  private readonly index: IndexedDirectory;
  /** Area geometries, built on an area's first search. */
  private readonly areas = new Map<string, AreaGeometry>();
  /** The current search's mark at the place numbers of the searched place's chain. */
  private readonly chainMarks: Int32Array;
  private chainMark = 0;

  /** Builds the index from a directory; O(listings + branches). */
  constructor(directory: Directory) {
    this.index = new IndexedDirectory(directory);
    this.chainMarks = new Int32Array(this.index.placeIds.length);
  }

  get size(): number {
    return this.index.listings.length;
  }

  /**
   * Runs a search for a resolved place. Deterministic for the same index and input, but not
   * pure: it marks the place's chain in this index, caches area geometry here, and works in
   * candidate and facet buffers shared by every index of this thread (search-scan.ts,
   * search-facets.ts). It is synchronous and nothing it returns refers to those buffers, so
   * searches never interleave within a thread; it is not re-entrant, so never call it from
   * inside itself (and share no index across worker threads).
   *
   * Every result carries its coverage tier (`match`); `covers` keeps tiers 1 to 4 in tier order;
   * `nearest` without a radius searches 40, 80, 160 miles or the whole UK, the first with at
   * least 5 matches; each facet count is the total of the query with that facet set to it.
   */
  search(query: SearchQuery, place: SearchPlace): SearchOutcome {
    const industry = query.industry;
    const order = orderFor(query.order, query.subsector);
    const auto = query.radiusMiles === null;
    const block = this.index.industryBlocks.get(industry.slug);
    const facets = emptyFacets(industry);
    if (!block) return outcome(order, place, query, null, 0, [], facets);

    const isArea = isAreaKind(place.kind) && place.chain.length > 0;
    const chain = place.chain.map((id) => this.index.placeNumbers.get(id) ?? -1);
    const at: SearchAt = {
      geometry: isArea ? this.area(place) : null,
      island: placeIslandOf(place.chain),
      own: isArea ? (chain[0] ?? -1) : -1,
      placeName: proseName(place.name),
      marks: this.chainMarks,
      mark: this.markChain(chain),
    };
    const slots = zeroedSlots(industry.subsectors.length);
    const buf = scratch(block.postings.length);
    let count = scan(this.index, block, query, place, order, at, slots, buf);

    const main = totalOf(slots.main, 0, order, auto);
    if (order === 'nearest' && auto && main.radiusMiles !== null)
      count = keepWithin(buf, count, cosOfMiles(main.radiusMiles));
    countFacets(facets, slots, query, order, auto);

    const top = rankedPage(buf, count, order, query.page, query.pageSize);
    const results = top.map((c) =>
      present(
        this.index,
        {
          index: buf.listing[c]!,
          unnamed: buf.unnamed[c]!,
          tier: buf.tier[c]!,
          branch: buf.branch[c]!,
        },
        query,
        industry,
        place,
        at,
      ),
    );
    const radiusMiles = query.radiusMiles ?? (order === 'nearest' ? main.radiusMiles : null);
    return outcome(order, place, query, radiusMiles, main.total, results, facets);
  }

  private area(place: SearchPlace): AreaGeometry {
    const areaId = place.chain[0]!;
    let geometry = this.areas.get(areaId);
    if (!geometry) {
      geometry = areaGeometry(this.index, place);
      this.areas.set(areaId, geometry);
    }
    return geometry;
  }

  /**
   * Marks the chain's place numbers with a new mark and returns it: n is in the chain when
   * chainMarks[n] === mark. Marks only grow, so old ones never match; before they would wrap,
   * every mark is cleared.
   */
  private markChain(chain: readonly number[]): number {
    if (this.chainMark === MAX_MARK) {
      this.chainMarks.fill(0);
      this.chainMark = 0;
    }
    const mark = ++this.chainMark;
    for (const n of chain) if (n >= 0) this.chainMarks[n] = mark;
    return mark;
  }

  /** Every industry the index has listings for, with how many. */
  countByIndustry(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const industry of listIndustries())
      out[industry.slug] = this.index.byIndustry.get(industry.slug)?.length ?? 0;
    return out;
  }
}
