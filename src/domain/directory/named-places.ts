/**
 * Hand-authored tables of named places, other names and containment, read by places.ts at module
 * load. Every entry is checked when the module loads (an unknown id stops the process) and tested
 * one by one in named-places.test.ts.
 *
 * Decisions:
 * - A **locality** is a named place GeoNames' town list lacks (airports, islands, well-known
 *   areas, districts of a city, a second St Ives): a place of kind `town` with its own id,
 *   name, other names, centre and population, taking its county, region and nation from a
 *   town it is `like` (the town whose local authority it lies in). Localities are found by
 *   name and id like towns, but are not in `listTowns()`, so the demo directory, the postcode
 *   tables and the benchmarks keep the towns they had.
 * - Well-known areas that straddle boundaries (Teesside, the Black Country, the Cotswolds, the
 *   Lake District) are localities at the area's centre, in the county holding that centre: a
 *   search for them shows the name typed and measures from where the area is.
 * - UK names win over names abroad: any name in these tables is a UK place, so "Heathrow",
 *   "Skye" and "Gower" are never taken for their namesakes abroad. A GeoNames town named
 *   "Isle of X" is also "X" (Arran, Islay, Lewis, Mull), as places.ts adds.
 * - Containment (see places.ts ancestorsOf): a district or locality is inside its town; every
 *   town of Greater London (and of the City of London) is inside the town London, Croydon
 *   included (GeoNames has Croydon as a town of its own, which it stays: a search for Croydon
 *   is a search for Croydon, while an agency covering London covers it); the City of London
 *   (county) is inside Greater London.
 */

export interface LocalityDef {
  /** Stable id, never reused: `town:<slug>`, or `town:<slug>-<county slug>` for a shared name. */
  id: string;
  name: string;
  altNames: readonly string[];
  lat: number;
  lon: number;
  /** People living there (0 for an airport); decides between places sharing a name. */
  population: number;
  /** The town whose county, region and nation (and local authority) the locality shares. */
  like: string;
  /** The town the locality is inside, if any (a district of a city). */
  inside?: string;
}

