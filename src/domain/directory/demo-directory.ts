/**
 * The demo directory: a deterministic, synthetic directory of recruitment agencies spread like the
 * real UK market (London about a fifth, then the big regional cities, a long tail; a third of
 * listings in local volume sectors; most listings one branch, a few national brands with dozens).
 * Everything in it is visibly fictional: example domains and Ofcom's drama telephone numbers.
 */
import type { Branch, Brand, Coverage, Directory, Listing } from './directory.js';
import { demoOutcodeForTown, hasDemoDistrict } from './demo-postcodes.js';
import { findPlaceById, listTowns, type Town } from './places.js';
import { SeededRandom, WeightedTable } from './random.js';
import {
  listIndustries,
  type EmploymentType,
  type Industry,
  type Purpose,
  type Subsector,
} from './taxonomy.js';

export const DEMO_SEED = 20261126;

/** Share of listings by primary industry (relative weights), shaped on the real directory. */
const INDUSTRY_WEIGHTS: Record<string, number> = {
  accounting: 6,
  admin: 10,
  agriculture: 0.6,
  arts: 0.4,
  automotive: 1.2,
  aviation: 0.5,
  banking: 1.5,
  biotechnology: 0.4,
  catering: 9,
  charity: 0.6,
  childcare: 1,
  construction: 5,
  consulting: 0.8,
  creative: 1.2,
  custservcallcentre: 2,
  defence: 0.4,
  digital: 1.5,
  driving: 10,
  education: 4,
  electronics: 0.8,
  energy: 1.2,
  engineering: 6,
  environ: 0.5,
  executive: 1.2,
  facilitiesmanagement: 1,
  fashion: 0.6,
  financialservices: 2,
  fmcg: 0.8,
  food: 0.8,
  government: 1,
  graduate: 1,
  headhunting: 1,
  health: 4,
  healthsafety: 0.5,
  housebuilding: 0.6,
  hr: 1.5,
  industrial: 13,
  informationindustry: 0.3,
  insurance: 1,
  IT: 8,
  legal: 3,
  logistics: 2.5,
  manufacture: 2,
  marketing: 2,
  marketresearch: 0.4,
  mediapr: 0.8,
  multilingual: 0.5,
  notforprofit: 0.4,
  pharm: 0.8,
  pr: 0.4,
  printing: 0.3,
  projectmanagement: 0.8,
  property: 1.5,
  purchasing: 0.8,
  rail: 0.6,
  recruitment: 0.8,
  retail: 2,
  sales: 4,
  science: 1,
  security: 1,
  shipping: 0.4,
  socialcare: 5,
  spabeauty: 0.4,
  spaceandsatellite: 0.2,
  sport: 0.5,
  tax: 0.6,
  telecoms: 0.8,
  trainingandlearning: 0.6,
  travel: 0.6,
};

/** Industries whose work is local volume work: their agencies mostly offer temporary staff. */
const LOCAL_INDUSTRIES = new Set([
  'industrial',
  'driving',
  'catering',
  'admin',
  'socialcare',
  'security',
  'facilitiesmanagement',
]);

/** Industries that sit together on one agency's books. */
const RELATED: Record<string, string[]> = {
  accounting: ['tax', 'financialservices', 'banking', 'insurance'],
  admin: ['custservcallcentre', 'hr', 'legal', 'accounting'],
  IT: ['digital', 'telecoms', 'projectmanagement', 'electronics'],
  digital: ['IT', 'marketing', 'creative'],
  engineering: ['manufacture', 'electronics', 'energy', 'automotive', 'construction'],
  construction: ['housebuilding', 'property', 'engineering', 'healthsafety'],
  driving: ['logistics', 'industrial'],
  industrial: ['driving', 'logistics', 'manufacture', 'food'],
  logistics: ['driving', 'shipping', 'purchasing'],
  catering: ['travel', 'sport', 'food'],
  health: ['socialcare', 'pharm', 'science'],
  socialcare: ['health', 'childcare', 'education'],
  education: ['childcare', 'trainingandlearning', 'graduate'],
  sales: ['marketing', 'retail', 'fmcg'],
  marketing: ['pr', 'mediapr', 'creative', 'marketresearch', 'digital'],
  legal: ['tax', 'insurance', 'property'],
  executive: ['headhunting', 'consulting'],
  headhunting: ['executive', 'consulting'],
};

