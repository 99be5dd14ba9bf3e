/**
 * UK postcodes to places, from our own tables (postcode-areas.ts, postcode-districts.ts): a full
 * postcode or an outward code, in any case and spacing (`ls14ap`, `LS1 4AP`, `ls1`), resolves to
 * its district's town (precision "district"), or to its area's town when the district is not in
 * the table (precision "area"). Jersey, Guernsey and Isle of Man postcodes are outside the UK.
 *
 * There is no unit-level data: every postcode of a district lands on the district's town, which
 * is within a few kilometres for the central districts of the large towns the table covers.
 * Pure; the tables are parsed and checked once at module load.
 */
import { normaliseName, distanceKm } from './gazetteer-normalise.js';
import { listCounties, listTowns, type Town } from './places.js';
import {
  NON_GEOGRAPHIC_POSTCODE_AREAS,
  OUTSIDE_UK_POSTCODE_AREAS,
  POSTCODE_AREAS,
} from './postcode-areas.js';
import { POSTCODE_DISTRICTS } from './postcode-districts.js';

export type PostcodePrecision = 'district' | 'area';

export interface PostcodeMatch {
  /** Normalised postcode as shown to people: `LS1 4AP`, or the outward code alone: `LS1`. */
  postcode: string;
  /** Whether a full postcode or only an outward code (or sector) was given. */
  form: 'full' | 'outward';
  /** `LS` */
  area: string;
  /** The area's name, e.g. "Leeds", "London SW". */
  areaName: string;
  /** `LS1` (a sub-district such as `SW1A` is reported as its district, `SW1`). */
  district: string;
  precision: PostcodePrecision;
  town: Town;
}

export type PostcodeLookup =
  | { status: 'found'; match: PostcodeMatch }
  | { status: 'outside-uk'; postcode: string; where: string }
  | { status: 'non-geographic'; postcode: string; what: string }
  | { status: 'unknown-area'; postcode: string; area: string }
  | { status: 'not-a-postcode' };

// --- Town names in the tables -----------------------------------------------------------------

const townsByKey = new Map<string, Town[]>();
for (const town of listTowns()) {
  const key = normaliseName(town.name);
  const list = townsByKey.get(key);
  if (list) list.push(town);
  else townsByKey.set(key, [town]);
}
const countyIdsByKey = new Map<string, string>();
for (const county of listCounties()) {
  for (const name of [county.name, ...county.altNames]) {
    countyIdsByKey.set(normaliseName(name), county.id);
  }
}

const tableErrors: string[] = [];

/**
 * "Name" or "Name, County". A shared name means the one nearest `near`, or without `near` the
 * most populous. Table errors are collected and thrown together once the tables are read.
 */
function resolveTown(spec: string, near: Town | null, where: string): Town | null {
  const [namePart, countyPart] = spec.split(',').map((s) => s.trim());
  let candidates = townsByKey.get(normaliseName(namePart ?? '')) ?? [];
  if (countyPart !== undefined) {
    const countyId = countyIdsByKey.get(normaliseName(countyPart));
    candidates = candidates.filter((t) => t.countyId === countyId);
  }
  if (candidates.length === 0) {
    tableErrors.push(`${where}: no town "${spec}"`);
    return null;
  }
  if (candidates.length === 1) return candidates[0] as Town;
  if (!near) return [...candidates].sort((a, b) => b.population - a.population)[0] as Town;
  const dist = (t: Town): number => distanceKm(t.lat, t.lon, near.lat, near.lon);
  return [...candidates].sort((a, b) => dist(a) - dist(b))[0] as Town;
}

// --- Tables ----------------------------------------------------------------------------------

interface Area {
  code: string;
  name: string;
  town: Town;
}

const areas = new Map<string, Area>();
for (const def of POSTCODE_AREAS) {
  const town = resolveTown(def.town, null, def.code);
  if (town) areas.set(def.code, { code: def.code, name: def.name, town });
}

/**
 * A district's town further than this from its area's town is a table error (a namesake
 * elsewhere, the right town not being in the place tables). Large rural areas reach further.
 */
const MAX_KM_FROM_AREA_TOWN = 60;
const MAX_KM_BY_AREA: Readonly<Record<string, number>> = {
  AB: 110,
  BT: 160,
  CA: 90,
  DG: 130,
  DN: 90,
  EX: 90,
  IV: 160,
  KW: 160,
  LL: 110,
  NE: 110,
  PA: 160,
  PE: 110,
  PH: 160,
  SA: 130,
  SY: 130,
  TR: 130,
  YO: 90,
};

