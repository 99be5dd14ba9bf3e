/**
 * The relevance queries: a fixed mix over the demo directory covering the whole UK (towns,
 * postcodes, counties, regions and nations of all four nations), every industry, both purposes
 * and each order, plus the examples of issue 11 and the regional specialisms a person expects.
 * Each query carries expectations written on `match`, industry, nation and distance only.
 */
import { findSubsector, listIndustries } from '../../src/domain/directory/taxonomy.js';
import {
  atLeast,
  atLeastResults,
  automaticRadius,
  distancesAscending,
  everyResultHasATier,
  firstResultIs,
  namedSubsectorFirst,
  nearbyOfficesNearAndSameSide,
  noGreatBritainOfficesFirst,
  noNearbyOfficeInFirst,
  noResultOutsideTheIndustry,
  tiersInOrder,
  withinRadius,
  type Expectation,
} from './expectations.js';

type PlaceKind = 'town' | 'postcode' | 'county' | 'region' | 'nation';
type Order = 'covers' | 'specialists' | 'nearest';

interface RelevanceParams {
  industry: string;
  subsector?: string;
  purpose: 'job' | 'staff';
  location: string;
  order?: Order;
  radiusMiles?: number;
}

export interface RelevanceQuery {
  id: string;
  params: RelevanceParams;
  kind: PlaceKind;
  /** The nation the place is in (for Northern Ireland's expectations). */
  nation: 'england' | 'scotland' | 'wales' | 'northern-ireland';
  expectations: Expectation[];
}

type Place = readonly [location: string, kind: PlaceKind, nation: RelevanceQuery['nation']];

/** Places across the UK, each nation and each kind of place. */
const PLACES: readonly Place[] = [
  ['London', 'town', 'england'],
  ['Leeds', 'town', 'england'],
  ['Manchester', 'town', 'england'],
  ['Birmingham', 'town', 'england'],
  ['Newcastle upon Tyne', 'town', 'england'],
  ['Norwich', 'town', 'england'],
  ['Truro', 'town', 'england'],
  ['Exeter', 'town', 'england'],
  ['Southampton', 'town', 'england'],
  ['Canterbury', 'town', 'england'],
  ['Nottingham', 'town', 'england'],
  ['Carlisle', 'town', 'england'],
  ['York', 'town', 'england'],
  ['Hull', 'town', 'england'],
  ['Liverpool', 'town', 'england'],
  ['Shrewsbury', 'town', 'england'],
  ['Kendal', 'town', 'england'],
  ['Middlesbrough', 'town', 'england'],
  ['Glasgow', 'town', 'scotland'],
  ['Inverness', 'town', 'scotland'],
  ['Dundee', 'town', 'scotland'],
  ['Dumfries', 'town', 'scotland'],
  ['Fort William', 'town', 'scotland'],
  ['Lerwick', 'town', 'scotland'],
  ['Cardiff', 'town', 'wales'],
  ['Swansea', 'town', 'wales'],
  ['Aberystwyth', 'town', 'wales'],
  ['Wrexham', 'town', 'wales'],
  ['Belfast', 'town', 'northern-ireland'],
  ['Londonderry', 'town', 'northern-ireland'],
  ['Newry', 'town', 'northern-ireland'],
  ['Lisnaskea', 'town', 'northern-ireland'],
  ['LS1 4AP', 'postcode', 'england'],
  ['M1 1AE', 'postcode', 'england'],
  ['SW1A 1AA', 'postcode', 'england'],
  ['NR1 3QU', 'postcode', 'england'],
  ['PL1 1AA', 'postcode', 'england'],
  ['G1 1XQ', 'postcode', 'scotland'],
  ['IV1 1AA', 'postcode', 'scotland'],
  ['SA1 1AA', 'postcode', 'wales'],
  ['LL57 1AA', 'postcode', 'wales'],
  ['BT1 5GS', 'postcode', 'northern-ireland'],
  ['BT74 6AA', 'postcode', 'northern-ireland'],
  ['Surrey', 'county', 'england'],
  ['Kent', 'county', 'england'],
  ['West Yorkshire', 'county', 'england'],
  ['Greater Manchester', 'county', 'england'],
  ['Cornwall', 'county', 'england'],
  ['Lincolnshire', 'county', 'england'],
  ['Fife', 'county', 'scotland'],
  ['Aberdeenshire', 'county', 'scotland'],
  ['Gwynedd', 'county', 'wales'],
  ['Powys', 'county', 'wales'],
  ['County Antrim', 'county', 'northern-ireland'],
  ['North West', 'region', 'england'],
  ['South West', 'region', 'england'],
  ['East of England', 'region', 'england'],
  ['West Midlands', 'region', 'england'],
  ['North East', 'region', 'england'],
  ['Scotland', 'nation', 'scotland'],
  ['Wales', 'nation', 'wales'],
  ['Northern Ireland', 'nation', 'northern-ireland'],
  ['England', 'nation', 'england'],
];

