/** How a favourite listing is described in the list, the comparison and the downloads. */
import type { Listing } from '../../domain/directory/directory.js';
import { findPlaceById } from '../../domain/directory/places.js';
import { findIndustry } from '../../domain/directory/taxonomy.js';
import { coverageText } from '../shared/agency-links.js';
import { joinList } from '../shared/format.js';

export function industriesOf(listing: Listing): string {
  return joinList(listing.industries.map((slug) => findIndustry(slug)?.name ?? slug));
}

export function townsOf(listing: Listing): string[] {
  return [...new Set(listing.branches.map((b) => findPlaceById(b.town)?.name ?? b.town))];
}

export function coverageOf(listing: Listing): string {
  return coverageText(
    listing.coverage === 'national'
      ? 'national'
      : listing.coverage.map((id) => ({ name: findPlaceById(id)?.name ?? id })),
    12,
  );
}