const SECTOR_WORDS: Record<string, string[]> = {
  accounting: ['Finance', 'Accountancy'],
  admin: ['Office', 'Secretarial'],
  catering: ['Hospitality', 'Catering'],
  construction: ['Construction', 'Build'],
  creative: ['Creative', 'Design'],
  custservcallcentre: ['Contact Centre'],
  digital: ['Digital'],
  driving: ['Driving', 'Drivers', 'Transport'],
  education: ['Education', 'Teaching'],
  engineering: ['Engineering', 'Technical'],
  executive: ['Executive'],
  financialservices: ['Financial'],
  health: ['Healthcare', 'Medical'],
  industrial: ['Industrial', 'Labour'],
  IT: ['Tech', 'IT', 'Digital'],
  legal: ['Legal', 'Law'],
  logistics: ['Logistics', 'Supply Chain'],
  manufacture: ['Manufacturing'],
  marketing: ['Marketing'],
  property: ['Property'],
  sales: ['Sales'],
  science: ['Science'],
  socialcare: ['Care', 'Social Care'],
  security: ['Security'],
  retail: ['Retail'],
  hr: ['HR', 'People'],
  headhunting: ['Search'],
  recruitment: ['Rec-to-Rec'],
  childcare: ['Childcare', 'Nursery'],
};

const SUFFIXES = [
  'Recruitment',
  'Recruitment',
  'Recruitment',
  'Staffing',
  'Personnel',
  'Appointments',
  'Resourcing',
  'Talent',
  'Careers',
  'Associates',
  'People',
  'Selection',
  'Employment',
  'Recruitment Partners',
];
const FEATURES = [
  'Pennine',
  'Chiltern',
  'Mendip',
  'Cotswold',
  'Severn',
  'Thames',
  'Trent',
  'Mersey',
  'Tyne',
  'Humber',
  'Solent',
  'Wessex',
  'Mercia',
  'Northumbria',
  'Cambrian',
  'Grampian',
  'Clyde',
  'Forth',
  'Tay',
  'Lagan',
  'Dales',
  'Fenland',
  'Weald',
  'Downs',
  'Peak',
  'Lakeland',
  'Borders',
  'Highland',
  'Wolds',
  'Mourne',
  'Snowdon',
  'Brecon',
  'Exmoor',
  'Dartmoor',
  'Quantock',
  'Malvern',
  'Cheviot',
  'Sperrin',
  'Ochil',
  'Medway',
  'Ouse',
  'Avon',
  'Wye',
  'Tamar',
  'Calder',
  'Aire',
  'Wear',
  'Tees',
  'Eden',
  'Dee',
  'Usk',
  'Taff',
];
const STREETS = [
  'High Street',
  'Station Road',
  'Market Street',
  'Church Street',
  'King Street',
  'Queen Street',
  'Victoria Road',
  'Park Road',
  'Mill Lane',
  'Bridge Street',
  'North Street',
  'South Parade',
  'George Street',
  'Castle Street',
  'Albion Street',
  'York Road',
  'London Road',
  'New Road',
  'Commercial Street',
  'Chapel Street',
];
const BUILDINGS = [
  'Suite 2',
  'First Floor',
  'Unit 4',
  'Second Floor',
  'Office 12',
  'Ground Floor',
  'Suite 5B',
];

