import { describe, expect, it } from 'vitest';
import { DomainError, type Problem } from '../errors.js';
import { labelOf } from './gazetteer.js';
import { distanceKm } from './gazetteer-normalise.js';
import { geocodePlace, type GeocodedPlace } from './geocode.js';
import { listCounties, listNations, listRegions, listTowns } from './places.js';
import { listPostcodeAreas } from './postcodes.js';

function problemOf(text: string, field?: string): Problem {
  try {
    geocodePlace(text, field);
  } catch (e) {
    if (e instanceof DomainError && e.problems[0]) return e.problems[0];
    throw e;
  }
  throw new Error(`${JSON.stringify(text)} resolved`);
}

function near(place: GeocodedPlace, lat: number, lon: number): number {
  return distanceKm(place.lat, place.lon, lat, lon);
}

describe('geocodePlace: what people type resolves to the place they mean', () => {
  it.each([
    ['Leeds', 'town:leeds', 'town', 'West Yorkshire', 'Yorkshire and The Humber', 'England'],
    ['leeds', 'town:leeds', 'town', 'West Yorkshire', 'Yorkshire and The Humber', 'England'],
    ['  LEEDS  ', 'town:leeds', 'town', 'West Yorkshire', 'Yorkshire and The Humber', 'England'],
    [
      'Leeds, West Yorkshire',
      'town:leeds',
      'town',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'Leeds, England',
      'town:leeds',
      'town',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    ['Leeds, UK', 'town:leeds', 'town', 'West Yorkshire', 'Yorkshire and The Humber', 'England'],
    [
      'Leeds West Yorkshire',
      'town:leeds',
      'town',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'Hull',
      'town:kingston-upon-hull',
      'town',
      'East Riding of Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    ['Londonderry', 'town:derry', 'town', 'County Londonderry', null, 'Northern Ireland'],
    ['Derry', 'town:derry', 'town', 'County Londonderry', null, 'Northern Ireland'],
    ['stoke on trent', 'town:stoke-on-trent', 'town', 'Staffordshire', 'West Midlands', 'England'],
    ['Stoke-on-Trent', 'town:stoke-on-trent', 'town', 'Staffordshire', 'West Midlands', 'England'],
    ['STOKEONTRENT', 'town:stoke-on-trent', 'town', 'Staffordshire', 'West Midlands', 'England'],
    ['St Albans', 'town:st-albans', 'town', 'Hertfordshire', 'East of England', 'England'],
    ['Saint Albans', 'town:st-albans', 'town', 'Hertfordshire', 'East of England', 'England'],
    ['Newcastle', 'town:newcastle-upon-tyne', 'town', 'Tyne and Wear', 'North East', 'England'],
    ['Cardiff', 'town:cardiff', 'town', 'South Glamorgan', null, 'Wales'],
    ['Glasgow', 'town:glasgow', 'town', 'Glasgow City', null, 'Scotland'],
    ['Belfast', 'town:belfast', 'town', 'County Antrim', null, 'Northern Ireland'],
    [
      'Newport, Isle of Wight',
      'town:newport-isle-of-wight',
      'town',
      'Isle of Wight',
      'South East',
      'England',
    ],
    [
      'Newport Isle of Wight',
      'town:newport-isle-of-wight',
      'town',
      'Isle of Wight',
      'South East',
      'England',
    ],
    [
      'Richmond, North Yorkshire',
      'town:richmond-north-yorkshire',
      'town',
      'North Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'Richmond, London',
      'town:richmond-greater-london',
      'town',
      'Greater London',
      'London',
      'England',
    ],
    ['Croydon, Surrey', 'town:croydon', 'town', 'Greater London', 'London', 'England'],
    [
      'West Yorkshire',
      'county:west-yorkshire',
      'county',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'westyorkshire',
      'county:west-yorkshire',
      'county',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'west-yorkshire',
      'county:west-yorkshire',
      'county',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    [
      'Greater Manchester',
      'county:greater-manchester',
      'county',
      'Greater Manchester',
      'North West',
      'England',
    ],
    ['Herts', 'county:hertfordshire', 'county', 'Hertfordshire', 'East of England', 'England'],
    ['Fife', 'county:fife', 'county', 'Fife', null, 'Scotland'],
    ['Highland', 'county:highland', 'county', 'Highland', null, 'Scotland'],
    ['Brighton and Hove', 'town:brighton', 'town', 'East Sussex', 'South East', 'England'],
    [
      'Kirklees',
      'county:west-yorkshire',
      'county',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    ['North West', 'region:north-west', 'region', null, 'North West', 'England'],
    ['north-west', 'region:north-west', 'region', null, 'North West', 'England'],
    [
      'Yorkshire',
      'region:yorkshire-and-the-humber',
      'region',
      null,
      'Yorkshire and The Humber',
      'England',
    ],
    ['West Midlands', 'region:west-midlands', 'region', null, 'West Midlands', 'England'],
    ['London (region)', 'region:london', 'region', null, 'London', 'England'],
    ['Scotland', 'nation:scotland', 'nation', null, null, 'Scotland'],
    ['England', 'nation:england', 'nation', null, null, 'England'],
    ['Wales', 'nation:wales', 'nation', null, null, 'Wales'],
    ['Northern Ireland', 'nation:northern-ireland', 'nation', null, null, 'Northern Ireland'],
    ['town:leeds', 'town:leeds', 'town', 'West Yorkshire', 'Yorkshire and The Humber', 'England'],
  ])('%j -> %s (%s in %s, %s, %s)', (text, id, kind, county, region, nation) => {
    expect(geocodePlace(text)).toMatchObject({ id, kind, county, region, nation });
  });

  it('resolves London to the town, offering the region', () => {
    const london = geocodePlace('London');
    expect(london).toMatchObject({ id: 'town:london', kind: 'town', county: 'Greater London' });
    expect(london.alternatives.map((a) => a.id)).toContain('region:london');
  });

  it('resolves a name shared by towns to the most populous when it is 10 times the next', () => {
    const newport = geocodePlace('Newport');
    expect(newport).toMatchObject({ id: 'town:newport-gwent', nation: 'Wales' });
    expect(newport.alternatives.map((a) => a.label)).toContain('Newport, Isle of Wight');
    for (const alternative of newport.alternatives) {
      expect(geocodePlace(alternative.label).id).toBe(alternative.id);
    }
  });

  it('resolves Durham to the town, offering the county', () => {
    const durham = geocodePlace('Durham');
    expect(durham.id).toBe('town:durham');
    expect(durham.alternatives.map((a) => a.id)).toEqual(['county:county-durham']);
  });
});

describe('geocodePlace: postcodes', () => {
  it.each([
    ['ls1 4ap', 'LS1 4AP', 'district', 'town:leeds'],
    ['LS1 4AP', 'LS1 4AP', 'district', 'town:leeds'],
    ['LS14AP', 'LS1 4AP', 'district', 'town:leeds'],
    ['ls1', 'LS1', 'district', 'town:leeds'],
    ['LS29', 'LS29', 'district', 'town:ilkley'],
    ['LS29 9DZ', 'LS29 9DZ', 'district', 'town:ilkley'],
    ['ZE1', 'ZE1', 'area', 'town:lerwick'],
    ['Leeds LS1', 'LS1', 'district', 'town:leeds'],
    ['2 Park Row, Leeds LS1 5AB', 'LS1 5AB', 'district', 'town:leeds'],
    ['postcode:ls14ap', 'LS1 4AP', 'district', 'town:leeds'],
    ['LS1 4AP, Leeds', 'LS1 4AP', 'district', 'town:leeds'],
    ['LS', 'LS', 'area', 'town:leeds'],
  ])('%j -> %s, precision %s, at %s', (text, name, precision, townId) => {
    expect(geocodePlace(text)).toMatchObject({ kind: 'postcode', name, precision, townId });
  });

  it('gives a postcode the county, region and nation of its town', () => {
    expect(geocodePlace('LS1 4AP')).toMatchObject({
      id: 'postcode:ls14ap',
      county: 'West Yorkshire',
      region: 'Yorkshire and The Humber',
      nation: 'England',
      countyId: 'county:west-yorkshire',
    });
  });

  it('resolves every postcode area of the table', () => {
    for (const area of listPostcodeAreas()) {
      const place = geocodePlace(`${area.code}1 1AA`);
      expect(place.kind, area.code).toBe('postcode');
      expect(place.lat, area.code).toBeGreaterThan(49.8);
    }
  });
});

describe('geocodePlace: problems', () => {
  it('requires a location', () => {
    expect(problemOf('')).toEqual({
      field: 'location',
      code: 'required',
      message: 'You must enter a location',
    });
    expect(problemOf('   ').code).toBe('required');
  });

  it('uses the field it is given', () => {
    expect(problemOf('', 'q').field).toBe('q');
    expect(problemOf('Manchestr', 'filters.location').field).toBe('filters.location');
  });

  it('suggests close spellings for a place it does not know', () => {
    const problem = problemOf('Manchestr');
    expect(problem.code).toBe('unknown-location');
    expect(problem.message).toBe('We could not find "Manchestr". Did you mean Manchester?');
    expect(problem.suggestions?.[0]).toEqual({
      label: 'Manchester, Greater Manchester',
      id: 'town:manchester',
      kind: 'town',
      county: 'Greater Manchester',
      nation: 'England',
    });
  });

  it.each([['Edinburg'], ['Birmingam'], ['Liverpol'], ['Sheffeild'], ['Brimingham']])(
    '%j is unknown, with a suggestion',
    (text) => {
      const problem = problemOf(text);
      expect(problem.code).toBe('unknown-location');
      expect(problem.suggestions?.length).toBeGreaterThan(0);
    },
  );

  it('names each suggested place once in the message', () => {
    const problem = problemOf('Lyndon');
    expect(problem.message).toBe('We could not find "Lyndon". Did you mean London or Lynton?');
    expect(problem.suggestions?.map((s) => s.id)).toEqual([
      'town:london',
      'town:lynton',
      'region:london',
    ]);
  });

  it('says when it finds nothing like the text', () => {
    const problem = problemOf('Xqzzyville');
    expect(problem.code).toBe('unknown-location');
    expect(problem.message).toContain('"Xqzzyville"');
    expect(problem.suggestions).toBeUndefined();
  });

  it('asks which Richmond, each suggestion resolving to its place', () => {
    const problem = problemOf('Richmond');
    expect(problem.code).toBe('ambiguous-location');
    expect(problem.message).toBe(
      '"Richmond" could mean 2 places: Richmond, North Yorkshire or Richmond, Greater London. Which one do you mean?',
    );
    const labels = problem.suggestions?.map((s) => s.label);
    expect(labels).toEqual(['Richmond, North Yorkshire', 'Richmond, Greater London']);
    for (const s of problem.suggestions ?? []) {
      expect(geocodePlace(s.label).id).toBe(s.id);
    }
  });

  it.each([['Sussex'], ['Lanarkshire'], ['South Wales'], ['Midlands'], ['Basford']])(
    '%j is ambiguous, each suggestion resolving to its place',
    (text) => {
      const problem = problemOf(text);
      expect(problem.code).toBe('ambiguous-location');
      expect(problem.suggestions?.length).toBeGreaterThan(1);
      for (const s of problem.suggestions ?? []) expect(geocodePlace(s.label).id).toBe(s.id);
    },
  );

  it.each([['UK'], ['United Kingdom'], ['u.k.'], ['Great Britain']])(
    '%j is the whole country: ambiguous, offering the nations',
    (text) => {
      const problem = problemOf(text);
      expect(problem.code).toBe('ambiguous-location');
      expect(problem.message).toContain('Specialists (Location not important)');
      for (const s of problem.suggestions ?? []) expect(s.kind).toBe('nation');
    },
  );

  it.each([
    ['JE2 3AB', '"JE2 3AB" is a postcode in Jersey, which is outside the UK.'],
    ['GY1 1AA', '"GY1 1AA" is a postcode in Guernsey, which is outside the UK.'],
    ['IM1 1AA', '"IM1 1AA" is a postcode in the Isle of Man, which is outside the UK.'],
    ['Paris', '"Paris" is outside the UK.'],
    ['Dublin', '"Dublin" is outside the UK.'],
    ['New York', '"New York" is outside the UK.'],
    ['Jersey', '"Jersey" is outside the UK.'],
    ['Guernsey', '"Guernsey" is outside the UK.'],
    ['Isle of Man', '"Isle of Man" is outside the UK.'],
    ['France', '"France" is outside the UK.'],
    ['Perth, Australia', '"Perth, Australia" is outside the UK.'],
    ['Douglas, Isle of Man', '"Douglas, Isle of Man" is outside the UK.'],
    ['Galway', '"Galway" is outside the UK.'],
    ['Darwin', '"Darwin" is outside the UK.'],
  ])('%j is outside the UK', (text, start) => {
    const problem = problemOf(text);
    expect(problem.code).toBe('outside-uk');
    expect(problem.message.startsWith(start)).toBe(true);
  });

  it('takes a UK place over a namesake abroad', () => {
    expect(geocodePlace('Perth').nation).toBe('Scotland');
    expect(geocodePlace('Boston').county).toBe('Lincolnshire');
  });

  it.each([['12345'], ['!!!'], ['x'], ['-'], ['a'.repeat(101)]])('%j is invalid', (text) => {
    const problem = problemOf(text);
    expect(problem.code).toBe('invalid');
    expect(problem.message.length).toBeGreaterThan(20);
  });

  it('says where a known town is not', () => {
    const problem = problemOf('Leeds, Scotland');
    expect(problem.code).toBe('unknown-location');
    expect(problem.message).toBe('We could not find "Leeds" in Scotland. Did you mean Leeds?');
    expect(problem.suggestions?.map((s) => s.id)).toEqual(['town:leeds']);
  });

  it('says when no postcode area has those letters', () => {
    expect(problemOf('QQ1 1AA').code).toBe('unknown-location');
  });
});

describe('geocodePlace: coordinates', () => {
  // True city-centre coordinates.
  it.each([
    ['London', 51.5074, -0.1278],
    ['Birmingham', 52.4862, -1.8904],
    ['Manchester', 53.4808, -2.2426],
    ['Leeds', 53.8008, -1.5491],
    ['Liverpool', 53.4084, -2.9916],
    ['Sheffield', 53.3811, -1.4701],
    ['Bristol', 51.4545, -2.5879],
    ['Newcastle upon Tyne', 54.9783, -1.6178],
    ['Nottingham', 52.9548, -1.1581],
    ['Leicester', 52.6369, -1.1398],
    ['Coventry', 52.4068, -1.5197],
    ['Bradford', 53.796, -1.7594],
    ['Hull', 53.7676, -0.3274],
    ['Stoke-on-Trent', 53.0027, -2.1794],
    ['Wolverhampton', 52.587, -2.1288],
    ['Derby', 52.9225, -1.4746],
    ['Southampton', 50.9097, -1.4044],
    ['Portsmouth', 50.8198, -1.088],
    ['Plymouth', 50.3755, -4.1427],
    ['Reading', 51.4543, -0.9781],
    ['Brighton', 50.8225, -0.1372],
    ['Sunderland', 54.9069, -1.3838],
    ['Norwich', 52.6309, 1.2974],
    ['York', 53.96, -1.0873],
    ['Oxford', 51.752, -1.2577],
    ['Cambridge', 52.2053, 0.1218],
    ['Milton Keynes', 52.0406, -0.7594],
    ['Exeter', 50.7184, -3.5339],
    ['Glasgow', 55.8642, -4.2518],
    ['Edinburgh', 55.9533, -3.1883],
    ['Aberdeen', 57.1497, -2.0943],
    ['Dundee', 56.462, -2.9707],
    ['Inverness', 57.4778, -4.2247],
    ['Cardiff', 51.4816, -3.1791],
    ['Swansea', 51.6214, -3.9436],
    ['Newport', 51.5842, -2.9977],
    ['Belfast', 54.5973, -5.9301],
    ['Londonderry', 54.9966, -7.3086],
    ['Lerwick', 60.1546, -1.1494],
  ])('%s is within 10 km of its centre', (text, lat, lon) => {
    expect(near(geocodePlace(text), lat, lon)).toBeLessThan(10);
  });

  it.each([
    ['B1 1AA', 52.479, -1.904],
    ['EH1', 55.95, -3.189],
    ['CF10', 51.476, -3.176],
    ['G1', 55.86, -4.25],
    ['BT1', 54.6, -5.929],
    ['M1', 53.477, -2.232],
    ['L1', 53.402, -2.98],
    ['NE1', 54.971, -1.612],
    ['S1', 53.38, -1.47],
    ['BS1', 51.452, -2.592],
    ['NG1', 52.953, -1.149],
    ['LE1', 52.634, -1.132],
    ['CV1', 52.408, -1.508],
    ['LS1 4AP', 53.797, -1.547],
    ['SW1A 1AA', 51.501, -0.142],
    ['EC1A 1BB', 51.519, -0.1],
    ['WC2N 5DU', 51.509, -0.125],
    ['E1 6AN', 51.517, -0.072],
    ['AB10 1AA', 57.143, -2.103],
    ['DD1', 56.46, -2.97],
    ['SA1', 51.62, -3.94],
    ['PL1', 50.37, -4.145],
    ['SO14', 50.901, -1.399],
    ['PO1', 50.8, -1.09],
    ['RG1', 51.455, -0.97],
    ['OX1', 51.75, -1.259],
    ['CB2', 52.199, 0.124],
    ['YO1', 53.96, -1.082],
    ['HU1', 53.744, -0.333],
    ['ST1', 53.024, -2.178],
    ['WV1', 52.585, -2.125],
    ['DE1', 52.922, -1.476],
    ['NR1', 52.625, 1.305],
    ['BN1', 50.827, -0.14],
    ['MK9', 52.043, -0.756],
    ['IV1', 57.48, -4.225],
    ['ZE1', 60.155, -1.148],
  ])('%s is within 10 km of its district', (text, lat, lon) => {
    expect(near(geocodePlace(text), lat, lon)).toBeLessThan(10);
  });

  it.each([
    ['West Yorkshire', 53.73, -1.72],
    ['Greater Manchester', 53.5, -2.3],
    ['Greater London', 51.5, -0.12],
    ['Merseyside', 53.45, -2.95],
    ['Tyne and Wear', 54.95, -1.55],
    ['South Yorkshire', 53.5, -1.35],
    ['Kent', 51.2, 0.75],
    ['Essex', 51.8, 0.55],
    ['Norfolk', 52.65, 0.95],
    ['Devon', 50.72, -3.8],
    ['Cornwall', 50.4, -4.9],
    ['Hampshire', 51.05, -1.3],
    ['Surrey', 51.25, -0.45],
    ['Lancashire', 53.85, -2.55],
    ['North Yorkshire', 54.2, -1.5],
    ['Cumbria', 54.55, -2.95],
    ['Fife', 56.23, -3.15],
    ['Highland', 57.4, -4.9],
    ['Powys', 52.35, -3.4],
    ['County Antrim', 54.85, -6.2],
  ])('the county %s is within 30 km of its centre', (text, lat, lon) => {
    expect(near(geocodePlace(text), lat, lon)).toBeLessThan(30);
  });

  it.each([
    ['North East', 55.0, -1.9],
    ['North West', 54.0, -2.7],
    ['Yorkshire and The Humber', 53.9, -1.3],
    ['East Midlands', 52.95, -0.85],
    ['West Midlands', 52.45, -2.25],
    ['East of England', 52.25, 0.45],
    ['London (region)', 51.5, -0.12],
    ['South East', 51.3, -0.6],
    ['South West', 50.95, -3.2],
    ['England', 52.5, -1.5],
    ['Scotland', 56.5, -4.1],
    ['Wales', 52.3, -3.7],
    ['Northern Ireland', 54.6, -6.7],
  ])('%s is within 40 km of its centre', (text, lat, lon) => {
    expect(near(geocodePlace(text), lat, lon)).toBeLessThan(40);
  });
});

describe('labels', () => {
  it('resolve back to exactly their place, for every place', () => {
    for (const place of [...listNations(), ...listRegions(), ...listCounties(), ...listTowns()]) {
      const label = labelOf(place);
      expect(geocodePlace(label).id, label).toBe(place.id);
    }
  });
});

describe('speed', () => {
  it('resolves a location in well under a millisecond', () => {
    const texts = [
      'Leeds',
      'ls1 4ap',
      'West Yorkshire',
      'Newport',
      'Hull',
      'Richmond, North Yorkshire',
    ];
    for (const t of texts) geocodePlace(t);
    const rounds = 500;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const t of texts) geocodePlace(t);
    const perCall = (performance.now() - start) / (rounds * texts.length);
    expect(perCall).toBeLessThan(0.5);
  });
});
