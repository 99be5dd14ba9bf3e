/** An interview's agency: a listing of the directory, by its slug. */
import type { InterviewsDeps } from './interviews.service.js';

/** What the interviews need of a directory listing. */
export type ListedAgency = { listing: { name: string } };

/** The directory's listings; none while it has not loaded. */
function listedAgencies(deps: Pick<InterviewsDeps, 'snapshot'>): ReadonlyMap<string, ListedAgency> {
  try {
    return deps.snapshot.get().derived.listings;
  } catch {
    return new Map();
  }
}

/** The name of the agency the directory lists under this slug; undefined when it lists none. */
export function findAgencyName(
  deps: Pick<InterviewsDeps, 'snapshot'>,
  slug: string,
): string | undefined {
  return listedAgencies(deps).get(slug)?.listing.name;
}

function normaliseName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

/**
 * The slug of the one agency listed under this name (any case, any spacing); undefined when no
 * listing, or several, have it.
 */
export function findAgencySlugByName(
  deps: Pick<InterviewsDeps, 'snapshot'>,
  name: string,
): string | undefined {
  const wanted = normaliseName(name);
  const named = [...listedAgencies(deps)].filter(
    ([, entry]) => normaliseName(entry.listing.name) === wanted,
  );
  return named.length === 1 ? named[0]?.[0] : undefined;
}

export function isKnownListing(deps: Pick<InterviewsDeps, 'snapshot'>): (slug: string) => boolean {
  return (slug) => findAgencyName(deps, slug) !== undefined;
}
