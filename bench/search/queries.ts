/**
 * The benchmark's query mix: one fixed, seeded list of realistic searches, each validated and
 * geocoded once (resolveSearch) so every engine gets the same resolved place.
 *
 * - industry: weighted by how many listings of the 1x directory cover it;
 * - place: a pool of 200 towns drawn by population (without replacement), each query drawing
 *   from the pool by population; 1 in 5 queries types a postcode of a pool town's district
 *   ("LS1 4AB"), and of the rest 8% type the town's county and 4% its region (or nation), so
 *   coverage containment is exercised both ways;
 * - sub-sector: 35% of queries (half of those a local one when the industry has any);
 * - purpose: job 55%, staff 45%;
 * - employment types: a third of queries ask for one or two;
 * - radius: a fifth, 5 to 100 miles;
 * - order: 35% none (the engine's default: covers, or nearest for a local sub-sector), 30%
 *   covers, 20% specialists, 15% nearest.
 * No free-text keywords (q): the peers are compared on the structured search only.
 */
import type { Directory } from '../../src/domain/directory/directory.js';
import { geocodePlace, toOption } from '../../src/domain/directory/geocode.js';
import { findPlaceById, listTowns, type Town } from '../../src/domain/directory/places.js';
import { listPostcodeDistricts } from '../../src/domain/directory/postcodes.js';
import { SeededRandom, WeightedTable } from '../../src/domain/directory/random.js';
import type { SearchPlace } from '../../src/domain/directory/search-outcome.js';
import type { SearchQuery } from '../../src/domain/directory/search-query.js';
import { resolveSearch } from '../../src/domain/directory/search-request.js';
import {
  EMPLOYMENT_TYPES,
  listIndustries,
  type Industry,
} from '../../src/domain/directory/taxonomy.js';
import { toPeerQuery, type PeerQuery } from './peer.js';

export const QUERY_SEED = 20261201;
const PLACE_POOL_SIZE = 200;
const RADII = [5, 10, 15, 25, 50, 100];
const INCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface BenchQuery {
  n: number;
  /** The parameters as the API takes them. */
  raw: Record<string, string>;
  /** `/api/agencies/search?...` */
  path: string;
  query: SearchQuery;
  place: SearchPlace;
  peer: PeerQuery;
}

function countListingsByIndustry(directory: Directory): Map<string, number> {
  const counts = new Map<string, number>();
  for (const brand of directory.brands) {
    for (const listing of brand.listings) {
      for (const industry of listing.industries)
        counts.set(industry, (counts.get(industry) ?? 0) + 1);
    }
  }
  return counts;
}

/** What a person would type for this place: its name when that finds it, else its label. */
function locationText(id: string): string {
  const place = findPlaceById(id);
  if (!place) return id;
  for (const text of [place.name, toOption(place).label]) {
    try {
      const found = geocodePlace(text);
      if (found.id === id) return text;
    } catch {
      // ambiguous or unknown: try the next form
    }
  }
  return id;
}

/**
 * The first `count` queries of the fixed mix (the mix is the same for every count: a quick run
 * uses a prefix of the full run's queries). `weightsFrom` gives the industry weights (the 1x
 * directory).
 */
