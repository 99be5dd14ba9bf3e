/**
 * One demo brand's listings and branches: names, industries, sub-sectors, coverage, addresses,
 * postcodes and phone numbers, all drawn from the context's seeded random numbers in a fixed
 * order (any change to that order changes the whole directory).
 */
import type { Branch, Coverage, Listing } from './directory.js';
import {
  BUILDINGS,
  CENTRAL_LONDON,
  CONTRACT_INDUSTRIES,
  DRAMA_RADIUS_KM,
  FEATURES,
  INCODE_LETTERS,
  LOCAL_INDUSTRIES,
  NO_AREA_RANGE,
  RELATED,
  SECTOR_WORDS,
  SPECIALISMS,
  STREETS,
  SUFFIXES,
  type Specialism,
} from './demo-directory-data.js';
import { foldText } from './gazetteer-normalise.js';
import { distanceKmOnEarth } from './geo.js';
import { findPlaceById, type Town } from './places.js';
import type { SeededRandom, WeightedTable } from './random.js';
import type { EmploymentType, Industry, Purpose, Subsector } from './taxonomy.js';

/** What the generation of one directory shares: its random numbers, tables and names used. */
export interface DemoContext {
  random: SeededRandom;
  towns: readonly Town[];
  homeTowns: WeightedTable<Town>;
  centralLondonTowns: WeightedTable<Town>;
  otherLondonTowns: WeightedTable<Town>;
  industries: WeightedTable<Industry>;
  industryBySlug: Map<string, Industry>;
  usedBrandSlugs: Set<string>;
  usedListingSlugs: Set<string>;
  usedBranchIds: Set<string>;
  phoneCounter: number;
  outcodeForTown: (town: Town, choice: number) => string;
  dramaTowns: { lat: number; lon: number; format: (n: number) => string }[];
}

/**
 * Lower-case, hyphenated slug of a name. Unlike gazetteer-normalise's, an apostrophe or full stop
 * separates words here: changing that would change the demo directory's slugs.
 */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isInPlaces(town: Town, places: readonly string[]): boolean {
  return places.includes(town.id) || places.includes(town.countyId);
}

/** The specialism of a brand's home town, if any. */
function specialismOf(town: Town): Specialism | undefined {
  return SPECIALISMS.find((s) => isInPlaces(town, s.places));
}

export function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base.slice(0, 90).replace(/-+$/, '');
  let n = 2;
  while (used.has(slug)) slug = `${base.slice(0, 86).replace(/-+$/, '')}-${n++}`;
  used.add(slug);
  return slug;
}

function phoneFor(ctx: DemoContext, town: Town): string {
  ctx.phoneCounter += 1;
  for (const d of ctx.dramaTowns) {
    if (distanceKmOnEarth(d.lat, d.lon, town.lat, town.lon) <= DRAMA_RADIUS_KM)
      return d.format(ctx.phoneCounter);
  }
  return NO_AREA_RANGE(ctx.phoneCounter);
}

function makeBranch(ctx: DemoContext, listingSlug: string, domain: string, town: Town): Branch {
  const r = ctx.random;
  const townSlug = slugify(town.name);
  const id = uniqueSlug(`${listingSlug}-${townSlug}`, ctx.usedBranchIds);
  const outcode = ctx.outcodeForTown(town, r.next());
  const incode = `${r.int(1, 9)}${INCODE_LETTERS[r.int(0, 19)]}${INCODE_LETTERS[r.int(0, 19)]}`;
  // Offices sit within about a kilometre of the town centre.
  const lat = Math.round((town.lat + (r.next() - 0.5) * 0.018) * 1e5) / 1e5;
  const lon = Math.round((town.lon + (r.next() - 0.5) * 0.028) * 1e5) / 1e5;
  const mailbox = townSlug.replace(/-/g, '').slice(0, 20) || 'office';
  return {
    id,
    name: `${town.name} office`,
    address: `${r.pick(BUILDINGS)}, ${r.int(1, 240)} ${r.pick(STREETS)}, ${town.name}`,
    town: town.id,
    postcode: `${outcode} ${incode}`,
    lat,
    lon,
    candidatePhone: phoneFor(ctx, town),
    candidateEmail: `${mailbox}.jobs@${domain}`,
    employerPhone: phoneFor(ctx, town),
    employerEmail: `${mailbox}.clients@${domain}`,
  };
}

