/** Factories for tests: valid objects with overridable fields. */
import type { Branch, Brand, Directory, Listing } from '../src/domain/directory/directory.js';

let counter = 0;
const next = () => ++counter;

export function buildBranch(overrides: Partial<Branch> = {}): Branch {
  const n = next();
  return {
    id: `branch-${n}`,
    name: 'Leeds office',
    address: `${n} Park Row, Leeds`,
    town: 'town:leeds',
    postcode: 'LS1 5AB',
    lat: 53.7972,
    lon: -1.5463,
    candidatePhone: '0113 496 0001',
    candidateEmail: 'jobs@agency.example',
    employerPhone: '0113 496 0002',
    employerEmail: 'clients@agency.example',
    ...overrides,
  };
}

export function buildListing(overrides: Partial<Listing> = {}): Listing {
  const n = next();
  return {
    slug: `listing-${n}`,
    name: `Listing ${n} Recruitment`,
    description: 'Temporary and permanent drivers across West Yorkshire.',
    website: `https://listing-${n}.example/`,
    verified: true,
    listedSince: '2015-04-01',
    industries: ['driving'],
    subsectors: ['driving/lgv'],
    employmentTypes: ['permanent', 'temporary'],
    purposes: ['job', 'staff'],
    coverage: ['county:west-yorkshire'],
    branches: [buildBranch()],
    ...overrides,
  };
}

export function buildBrand(overrides: Partial<Brand> = {}): Brand {
  const n = next();
  return { slug: `brand-${n}`, name: `Brand ${n}`, listings: [buildListing()], ...overrides };
}

export function buildDirectory(brands: Brand[] = [buildBrand(), buildBrand()]): Directory {
  return { brands };
}
