import { describe, expect, it } from 'vitest';
import { countDirectory, isDemoDirectory } from './directory.js';
import { parseDirectory } from './directory-validation.js';
import { generateDemoDirectory } from './demo-directory.js';
import { demoOutcodeForTown } from './demo-postcodes.js';
import { findPlaceById } from './places.js';
import { findIndustry } from './taxonomy.js';
import { lookupPostcode } from './postcodes.js';
import { distanceMiles } from './search-engine.js';

const directory = generateDemoDirectory({ outcodeForTown: demoOutcodeForTown });
const listings = directory.brands.flatMap((b) => b.listings);
const branches = listings.flatMap((l) => l.branches);

// Ofcom's drama ranges: numbers that will never ring anyone.
const DRAMA =
  /^(020 7946 0\d{3}|01(1[3-8]|[2-69]1) 49[68] 0\d{3}|028 9649 6\d{3}|029 2018 0\d{3}|01632 960\d{3})$/;

describe('the demo directory', () => {
  it('is the same every time (fixed seed)', () => {
    expect(generateDemoDirectory({ outcodeForTown: demoOutcodeForTown })).toEqual(directory);
  });

  it('has at least 8,000 listings over about 6,000 brands and 9,000-10,000 branches', () => {
    const stats = countDirectory(directory);
    expect(stats.listings).toBeGreaterThanOrEqual(8000);
    expect(stats.brands).toBeGreaterThanOrEqual(5500);
    expect(stats.brands).toBeLessThanOrEqual(6500);
    expect(stats.branches).toBeGreaterThanOrEqual(9000);
    expect(stats.branches).toBeLessThanOrEqual(10000);
  });

  it('passes the import validation', () => {
    expect(() => parseDirectory(JSON.parse(JSON.stringify(directory)))).not.toThrow();
  });

  it('is spread like the market: London 17-20%, then Leeds, Bristol, Manchester; 30-40% local sectors', () => {
    const home = (l: (typeof listings)[number]) => findPlaceById(l.branches[0]!.town);
    const london = listings.filter((l) => {
      const town = home(l);
      return town?.kind === 'town' && town.countyId === 'county:greater-london';
    }).length;
    expect(london / listings.length).toBeGreaterThanOrEqual(0.17);
    expect(london / listings.length).toBeLessThanOrEqual(0.2);
    const byTown = new Map<string, number>();
    for (const l of listings)
      byTown.set(l.branches[0]!.town, (byTown.get(l.branches[0]!.town) ?? 0) + 1);
    const top = [...byTown.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(top.slice(0, 4)).toEqual([
      'town:london',
      'town:leeds',
      'town:bristol',
      'town:manchester',
    ]);
    const local = new Set([
      'industrial',
      'driving',
      'catering',
      'admin',
      'socialcare',
      'security',
      'facilitiesmanagement',
    ]);
    const share =
      listings.filter(
        (l) =>
          local.has(l.industries.find((i) => findIndustry(i)) ?? '') ||
          l.subsectors.some((k) => local.has(k.split('/')[0]!)),
      ).length / listings.length;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.4);
  });

  it('gives most listings one branch and a few national brands dozens', () => {
    const single = listings.filter((l) => l.branches.length === 1).length;
    expect(single / listings.length).toBeGreaterThan(0.85);
    const brandBranches = directory.brands.map((b) =>
      b.listings.reduce((n, l) => n + l.branches.length, 0),
    );
    expect(brandBranches.filter((n) => n >= 24).length).toBeGreaterThanOrEqual(5);
  });

  it('looks synthetic: example domains, drama phone numbers, and it says it is demo data', () => {
    expect(isDemoDirectory(directory)).toBe(true);
    for (const l of listings) {
      expect(new URL(l.website ?? '').hostname).toMatch(/\.example$/);
      expect(l.description).toMatch(/demo|made-up|fictional/i);
    }
    for (const b of branches) {
      expect(b.candidatePhone).toMatch(DRAMA);
      expect(b.employerPhone).toMatch(DRAMA);
      expect(b.candidateEmail).toMatch(/\.example$/);
    }
  });

  it('puts each branch near its town, with a postcode that resolves near it', () => {
    let far = 0;
    for (const b of branches) {
      const town = findPlaceById(b.town);
      expect(town?.kind).toBe('town');
      expect(distanceMiles(b.lat, b.lon, town!.lat, town!.lon)).toBeLessThan(2);
      const found = lookupPostcode(b.postcode);
      expect(found.status).toBe('found');
      if (
        found.status === 'found' &&
        distanceMiles(found.match.town.lat, found.match.town.lon, b.lat, b.lon) > 40
      )
        far += 1;
    }
    // Postcode areas are large in the Highlands and islands; nearly all resolve within 40 miles.
    expect(far / branches.length).toBeLessThan(0.02);
  });
});
