/**
 * Turns raw search parameters into a validated query and a resolved place, reporting every bad
 * field at once: the form's fields and the geocoder's verdict on the location together.
 */
import { DomainError, isDomainError, type Problem } from '../errors.js';
import { geocodePlace, type GeocodedPlace } from './geocode.js';
import { ancestorsOf } from './places.js';
import type { SearchPlace } from './search-outcome.js';
import { parseSearchQuery, type RawSearchParams, type SearchQuery } from './search-query.js';

const GEOCODE_CACHE_SIZE = 5000;
const geocodeCache = new Map<string, GeocodedPlace | DomainError>();

/**
 * geocodePlace on the `location` field, remembered for the last few thousand distinct texts:
 * the same towns are searched over and over, and the answer for a text never changes.
 */
function geocodeCached(text: string): GeocodedPlace {
  let answer = geocodeCache.get(text);
  if (answer === undefined) {
    try {
      answer = geocodePlace(text, 'location');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      answer = error;
    }
    if (geocodeCache.size >= GEOCODE_CACHE_SIZE) geocodeCache.clear();
    geocodeCache.set(text, answer);
  }
  if (answer instanceof DomainError) throw answer;
  return answer;
}

/**
 * The place a search runs from, with the ids containing it (for coverage): its own id (a
 * postcode's town) first, then ancestorsOf it, smallest first; any length.
 */
function toSearchPlace(place: GeocodedPlace): SearchPlace {
  const own = place.kind === 'postcode' ? place.townId : place.id;
  // The places module's containment chain, of any length; the geocoder's fields when it has none.
  const ancestors = own === undefined ? [] : ancestorsOf(own);
  const chain = [
    own,
    ...(ancestors.length > 0 ? ancestors : [place.countyId, place.regionId, place.nationId]),
  ].filter((id, i, all): id is string => typeof id === 'string' && all.indexOf(id) === i);
  return { name: place.name, kind: place.kind, lat: place.lat, lon: place.lon, chain };
}

/** Validates the parameters and resolves the location; throws every problem at once. */
export function resolveSearch(raw: RawSearchParams): {
  query: SearchQuery;
  place: SearchPlace;
  geocoded: GeocodedPlace;
} {
  const problems: Problem[] = [];
  let query: SearchQuery | null = null;
  try {
    query = parseSearchQuery(raw);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problems.push(...error.problems);
  }
  let geocoded: GeocodedPlace | null = null;
  if (!problems.some((p) => p.field === 'location')) {
    try {
      geocoded = geocodeCached(
        query?.location ?? (typeof raw.location === 'string' ? raw.location : ''),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, field: 'location' })));
    }
  }
  if (problems.length > 0 || !query || !geocoded) {
    const order = ['industry', 'subsector', 'purpose', 'location'];
    problems.sort((a, b) => {
      const ia = order.indexOf(a.field ?? '');
      const ib = order.indexOf(b.field ?? '');
      return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    });
    throw new DomainError(problems);
  }
  return { query, place: toSearchPlace(geocoded), geocoded };
}
