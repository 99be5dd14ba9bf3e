import { describe, expect, it } from 'vitest';
import {
  EMPLOYMENT_TYPES,
  ORDERS,
  PURPOSES,
  findIndustry,
  findSubsector,
  isEmploymentType,
  isPurpose,
  isSearchOrder,
  listIndustries,
  parseSubsectorKey,
  presentTaxonomy,
  subsectorKey,
} from './taxonomy.js';

/** The directory's industries, in its order (copied from the shared facts; CI has no copy). */
const FACT_INDUSTRIES: readonly (readonly [string, string])[] = [
  ['accounting', 'Accounting & Finance'],
  ['admin', 'Administration'],
  ['agriculture', 'Agriculture'],
  ['arts', 'Arts'],
  ['automotive', 'Automotive'],
  ['aviation', 'Aviation'],
  ['banking', 'Banking'],
  ['biotechnology', 'Biotechnology'],
  ['catering', 'Catering & Hospitality'],
  ['charity', 'Charity'],
  ['childcare', 'Childcare'],
  ['construction', 'Construction'],
  ['consulting', 'Consulting'],
  ['creative', 'Creative / Design'],
  ['custservcallcentre', 'Call Centre / Customer Service'],
  ['defence', 'Defence'],
  ['digital', 'Digital'],
  ['driving', 'Driving'],
  ['education', 'Education'],
  ['electronics', 'Electronics'],
  ['energy', 'Energy & Utilities'],
  ['engineering', 'Engineering'],
  ['environ', 'Environmental'],
  ['executive', 'Executive'],
  ['facilitiesmanagement', 'Facilities Management'],
  ['fashion', 'Fashion'],
  ['financialservices', 'Financial Services'],
  ['fmcg', 'FMCG'],
  ['food', 'Food & Drink'],
  ['government', 'Government / Public Sector'],
  ['graduate', 'Graduate'],
  ['headhunting', 'Headhunting / Executive Search'],
  ['health', 'Health Care'],
  ['healthsafety', 'Health & Safety'],
  ['housebuilding', 'Housebuilding'],
  ['hr', 'Human Resources'],
  ['industrial', 'Industrial'],
  ['informationindustry', 'Information Industry'],
  ['insurance', 'Insurance'],
  ['IT', 'IT'],
  ['legal', 'Legal'],
  ['logistics', 'Logistics'],
  ['manufacture', 'Manufacturing / Production'],
  ['marketing', 'Marketing'],
  ['marketresearch', 'Market Research'],
  ['mediapr', 'Media'],
  ['multilingual', 'Multilingual'],
  ['notforprofit', 'Not for Profit'],
  ['pharm', 'Pharmaceutical'],
  ['pr', 'PR'],
  ['printing', 'Printing'],
  ['projectmanagement', 'Project Management'],
  ['property', 'Property'],
  ['purchasing', 'Purchasing / Procurement'],
  ['rail', 'Rail'],
  ['recruitment', 'Recruitment (rec-to-rec)'],
  ['retail', 'Retail'],
  ['sales', 'Sales'],
  ['science', 'Science'],
  ['security', 'Security'],
  ['shipping', 'Shipping'],
  ['socialcare', 'Social Care'],
  ['spabeauty', 'Spa & Beauty'],
  ['spaceandsatellite', 'Space & Satellite'],
  ['sport', 'Sport & Leisure'],
  ['tax', 'Tax'],
  ['telecoms', 'Telecoms'],
  ['trainingandlearning', 'Training & Learning'],
  ['travel', 'Travel'],
];

/**
 * The verified local sub-sectors of the facts (`localSubsectorSlugs`), without `all` and with the
 * original's typos corrected (receiptionisttelephonist, lobouring, typefitting).
 */
