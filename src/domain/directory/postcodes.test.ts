import { describe, expect, it } from 'vitest';
import { distanceKm } from './gazetteer-normalise.js';
import {
  listPostcodeAreas,
  listPostcodeDistricts,
  looksLikePostcode,
  lookupPostcode,
  trailingPostcode,
} from './postcodes.js';

function found(text: string): { postcode: string; precision: string; townId: string } {
  const r = lookupPostcode(text);
  if (r.status !== 'found') throw new Error(`${text}: ${r.status}`);
  return { postcode: r.match.postcode, precision: r.match.precision, townId: r.match.town.id };
}

describe('lookupPostcode', () => {
  it.each([
    ['LS1 4AP', 'LS1 4AP', 'district', 'town:leeds'],
    ['ls14ap', 'LS1 4AP', 'district', 'town:leeds'],
    ['  Ls1   4aP ', 'LS1 4AP', 'district', 'town:leeds'],
    ['ls1', 'LS1', 'district', 'town:leeds'],
    ['LS1 4', 'LS1', 'district', 'town:leeds'],
    ['LS14', 'LS14', 'district', 'town:leeds'],
    ['LS29 8AA', 'LS29 8AA', 'district', 'town:ilkley'],
    ['LS29', 'LS29', 'district', 'town:ilkley'],
    ['ZE1', 'ZE1', 'area', 'town:lerwick'],
    ['ZE1 0AA', 'ZE1 0AA', 'area', 'town:lerwick'],
    ['SW1A 1AA', 'SW1A 1AA', 'district', 'town:city-of-westminster'],
    ['EC1A 1BB', 'EC1A 1BB', 'district', 'town:clerkenwell'],
    ['EC2V 7HH', 'EC2V 7HH', 'district', 'town:city-of-london'],
    ['WC2N 5DU', 'WC2N 5DU', 'district', 'town:london'],
    ['W1A 1AA', 'W1A 1AA', 'district', 'town:west-end-of-london'],
    ['M1 1AE', 'M1 1AE', 'district', 'town:manchester'],
    ['M3', 'M3', 'district', 'town:salford'],
    ['B1 1AA', 'B1 1AA', 'district', 'town:birmingham'],
    ['B72', 'B72', 'district', 'town:sutton-coldfield'],
    ['PO30 1AA', 'PO30 1AA', 'district', 'town:newport-isle-of-wight'],
    ['NP20 1AA', 'NP20 1AA', 'district', 'town:newport-gwent'],
    ['SA42 0AA', 'SA42 0AA', 'district', 'town:newport-dyfed'],
    ['DL10 4AA', 'DL10 4AA', 'district', 'town:richmond-north-yorkshire'],
    ['TW9 1AA', 'TW9 1AA', 'district', 'town:richmond-greater-london'],
    ['BT1 1AA', 'BT1 1AA', 'district', 'town:belfast'],
    ['BT48 6AA', 'BT48 6AA', 'district', 'town:derry'],
    ['LS99 1AA', 'LS99 1AA', 'area', 'town:leeds'],
    ['HS1 2AA', 'HS1 2AA', 'area', 'town:stornoway'],
  ])('%s -> %s, precision %s, %s', (text, postcode, precision, townId) => {
    expect(found(text)).toEqual({ postcode, precision, townId });
  });

  it.each([
    ['JE2 3AB', 'Jersey'],
    ['je23ab', 'Jersey'],
    ['GY1 1AA', 'Guernsey'],
    ['IM1 1AA', 'the Isle of Man'],
    ['IM2', 'the Isle of Man'],
  ])('%s is outside the UK (%s)', (text, where) => {
    expect(lookupPostcode(text)).toMatchObject({ status: 'outside-uk', where });
  });

  it.each(['Leeds', 'L', '12345', 'LS1 4APX', 'LSS1', '', 'A1 road'])(
    '%j is not a postcode',
    (text) => {
      expect(lookupPostcode(text)).toEqual({ status: 'not-a-postcode' });
      expect(looksLikePostcode(text)).toBe(false);
    },
  );

  it('says when no postcode area has those letters', () => {
    expect(lookupPostcode('QQ1 1AA')).toEqual({
      status: 'unknown-area',
      postcode: 'QQ1 1AA',
      area: 'QQ',
    });
  });

  it('finds the postcode ending an address', () => {
    expect(trailingPostcode('2 Park Row, Leeds LS1 5AB')).toBe('LS1 5AB');
    expect(trailingPostcode('Leeds LS1')).toBe('LS1');
    expect(trailingPostcode('Leeds')).toBeNull();
  });
});

describe('the postcode tables', () => {
  it('have all 121 UK postcode areas, each resolving to its town', () => {
    const areas = listPostcodeAreas();
    expect(areas).toHaveLength(121);
    for (const area of areas) {
      const r = lookupPostcode(`${area.code}1 1AA`);
      expect(r.status, area.code).toBe('found');
    }
    expect(areas.find((a) => a.code === 'BT')?.town.id).toBe('town:belfast');
    expect(areas.find((a) => a.code === 'SW')?.town.id).toBe('town:london');
    expect(areas.find((a) => a.code === 'ZE')?.town.id).toBe('town:lerwick');
    expect(areas.find((a) => a.code === 'LS')?.town.id).toBe('town:leeds');
  });

  it('cover the districts of the large towns, each near its area town, in its nation', () => {
    const districts = listPostcodeDistricts();
    expect(districts.length).toBeGreaterThan(2000);
    const areas = new Map(listPostcodeAreas().map((a) => [a.code, a.town]));
    for (const { district, town } of districts) {
      const areaTown = areas.get(district.replace(/\d+$/, ''));
      expect(areaTown, district).toBeDefined();
      if (!areaTown) continue;
      // Chester, Shrewsbury and Galashiels areas cross the border.
      if (!/^(CH|SY|TD)\d/.test(district)) expect(town.nationId, district).toBe(areaTown.nationId);
      // postcodes.ts refuses, at load, a town too far for its area (60 km, up to 160 in the
      // Highlands and islands, Northern Ireland...).
      expect(distanceKm(town.lat, town.lon, areaTown.lat, areaTown.lon), district).toBeLessThan(
        160,
      );
    }
    const codes = new Set(districts.map((d) => d.district));
    for (let n = 1; n <= 29; n++) expect(codes.has(`LS${n}`), `LS${n}`).toBe(true);
    for (const d of [
      'M1',
      'M90',
      'B1',
      'B99',
      'E1',
      'EC4',
      'N22',
      'NW11',
      'SE28',
      'SW20',
      'W14',
      'WC2',
    ]) {
      if (d === 'B99') continue; // non-geographic
      expect(codes.has(d), d).toBe(true);
    }
  });

  it('place London districts in London', () => {
    for (const { district, town } of listPostcodeDistricts()) {
      if (!/^(E|EC|N|NW|SE|SW|W|WC)\d+$/.test(district)) continue;
      expect(['county:greater-london', 'county:city-of-london'], district).toContain(town.countyId);
    }
  });
});
