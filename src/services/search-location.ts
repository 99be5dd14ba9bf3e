/**
 * The place a search ran from, as the API, the results page and the CLI show it: which place the
 * text was taken for, what else it could mean, and what was typed but left out.
 */
import type { GeocodedPlace } from '../domain/directory/geocode.js';
import type { SearchOutcome } from '../domain/directory/search-outcome.js';

/**
 * Where a search ran from, as the API, the page and the CLI show it: the engine's name, kind and
 * position, with the place's id, its label (text that resolves back to it), county, region and
 * nation, the other places the text could mean, and what was typed but left out.
 */
export interface SearchLocation {
  id: string;
  name: string;
  label: string;
  kind: string;
  county: string | null;
  region: string | null;
  nation: string;
  lat: number;
  lon: number;
  alternatives: { id: string; label: string }[];
  ignored?: string;
}

/** A search's outcome with the location it ran from (the engine's outcome, location widened). */
export type AgencySearchOutcome = Omit<SearchOutcome, 'location'> & { location: SearchLocation };

/** The location of a search as shown to people, from the geocoder's answer. */
export function toSearchLocation(place: GeocodedPlace): SearchLocation {
  return {
    id: place.id,
    name: place.name,
    label: place.label,
    kind: place.kind,
    county: place.county,
    region: place.region,
    nation: place.nation,
    lat: place.lat,
    lon: place.lon,
    alternatives: place.alternatives.map((a) => ({ id: a.id, label: a.label })),
    ...(place.ignored === undefined ? {} : { ignored: place.ignored }),
  };
}

/**
 * The place in a sentence: its label, with the nation in brackets when the label does not name
 * it: "Newport, Gwent (Wales)", "West Yorkshire (England)", "Scotland"; a postcode as typed
 * ("LS1 4AP").
 */
export function describeSearchLocation(location: SearchLocation): string {
  if (location.kind === 'postcode') return location.label;
  if (location.kind === 'nation' || location.label.includes('(')) return location.label;
  if (location.label.endsWith(location.nation)) return location.label;
  return `${location.label} (${location.nation})`;
}

/**
 * The sentence saying what was left out, or null when nothing was:
 * "Showing agencies for London; we could not place “Xyzzy”".
 */
export function ignoredNote(location: SearchLocation): string | null {
  return location.ignored === undefined
    ? null
    : `Showing agencies for ${location.name}; we could not place “${location.ignored}”`;
}