const VERIFIED_LOCAL: Readonly<Record<string, readonly string[]>> = {
  admin: [
    'administration',
    'alladminsecretarialskills',
    'bilingual',
    'pa',
    'receptionisttelephonist',
    'secretarial',
    'switchboard',
    'typist',
  ],
  agriculture: [
    'allagriculturalskills',
    'arboricultureforestry',
    'drivers',
    'farmlabour',
    'gisgeographicinformationsystems',
    'horticulture',
    'seasonalworkers',
  ],
  catering: [
    'bars',
    'confbanq',
    'frontoffice',
    'hotel-staff',
    'housekeeping',
    'kitchen',
    'restaurant',
    'sales',
    'uksuppliersofinternationalworkers',
  ],
  construction: [
    'allconstructionskills',
    'buildingandcivilstrades',
    'buildingservicesmecontracting',
    'civilstradesandlabour',
    'commercialinteriors',
    'contracting',
    'mechanicalelectricaltradeslabour',
    'uksuppliersofinternationalworkers',
  ],
  custservcallcentre: [
    'allcustomerservicecallcentreskills',
    'businessservices',
    'customer',
    'languages',
    'operational',
    'technology',
    'training',
  ],
  driving: [
    '75tonne',
    'agriculture',
    'alldrivingskills',
    'commercial',
    'courier',
    'distribution',
    'forklift',
    'instructors',
    'lgv',
    'plant',
    'uksuppliersofinternationalworkers',
  ],
  facilitiesmanagement: ['inhousehardservices', 'inhousesoftservices'],
  fashion: ['administration', 'retail'],
  financialservices: ['administration'],
  health: ['ancillaryhospitalstaff', 'generalpracticenonclinical'],
  industrial: [
    'allindustrialskills',
    'assemblers',
    'cleaning',
    'domestic',
    'drilling',
    'drivers',
    'foodprocessing',
    'forklift',
    'gardening',
    'injectionmoulding',
    'jigging',
    'loaders',
    'labouring',
    'machineoperating',
    'orderpickers',
    'packers',
    'painting',
    'parcelsorters',
    'portering',
    'powdercoating',
    'pressingproduction',
    'productionline',
    'refusecollection',
    'soldering',
    'tapping',
    'tyrefitting',
    'uksuppliersofinternationalworkers',
    'warehouseoperatives',
    'administration',
  ],
  retail: ['security', 'uksuppliersofinternationalworkers'],
};

const VERIFIED_LOCAL_ROWS = Object.entries(VERIFIED_LOCAL).flatMap(([industry, slugs]) =>
  slugs.map((slug) => [industry, slug] as const),
);

const industries = listIndustries();
const allSubsectors = industries.flatMap((i) => i.subsectors.map((s) => ({ industry: i, s })));

describe('industries', () => {
  it("lists the directory's 69 industries with its slugs and names, in its order", () => {
    expect(industries.map((i) => [i.slug, i.name])).toEqual(FACT_INDUSTRIES);
  });

  it.each(industries.map((i) => [i.slug, i] as const))(
    '%s has at least 5 sub-sectors',
    (_slug, industry) => {
      expect(industry.subsectors.length).toBeGreaterThanOrEqual(5);
    },
  );

  it('has at least 500 sub-sectors in all', () => {
    expect(allSubsectors.length).toBeGreaterThanOrEqual(500);
  });

  it.each(industries.map((i) => [i.slug, i] as const))(
    '%s: slugs are well-formed and unique, names are proper and unique',
    (_slug, industry) => {
      const slugs = industry.subsectors.map((s) => s.slug);
      const names = industry.subsectors.map((s) => s.name.toLowerCase());
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(new Set(names).size).toBe(names.length);
      for (const s of industry.subsectors) {
        expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.name).toBe(s.name.trim());
        expect(s.name).toMatch(/^[A-Z0-9]/);
        expect(s.name).not.toMatch(/\bother\b|\bmisc/i);
        expect(typeof s.local).toBe('boolean');
      }
    },
  );

  it('has no sub-sector called "all" (an empty sub-sector means the whole industry)', () => {
    expect(allSubsectors.filter(({ s }) => s.slug === 'all' || s.name === 'All')).toEqual([]);
    expect(findSubsector('catering', 'all')).toBeUndefined();
    expect(findSubsector('retail', 'all')).toBeUndefined();
  });
});

