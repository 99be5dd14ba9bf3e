/** Place lookups for the location box and the resolve endpoint. */
import { DomainError } from '../domain/errors.js';
import { geocodePlace, type GeocodedPlace, type PlaceOption } from '../domain/directory/geocode.js';
import { suggestPlaces, type PlaceSummary } from '../domain/directory/gazetteer.js';
import { LIMITS } from '../domain/validation/limits.js';
import { firstValue } from '../domain/validation/text.js';

const MAX_QUERY = LIMITS.places.queryLength;

/** Up to 10 places whose names start with the prefix, most populous first; [] for an empty prefix. */
export function suggestPlaceNames(raw: unknown): PlaceSummary[] {
  const text = (firstValue(raw) ?? '').trim();
  if (text.length > MAX_QUERY) {
    throw DomainError.single('too-long', `The place must be at most ${MAX_QUERY} characters`, 'q');
  }
  return text === '' ? [] : suggestPlaces(text, 10);
}

/** Resolves typed text to one place with its alternatives; problems are named on field `q`. */
export function resolvePlace(raw: unknown): {
  place: Omit<GeocodedPlace, 'alternatives' | 'countyId' | 'regionId' | 'nationId' | 'townId'>;
  alternatives: PlaceOption[];
} {
  const result = geocodePlace(firstValue(raw) ?? '', 'q');
  const { alternatives, countyId: _c, regionId: _r, nationId: _n, townId: _t, ...place } = result;
  return { place, alternatives };
}
