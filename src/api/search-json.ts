/**
 * The search response as JSON text, written faster than a generic serializer: the parts of a
 * result that never change for a listing within one directory version (slug to branchCount, and
 * its coverage) are serialised once and kept with that version, so a response only serialises
 * what depends on the search (the nearest branch, the reasons, the facets). The text is the same,
 * byte for byte, as JSON.stringify of the outcome (search-json.test.ts checks it).
 */
import type { SearchOutcome, SearchResult } from '../domain/directory/search-outcome.js';

interface Fragments {
  /** `{"slug":...,"branchCount":n` without the closing brace. */
  head: string;
  coverage: string;
}

/** Per directory version (the object the snapshot derived), per listing slug. */
const cache = new WeakMap<object, Map<string, Fragments>>();

function fragmentsOf(version: object, result: SearchResult): Fragments {
  let byListing = cache.get(version);
  if (!byListing) cache.set(version, (byListing = new Map<string, Fragments>()));
  let fragments = byListing.get(result.slug);
  if (!fragments) {
    const head = JSON.stringify({
      slug: result.slug,
      name: result.name,
      brand: result.brand,
      description: result.description,
      verified: result.verified,
      employmentTypes: result.employmentTypes,
      listedSince: result.listedSince,
      branchCount: result.branchCount,
    });
    fragments = { head: head.slice(0, -1), coverage: JSON.stringify(result.coverage) };
    byListing.set(result.slug, fragments);
  }
  return fragments;
}

/** The outcome as JSON; `version` identifies the directory version the outcome came from. */
export function searchResponseJson(outcome: SearchOutcome, version: object): string {
  let out =
    `{"order":${JSON.stringify(outcome.order)},"location":${JSON.stringify(outcome.location)}` +
    `,"radiusMiles":${JSON.stringify(outcome.radiusMiles)},"total":${outcome.total},"page":${outcome.page},"pageSize":${outcome.pageSize},"results":[`;
  for (let i = 0; i < outcome.results.length; i++) {
    const result = outcome.results[i]!;
    const fragments = fragmentsOf(version, result);
    if (i > 0) out += ',';
    out +=
      `${fragments.head},"nearestBranch":${JSON.stringify(result.nearestBranch)}` +
      `,"coverage":${fragments.coverage},"match":"${result.match}","why":${JSON.stringify(result.why)}}`;
  }
  return `${out}],"facets":${JSON.stringify(outcome.facets)}}`;
}