/** Ofcom's ranges reserved for drama: numbers that will never ring anyone. */
const DRAMA_RANGES: { town: string; prefix: string; format: (n: number) => string }[] = [
  { town: 'town:london', prefix: '020', format: (n) => `020 7946 0${pad3(n)}` },
  { town: 'town:leeds', prefix: '0113', format: (n) => `0113 496 0${pad3(n)}` },
  { town: 'town:sheffield', prefix: '0114', format: (n) => `0114 496 0${pad3(n)}` },
  { town: 'town:nottingham', prefix: '0115', format: (n) => `0115 496 0${pad3(n)}` },
  { town: 'town:leicester', prefix: '0116', format: (n) => `0116 496 0${pad3(n)}` },
  { town: 'town:bristol', prefix: '0117', format: (n) => `0117 496 0${pad3(n)}` },
  { town: 'town:reading', prefix: '0118', format: (n) => `0118 496 0${pad3(n)}` },
  { town: 'town:birmingham', prefix: '0121', format: (n) => `0121 496 0${pad3(n)}` },
  { town: 'town:edinburgh', prefix: '0131', format: (n) => `0131 496 0${pad3(n)}` },
  { town: 'town:glasgow', prefix: '0141', format: (n) => `0141 496 0${pad3(n)}` },
  { town: 'town:liverpool', prefix: '0151', format: (n) => `0151 496 0${pad3(n)}` },
  { town: 'town:manchester', prefix: '0161', format: (n) => `0161 496 0${pad3(n)}` },
  { town: 'town:newcastle-upon-tyne', prefix: '0191', format: (n) => `0191 498 0${pad3(n)}` },
  { town: 'town:belfast', prefix: '028', format: (n) => `028 9649 6${pad3(n)}` },
  { town: 'town:cardiff', prefix: '029', format: (n) => `029 2018 0${pad3(n)}` },
];
const NO_AREA_RANGE = (n: number) => `01632 960${pad3(n)}`;
const DRAMA_RADIUS_KM = 25;
const INCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function pad3(n: number): string {
  return String(n % 1000).padStart(3, '0');
}

/** Lower-case, hyphenated slug of a name. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

export interface DemoOptions {
  /** 1 gives about 8,300 listings; 10 gives ten times as many. */
  scale?: number;
  seed?: number;
  /** The district/area code a postcode in this town would start with (from the postcode table). */
  /**
   * The outward code of a branch in this town, `choice` in [0, 1) picking among the town's
   * districts. Defaults to the real districts of the town (demo-postcodes.ts).
   */
  outcodeForTown?: (town: Town, choice: number) => string;
}

/**
 * Where a person expects a sector to cluster: a brand based in one of `places` (a town, or a
 * county containing the town) takes its main industry from `industries` with probability
 * `share`, naming the sub-sectors in `subsectors` when it names any in that industry.
 */
interface Specialism {
  places: readonly string[];
  share: number;
  industries: readonly string[];
  subsectors?: Readonly<Record<string, readonly string[]>>;
}

/** Counties that are mostly farmland, where agriculture agencies sit. */
export const RURAL_COUNTIES: readonly string[] = [
  'county:aberdeenshire',
  'county:cornwall',
  'county:county-fermanagh',
  'county:county-tyrone',
  'county:cumbria',
  'county:devon',
  'county:dumfries-and-galloway',
  'county:dyfed',
  'county:herefordshire',
  'county:highland',
  'county:lincolnshire',
  'county:norfolk',
  'county:north-yorkshire',
  'county:northumberland',
  'county:perth-and-kinross',
  'county:powys',
  'county:scottish-borders',
  'county:shropshire',
  'county:somerset',
  'county:suffolk',
];

const SPECIALISMS: readonly Specialism[] = [
  {
    places: ['town:aberdeen'],
    share: 0.4,
    industries: ['energy'],
    subsectors: { energy: ['oilgas', 'windenergy', 'powergeneration'] },
  },
  {
    places: ['county:greater-london', 'county:city-of-london'],
    share: 0.2,
    industries: ['accounting', 'banking', 'financialservices', 'insurance'],
  },
  {
    places: ['town:edinburgh'],
    share: 0.3,
    industries: ['accounting', 'banking', 'financialservices', 'insurance'],
  },
  {
    places: ['town:bristol', 'town:derby'],
    share: 0.3,
    industries: ['engineering', 'aviation'],
    subsectors: {
      engineering: ['aerospace'],
      aviation: ['aircraftengineering', 'flightoperations'],
    },
  },
  {
    places: ['town:cambridge', 'town:oxford'],
    share: 0.5,
    industries: ['biotechnology', 'pharm', 'science'],
  },
  {
    places: ['county:surrey', 'county:berkshire', 'county:buckinghamshire'],
    share: 0.12,
    industries: ['childcare'],
    subsectors: { childcare: ['nannies', 'maternitynurses', 'aupairs'] },
  },
  { places: RURAL_COUNTIES, share: 0.15, industries: ['agriculture'] },
];

