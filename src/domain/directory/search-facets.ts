/**
 * Facet counts. The scan counts each match into slots (see SLOTS) per facet value, so a single
 * pass gives every facet's total as if the query had that value set, under the order that query
 * would get (nearest's automatic radius depends on the count, so totals need the bands).
 */
import type { SearchQuery } from './search-query.js';
import type { SearchFacets } from './search-outcome.js';
import { AUTO_MIN_RESULTS, AUTO_RADII_MILES, facetOrder } from './search-rules.js';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type Industry,
  type SearchOrder,
} from './taxonomy.js';

/** Slots of a facet count: matches by automatic-radius band (<= 40, 80, 160, beyond), then covers. */
export const SLOTS = 5;
export const COVERS_SLOT = 4;

/** The slots of one search: by sub-sector, whole-industry listings, by employment type, verified, the query. */
export interface FacetSlots {
  /** Sub-sector i's slots start at i * SLOTS. */
  sub: Int32Array;
  /** Listings covering the whole industry count for every sub-sector. */
  whole: Int32Array;
  /** Employment type i (in EMPLOYMENT_TYPES order) at i * SLOTS. */
  type: Int32Array;
  verified: Int32Array;
  main: Int32Array;
  /** Room to add up one sub-sector's slots (see facetsOf). */
  spare: Int32Array;
}

/** One buffer for every search in this thread, cut into slots once per sub-sector count. */
let slotBuffer = new Int32Array(0);
let slotsBySubCount: (FacetSlots | undefined)[] = [];

/** Zeroed slots for an industry of `subCount` sub-sectors, reused by the next search. */
export function zeroedSlots(subCount: number): FacetSlots {
  const slotCount = (subCount + 4 + 4) * SLOTS;
  if (slotBuffer.length < slotCount) {
    slotBuffer = new Int32Array(slotCount * 2);
    slotsBySubCount = [];
  }
  slotBuffer.fill(0, 0, slotCount);
  let slots = slotsBySubCount[subCount];
  if (slots === undefined) {
    let offset = subCount * SLOTS;
    slots = {
      sub: slotBuffer.subarray(0, offset),
      whole: slotBuffer.subarray(offset, (offset += SLOTS)),
      type: slotBuffer.subarray(offset, (offset += 4 * SLOTS)),
      verified: slotBuffer.subarray(offset, (offset += SLOTS)),
      main: slotBuffer.subarray(offset, (offset += SLOTS)),
      spare: slotBuffer.subarray(offset, offset + SLOTS),
    };
    slotsBySubCount[subCount] = slots;
  }
  return slots;
}

/**
 * The total of a query from its slots at `offset`: covers counts tiers 1 to 4, specialists
 * everything, nearest the first automatic radius reaching AUTO_MIN_RESULTS (or everything, when
 * the radius is the user's).
 */
export function totalOf(
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

/** Every facet value of the industry at 0. */
export function emptyFacets(industry: Industry): SearchFacets {
  const subsectorFacet: Record<string, number> = {};
  for (const s of industry.subsectors) subsectorFacet[s.slug] = 0;
  const typeFacet: Record<EmploymentType, number> = {
    permanent: 0,
    temporary: 0,
    contract: 0,
    'temp-to-perm': 0,
  };
  return { employmentTypes: typeFacet, subsectors: subsectorFacet, verified: 0 };
}

/** Sets each facet count of `facets` to the total its slots give. */
export function countFacets(
  facets: SearchFacets,
  slots: FacetSlots,
  query: SearchQuery,
  order: SearchOrder,
  auto: boolean,
): void {
  const { sub, whole, spare } = slots;
  query.industry.subsectors.forEach((s, i) => {
    for (let k = 0; k < SLOTS; k++) spare[k] = sub[i * SLOTS + k]! + whole[k]!;
    facets.subsectors[s.slug] = totalOf(spare, 0, facetOrder(query, s), auto).total;
  });
  EMPLOYMENT_TYPES.forEach((t, i) => {
    facets.employmentTypes[t.value] = totalOf(slots.type, i * SLOTS, order, auto).total;
  });
  facets.verified = totalOf(slots.verified, 0, order, auto).total;
}
