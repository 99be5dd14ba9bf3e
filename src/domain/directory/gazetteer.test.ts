import { describe, expect, it } from 'vitest';
import { labelOf, resolveName, suggestPlaces } from './gazetteer.js';
import { distanceKm, editDistance, normaliseName, slugify } from './gazetteer-normalise.js';
import { getPlaceById } from './places.js';

describe('normaliseName', () => {
  it.each([
    ['Stoke-on-Trent', 'stokeontrent'],
    ['stoke on trent', 'stokeontrent'],
    ['  STOKE   ON TRENT ', 'stokeontrent'],
    ['St. Helens', 'sthelens'],
    ['Saint Helens', 'sthelens'],
    ["Bishop's Stortford", 'bishopsstortford'],
    ['Bo’ness', 'boness'],
    ['Brighton & Hove', 'brightonandhove'],
    ['Ynys Môn', 'ynysmon'],
  ])('%j -> %j', (text, key) => {
    expect(normaliseName(text)).toBe(key);
  });

  it('slugs names for ids', () => {
    expect(slugify('Kingston upon Hull')).toBe('kingston-upon-hull');
    expect(slugify('St. Helens')).toBe('st-helens');
    expect(slugify('Na h-Eileanan Siar')).toBe('na-h-eileanan-siar');
  });
});

describe('editDistance', () => {
  it.each([
    ['manchester', 'manchester', 0],
    ['manchestr', 'manchester', 1],
    ['brimingham', 'birmingham', 1],
    ['sheffeild', 'sheffield', 1],
    ['leeds', 'leek', 2],
  ])('%s ~ %s = %i (bounded at 3)', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(Math.min(d, 4));
  });

  it('stops past the bound', () => {
    expect(editDistance('leeds', 'manchester', 2)).toBe(3);
  });
});

describe('distanceKm', () => {
  it('measures London to Leeds at about 270 km', () => {
    expect(distanceKm(51.5074, -0.1278, 53.8008, -1.5491)).toBeCloseTo(272, -1);
  });
});

describe('suggestPlaces', () => {
  it('suggests places starting with the prefix, most populous first', () => {
    const leeds = suggestPlaces('lee');
    expect(leeds[0]).toEqual({
      name: 'Leeds',
      label: 'Leeds, West Yorkshire',
      id: 'town:leeds',
      kind: 'town',
      county: 'West Yorkshire',
      region: 'Yorkshire and The Humber',
      nation: 'England',
      lat: 53.79648,
      lon: -1.54785,
    });
    const populations = leeds.map((s) => getPlaceById(s.id).population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it.each([
    ['Man', 'town:manchester'],
    ['manc', 'town:manchester'],
    ['stoke on', 'town:stoke-on-trent'],
    ['Stoke-On', 'town:stoke-on-trent'],
    ['west york', 'county:west-yorkshire'],
    ['westyork', 'county:west-yorkshire'],
    ['north w', 'region:north-west'],
    ['scot', 'nation:scotland'],
    ['hul', 'town:kingston-upon-hull'],
  ])('%j suggests %s first', (prefix, id) => {
    expect(suggestPlaces(prefix)[0]?.id).toBe(id);
  });

  it('suggests towns by their other names', () => {
    expect(suggestPlaces('londond', 3).map((s) => s.id)).toContain('town:derry');
  });

  it('offers counties, regions and nations too, and each label resolves', () => {
    for (const s of suggestPlaces('lo', 20)) {
      const r = resolveName(s.label);
      expect(r.status === 'found' && r.place.id, s.label).toBe(s.id);
    }
    expect(suggestPlaces('london').map((s) => s.id)).toEqual(
      expect.arrayContaining(['town:london', 'region:london', 'town:derry']),
    );
  });

  it('respects the limit and returns nothing for an empty prefix', () => {
    expect(suggestPlaces('s', 3)).toHaveLength(3);
    expect(suggestPlaces('s')).toHaveLength(10);
    expect(suggestPlaces('')).toEqual([]);
    expect(suggestPlaces('  -- ')).toEqual([]);
    expect(suggestPlaces('zzzzqqq')).toEqual([]);
  });
});

describe('labels', () => {
  it.each([
    ['town:leeds', 'Leeds, West Yorkshire'],
    ['town:newport-isle-of-wight', 'Newport, Isle of Wight'],
    ['town:richmond-north-yorkshire', 'Richmond, North Yorkshire'],
    ['town:bristol', 'Bristol, England'],
    ['county:bristol', 'Bristol (county)'],
    ['county:west-yorkshire', 'West Yorkshire'],
    ['county:west-midlands', 'West Midlands (county)'],
    ['region:west-midlands', 'West Midlands'],
    ['region:london', 'London (region)'],
    ['nation:wales', 'Wales'],
  ])('%s is labelled %j', (id, label) => {
    expect(labelOf(getPlaceById(id))).toBe(label);
  });
});
