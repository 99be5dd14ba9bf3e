import { describe, expect, it } from 'vitest';
import { countDirectory, isDemoDirectory, type Listing } from './directory.js';
import { parseDirectory } from './directory-validation.js';
import { LOCAL_INDUSTRIES, RURAL_COUNTIES } from './demo-directory-data.js';
import { generateDemoDirectory } from './demo-directory.js';
import { demoOutcodeForTown } from './demo-postcodes.js';
import { findPlaceById, type Town } from './places.js';
import { findIndustry } from './taxonomy.js';
import { lookupPostcode } from './postcodes.js';
import { distanceMiles } from './geo.js';

const FINANCE = ['accounting', 'banking', 'financialservices', 'insurance'];
const LIFE_SCIENCES = ['biotechnology', 'pharm', 'science'];

function home(l: Listing): Town | undefined {
  const place = findPlaceById(l.branches[0]!.town);
  return place?.kind === 'town' ? place : undefined;
}
function isLondon(town: { kind: string; countyId?: string } | undefined): boolean {
  return (
    town?.kind === 'town' &&
    (town.countyId === 'county:greater-london' || town.countyId === 'county:city-of-london')
  );
}
function isAerospace(l: Listing): boolean {
  return l.industries.includes('aviation') || l.subsectors.includes('engineering/aerospace');
}

const directory = generateDemoDirectory({ outcodeForTown: demoOutcodeForTown });
const listings = directory.brands.flatMap((b) => b.listings);
const branches = listings.flatMap((l) => l.branches);

// Ofcom's drama ranges: numbers that will never ring anyone.
const DRAMA =
  /^(020 7946 0\d{3}|01(1[3-8]|[2-69]1) 49[68] 0\d{3}|028 9649 6\d{3}|029 2018 0\d{3}|01632 960\d{3})$/;