export const LOCALITIES: readonly LocalityDef[] = [
  // Airports.
  {
    id: 'town:heathrow',
    name: 'Heathrow',
    altNames: ['Heathrow Airport', 'London Heathrow', 'London Heathrow Airport'],
    lat: 51.47,
    lon: -0.4543,
    population: 0,
    like: 'town:hayes',
  },
  {
    id: 'town:gatwick',
    name: 'Gatwick',
    altNames: ['Gatwick Airport', 'London Gatwick', 'London Gatwick Airport'],
    lat: 51.1537,
    lon: -0.1821,
    population: 0,
    like: 'town:crawley',
  },
  {
    id: 'town:stansted-airport',
    name: 'Stansted Airport',
    altNames: ['London Stansted', 'London Stansted Airport'],
    lat: 51.885,
    lon: 0.235,
    population: 0,
    like: 'town:stansted-mountfitchet',
  },
  {
    id: 'town:luton-airport',
    name: 'Luton Airport',
    altNames: ['London Luton', 'London Luton Airport'],
    lat: 51.8747,
    lon: -0.3683,
    population: 0,
    like: 'town:luton',
  },
  {
    id: 'town:birmingham-airport',
    name: 'Birmingham Airport',
    altNames: ['Birmingham International'],
    lat: 52.4539,
    lon: -1.748,
    population: 0,
    like: 'town:solihull',
  },
  {
    id: 'town:edinburgh-airport',
    name: 'Edinburgh Airport',
    altNames: [],
    lat: 55.95,
    lon: -3.3725,
    population: 0,
    like: 'town:edinburgh',
  },
  {
    id: 'town:glasgow-airport',
    name: 'Glasgow Airport',
    altNames: ['Glasgow International'],
    lat: 55.8719,
    lon: -4.4331,
    population: 0,
    like: 'town:paisley',
  },
  {
    id: 'town:leeds-bradford-airport',
    name: 'Leeds Bradford Airport',
    altNames: ['Leeds Bradford', 'Leeds Bradford International'],
    lat: 53.8659,
    lon: -1.6606,
    population: 0,
    like: 'town:yeadon',
  },
  {
    id: 'town:belfast-international-airport',
    name: 'Belfast International Airport',
    altNames: ['Belfast International', 'Aldergrove'],
    lat: 54.6575,
    lon: -6.2158,
    population: 0,
    like: 'town:antrim',
  },
  // Islands.
  {
    id: 'town:isle-of-skye',
    name: 'Isle of Skye',
    altNames: ['Skye', 'An t-Eilean Sgitheanach', "Eilean a' Cheò"],
    lat: 57.35,
    lon: -6.25,
    population: 10000,
    like: 'town:portree',
  },
  {
    id: 'town:anglesey',
    name: 'Anglesey',
    altNames: ['Isle of Anglesey', 'Ynys Môn', 'Môn'],
    lat: 53.27,
    lon: -4.38,
    population: 69000,
    like: 'town:llangefni',
  },
  // Well-known areas.
  {
    id: 'town:teesside',
    name: 'Teesside',
    altNames: ['Teesside conurbation', 'Tees Valley'],
    lat: 54.57,
    lon: -1.27,
    population: 376000,
    like: 'town:middlesbrough',
  },
  {
    id: 'town:black-country',
    name: 'Black Country',
    altNames: ['The Black Country'],
    lat: 52.53,
    lon: -2.05,
    population: 1150000,
    like: 'town:dudley',
  },
  {
    id: 'town:cotswolds',
    name: 'Cotswolds',
    altNames: ['The Cotswolds', 'Cotswold Hills'],
    lat: 51.83,
    lon: -1.83,
    population: 0,
    like: 'town:cirencester',
  },
  {
    id: 'town:lake-district',
    name: 'Lake District',
    altNames: ['The Lake District', 'The Lakes', 'Lakeland', 'English Lakes'],
    lat: 54.46,
    lon: -3.09,
    population: 0,
    like: 'town:keswick',
  },
  {
    id: 'town:peak-district',
    name: 'Peak District',
    altNames: ['The Peak District', 'The Peaks', 'Peak National Park'],
    lat: 53.3,
    lon: -1.78,
    population: 0,
    like: 'town:buxton-derbyshire',
  },
  {
    id: 'town:gower',
    name: 'Gower',
    altNames: ['The Gower', 'Gower Peninsula', 'Gŵyr'],
    lat: 51.59,
    lon: -4.17,
    population: 0,
    like: 'town:swansea',
  },
  {
    id: 'town:the-fens',
    name: 'The Fens',
    altNames: ['Fens', 'Fenland', 'The Fenland'],
    lat: 52.5,
    lon: 0.1,
    population: 0,
    like: 'town:march',
  },
  {
    id: 'town:dartmoor',
    name: 'Dartmoor',
    altNames: ['Dartmoor National Park'],
    lat: 50.57,
    lon: -3.92,
    population: 0,
    like: 'town:princetown',
  },
  {
    id: 'town:exmoor',
    name: 'Exmoor',
    altNames: ['Exmoor National Park'],
    lat: 51.13,
    lon: -3.64,
    population: 0,
    like: 'town:dulverton',
  },
  // A second St Ives (GeoNames has only the Cornish one) and London's Stratford.
  {
    id: 'town:st-ives-cambridgeshire',
    name: 'St Ives',
    altNames: [],
    lat: 52.3344,
    lon: -0.0756,
    population: 16384,
    like: 'town:huntingdon',
  },
  {
    id: 'town:stratford-greater-london',
    name: 'Stratford',
    altNames: [],
    lat: 51.5423,
    lon: -0.0026,
    population: 51000,
    like: 'town:london',
    inside: 'town:london',
  },
  // Districts of cities people name on their own.
  {
    id: 'town:shoreditch',
    name: 'Shoreditch',
    altNames: [],
    lat: 51.5265,
    lon: -0.0798,
    population: 0,
    like: 'town:london',
    inside: 'town:london',
  },
  {
    id: 'town:soho',
    name: 'Soho',
    altNames: [],
    lat: 51.5136,
    lon: -0.1365,
    population: 0,
    like: 'town:london',
    inside: 'town:city-of-westminster',
  },
  {
    id: 'town:mayfair',
    name: 'Mayfair',
    altNames: [],
    lat: 51.5094,
    lon: -0.1478,
    population: 0,
    like: 'town:london',
    inside: 'town:city-of-westminster',
  },
  {
    id: 'town:headingley',
    name: 'Headingley',
    altNames: [],
    lat: 53.8194,
    lon: -1.5794,
    population: 0,
    like: 'town:leeds',
    inside: 'town:leeds',
  },
];