const ORDERS: readonly Order[] = ['covers', 'specialists', 'nearest'];
const GENERATED = 140;

/** The expectations every query of this order and shape has, whatever the data. */
function ruleExpectations(params: RelevanceParams, nation: string): Expectation[] {
  const out: Expectation[] = [
    everyResultHasATier(),
    noResultOutsideTheIndustry(params.industry, params.subsector),
  ];
  // The engine's default: nearest for a local sub-sector, else covers.
  const local = params.subsector ? findSubsector(params.industry, params.subsector)?.local : false;
  const order = params.order ?? (local ? 'nearest' : 'covers');
  if (order === 'covers') {
    out.push(tiersInOrder(), noNearbyOfficeInFirst(10), nearbyOfficesNearAndSameSide());
    if (nation === 'northern-ireland') out.push(noGreatBritainOfficesFirst(10));
  }
  if (order === 'nearest') {
    out.push(distancesAscending());
    if (params.radiusMiles === undefined) out.push(automaticRadius());
  }
  if (order === 'specialists' && params.subsector)
    out.push(namedSubsectorFirst(params.industry, params.subsector));
  if (params.radiusMiles !== undefined) out.push(withinRadius(params.radiusMiles));
  return out;
}

/** The mix: each place in turn, each industry in turn (every one at least twice), orders rotating. */
function generatedQueries(): RelevanceQuery[] {
  const industries = listIndustries();
  const out: RelevanceQuery[] = [];
  for (let i = 0; i < GENERATED; i++) {
    const [location, kind, nation] = PLACES[i % PLACES.length]!;
    const industry = industries[(i * 11) % industries.length]!;
    const order = ORDERS[(i + Math.floor(i / PLACES.length)) % ORDERS.length]!;
    const params: RelevanceParams = {
      industry: industry.slug,
      purpose: i % 2 === 0 ? 'job' : 'staff',
      location,
      order,
    };
    if (i % 4 === 1 && industry.subsectors.length > 0) {
      const local = industry.subsectors.filter((s) => s.local);
      const pool = order === 'nearest' && local.length > 0 ? local : industry.subsectors;
      params.subsector = pool[i % pool.length]!.slug;
    }
    if (i % 9 === 4) params.radiusMiles = i % 2 === 0 ? 25 : 50;
    out.push({ id: '', params, kind, nation, expectations: ruleExpectations(params, nation) });
  }
  return out;
}

interface Special {
  params: RelevanceParams;
  kind: PlaceKind;
  nation: RelevanceQuery['nation'];
  more: Expectation[];
}

const special = (
  industry: string,
  purpose: 'job' | 'staff',
  location: string,
  kind: PlaceKind,
  nation: RelevanceQuery['nation'],
  more: Expectation[],
  extra: Partial<RelevanceParams> = {},
): Special => ({ params: { industry, purpose, location, ...extra }, kind, nation, more });

