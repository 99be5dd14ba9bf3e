import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { buildBrand, buildDirectory, buildListing } from '../../test/factories.js';

describe('the place of a search and of /api/places/resolve', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      buildDirectory([
        buildBrand({ listings: [buildListing({ slug: 'everywhere', coverage: 'national' })] }),
      ]),
    );
  }, 60_000);
  afterAll(() => t.close());

  const resolve = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/places/resolve', query: { q } });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };
  const searchLocation = async (location: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/agencies/search',
      query: { industry: 'driving', purpose: 'job', location },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ location: Record<string, unknown> }>().location;
  };

  it('gives the search the place, its label, county, region, nation, alternatives and what it left out', async () => {
    expect(await searchLocation('Xyzzy, London')).toEqual({
      id: 'town:london',
      name: 'London',
      label: 'London, Greater London',
      kind: 'town',
      county: 'Greater London',
      region: 'London',
      nation: 'England',
      lat: 51.50853,
      lon: -0.12574,
      alternatives: [{ id: 'region:london', label: 'London (region)' }],
      ignored: 'Xyzzy',
    });
    const newport = await searchLocation('Newport');
    expect(newport).toMatchObject({ id: 'town:newport-gwent', label: 'Newport, Gwent' });
    expect(newport).not.toHaveProperty('ignored');
    expect(newport.alternatives).toEqual([
      { id: 'town:newport-isle-of-wight', label: 'Newport, Isle of Wight' },
      { id: 'town:newport-shropshire', label: 'Newport, Shropshire' },
      { id: 'town:newport-essex', label: 'Newport, Essex' },
      { id: 'town:newport-east-riding-of-yorkshire', label: 'Newport, East Riding of Yorkshire' },
      { id: 'town:newport-dyfed', label: 'Newport, Dyfed' },
    ]);
    expect(await searchLocation('Flat 2, LS1 4AP, Manchester')).toMatchObject({
      id: 'postcode:ls14ap',
      label: 'LS1 4AP',
      kind: 'postcode',
      alternatives: [],
    });
  });

  it('resolves names abroad have too as the UK places they are', async () => {
    for (const [q, id, label] of [
      ['Heathrow', 'town:heathrow', 'Heathrow, Greater London'],
      ['Skye', 'town:isle-of-skye', 'Isle of Skye, Highland'],
      ['Stratford, Warwickshire', 'town:stratford-upon-avon', 'Stratford-upon-Avon, Warwickshire'],
      ['bt', 'postcode:bt', 'BT'],
    ] as const) {
      const { status, body } = await resolve(q);
      expect(status, q).toBe(200);
      expect(body.place, q).toMatchObject({ id, label });
    }
  });

  it('says on the resolved place what it left out', async () => {
    const { status, body } = await resolve('Xyzzy, West Yorkshire');
    expect(status).toBe(200);
    expect(body.place).toMatchObject({ id: 'county:west-yorkshire', ignored: 'Xyzzy' });
    expect(body.alternatives).toEqual([]);
  });

  it('offers both Stratfords for "Stratford", as a 400 naming q', async () => {
    const { status, body } = await resolve('Stratford');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          field: 'q',
          code: 'ambiguous-location',
          message:
            '"Stratford" could mean 2 places: Stratford or Stratford-upon-Avon. Which one do you mean?',
          suggestions: [
            {
              label: 'Stratford, Greater London',
              id: 'town:stratford-greater-london',
              kind: 'town',
              county: 'Greater London',
              nation: 'England',
            },
            {
              label: 'Stratford-upon-Avon, Warwickshire',
              id: 'town:stratford-upon-avon',
              kind: 'town',
              county: 'Warwickshire',
              nation: 'England',
            },
          ],
        },
      ],
    });
  });

  it('says that an unplaced name and the whole UK are no place to search', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/agencies/search',
      query: { industry: 'driving', purpose: 'job', location: 'Xyzzy, UK' },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json<{ errors: { field: string; code: string; message: string }[] }>()
      .errors[0];
    expect(problem).toMatchObject({ field: 'location', code: 'ambiguous-location' });
    expect(problem?.message).toBe(
      'We could not place "Xyzzy" in the UK, and "UK" covers the whole country. Choose England, Scotland, Wales or Northern Ireland, or enter your town or postcode and order by "Specialists (Location not important)" to see agencies wherever they are.',
    );
  });

  it('keeps the Crown Dependencies outside the UK', async () => {
    for (const q of ['Jersey', 'Isle of Man', 'Guernsey']) {
      const { status, body } = await resolve(q);
      expect(status, q).toBe(400);
      expect((body as { errors: { code: string }[] }).errors[0]?.code, q).toBe('outside-uk');
    }
  });
});