/**
 * Where London's agencies sit (relative weights): mostly the City, the West End and Westminster.
 * The rest of London's listings spread over the other boroughs by population.
 */
const CENTRAL_LONDON: Readonly<Record<string, number>> = {
  'town:city-of-london': 16,
  'town:london': 14,
  'town:west-end-of-london': 12,
  'town:city-of-westminster': 10,
  'town:clerkenwell': 6,
  'town:lambeth': 4,
  'town:islington': 3,
  'town:camden-town': 3,
  'town:chelsea': 2,
};
const CENTRAL_LONDON_SHARE = 0.7;

function isInPlaces(town: Town, places: readonly string[]): boolean {
  return places.includes(town.id) || places.includes(town.countyId);
}

/** The specialism of a brand's home town, if any. */
function specialismOf(town: Town): Specialism | undefined {
  return SPECIALISMS.find((s) => isInPlaces(town, s.places));
}

interface Context {
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

function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base.slice(0, 90).replace(/-+$/, '');
  let n = 2;
  while (used.has(slug)) slug = `${base.slice(0, 86).replace(/-+$/, '')}-${n++}`;
  used.add(slug);
  return slug;
}

function phoneFor(ctx: Context, town: Town): string {
  ctx.phoneCounter += 1;
  for (const d of ctx.dramaTowns) {
    if (distanceKm(d.lat, d.lon, town.lat, town.lon) <= DRAMA_RADIUS_KM)
      return d.format(ctx.phoneCounter);
  }
  return NO_AREA_RANGE(ctx.phoneCounter);
}