/**
 * Other names of places the tables already have, by place id: Scottish Gaelic names (as the
 * Welsh ones in admin-areas.ts), short forms, and the name a town shares with others
 * ("Stratford, Warwickshire" is Stratford-upon-Avon).
 */
export const PLACE_ALT_NAMES: Readonly<Record<string, readonly string[]>> = {
  'town:edinburgh': ['Dùn Èideann'],
  'town:glasgow': ['Glaschu'],
  'town:inverness': ['Inbhir Nis'],
  'town:aberdeen': ['Obar Dheathain'],
  'town:dundee': ['Dùn Dè'],
  'town:perth': ['Peairt'],
  'town:stirling': ['Sruighlea'],
  'town:ayr': ['Inbhir Àir'],
  'town:oban': ['An t-Òban'],
  'town:portree': ['Port Rìgh'],
  'town:stornoway': ['Steòrnabhagh'],
  'town:fort-william': ['An Gearasdan'],
  'town:dumfries': ['Dùn Phris'],
  'town:paisley': ['Pàislig'],
  'town:kilmarnock': ['Cille Mheàrnaig'],
  'town:elgin': ['Eilginn'],
  'town:kirkwall': ['Bàgh na h-Eaglaise'],
  'town:dingwall': ['Inbhir Pheofharain'],
  'town:stratford-upon-avon': ['Stratford', 'Stratford upon Avon', 'Stratford on Avon'],
  'town:camden-town': ['Camden'],
  'town:stoke-on-trent': ['The Potteries', 'Potteries'],
  'town:sunderland': ['Wearside'],
  'town:ringway': ['Manchester Airport'],
  'town:stansted-mountfitchet': ['Stansted'],
  'town:isle-of-lewis': ['Leòdhas'],
  'town:isle-of-islay': ['Ìle'],
  'town:isle-of-arran': ['Eilean Arainn'],
  'town:isle-of-mull': ['Muile'],
};

/**
 * Districts of cities that GeoNames lists as towns of their own: each is inside the town
 * named (and so inside its county, region and nation). Every town of Greater London is inside
 * the town London without being listed here (see LONDON_TOWN_ID).
 */
export const TOWN_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'town:city-of-london': ['town:barbican'],
  'town:manchester': [
    'town:longsight',
    'town:fallowfield',
    'town:burnage',
    'town:cheetham-hill',
    'town:crumpsall',
    'town:blackley',
    'town:hulme',
    'town:chorlton-cum-hardy',
  ],
  'town:birmingham': ['town:washwood-heath', 'town:aston', 'town:acocks-green', 'town:hockley'],
  'town:leeds': ['town:chapel-allerton', 'town:holbeck'],
  'town:edinburgh': ['town:colinton'],
  'town:liverpool': ['town:clubmoor'],
  'town:bristol': ['town:bishopsworth'],
  'town:cardiff': ['town:radyr'],
  'town:sheffield': ['town:burngreave'],
  'town:newcastle-upon-tyne': ['town:gosforth', 'town:benwell'],
  'town:belfast': ['town:castlereagh'],
  'town:nottingham': ['town:basford', 'town:new-basford'],
};

/** The town every other town of these counties is inside. */
export const LONDON_TOWN_ID = 'town:london';
export const LONDON_COUNTY_IDS: readonly string[] = [
  'county:greater-london',
  'county:city-of-london',
];

/** Counties inside another county: the City of London is inside Greater London. */
export const COUNTY_PARENTS: Readonly<Record<string, string>> = {
  'county:city-of-london': 'county:greater-london',
};