function pickEmploymentTypes(r: SeededRandom, industry: string): EmploymentType[] {
  const local = LOCAL_INDUSTRIES.has(industry);
  const contractHeavy = CONTRACT_INDUSTRIES.includes(industry);
  const types: EmploymentType[] = [];
  if (r.chance(local ? 0.6 : 0.9)) types.push('permanent');
  if (r.chance(local ? 0.9 : 0.35)) types.push('temporary');
  if (r.chance(contractHeavy ? 0.7 : 0.15)) types.push('contract');
  if (r.chance(local ? 0.5 : 0.2)) types.push('temp-to-perm');
  if (types.length === 0) types.push(local ? 'temporary' : 'permanent');
  return types;
}

function pickPurposes(r: SeededRandom): Purpose[] {
  const x = r.next();
  if (x < 0.72) return ['job', 'staff'];
  if (x < 0.9) return ['staff'];
  return ['job'];
}

function describe(
  listing: {
    industries: string[];
    subsectorNames: string[];
    types: EmploymentType[];
    generalist: boolean;
  },
  ctx: DemoContext,
  town: Town,
  coverageText: string,
): string {
  const industryNames = listing.industries.map((s) => ctx.industryBySlug.get(s)?.name ?? s);
  const typeText = listing.types
    .map(
      (t) =>
        ({
          permanent: 'permanent',
          temporary: 'temporary',
          contract: 'contract',
          'temp-to-perm': 'temp-to-perm',
        })[t],
    )
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');
  const focus =
    listing.subsectorNames.length > 0
      ? listing.subsectorNames.slice(0, 3).join(', ')
      : industryNames.join(', ');
  const r = ctx.random;
  if (listing.generalist) {
    return `Fictional generalist demo agency placing ${typeText} staff in ${industryNames.join(', ')}, ${coverageText}, from an office in ${town.name}.`;
  }
  const openers = [
    `Fictional demo agency placing ${typeText} staff in ${focus}`,
    `Demo listing: ${typeText} recruitment for ${focus}`,
    `A made-up agency for trying Shortlist, filling ${typeText} roles in ${focus}`,
  ];
  return `${r.pick(openers)}, ${coverageText}, from an office in ${town.name}.`;
}

function coverageFor(
  ctx: DemoContext,
  kind: 'national' | 'region' | 'county' | 'town',
  town: Town,
): { coverage: Coverage; text: string } {
  if (kind === 'national') return { coverage: 'national', text: 'across the UK' };
  // Central London's agencies say they cover London, not their neighbourhood.
  const central = CENTRAL_LONDON[town.id] !== undefined;
  const id =
    kind === 'region'
      ? (town.regionId ?? town.nationId)
      : kind === 'county'
        ? central
          ? 'county:greater-london'
          : town.countyId
        : central
          ? 'town:london'
          : town.id;
  const place = findPlaceById(id);
  return { coverage: [id], text: `covering ${place?.name ?? town.name}` };
}

/**
 * The sub-sectors a listing names: some in every industry it covers, as a specialist agency
 * lists its desks; a generalist names a desk or two of its main industry at most.
 */
function pickSubsectors(
  ctx: DemoContext,
  industries: readonly string[],
  generalist: boolean,
  home: Town,
): { key: string; name: string }[] {
  const r = ctx.random;
  const out: { key: string; name: string }[] = [];
  const named = generalist ? industries.slice(0, 1) : industries;
  for (const slug of named) {
    const industry = ctx.industryBySlug.get(slug);
    if (!industry || industry.subsectors.length === 0) continue;
    const pool = subsectorPool(r, industry, home);
    const most = Math.min(named.length > 1 ? 2 : 4, pool.length);
    for (const s of r.sample(pool, r.int(1, most)))
      out.push({ key: `${slug}/${s.slug}`, name: s.name });
  }
  return out;
}

function subsectorPool(r: SeededRandom, industry: Industry, home: Town): readonly Subsector[] {
  const favoured = specialismOf(home)?.subsectors?.[industry.slug];
  if (favoured && r.chance(0.8)) {
    const pool = industry.subsectors.filter((s) => favoured.includes(s.slug));
    if (pool.length > 0) return pool;
  }
  const local = industry.subsectors.filter((s) => s.local);
  return LOCAL_INDUSTRIES.has(industry.slug) && local.length > 0 && r.chance(0.7)
    ? local
    : industry.subsectors;
}

