/** What every page needs from the application: whether the directory is demo data, and its size. */
import type { DirectorySnapshot } from '../services/directory-snapshot.service.js';
import type { SearchIndexes } from '../services/search.service.js';

export interface PageDeps {
  snapshot: DirectorySnapshot<SearchIndexes>;
}

/** True while the directory is the generated demo directory (false before it has loaded). */
export function isDemoDirectory(deps: PageDeps): boolean {
  try {
    return deps.snapshot.get().demo;
  } catch {
    return false;
  }
}

/** How many listings the directory holds (0 before it has loaded). */
export function countListings(deps: PageDeps): number {
  try {
    return deps.snapshot.get().derived.index.size;
  } catch {
    return 0;
  }
}

/**
 * The number on the search button: below 1,000 the exact count ("640"), otherwise the count
 * rounded down to the thousand with a plus ("8000+").
 */
export function listingCountText(count: number): string {
  if (count < 1000) return String(count);
  return `${Math.floor(count / 1000) * 1000}+`;
}

/** "Search 8000+ Agencies": the search button's label for the live listing count. */
export function searchButtonLabel(count: number): string {
  return `Search ${listingCountText(count)} Agencies`;
}