describe('verified local sub-sectors', () => {
  it.each(VERIFIED_LOCAL_ROWS)('%s/%s is present and local', (industry, slug) => {
    expect(findSubsector(industry, slug)).toMatchObject({ slug, local: true });
  });

  it.each([
    ['admin', 'receiptionisttelephonist'],
    ['industrial', 'lobouring'],
    ['industrial', 'typefitting'],
  ])('the misspelt %s/%s is gone', (industry, slug) => {
    expect(findSubsector(industry, slug)).toBeUndefined();
  });

  it.each([
    ['driving', 'lgv', 'LGV Drivers'],
    ['driving', 'forklift', 'Forklift Drivers'],
    ['driving', '75tonne', '7.5 Tonne Drivers'],
    ['driving', 'alldrivingskills', 'General Driving (All Skills)'],
    ['catering', 'uksuppliersofinternationalworkers', 'UK Suppliers of International Workers'],
    ['catering', 'hotel-staff', 'Hotel Staff'],
    ['admin', 'receptionisttelephonist', 'Receptionists & Telephonists'],
    ['industrial', 'warehouseoperatives', 'Warehouse Operatives'],
  ])('%s/%s is shown as "%s"', (industry, slug, name) => {
    expect(findSubsector(industry, slug)?.name).toBe(name);
  });

  it.each([
    ['socialcare', 'careassistants', true],
    ['security', 'securityofficers', true],
    ['retail', 'salesassistants', true],
    ['logistics', 'warehouseoperatives', true],
    ['IT', 'softwaredevelopment', false],
    ['legal', 'solicitors', false],
    ['executive', 'boardappointments', false],
  ])('%s/%s local is %s', (industry, slug, local) => {
    expect(findSubsector(industry, slug)?.local).toBe(local);
  });

  it('shares slugs across industries: administration sits in four', () => {
    const holders = industries
      .filter((i) => i.subsectors.some((s) => s.slug === 'administration'))
      .map((i) => i.slug);
    expect(holders).toEqual(
      expect.arrayContaining(['admin', 'fashion', 'financialservices', 'industrial']),
    );
  });
});

describe('findIndustry', () => {
  it.each([
    ['IT', 'IT'],
    ['it', 'IT'],
    ['It', 'IT'],
    ['Driving', 'driving'],
    ['  DRIVING ', 'driving'],
    ['socialcare', 'socialcare'],
  ])('%j finds %s', (input, slug) => {
    expect(findIndustry(input)?.slug).toBe(slug);
  });

  it.each(['', '   ', 'driver', 'driving/lgv', 'all', 'social care'])(
    '%j finds nothing',
    (input) => {
      expect(findIndustry(input)).toBeUndefined();
    },
  );
});

describe('findSubsector', () => {
  it.each([
    ['driving', 'lgv', 'lgv'],
    ['driving', 'LGV', 'lgv'],
    ['Driving', ' lgv ', 'lgv'],
    ['driving', 'driving/lgv', 'lgv'],
    ['driving', 'DRIVING/LGV', 'lgv'],
    ['catering', 'Hotel-Staff', 'hotel-staff'],
    ['it', 'IT/softwaredevelopment', 'softwaredevelopment'],
    ['IT', 'it/cybersecurity', 'cybersecurity'],
  ])('(%j, %j) finds %s', (industry, ref, slug) => {
    expect(findSubsector(industry, ref)?.slug).toBe(slug);
  });

  it.each([
    ['driving', 'it/lgv'],
    ['driving', 'industrial/forklift'],
    ['IT', 'lgv'],
    ['driving', ''],
    ['driving', '/lgv'],
    ['driving', 'driving/'],
    ['driving', 'driving/lgv/extra'],
    ['nosuchindustry', 'lgv'],
  ])('(%j, %j) finds nothing', (industry, ref) => {
    expect(findSubsector(industry, ref)).toBeUndefined();
  });
});