/** A brand's main industry: the home town's specialism for some brands, else by market share. */
export function pickPrimaryIndustry(ctx: DemoContext, home: Town): Industry {
  const specialism = specialismOf(home);
  if (specialism && ctx.random.chance(specialism.share)) {
    const industry = ctx.industryBySlug.get(ctx.random.pick(specialism.industries));
    if (industry) return industry;
  }
  return ctx.industries.draw(ctx.random);
}

export function makeListing(
  ctx: DemoContext,
  brand: { slug: string; name: string; domain: string },
  listingName: string,
  primary: Industry,
  branchTowns: Town[],
  national: boolean,
): Listing {
  const r = ctx.random;
  const slug = uniqueSlug(slugify(listingName), ctx.usedListingSlugs);
  const industries = [primary.slug];
  const related = RELATED[primary.slug] ?? [];
  if (related.length > 0 && r.chance(national ? 0.6 : 0.3)) {
    for (const extra of r.sample(related, r.int(1, Math.min(3, related.length))))
      industries.push(extra);
  }
  const home = branchTowns[0]!;
  const generalist = !national && !listingName.includes(' Division') && r.chance(0.055);
  if (generalist) {
    // A few single-desk generalists cover many of the common industries.
    const wanted = r.int(4, 9);
    for (let tries = 0; industries.length < wanted && tries < 40; tries++) {
      const extra = ctx.industries.draw(r).slug;
      if (!industries.includes(extra)) industries.push(extra);
    }
  }
  const named = r.chance(0.6) ? pickSubsectors(ctx, industries, generalist, home) : [];
  const subsectors = named.map((n) => n.key);
  const subsectorNames = named.map((n) => n.name);
  const types = pickEmploymentTypes(r, primary.slug);
  const coverageKind: 'national' | 'region' | 'county' | 'town' = national
    ? 'national'
    : branchTowns.length > 1
      ? 'region'
      : ['executive', 'headhunting', 'spaceandsatellite', 'recruitment'].includes(primary.slug) &&
          r.chance(0.5)
        ? 'national'
        : (() => {
            const x = r.next();
            return x < 0.08 ? 'national' : x < 0.2 ? 'region' : x < 0.75 ? 'county' : 'town';
          })();
  const { coverage, text } = coverageFor(ctx, coverageKind, home);
  const year = r.int(2008, 2026);
  const month = year === 2026 ? r.int(1, 10) : r.int(1, 12);
  return {
    slug,
    name: listingName,
    description: describe({ industries, subsectorNames, types, generalist }, ctx, home, text),
    website: `https://www.${brand.domain}/`,
    verified: r.chance(0.55),
    listedSince: `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    industries,
    subsectors,
    employmentTypes: types,
    purposes: pickPurposes(r),
    coverage,
    branches: branchTowns.map((town) => makeBranch(ctx, slug, brand.domain, town)),
  };
}

export function brandName(
  ctx: DemoContext,
  home: Town,
  primary: Industry,
  national: boolean,
): string {
  const r = ctx.random;
  const words = SECTOR_WORDS[primary.slug] ?? [primary.name.split(/[ /&]/)[0]!];
  const word = r.pick(words);
  if (national)
    return `${r.pick(FEATURES)} ${r.pick(['Recruitment Group', 'Staffing Group', 'Personnel Group', 'People Group'])}`;
  const x = r.next();
  if (x < 0.45) return `${home.name} ${word} ${r.pick(SUFFIXES)}`;
  if (x < 0.75) return `${r.pick(FEATURES)} ${word} ${r.pick(SUFFIXES)}`;
  if (x < 0.9) return `${home.name} ${r.pick(SUFFIXES)}`;
  return `${r.pick(FEATURES)} ${r.pick(SUFFIXES)}`;
}

export function nearbyTowns(ctx: DemoContext, home: Town, count: number): Town[] {
  const candidates = ctx.towns
    .filter(
      (t) =>
        t.id !== home.id &&
        t.population >= 20000 &&
        distanceKmOnEarth(home.lat, home.lon, t.lat, t.lon) < 80,
    )
    .sort((a, b) => b.population - a.population)
    .slice(0, 20);
  return ctx.random.sample(candidates, count);
}
