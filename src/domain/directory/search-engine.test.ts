import { describe, expect, it } from 'vitest';
import { buildBranch, buildBrand, buildDirectory, buildListing } from '../../../test/factories.js';
import { isDomainError, type Problem } from '../errors.js';
import { SearchIndex } from './search-engine.js';
import { resolveSearch } from './search-request.js';

const leedsBranch = (id: string) =>
  buildBranch({ id, town: 'town:leeds', lat: 53.7965, lon: -1.5479 });
const yorkBranch = (id: string) =>
  buildBranch({ id, town: 'town:york', postcode: 'YO1 7HH', lat: 53.959, lon: -1.0815 });
const londonBranch = (id: string) =>
  buildBranch({ id, town: 'town:london', postcode: 'EC1A 1BB', lat: 51.5085, lon: -0.1257 });

const directory = buildDirectory([
  buildBrand({
    slug: 'a',
    listings: [
      // Names LGV explicitly, covers West Yorkshire, office in Leeds.
      buildListing({
        slug: 'lgv-leeds',
        industries: ['driving'],
        subsectors: ['driving/lgv'],
        coverage: ['county:west-yorkshire'],
        employmentTypes: ['temporary'],
        branches: [leedsBranch('b1')],
      }),
      // Whole driving industry, national, office in London.
      buildListing({
        slug: 'drive-national',
        industries: ['driving'],
        subsectors: [],
        coverage: 'national',
        employmentTypes: ['permanent'],
        branches: [londonBranch('b2')],
      }),
      // Driving and logistics (less specialised), covers North Yorkshire, office in York (about 21 miles from Leeds).
      buildListing({
        slug: 'york-drivers',
        industries: ['driving', 'logistics'],
        subsectors: [],
        coverage: ['county:north-yorkshire'],
        employmentTypes: ['permanent', 'contract'],
        purposes: ['staff'],
        branches: [yorkBranch('b3')],
      }),
      // Names only couriers: does not match an LGV search.
      buildListing({
        slug: 'couriers-london',
        industries: ['driving'],
        subsectors: ['driving/courier'],
        coverage: ['town:london'],
        branches: [londonBranch('b4')],
      }),
      // Other industry entirely.
      buildListing({
        slug: 'it-leeds',
        name: 'Aire Tech Talent',
        description: 'Software developers and testers',
        industries: ['IT'],
        subsectors: [],
        coverage: ['town:leeds'],
        branches: [leedsBranch('b5')],
      }),
    ],
  }),
]);
const index = new SearchIndex(directory);

