/**
 * The tables the demo directory is drawn from: market shares, which industries sit together,
 * the words of agency names and addresses, Ofcom's drama telephone numbers, and where sectors
 * and London's agencies cluster.
 */

/** Share of listings by primary industry (relative weights), shaped on the real directory. */
export const INDUSTRY_WEIGHTS: Record<string, number> = {
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
export const LOCAL_INDUSTRIES = new Set([
  'industrial',
  'driving',
  'catering',
  'admin',
  'socialcare',
  'security',
  'facilitiesmanagement',
]);

/** Industries that sit together on one agency's books. */
export const RELATED: Record<string, string[]> = {
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

export const SECTOR_WORDS: Record<string, string[]> = {
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

export const SUFFIXES = [
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
export const FEATURES = [
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
export const STREETS = [
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
export const BUILDINGS = [
  'Suite 2',
  'First Floor',
  'Unit 4',
  'Second Floor',
  'Office 12',
  'Ground Floor',
  'Suite 5B',
];

/** Ofcom's ranges reserved for drama: numbers that will never ring anyone. */
export const DRAMA_RANGES: { town: string; prefix: string; format: (n: number) => string }[] = [
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
export const NO_AREA_RANGE = (n: number) => `01632 960${pad3(n)}`;
export const DRAMA_RADIUS_KM = 25;
export const INCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function pad3(n: number): string {
  return String(n % 1000).padStart(3, '0');
}

/**
 * Where a person expects a sector to cluster: a brand based in one of `places` (a town, or a
 * county containing the town) takes its main industry from `industries` with probability
 * `share`, naming the sub-sectors in `subsectors` when it names any in that industry.
 */
export interface Specialism {
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

export const SPECIALISMS: readonly Specialism[] = [
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
export const CENTRAL_LONDON: Readonly<Record<string, number>> = {
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
export const CENTRAL_LONDON_SHARE = 0.7;

/** Home towns drawn more often than their population says (relative factors). */
export const HOME_TOWN_BOOST: Readonly<Record<string, number>> = {
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

/** Industries where contract work is common. */
export const CONTRACT_INDUSTRIES: readonly string[] = [
  'IT',
  'engineering',
  'digital',
  'projectmanagement',
  'telecoms',
  'energy',
  'rail',
  'defence',
];