export function makeQueries(count: number, weightsFrom: Directory): BenchQuery[] {
  const r = new SeededRandom(QUERY_SEED);
  const counts = countListingsByIndustry(weightsFrom);
  const industries = listIndustries().filter((i) => (counts.get(i.slug) ?? 0) > 0);
  const industryTable = new WeightedTable<Industry>(industries, (i) => counts.get(i.slug) ?? 0);

  const towns = listTowns().filter((t) => t.population > 0);
  const townTable = new WeightedTable<Town>(towns, (t) => t.population);
  const poolIds = new Set<string>();
  const pool: Town[] = [];
  for (let tries = 0; pool.length < PLACE_POOL_SIZE && tries < 1_000_000; tries++) {
    const town = townTable.draw(r);
    if (!poolIds.has(town.id)) {
      poolIds.add(town.id);
      pool.push(town);
    }
  }
  const poolTable = new WeightedTable<Town>(pool, (t) => t.population);
  const districtsByTown = new Map<string, string[]>();
  for (const { district, town } of listPostcodeDistricts()) {
    if (!poolIds.has(town.id)) continue;
    const list = districtsByTown.get(town.id) ?? [];
    list.push(district);
    districtsByTown.set(town.id, list);
  }
  const postcodeTowns = pool.filter((t) => districtsByTown.has(t.id));
  const postcodeTable = new WeightedTable<Town>(postcodeTowns, (t) => t.population);
  const textCache = new Map<string, string>();
  const text = (id: string) => {
    let t = textCache.get(id);
    if (t === undefined) textCache.set(id, (t = locationText(id)));
    return t;
  };

  const out: BenchQuery[] = [];
  while (out.length < count) {
    const industry = industryTable.draw(r);
    const raw: Record<string, string> = { industry: industry.slug };
    raw.purpose = r.chance(0.55) ? 'job' : 'staff';

    let location: string;
    if (r.chance(0.2) && postcodeTowns.length > 0) {
      const town = postcodeTable.draw(r);
      const district = r.pick(districtsByTown.get(town.id)!);
      location = `${district} ${r.int(1, 9)}${r.pick([...INCODE_LETTERS])}${r.pick([...INCODE_LETTERS])}`;
    } else {
      const town = poolTable.draw(r);
      const x = r.next();
      const id = x < 0.08 ? town.countyId : x < 0.12 ? (town.regionId ?? town.nationId) : town.id;
      location = text(id);
    }
    raw.location = location;

    if (r.chance(0.35) && industry.subsectors.length > 0) {
      const local = industry.subsectors.filter((s) => s.local);
      const from = local.length > 0 && r.chance(0.5) ? local : industry.subsectors;
      raw.subsector = r.pick(from).slug;
    }
    if (r.chance(1 / 3)) {
      raw.employmentType = r
        .sample(
          EMPLOYMENT_TYPES.map((t) => t.value),
          r.int(1, 2),
        )
        .join(',');
    }
    if (r.chance(0.2)) raw.radiusMiles = String(r.pick(RADII));
    const o = r.next();
    if (o >= 0.35) raw.order = o < 0.65 ? 'covers' : o < 0.85 ? 'specialists' : 'nearest';

    let resolved: ReturnType<typeof resolveSearch>;
    try {
      resolved = resolveSearch(raw);
    } catch {
      continue; // a location the geocoder does not take (never expected): draw another
    }
    const params = new URLSearchParams(raw);
    out.push({
      n: out.length,
      raw,
      path: `/api/agencies/search?${params.toString()}`,
      query: resolved.query,
      place: resolved.place,
      peer: toPeerQuery(resolved.query, resolved.place),
    });
  }
  return out;
}

/** Counts of the mix's features, for the report. */
export function describeMix(queries: readonly BenchQuery[]): Record<string, number> {
  const d: Record<string, number> = {
    queries: queries.length,
    postcode: 0,
    town: 0,
    county: 0,
    region: 0,
    nation: 0,
    subsector: 0,
    localSubsector: 0,
    employmentTypes: 0,
    radius: 0,
    covers: 0,
    specialists: 0,
    nearest: 0,
    defaultOrder: 0,
  };
  for (const q of queries) {
    d[q.place.kind] = (d[q.place.kind] ?? 0) + 1;
    if (q.query.subsector) d.subsector! += 1;
    if (q.query.subsector?.local) d.localSubsector! += 1;
    if (q.query.employmentTypes.length > 0) d.employmentTypes! += 1;
    if (q.query.radiusMiles !== null) d.radius! += 1;
    if (q.query.order === null) d.defaultOrder! += 1;
    d[q.peer.order]! += 1;
  }
  return d;
}
