/**
 * The rules of issue 11 that other engines (bench/search) reproduce: which order a query gets,
 * the radii and distance bands, and the Irish Sea that a nearby office never crosses.
 */
import { findPlaceById } from './places.js';
import type { SearchQuery } from './search-query.js';
import type { SearchOrder, Subsector } from './taxonomy.js';

/** A listing with a branch this close to the place counts as covering it. */
export const COVERS_BRANCH_MILES = 25;
/** The automatic radii of `nearest` without a radius, widened while fewer than AUTO_MIN match. */
export const AUTO_RADII_MILES = [40, 80, 160] as const;
export const AUTO_MIN_RESULTS = 5;
/** The distance bands of `covers` within a tier: d < 5, < 15, < 40, the rest. */
export const BAND_MILES = [5, 15, 40] as const;

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
export function facetOrder(query: SearchQuery, subsector: Subsector | null): SearchOrder {
  const asked =
    query.order !== null && query.offeredOrdersOnly && !isOrderOffered(query.order, subsector)
      ? null
      : query.order;
  return orderFor(asked, subsector);
}

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
