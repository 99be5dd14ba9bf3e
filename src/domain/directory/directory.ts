/**
 * The directory model: brands -> listings (divisions) -> branches (offices). This is also the
 * shape of the JSON export, the reference interchange format.
 */
import type { EmploymentType, Purpose } from './taxonomy.js';

export interface Branch {
  /** Stable id, unique across the directory (e.g. `acme-recruitment-leeds-1`). */
  id: string;
  name: string;
  address: string;
  /** Place id of the branch's town, e.g. `town:leeds`. */
  town: string;
  postcode: string;
  lat: number;
  lon: number;
  candidatePhone: string | null;
  candidateEmail: string | null;
  employerPhone: string | null;
  employerEmail: string | null;
}

/** `national`, or the place ids (towns, counties, regions, nations) a listing declares it covers. */
export type Coverage = 'national' | string[];

export interface Listing {
  slug: string;
  name: string;
  description: string;
  website: string | null;
  verified: boolean;
  /** Calendar date the listing joined the directory, YYYY-MM-DD. */
  listedSince: string;
  /** Industry slugs covered. An industry with none of its sub-sectors named is covered whole. */
  industries: string[];
  /** Sub-sectors named explicitly, as `industry/subsector`. */
  subsectors: string[];
  employmentTypes: EmploymentType[];
  purposes: Purpose[];
  coverage: Coverage;
  branches: Branch[];
}

export interface Brand {
  slug: string;
  name: string;
  listings: Listing[];
}

export interface Directory {
  brands: Brand[];
}

/** The JSON export file: a directory with a header saying what it is. */
export interface DirectoryFile {
  format: 'shortlist-directory';
  version: 1;
  brands: Brand[];
}

export interface DirectoryStats {
  listings: number;
  brands: number;
  branches: number;
}

/** Counts brands, listings and branches of a directory. */
export function countDirectory(directory: Directory): DirectoryStats {
  let listings = 0;
  let branches = 0;
  for (const brand of directory.brands) {
    listings += brand.listings.length;
    for (const listing of brand.listings) branches += listing.branches.length;
  }
  return { brands: directory.brands.length, listings, branches };
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Puts a directory in canonical order (brands, listings by slug; branches by id; value lists
 * sorted) so that export -> import -> export is byte-for-byte the same.
 */
export function canonicalDirectory(directory: Directory): Directory {
  return {
    brands: [...directory.brands].sort(byKey((b) => b.slug)).map((brand) => ({
      slug: brand.slug,
      name: brand.name,
      listings: [...brand.listings].sort(byKey((l) => l.slug)).map((l) => ({
        slug: l.slug,
        name: l.name,
        description: l.description,
        website: l.website,
        verified: l.verified,
        listedSince: l.listedSince,
        industries: [...l.industries].sort(),
        subsectors: [...l.subsectors].sort(),
        employmentTypes: [...l.employmentTypes].sort(),
        purposes: [...l.purposes].sort(),
        coverage: l.coverage === 'national' ? 'national' : [...l.coverage].sort(),
        branches: [...l.branches].sort(byKey((b) => b.id)).map((b) => ({
          id: b.id,
          name: b.name,
          address: b.address,
          town: b.town,
          postcode: b.postcode,
          lat: b.lat,
          lon: b.lon,
          candidatePhone: b.candidatePhone,
          candidateEmail: b.candidateEmail,
          employerPhone: b.employerPhone,
          employerEmail: b.employerEmail,
        })),
      })),
    })),
  };
}

const EXAMPLE_HOST = /(^|\.)(example|invalid|test)$|(^|\.)example\.(com|org|net)$/i;

/** True when every listing's website is on a reserved example domain: the demo directory. */
export function isDemoDirectory(directory: Directory): boolean {
  let seen = 0;
  for (const brand of directory.brands) {
    for (const listing of brand.listings) {
      if (listing.website === null) continue;
      seen += 1;
      let host: string;
      try {
        host = new URL(listing.website).hostname;
      } catch {
        return false;
      }
      if (!EXAMPLE_HOST.test(host)) return false;
    }
  }
  return seen > 0;
}
