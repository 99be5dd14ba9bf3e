/**
 * The gazetteer: place names, with qualifiers, resolved to places; labels; suggestions as the
 * user types. Pure; the names come from the index of gazetteer-index.ts.
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
import { foreignName, wholeCountry } from './gazetteer-abroad.js';
import { choose, placesNamed, placesWithPrefix } from './gazetteer-index.js';
import { distanceKm, normaliseName } from './gazetteer-normalise.js';
import {
  listTowns,
  placeContains,
  placeContext,
  type AnyPlace,
  type PlaceKind,
  type Town,
} from './places.js';

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

function summarise(place: AnyPlace): PlaceSummary {
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

/**
 * Prefix suggestions for a location box: places whose name or other name starts with the
 * prefix (case, spaces and hyphens ignored), most populous first.
 */
export function suggestPlaces(prefix: string, limit = 10): PlaceSummary[] {
  return placesWithPrefix(prefix, Math.max(0, Math.min(limit, 100))).map(summarise);
}