describe('parseSubsectorKey and subsectorKey', () => {
  it.each([
    ['driving/lgv', 'driving', 'lgv'],
    ['Driving/LGV', 'driving', 'lgv'],
    [' it / devops ', 'IT', 'devops'],
    ['fashion/administration', 'fashion', 'administration'],
  ])('%j parses to %s/%s', (key, industry, subsector) => {
    const parsed = parseSubsectorKey(key);
    expect(parsed?.industry.slug).toBe(industry);
    expect(parsed?.subsector.slug).toBe(subsector);
  });

  it.each(['lgv', 'driving', 'it/lgv', 'driving/all', '', '/', 'driving/lgv/x'])(
    '%j parses to nothing',
    (key) => {
      expect(parseSubsectorKey(key)).toBeUndefined();
    },
  );

  it.each([
    ['driving', 'lgv', 'driving/lgv'],
    ['it', 'DevOps', 'IT/devops'],
    [' Catering ', 'HOTEL-STAFF', 'catering/hotel-staff'],
    ['Nowhere', ' Thing ', 'nowhere/thing'],
  ])('subsectorKey(%j, %j) is %s', (industry, subsector, key) => {
    expect(subsectorKey(industry, subsector)).toBe(key);
  });

  it('round-trips every sub-sector through its key', () => {
    for (const { industry, s } of allSubsectors) {
      const parsed = parseSubsectorKey(subsectorKey(industry.slug, s.slug));
      expect(parsed?.industry).toBe(industry);
      expect(parsed?.subsector).toBe(s);
    }
  });
});

describe('purposes, employment types and orders', () => {
  it('have the exact labels, in form order', () => {
    expect(PURPOSES).toEqual([
      { value: 'job', label: 'find me a job' },
      { value: 'staff', label: 'find me staff' },
    ]);
    expect(EMPLOYMENT_TYPES).toEqual([
      { value: 'permanent', label: 'Permanent' },
      { value: 'temporary', label: 'Temporary' },
      { value: 'contract', label: 'Contract' },
      { value: 'temp-to-perm', label: 'Temp to Perm' },
    ]);
    expect(ORDERS).toEqual([
      { value: 'covers', label: 'Agencies who cover this location' },
      { value: 'specialists', label: 'Specialists (Location not important)' },
      { value: 'nearest', label: 'Agencies nearest to your location' },
    ]);
  });

  it.each([
    [isPurpose, 'job', true],
    [isPurpose, 'staff', true],
    [isPurpose, 'Job', false],
    [isPurpose, 'cnd', false],
    [isPurpose, undefined, false],
    [isEmploymentType, 'permanent', true],
    [isEmploymentType, 'temp-to-perm', true],
    [isEmploymentType, 'Temp to Perm', false],
    [isEmploymentType, 42, false],
    [isSearchOrder, 'covers', true],
    [isSearchOrder, 'specialists', true],
    [isSearchOrder, 'nearest', true],
    [isSearchOrder, 'standard', false],
    [isSearchOrder, 'distance', false],
    [isSearchOrder, null, false],
  ] as const)('%o(%j) is %s', (guard, value, expected) => {
    expect(guard(value)).toBe(expected);
  });
});

describe('presentTaxonomy', () => {
  it('has the shape of GET /api/taxonomy and mirrors the taxonomy', () => {
    const view = presentTaxonomy();
    expect(Object.keys(view)).toEqual(['industries', 'purposes', 'employmentTypes', 'orders']);
    expect(view.industries).toHaveLength(69);
    expect(view.industries).toEqual(
      industries.map((i) => ({
        slug: i.slug,
        name: i.name,
        subsectors: i.subsectors.map((s) => ({ slug: s.slug, name: s.name, local: s.local })),
      })),
    );
    expect(Object.keys(view.industries[0]?.subsectors[0] ?? {})).toEqual(['slug', 'name', 'local']);
    expect(view.purposes).toEqual(PURPOSES);
    expect(view.employmentTypes).toEqual(EMPLOYMENT_TYPES);
    expect(view.orders).toEqual(ORDERS);
  });

  it('hands out a copy: changing it leaves the taxonomy alone', () => {
    const view = presentTaxonomy();
    view.industries.length = 0;
    expect(presentTaxonomy().industries).toHaveLength(69);
    expect(listIndustries()).toHaveLength(69);
  });

  it('keeps the shared data frozen', () => {
    expect(Object.isFrozen(listIndustries())).toBe(true);
    expect(Object.isFrozen(findSubsector('driving', 'lgv'))).toBe(true);
    expect(Object.isFrozen(PURPOSES[0])).toBe(true);
  });
});
