/**
 * The gazetteer's name index, built once at module load: a map of normalised names, a sorted
 * array of them for prefix search, and names bucketed by first letter for spelling suggestions.
 *
 * Names indexed: each place's name and other names (towns: "Hull"; counties: "Herts",
 * "Lanarkshire"; regions: "Yorkshire"; nations: "Cymru"), and, at the lowest priority, the
 * names of local authorities ("Kirklees", "Pembrokeshire"), which resolve to their county.
 */
import { editDistance, normaliseName } from './gazetteer-normalise.js';
import {
  listCounties,
  listLocalities,
  listNations,
  listRegions,
  listTowns,
  type AnyPlace,
  type PlaceKind,
  type Town,
} from './places.js';

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

for (const place of [
  ...listTowns(),
  ...listLocalities(),
  ...listCounties(),
  ...listRegions(),
  ...listNations(),
]) {
  addName(place.name, place, 'name');
  for (const alt of place.altNames) addName(alt, place, 'alt');
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
export function placesNamed(key: string): AnyPlace[] {
  const entries = index.get(key) ?? [];
  const primary = entries.filter((e) => e.via !== 'authority');
  return (primary.length > 0 ? primary : entries).map((e) => e.place);
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