function search(params: Record<string, unknown>) {
  const { query, place } = resolveSearch({ purpose: 'job', ...params });
  return index.search(query, place);
}

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error.problems;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('searchAgencies semantics', () => {
  it('covers (the default) keeps listings covering the place, national ones and those with an office within 25 miles', () => {
    const out = search({ industry: 'driving', location: 'Leeds', purpose: 'staff' });
    expect(out.order).toBe('covers');
    // York is about 22 miles from Leeds: york-drivers counts although its coverage is North Yorkshire.
    expect(out.results.map((r) => r.slug)).toEqual(['lgv-leeds', 'drive-national', 'york-drivers']);
    expect(out.results.map((r) => r.match)).toEqual(['place', 'national', 'nearby-office']);
    expect(out.results[2]?.why).toEqual([
      'Office 22 miles away in York; covers North Yorkshire, not Leeds',
      'Covers Driving among 2 industries',
    ]);
    expect(
      search({ industry: 'driving', location: 'Plymouth', purpose: 'staff' }).results.map(
        (r) => r.slug,
      ),
    ).toEqual(['drive-national']);
  });

  it('ranks a listing naming the sub-sector first, then the more specialised, then the nearer', () => {
    const out = search({
      industry: 'driving',
      subsector: 'lgv',
      location: 'Leeds',
      order: 'specialists',
      purpose: 'staff',
    });
    expect(out.order).toBe('specialists');
    expect(out.results.map((r) => r.slug)).toEqual(['lgv-leeds', 'drive-national', 'york-drivers']);
    expect(out.results[0]?.why).toEqual([
      'Covers West Yorkshire, including Leeds',
      'Specialises in LGV Drivers',
      'Nearest office less than 0.1 miles away in Leeds',
    ]);
    expect(out.results[1]?.why).toEqual([
      'Covers the whole UK',
      'Specialises in Driving',
      'Nearest office 168.9 miles away in London',
    ]);
  });

  it('uses nearest by default for a local sub-sector, and says so', () => {
    const out = search({
      industry: 'driving',
      subsector: 'driving/lgv',
      location: 'York',
      purpose: 'staff',
    });
    expect(out.order).toBe('nearest');
    expect(out.results.map((r) => r.slug)).toEqual(['york-drivers', 'lgv-leeds', 'drive-national']);
    expect(out.results.map((r) => r.nearestBranch.distanceMiles)).toEqual([0.1, 22, 173.9]);
  });

  it('filters by purpose, employment type and radius', () => {
    expect(
      search({ industry: 'driving', location: 'York', order: 'nearest', purpose: 'staff' }).total,
    ).toBe(4);
    expect(
      search({
        industry: 'driving',
        location: 'York',
        order: 'nearest',
        purpose: 'job',
      }).results.map((r) => r.slug),
    ).not.toContain('york-drivers');
    expect(
      search({
        industry: 'driving',
        location: 'Leeds',
        order: 'nearest',
        employmentType: ['contract', 'temporary'],
        purpose: 'staff',
      }).results.map((r) => r.slug),
    ).toEqual(['lgv-leeds', 'york-drivers', 'couriers-london']);
    expect(
      search({
        industry: 'driving',
        location: 'Leeds',
        order: 'nearest',
        radiusMiles: '10',
      }).results.map((r) => r.slug),
    ).toEqual(['lgv-leeds']);
  });

  it('counts facets with every filter but their own', () => {
    const out = search({
      industry: 'driving',
      subsector: 'lgv',
      location: 'Leeds',
      order: 'nearest',
      employmentType: 'temporary',
      purpose: 'staff',
    });
    expect(out.total).toBe(1);
    // Employment types ignore the type filter: lgv-leeds (temporary), drive-national (permanent), york-drivers (permanent, contract).
    expect(out.facets.employmentTypes).toEqual({
      permanent: 2,
      temporary: 1,
      contract: 1,
      'temp-to-perm': 0,
    });
    // Sub-sectors ignore the sub-sector filter: temporary listings for employers in reach are
    // lgv-leeds (names lgv) and couriers-london (names courier).
    expect(out.facets.subsectors.lgv).toBe(1);
    expect(out.facets.subsectors.courier).toBe(1);
    expect(out.facets.subsectors.forklift).toBe(0);
  });

  it('matches words in the name or description, the last as a prefix', () => {
    expect(
      search({ industry: 'IT', location: 'Leeds', q: 'software dev' }).results.map((r) => r.slug),
    ).toEqual(['it-leeds']);
    expect(search({ industry: 'IT', location: 'Leeds', q: 'softwar dev' }).total).toBe(0);
  });

  it('explains coverage of a place inside the searched area', () => {
    const out = search({ industry: 'IT', location: 'West Yorkshire' });
    expect(out.results[0]?.why).toContain('Covers Leeds, in West Yorkshire');
  });

  it('breaks ties by slug, the same on every page, whatever order the listings came in', () => {
    // 45 listings alike but for their slugs and distance: three groups of 15 at the same office.
    const alike = [5, 3, 1].flatMap((offset, group) =>
      Array.from({ length: 15 }, (_, i) =>
        buildListing({
          slug: `tie-${String((i * 7 + group * 3) % 45).padStart(2, '0')}-${group}`,
          industries: ['driving'],
          subsectors: [],
          coverage: 'national',
          employmentTypes: ['permanent'],
          branches: [
            buildBranch({ id: `tie-b-${group}-${i}`, lat: 53.7965 + offset / 100, lon: -1.5479 }),
          ],
        }),
      ),
    );
    const index = new SearchIndex(
      buildDirectory([buildBrand({ slug: 'ties', listings: alike.reverse() })]),
    );
    const expected = [1, 3, 5].flatMap((offset) =>
      alike
        .filter((l) => l.branches[0]!.lat === 53.7965 + offset / 100)
        .map((l) => l.slug)
        .sort(),
    );
    for (const order of ['covers', 'specialists', 'nearest']) {
      const pages = [1, 2, 3, 4, 5].flatMap((page) => {
        const { query, place } = resolveSearch({
          industry: 'driving',
          purpose: 'job',
          location: 'Leeds',
          order,
          pageSize: '10',
          page: String(page),
        });
        return index.search(query, place).results.map((r) => r.slug);
      });
      expect(pages).toEqual(expected);
    }
  });

  it('still answers right after its internal place marks start again from 1', () => {
    const index = new SearchIndex(directory);
    const find = (location: string) => {
      const { query, place } = resolveSearch({ industry: 'driving', purpose: 'staff', location });
      return index.search(query, place).results.map((r) => r.slug);
    };
    find('Leeds'); // marks West Yorkshire and Leeds with mark 1
    (index as unknown as { chainMark: number }).chainMark = 0x7fffffff;
    expect(find('Plymouth')).toEqual(['drive-national']);
  });

  it('reports every bad field at once with the exact messages', () => {
    expect(problemsOf(() => resolveSearch({}))).toEqual([
      { field: 'industry', code: 'required', message: 'You must select an industry from the list' },
      { field: 'purpose', code: 'required', message: 'You must select a status from the list' },
      { field: 'location', code: 'required', message: 'You must enter a location' },
    ]);
    const problems = problemsOf(() =>
      resolveSearch({ industry: 'knitting', purpose: 'both', location: 'Manchestr' }),
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['industry', 'not-in-list'],
      ['purpose', 'not-in-list'],
      ['location', 'unknown-location'],
    ]);
    expect(problems[2]?.suggestions?.[0]?.label).toBe('Manchester, Greater Manchester');
  });
});