function makeBranch(ctx: Context, listingSlug: string, domain: string, town: Town): Branch {
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
  const contractHeavy = [
    'IT',
    'engineering',
    'digital',
    'projectmanagement',
    'telecoms',
    'energy',
    'rail',
    'defence',
  ].includes(industry);
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
  ctx: Context,
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
  ctx: Context,
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
  ctx: Context,
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
function pickPrimaryIndustry(ctx: Context, home: Town): Industry {
  const specialism = specialismOf(home);
  if (specialism && ctx.random.chance(specialism.share)) {
    const industry = ctx.industryBySlug.get(ctx.random.pick(specialism.industries));
    if (industry) return industry;
  }
  return ctx.industries.draw(ctx.random);
}

function makeListing(
  ctx: Context,
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

function brandName(ctx: Context, home: Town, primary: Industry, national: boolean): string {
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

function nearbyTowns(ctx: Context, home: Town, count: number): Town[] {
  const candidates = ctx.towns
    .filter(
      (t) =>
        t.id !== home.id &&
        t.population >= 20000 &&
        distanceKm(home.lat, home.lon, t.lat, t.lon) < 80,
    )
    .sort((a, b) => b.population - a.population)
    .slice(0, 20);
  return ctx.random.sample(candidates, count);
}

/**
 * Generates the demo directory. The same options always give the same directory; scale 1 gives
 * 6,200 brands, about 8,300 listings and 9,700 branches.
 */
export function generateDemoDirectory(options: DemoOptions = {}): Directory {
  const scale = options.scale ?? 1;
  const random = new SeededRandom(options.seed ?? DEMO_SEED);
  const towns = listTowns();
  const industriesList = listIndustries();
  const townById = new Map(towns.map((t) => [t.id, t]));
  const boosted: Record<string, number> = {
    'town:leeds': 8,
    'town:bristol': 5,
    'town:manchester': 6,
    'town:birmingham': 1.2,
    'town:glasgow': 2,
    'town:edinburgh': 3,
    'town:reading': 2.5,
    'town:milton-keynes': 2,
    'town:cardiff': 1.5,
    // Where a sector clusters (SPECIALISMS), so that its agencies are many enough to find.
    'town:aberdeen': 3,
    'town:cambridge': 3,
    'town:oxford': 2.5,
    'town:derby': 1.5,
    'town:inverness': 2,
  };
  const isLondon = (t: Town) =>
    t.countyId === 'county:greater-london' || t.countyId === 'county:city-of-london';
  // Offices sit only in towns with a postcode district of their own (demo-postcodes.ts).
  const officeTowns = towns.filter((t) => t.population > 0 && hasDemoDistrict(t));
  const outside = officeTowns.filter((t) => !isLondon(t));
  const centralLondon = officeTowns.filter((t) => CENTRAL_LONDON[t.id] !== undefined);
  const otherLondon = officeTowns.filter((t) => isLondon(t) && CENTRAL_LONDON[t.id] === undefined);
  const ctx: Context = {
    random,
    towns: officeTowns,
    homeTowns: new WeightedTable(
      outside,
      (t) => Math.pow(t.population, 0.85) * (boosted[t.id] ?? 1),
    ),
    centralLondonTowns: new WeightedTable(centralLondon, (t) => CENTRAL_LONDON[t.id] ?? 0),
    otherLondonTowns: new WeightedTable(otherLondon, (t) => Math.sqrt(t.population)),
    industries: new WeightedTable(industriesList, (i) => INDUSTRY_WEIGHTS[i.slug] ?? 0.5),
    industryBySlug: new Map(industriesList.map((i) => [i.slug, i])),
    usedBrandSlugs: new Set(),
    usedListingSlugs: new Set(),
    usedBranchIds: new Set(),
    phoneCounter: 0,
    outcodeForTown: options.outcodeForTown ?? demoOutcodeForTown,
    dramaTowns: DRAMA_RANGES.flatMap((d) => {
      const t = townById.get(d.town);
      return t ? [{ lat: t.lat, lon: t.lon, format: d.format }] : [];
    }),
  };
  const brands: Brand[] = [];
  const brandCount = Math.round(6200 * scale);
  const nationalCount = Math.round(14 * scale);
  const bigTowns = [...officeTowns].sort((a, b) => b.population - a.population).slice(0, 120);
  for (let i = 0; i < brandCount; i++) {
    const national = i < nationalCount;
    const home = national
      ? random.pick(bigTowns.slice(0, 12))
      : random.chance(0.185)
        ? random.chance(CENTRAL_LONDON_SHARE)
          ? ctx.centralLondonTowns.draw(random)
          : ctx.otherLondonTowns.draw(random)
        : ctx.homeTowns.draw(random);
    const primary = pickPrimaryIndustry(ctx, home);
    const name = brandName(ctx, home, primary, national);
    const slug = uniqueSlug(slugify(name), ctx.usedBrandSlugs);
    const brand = { slug, name, domain: `${slug}.example` };
    const listings: Listing[] = [];
    if (national) {
      // National brands: several divisions, each with offices in a dozen or more big towns.
      const divisions = [
        primary,
        ...random.sample(
          industriesList.filter((x) => x.slug !== primary.slug),
          random.int(1, 3),
        ),
      ];
      for (const division of divisions) {
        const branchTowns = [
          home,
          ...random.sample(
            bigTowns.filter((t) => t.id !== home.id),
            random.int(8, 30),
          ),
        ];
        listings.push(
          makeListing(
            ctx,
            brand,
            `${name} - ${division.name} Division`,
            division,
            branchTowns,
            true,
          ),
        );
      }
    } else {
      const x = random.next();
      const divisionCount = x < 0.74 ? 1 : x < 0.93 ? 2 : x < 0.985 ? 3 : 4;
      const divisions = [primary];
      while (divisions.length < divisionCount) {
        const related = RELATED[primary.slug];
        const next =
          related && random.chance(0.7)
            ? ctx.industryBySlug.get(random.pick(related))
            : ctx.industries.draw(random);
        if (next && !divisions.includes(next)) divisions.push(next);
        else if (!next) break;
        else if (divisions.length >= 1 && random.chance(0.3)) break;
      }
      const extraBranches = random.chance(0.045) ? nearbyTowns(ctx, home, random.int(1, 3)) : [];
      for (const division of divisions) {
        const listingName = divisions.length === 1 ? name : `${name} - ${division.name} Division`;
        listings.push(
          makeListing(ctx, brand, listingName, division, [home, ...extraBranches], false),
        );
      }
    }
    brands.push({ slug: brand.slug, name: brand.name, listings });
  }
  return { brands };
}