/** Issue 11's examples and the regional specialisms, with what a person expects of each. */
const SPECIAL: readonly Special[] = [
  // Issue 11's examples.
  special('childcare', 'job', 'Surrey', 'county', 'england', [firstResultIs('place')], {
    subsector: 'nannies',
    order: 'covers',
  }),
  special(
    'IT',
    'job',
    'Leeds',
    'town',
    'england',
    [firstResultIs('place'), atLeast(10, ['place'])],
    {
      order: 'covers',
    },
  ),
  special('driving', 'job', 'Leeds', 'town', 'england', [atLeastResults(5)], { subsector: 'lgv' }),
  special('IT', 'job', 'Wales', 'nation', 'wales', [atLeastResults(1)], { radiusMiles: 25 }),
  special('IT', 'staff', 'Newport', 'town', 'wales', [atLeastResults(1)]),
  // Energy in Aberdeen.
  special('energy', 'job', 'Aberdeen', 'town', 'scotland', [
    firstResultIs('place'),
    atLeast(5, ['place']),
  ]),
  special('energy', 'staff', 'AB10 1XG', 'postcode', 'scotland', [firstResultIs('place')], {
    subsector: 'oilgas',
  }),
  special('energy', 'job', 'Aberdeen', 'town', 'scotland', [atLeastResults(5)], {
    order: 'nearest',
  }),
  // Finance in London and Edinburgh.
  special('accounting', 'job', 'London', 'town', 'england', [
    firstResultIs('place'),
    atLeast(10, ['place']),
  ]),
  special('banking', 'staff', 'EC2M 4YE', 'postcode', 'england', [firstResultIs('place')]),
  special('financialservices', 'job', 'Edinburgh', 'town', 'scotland', [firstResultIs('place')]),
  special('insurance', 'staff', 'EH1 1YZ', 'postcode', 'scotland', [atLeastResults(5)]),
  special('accounting', 'job', 'Edinburgh', 'town', 'scotland', [atLeast(5, ['place'])], {
    order: 'specialists',
  }),
  // Aerospace in Bristol and Derby.
  special('engineering', 'job', 'Bristol', 'town', 'england', [firstResultIs('place')], {
    subsector: 'aerospace',
  }),
  special('engineering', 'staff', 'Derby', 'town', 'england', [firstResultIs('place')], {
    subsector: 'aerospace',
  }),
  special('aviation', 'job', 'BS1 4DJ', 'postcode', 'england', [firstResultIs('place')]),
  // Life sciences in Cambridge and Oxford.
  special('biotechnology', 'job', 'Cambridge', 'town', 'england', [firstResultIs('place')]),
  special('pharm', 'staff', 'Oxford', 'town', 'england', [firstResultIs('place')]),
  special('science', 'job', 'CB2 1TN', 'postcode', 'england', [firstResultIs('place')]),
  // Agriculture in rural counties.
  special('agriculture', 'job', 'Cumbria', 'county', 'england', [firstResultIs('place')]),
  special('agriculture', 'staff', 'Norfolk', 'county', 'england', [firstResultIs('place')]),
  special('agriculture', 'job', 'Powys', 'county', 'wales', [atLeastResults(1)]),
  special('agriculture', 'job', 'Highland', 'county', 'scotland', [firstResultIs('place')]),
  special('agriculture', 'staff', 'County Fermanagh', 'county', 'northern-ireland', [
    atLeastResults(1),
  ]),
  special('agriculture', 'job', 'Truro', 'town', 'england', [atLeastResults(5)], {
    order: 'nearest',
  }),
  // The far corners.
  special('construction', 'job', 'Lisnaskea', 'town', 'northern-ireland', [atLeastResults(1)]),
  special('driving', 'staff', 'Enniskillen', 'town', 'northern-ireland', [atLeastResults(5)], {
    order: 'nearest',
  }),
  special('catering', 'job', 'Stornoway', 'town', 'scotland', [atLeastResults(1)]),
  special('health', 'job', 'Lerwick', 'town', 'scotland', [atLeastResults(1)], {
    order: 'nearest',
  }),
  special('socialcare', 'staff', 'Northern Ireland', 'nation', 'northern-ireland', [
    firstResultIs('place'),
  ]),
];

/** Every relevance query, numbered q001... in a fixed order. */
export function listRelevanceQueries(): RelevanceQuery[] {
  const specials = SPECIAL.map((s) => ({
    id: '',
    params: s.params,
    kind: s.kind,
    nation: s.nation,
    expectations: [...ruleExpectations(s.params, s.nation), ...s.more],
  }));
  return [...specials, ...generatedQueries()].map((q, i) => ({
    ...q,
    id: `q${String(i + 1).padStart(3, '0')}`,
  }));
}