const districts = new Map<string, Town>();
for (const [code, spec] of Object.entries(POSTCODE_DISTRICTS)) {
  const area = areas.get(code);
  if (!area) throw new Error(`postcodes: district table names unknown area ${code}`);
  for (const clause of spec.split(';')) {
    const m = /^\s*([\d,\s-]+?)\s+([^\d].*?)\s*$/.exec(clause.replace(/\s+/g, ' '));
    if (!m) throw new Error(`postcodes: ${code}: bad clause "${clause}"`);
    const numbers: number[] = [];
    for (const part of (m[1] as string).split(',')) {
      const [from, to] = part.split('-').map((n) => Number(n.trim()));
      if (from === undefined || Number.isNaN(from))
        throw new Error(`postcodes: ${code}: "${part}"`);
      for (let n = from; n <= (to ?? from); n++) numbers.push(n);
    }
    const town = resolveTown(m[2] as string, area.town, `${code} ${m[1] as string}`);
    if (
      town &&
      distanceKm(town.lat, town.lon, area.town.lat, area.town.lon) >
        (MAX_KM_BY_AREA[code] ?? MAX_KM_FROM_AREA_TOWN)
    ) {
      tableErrors.push(`${code} ${m[1] as string}: ${town.id} is far from ${area.town.id}`);
    }
    for (const n of numbers) {
      const district = `${code}${n}`;
      if (districts.has(district)) tableErrors.push(`${district} listed twice`);
      if (town) districts.set(district, town);
    }
  }
}
if (tableErrors.length > 0) throw new Error(`postcodes: table errors:\n${tableErrors.join('\n')}`);

// --- Parsing ---------------------------------------------------------------------------------

const OUTWARD = '([A-Z]{1,2})([0-9])([0-9A-Z]?)';
const FULL_RE = new RegExp(`^${OUTWARD}([0-9][A-Z]{2})$`);
const OUTWARD_RE = new RegExp(`^${OUTWARD}$`);
const SECTOR_RE = new RegExp(`^${OUTWARD} ([0-9])[A-Z]?$`);
/** A full postcode or outward code at the end of a longer text (an address, "Leeds LS1"). */
const TRAILING_RE = /[\s,]([A-Za-z]{1,2}[0-9][0-9A-Za-z]?(?:\s*[0-9][A-Za-z]{2})?)\s*$/;

interface Parsed {
  form: 'full' | 'outward';
  area: string;
  /** District number with its sub-district letter, if any: `1`, `14`, `1A`. */
  outwardRest: string;
  display: string;
}

function parse(text: string): Parsed | null {
  const upper = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, ' ');
  const compact = upper.replace(/ /g, '');
  const full = FULL_RE.exec(compact);
  if (full) return fromMatch('full', full, full[4]);
  // "LS1 4" is a sector of LS1, while "LS14" is district 14.
  const outward = SECTOR_RE.exec(upper) ?? OUTWARD_RE.exec(compact);
  return outward ? fromMatch('outward', outward) : null;
}

/** A match's groups are area, district, sub-district letter (and the inward code, if any). */
function fromMatch(form: Parsed['form'], m: RegExpExecArray, inward?: string): Parsed {
  const outward = `${m[1]}${m[2]}${m[3]}`;
  return {
    form,
    area: m[1] as string,
    outwardRest: `${m[2]}${m[3]}`,
    display: inward === undefined ? outward : `${outward} ${inward}`,
  };
}

/** Whether the text has the shape of a full postcode, an outward code or a sector. */
export function looksLikePostcode(text: string): boolean {
  return parse(text) !== null;
}

/** The postcode or outward code ending a longer text ("1 Park Row, Leeds LS1 5AB"), if any. */
export function trailingPostcode(text: string): string | null {
  const m = TRAILING_RE.exec(text);
  return m ? (m[1] as string) : null;
}

/** The area with this code ("LS", "SW"), if it is a UK postcode area. */
export function postcodeArea(code: string): { code: string; name: string; town: Town } | null {
  const area = areas.get(code.trim().toUpperCase());
  return area ? { code: area.code, name: area.name, town: area.town } : null;
}

/** Resolves a postcode, outward code or sector to its town. Pure. */
export function lookupPostcode(text: string): PostcodeLookup {
  const parsed = parse(text);
  if (!parsed) return { status: 'not-a-postcode' };
  const where = OUTSIDE_UK_POSTCODE_AREAS[parsed.area];
  if (where !== undefined) return { status: 'outside-uk', postcode: parsed.display, where };
  const what = NON_GEOGRAPHIC_POSTCODE_AREAS[parsed.area];
  if (what !== undefined) return { status: 'non-geographic', postcode: parsed.display, what };
  const area = areas.get(parsed.area);
  if (!area) return { status: 'unknown-area', postcode: parsed.display, area: parsed.area };
  // `SW1A` is a sub-district of SW1; `LS14` is district 14.
  const number = parsed.outwardRest.replace(/[A-Z]$/, '');
  const district = `${parsed.area}${number}`;
  const town = districts.get(district);
  return {
    status: 'found',
    match: {
      postcode: parsed.display,
      form: parsed.form,
      area: area.code,
      areaName: area.name,
      district,
      precision: town ? 'district' : 'area',
      town: town ?? area.town,
    },
  };
}

/** The postcode areas of the table with the town each resolves to. */
export function listPostcodeAreas(): { code: string; name: string; town: Town }[] {
  return [...areas.values()].map((a) => ({ code: a.code, name: a.name, town: a.town }));
}

/** The districts of the table (`LS1`, `LS29`...) with their towns. */
export function listPostcodeDistricts(): { district: string; town: Town }[] {
  return [...districts].map(([district, town]) => ({ district, town }));
}
