import { describe, expect, it } from 'vitest';
import { isDomainError, type Problem } from '../errors.js';
import { labelOf } from './gazetteer.js';
import { geocodePlace, type GeocodedPlace } from './geocode.js';
import { LOCALITIES, LONDON_TOWN_ID, PLACE_ALT_NAMES, TOWN_DISTRICTS } from './named-places.js';
import {
  ancestorsOf,
  findPlaceById,
  getPlaceById,
  listLocalities,
  listTowns,
  placeContains,
} from './places.js';

/** The place the text resolves to, or the problem geocodePlace reports. */
function answer(text: string): GeocodedPlace | Problem {
  try {
    return geocodePlace(text);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.problems[0] as Problem;
  }
}

function resolved(text: string): GeocodedPlace {
  const a = answer(text);
  if (!('id' in a)) throw new Error(`${text}: ${a.code} ${a.message}`);
  return a;
}

/** Ids a text stands for: the place found, or every place an ambiguous text offers. */
function idsFor(text: string): string[] {
  const a = answer(text);
  if ('id' in a) return [a.id];
  expect(a.code, text).toBe('ambiguous-location');
  return (a.suggestions ?? []).map((s) => String(s.id));
}

describe('localities: every entry is a UK place with its county, region and nation', () => {
  // [id, label, county, region, nation]: written out by hand, one per table entry.
  const expected: Record<string, [string, string, string | null, string]> = {
    'town:heathrow': ['Heathrow, Greater London', 'Greater London', 'London', 'England'],
    'town:gatwick': ['Gatwick, West Sussex', 'West Sussex', 'South East', 'England'],
    'town:stansted-airport': ['Stansted Airport, Essex', 'Essex', 'East of England', 'England'],
    'town:luton-airport': [
      'Luton Airport, Bedfordshire',
      'Bedfordshire',
      'East of England',
      'England',
    ],
    'town:birmingham-airport': [
      'Birmingham Airport, West Midlands',
      'West Midlands',
      'West Midlands',
      'England',
    ],
    'town:edinburgh-airport': [
      'Edinburgh Airport, City of Edinburgh',
      'City of Edinburgh',
      null,
      'Scotland',
    ],
    'town:glasgow-airport': ['Glasgow Airport, Renfrewshire', 'Renfrewshire', null, 'Scotland'],
    'town:leeds-bradford-airport': [
      'Leeds Bradford Airport, West Yorkshire',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
    'town:belfast-international-airport': [
      'Belfast International Airport, County Antrim',
      'County Antrim',
      null,
      'Northern Ireland',
    ],
    'town:peak-district': ['Peak District, Derbyshire', 'Derbyshire', 'East Midlands', 'England'],
    'town:gower': ['Gower, West Glamorgan', 'West Glamorgan', null, 'Wales'],
    'town:the-fens': ['The Fens, Cambridgeshire', 'Cambridgeshire', 'East of England', 'England'],
    'town:dartmoor': ['Dartmoor, Devon', 'Devon', 'South West', 'England'],
    'town:exmoor': ['Exmoor, Somerset', 'Somerset', 'South West', 'England'],
    'town:isle-of-skye': ['Isle of Skye, Highland', 'Highland', null, 'Scotland'],
    'town:anglesey': ['Anglesey, Gwynedd', 'Gwynedd', null, 'Wales'],
    'town:teesside': ['Teesside, North Yorkshire', 'North Yorkshire', 'North East', 'England'],
    'town:black-country': [
      'Black Country, West Midlands',
      'West Midlands',
      'West Midlands',
      'England',
    ],
    'town:cotswolds': ['Cotswolds, Gloucestershire', 'Gloucestershire', 'South West', 'England'],
    'town:lake-district': ['Lake District, Cumbria', 'Cumbria', 'North West', 'England'],
    'town:st-ives-cambridgeshire': [
      'St Ives, Cambridgeshire',
      'Cambridgeshire',
      'East of England',
      'England',
    ],
    'town:stratford-greater-london': [
      'Stratford, Greater London',
      'Greater London',
      'London',
      'England',
    ],
    'town:shoreditch': ['Shoreditch, Greater London', 'Greater London', 'London', 'England'],
    'town:soho': ['Soho, Greater London', 'Greater London', 'London', 'England'],
    'town:mayfair': ['Mayfair, Greater London', 'Greater London', 'London', 'England'],
    'town:headingley': [
      'Headingley, West Yorkshire',
      'West Yorkshire',
      'Yorkshire and The Humber',
      'England',
    ],
  };

  it('has an expectation for every entry and no other', () => {
    expect(LOCALITIES.map((l) => l.id).sort()).toEqual(Object.keys(expected).sort());
    expect(listLocalities().map((l) => l.id)).toEqual(LOCALITIES.map((l) => l.id));
  });

  it.each(LOCALITIES.map((l) => [l.id, l] as const))('%s', (id, def) => {
    const [label, county, region, nation] = expected[id]!;
    const place = getPlaceById(id);
    expect(place.kind).toBe('town');
    expect(labelOf(place)).toBe(label);
    const found = resolved(label);
    expect(found).toMatchObject({ id, label, county, region, nation, lat: def.lat, lon: def.lon });
    // Its name and every other name mean it (or offer it, when another place shares the name).
    for (const name of [def.name, ...def.altNames]) expect(idsFor(name), name).toContain(id);
    // Not one of GeoNames' towns: the demo directory and the postcode tables keep theirs.
    expect(listTowns().some((t) => t.id === id)).toBe(false);
  });
});

describe('the names of the issue', () => {
  it.each([
    ['Heathrow', 'town:heathrow'],
    ['Heathrow Airport', 'town:heathrow'],
    ['Gatwick', 'town:gatwick'],
    ['Skye', 'town:isle-of-skye'],
    ['Isle of Skye', 'town:isle-of-skye'],
    ['Anglesey', 'town:anglesey'],
    ['Ynys Môn', 'town:anglesey'],
    ['Teesside', 'town:teesside'],
    ['the Black Country', 'town:black-country'],
    ['Black Country', 'town:black-country'],
    ['the Cotswolds', 'town:cotswolds'],
    ['Lake District', 'town:lake-district'],
    ['the Lake District', 'town:lake-district'],
    ['Stratford, Warwickshire', 'town:stratford-upon-avon'],
    ['Stratford-upon-Avon', 'town:stratford-upon-avon'],
    ['Stratford, London', 'town:stratford-greater-london'],
    ['St Ives, Cambridgeshire', 'town:st-ives-cambridgeshire'],
    ['St Ives, Cornwall', 'town:st-ives'],
    ['Dùn Èideann', 'town:edinburgh'],
    ['Dun Eideann', 'town:edinburgh'],
    ['Glaschu', 'town:glasgow'],
    ['Inbhir Nis', 'town:inverness'],
    ['Obar Dheathain', 'town:aberdeen'],
    ['Gower', 'town:gower'],
    ['the Peak District', 'town:peak-district'],
    ['the Potteries', 'town:stoke-on-trent'],
    ['Wearside', 'town:sunderland'],
    ['Manchester Airport', 'town:ringway'],
    ['Arran', 'town:isle-of-arran'],
    ['Islay', 'town:isle-of-islay'],
    ['Lewis', 'town:isle-of-lewis'],
    ['Mull', 'town:isle-of-mull'],
  ])('%s is %s', (text, id) => {
    expect(resolved(text).id).toBe(id);
  });

  it('offers both Stratfords and both St Iveses, choosing neither', () => {
    expect(idsFor('Stratford')).toEqual([
      'town:stratford-greater-london',
      'town:stratford-upon-avon',
    ]);
    expect(idsFor('St Ives')).toEqual(['town:st-ives-cambridgeshire', 'town:st-ives']);
  });

  it.each(Object.entries(PLACE_ALT_NAMES).flatMap(([id, names]) => names.map((n) => [n, id])))(
    'the other name %s means %s',
    (name, id) => {
      expect(idsFor(name)).toContain(id);
    },
  );

  it('resolves postcode areas in any case', () => {
    expect(resolved('bt')).toMatchObject({
      id: 'postcode:bt',
      precision: 'area',
      nation: 'Northern Ireland',
    });
    expect(resolved('ls')).toMatchObject({
      id: 'postcode:ls',
      precision: 'area',
      county: 'West Yorkshire',
    });
    expect(resolved('Ls').id).toBe('postcode:ls');
  });

  it('keeps the Crown Dependencies outside the UK', () => {
    for (const text of ['Jersey', 'Guernsey', 'Isle of Man', 'Douglas, Isle of Man', 'JE2 3AB']) {
      expect((answer(text) as Problem).code, text).toBe('outside-uk');
    }
  });
});

describe('what was typed is never dropped silently', () => {
  it.each([
    ['Xyzzy, London', 'town:london', 'Xyzzy'],
    ['Xyzzy, West Yorkshire', 'county:west-yorkshire', 'Xyzzy'],
    ['Xyzzy, Scotland', 'nation:scotland', 'Xyzzy'],
    ['Xyzzy, Leeds, West Yorkshire', 'town:leeds', 'Xyzzy'],
    ['Leeds, Blahshire', 'town:leeds', 'Blahshire'],
    ['Xyzzy, Leeds, UK', 'town:leeds', 'Xyzzy'],
    ['Xyzzy, London (region)', 'region:london', 'Xyzzy'],
  ])('%s is %s, leaving out %s', (text, id, ignored) => {
    expect(resolved(text)).toMatchObject({ id, ignored });
  });

  it.each(['Leeds', 'Leeds, West Yorkshire', 'Leeds, UK', 'Headingley, Leeds', 'LS1 4AP'])(
    '%s leaves nothing out',
    (text) => {
      expect(resolved(text)).not.toHaveProperty('ignored');
    },
  );

  it('lets a postcode anywhere in the text win', () => {
    for (const text of ['Manchester, LS1 4AP', 'Flat 2, LS1 4AP, Leeds', 'near ls1 4ap please']) {
      expect(resolved(text), text).toMatchObject({ id: 'postcode:ls14ap', townId: 'town:leeds' });
    }
  });

  it('answers a name that is no UK place, then "UK", with the nations to choose from', () => {
    for (const text of ['Xyzzy, UK', 'Paris, UK']) {
      const problem = answer(text) as Problem;
      expect(problem.code, text).toBe('ambiguous-location');
      expect(problem.message).toContain(
        `We could not place "${text.split(',')[0]}" in the UK, and "UK" covers the whole country.`,
      );
      expect(problem.suggestions?.map((s) => s.id)).toEqual([
        'nation:england',
        'nation:scotland',
        'nation:wales',
        'nation:northern-ireland',
      ]);
    }
  });
});

describe('containment follows the real hierarchy', () => {
  it.each([
    [
      'town:city-of-london',
      [
        'town:london',
        'county:city-of-london',
        'county:greater-london',
        'region:london',
        'nation:england',
      ],
    ],
    [
      'town:barbican',
      [
        'town:city-of-london',
        'town:london',
        'county:city-of-london',
        'county:greater-london',
        'region:london',
        'nation:england',
      ],
    ],
    ['county:city-of-london', ['county:greater-london', 'region:london', 'nation:england']],
    ['town:croydon', ['town:london', 'county:greater-london', 'region:london', 'nation:england']],
    [
      'town:city-of-westminster',
      ['town:london', 'county:greater-london', 'region:london', 'nation:england'],
    ],
    ['town:chelsea', ['town:london', 'county:greater-london', 'region:london', 'nation:england']],
    [
      'town:camden-town',
      ['town:london', 'county:greater-london', 'region:london', 'nation:england'],
    ],
    ['town:hackney', ['town:london', 'county:greater-london', 'region:london', 'nation:england']],
    [
      'town:soho',
      [
        'town:city-of-westminster',
        'town:london',
        'county:greater-london',
        'region:london',
        'nation:england',
      ],
    ],
    ['town:heathrow', ['town:london', 'county:greater-london', 'region:london', 'nation:england']],
    ['town:london', ['county:greater-london', 'region:london', 'nation:england']],
    [
      'town:headingley',
      ['town:leeds', 'county:west-yorkshire', 'region:yorkshire-and-the-humber', 'nation:england'],
    ],
    [
      'town:chapel-allerton',
      ['town:leeds', 'county:west-yorkshire', 'region:yorkshire-and-the-humber', 'nation:england'],
    ],
    ['town:gatwick', ['county:west-sussex', 'region:south-east', 'nation:england']],
    ['town:isle-of-skye', ['county:highland', 'nation:scotland']],
  ])('%s is inside %j', (id, chain) => {
    expect(ancestorsOf(id)).toEqual(chain);
  });

  it('puts every district of the table inside its town and that town’s county', () => {
    for (const [town, districts] of Object.entries(TOWN_DISTRICTS)) {
      const outer = getPlaceById(town);
      for (const id of districts) {
        const inner = getPlaceById(id);
        expect(placeContains(town, id), id).toBe(true);
        expect(placeContains(id, town), id).toBe(false);
        if (outer.kind === 'town' && inner.kind === 'town')
          expect(inner.nationId).toBe(outer.nationId);
      }
    }
  });

  it('puts every town of Greater London inside London, and nothing outside it', () => {
    for (const t of [...listTowns(), ...listLocalities()]) {
      const inLondon = placeContains(LONDON_TOWN_ID, t.id);
      const inGreaterLondon = placeContains('county:greater-london', t.id);
      expect(inLondon, t.id).toBe(inGreaterLondon);
    }
    expect(placeContains('county:greater-london', 'county:city-of-london')).toBe(true);
    expect(placeContains('county:city-of-london', 'county:greater-london')).toBe(false);
    expect(placeContains('town:london', 'county:city-of-london')).toBe(false);
    expect(placeContains('town:london', 'town:dartford')).toBe(false);
    expect(placeContains('town:croydon', 'town:london')).toBe(false);
  });

  it('gives every containing id as a known place, smallest kind first', () => {
    const rank = { town: 0, county: 1, region: 2, nation: 3 } as const;
    for (const t of [...listTowns(), ...listLocalities()]) {
      const kinds = ancestorsOf(t.id).map((id) => findPlaceById(id)?.kind);
      expect(
        kinds.every((k) => k !== undefined),
        t.id,
      ).toBe(true);
      const ranks = kinds.map((k) => rank[k!]);
      expect(
        [...ranks].sort((a, b) => a - b),
        t.id,
      ).toEqual(ranks);
    }
  });
});