describe('the demo directory', () => {
  it('is the same every time for a seed, and another seed gives another directory', () => {
    expect(generateDemoDirectory({ outcodeForTown: demoOutcodeForTown })).toEqual(directory);
    expect(generateDemoDirectory()).toEqual(directory);
    const small = generateDemoDirectory({ scale: 0.05, seed: 7 });
    expect(generateDemoDirectory({ scale: 0.05, seed: 7 })).toEqual(small);
    expect(generateDemoDirectory({ scale: 0.05, seed: 8 })).not.toEqual(small);
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
    const london = listings.filter((l) => isLondon(home(l))).length;
    expect(london / listings.length).toBeGreaterThanOrEqual(0.17);
    expect(london / listings.length).toBeLessThanOrEqual(0.2);
    const byTown = new Map<string, number>();
    for (const l of listings) {
      if (isLondon(home(l))) continue;
      byTown.set(l.branches[0]!.town, (byTown.get(l.branches[0]!.town) ?? 0) + 1);
    }
    const top = [...byTown.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(top.slice(0, 3)).toEqual(['town:leeds', 'town:bristol', 'town:manchester']);
    expect(byTown.get('town:manchester')).toBeLessThan(london);
    const local = LOCAL_INDUSTRIES;
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

  it('puts each branch near its town, in a real postcode district of that town', () => {
    const wrong: string[] = [];
    for (const b of branches) {
      const town = findPlaceById(b.town);
      expect(town?.kind).toBe('town');
      expect(distanceMiles(b.lat, b.lon, town!.lat, town!.lon)).toBeLessThan(2);
      const found = lookupPostcode(b.postcode);
      if (found.status !== 'found' || found.match.town.id !== b.town)
        wrong.push(`${b.id} ${b.postcode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('spreads London over its districts: no postcode district holds 3% of the branches', () => {
    const byDistrict = new Map<string, number>();
    for (const b of branches) {
      const district = b.postcode.split(' ')[0]!;
      byDistrict.set(district, (byDistrict.get(district) ?? 0) + 1);
    }
    const most = Math.max(...byDistrict.values());
    expect(most / branches.length).toBeLessThan(0.03);
    const londonDistricts = new Set(
      branches.filter((b) => isLondon(findPlaceById(b.town))).map((b) => b.postcode.split(' ')[0]),
    );
    expect(londonDistricts.size).toBeGreaterThanOrEqual(40);
    expect([...londonDistricts]).toEqual(
      expect.arrayContaining(['EC2', 'EC3', 'EC4', 'W1', 'WC1', 'WC2', 'SW1']),
    );
  });

  it('gives Northern Ireland towns their own BT districts (Enniskillen BT74, not BT1)', () => {
    const ni = branches.filter(
      (b) => findPlaceById(b.town)?.nationId === 'nation:northern-ireland',
    );
    expect(ni.length).toBeGreaterThanOrEqual(50);
    const outsideBelfast = ni.filter((b) => b.town !== 'town:belfast');
    expect(outsideBelfast.length).toBeGreaterThanOrEqual(20);
    for (const b of outsideBelfast) expect(b.postcode).not.toMatch(/^BT([1-9]|1[0-7]) /);
    expect(demoOutcodeForTown(findPlaceById('town:enniskillen') as Town)).toBe('BT74');
  });

  it('makes most listings specialists: at least 60% cover one industry', () => {
    const single = listings.filter((l) => l.industries.length === 1).length;
    expect(single / listings.length).toBeGreaterThanOrEqual(0.6);
  });

  it('names sub-sectors in every industry a listing covers, unless it says it is a generalist', () => {
    const named = listings.filter((l) => l.subsectors.length > 0);
    expect(named.length / listings.length).toBeGreaterThan(0.4);
    const broken = named.filter((l) => {
      const industriesNamed = new Set(l.subsectors.map((k) => k.split('/')[0]));
      return (
        l.industries.some((i) => !industriesNamed.has(i)) && !/generalist/i.test(l.description)
      );
    });
    expect(broken.map((l) => l.slug)).toEqual([]);
    // Several industries with sub-sectors named in each exist, and generalists say so.
    expect(named.filter((l) => l.industries.length > 1).length).toBeGreaterThan(300);
    const generalists = listings.filter((l) => /generalist/i.test(l.description));
    expect(generalists.length).toBeGreaterThan(100);
    for (const l of generalists) expect(l.industries.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    {
      what: 'energy in Aberdeen',
      where: (t: Town) => t.id === 'town:aberdeen',
      covers: (l: Listing) => l.industries.includes('energy'),
    },
    {
      what: 'finance in London',
      where: isLondon,
      covers: (l: Listing) => FINANCE.some((i) => l.industries.includes(i)),
    },
    {
      what: 'finance in Edinburgh',
      where: (t: Town) => t.id === 'town:edinburgh',
      covers: (l: Listing) => FINANCE.some((i) => l.industries.includes(i)),
    },
    {
      what: 'aerospace in Bristol',
      where: (t: Town) => t.id === 'town:bristol',
      covers: isAerospace,
    },
    {
      what: 'aerospace in Derby',
      where: (t: Town) => t.id === 'town:derby',
      covers: isAerospace,
    },
    {
      what: 'life sciences in Cambridge',
      where: (t: Town) => t.id === 'town:cambridge',
      covers: (l: Listing) => LIFE_SCIENCES.some((i) => l.industries.includes(i)),
    },
    {
      what: 'life sciences in Oxford',
      where: (t: Town) => t.id === 'town:oxford',
      covers: (l: Listing) => LIFE_SCIENCES.some((i) => l.industries.includes(i)),
    },
    {
      what: 'nannies in the Home Counties',
      where: (t: Town) =>
        ['county:surrey', 'county:berkshire', 'county:buckinghamshire'].includes(t.countyId),
      covers: (l: Listing) => l.industries.includes('childcare'),
    },
    {
      what: 'agriculture in rural counties',
      where: (t: Town) => RURAL_COUNTIES.includes(t.countyId),
      covers: (l: Listing) => l.industries.includes('agriculture'),
    },
  ])('has $what: twice the share elsewhere, and 5 or more listings', ({ where, covers }) => {
    const isHere = (l: Listing) => {
      const town = home(l);
      return town !== undefined && where(town);
    };
    const here = listings.filter(isHere);
    const elsewhere = listings.filter((l) => !isHere(l));
    const share = (list: Listing[]) => list.filter(covers).length / list.length;
    expect(here.filter(covers).length).toBeGreaterThanOrEqual(5);
    expect(share(here)).toBeGreaterThanOrEqual(2 * share(elsewhere));
  });
});
