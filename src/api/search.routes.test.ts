import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { generateDemoDirectory } from '../domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../domain/directory/demo-postcodes.js';
import { expectErrors } from '../../test/web-steps.js';

interface Body {
  errors?: {
    field: string | null;
    code: string;
    message: string;
    suggestions?: { label: string }[];
  }[];
  [key: string]: unknown;
}

describe('GET /api/agencies/search over the demo directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }));
  }, 60_000);
  afterAll(() => t.close());

  const get = async (query: Record<string, string | string[]>) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies/search', query });
    return { status: res.statusCode, body: res.json<Body>() };
  };

  it('finds driving agencies for a job seeker in Leeds, nearest offices in or near Leeds', async () => {
    const { status, body } = await get({ industry: 'driving', purpose: 'job', location: 'Leeds' });
    expect(status).toBe(200);
    expect(body.order).toBe('covers');
    expect(body.location).toEqual({
      id: 'town:leeds',
      name: 'Leeds',
      label: 'Leeds, West Yorkshire',
      kind: 'town',
      county: 'West Yorkshire',
      region: 'Yorkshire and The Humber',
      nation: 'England',
      lat: expect.any(Number),
      lon: expect.any(Number),
      alternatives: [],
    });
    const results = body.results as {
      why: string[];
      nearestBranch: { distanceMiles: number };
      employmentTypes: string[];
    }[];
    expect(results.length).toBe(20);
    expect(body.total).toBeGreaterThan(20);
    for (const r of results) {
      expect(r.why.length).toBeGreaterThanOrEqual(2);
      expect(r.why.some((w) => w.startsWith('Nearest office '))).toBe(true);
    }
  });

  it('filters by employment type and radius, and orders by distance when asked', async () => {
    const { body } = await get({
      industry: 'IT',
      purpose: 'staff',
      location: 'M1',
      employmentType: ['contract'],
      radiusMiles: '15',
      order: 'nearest',
    });
    const results = body.results as {
      employmentTypes: string[];
      nearestBranch: { distanceMiles: number };
    }[];
    expect(results.length).toBeGreaterThan(0);
    const distances = results.map((r) => r.nearestBranch.distanceMiles);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    for (const r of results) {
      expect(r.employmentTypes).toContain('contract');
      expect(r.nearestBranch.distanceMiles).toBeLessThanOrEqual(15);
    }
  });

  it('defaults to nearest for a local sub-sector and says so', async () => {
    const { body } = await get({
      industry: 'driving',
      subsector: 'forklift',
      purpose: 'job',
      location: 'Bristol',
    });
    expect(body.order).toBe('nearest');
    expect(Object.keys((body.facets as { subsectors: object }).subsectors)).toContain('forklift');
  });

  it('answers 400 with the three exact messages when the required fields are missing', async () => {
    const { status, body } = await get({});
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          field: 'industry',
          code: 'required',
          message: 'You must select an industry from the list',
        },
        { field: 'purpose', code: 'required', message: 'You must select a status from the list' },
        { field: 'location', code: 'required', message: 'You must enter a location' },
      ],
    });
  });

  it('reports unknown, ambiguous and foreign places on location with suggestions', async () => {
    const unknown = await get({ industry: 'IT', purpose: 'job', location: 'Manchestr' });
    expect(unknown.body.errors?.[0]).toMatchObject({ field: 'location', code: 'unknown-location' });
    expect(unknown.body.errors?.[0]?.suggestions?.[0]?.label).toBe(
      'Manchester, Greater Manchester',
    );
    const ambiguous = await get({ industry: 'IT', purpose: 'job', location: 'Richmond' });
    expect(ambiguous.body.errors?.[0]).toMatchObject({
      field: 'location',
      code: 'ambiguous-location',
    });
    const labels = ambiguous.body.errors?.[0]?.suggestions?.map((s) => s.label) ?? [];
    expect(labels).toEqual(expect.arrayContaining(['Richmond, North Yorkshire']));
    for (const label of labels) {
      expect((await get({ industry: 'IT', purpose: 'job', location: label })).status).toBe(200);
    }
    const foreign = await get({ industry: 'IT', purpose: 'job', location: 'Paris' });
    expect(foreign.body.errors?.[0]).toMatchObject({ field: 'location', code: 'outside-uk' });
  });

  const hostile = [
    '',
    ' ',
    'x'.repeat(5000),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '\u0000',
    '%00',
    '../../etc/passwd',
    '💥🔥',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '0x10',
    '2.5',
    '{}',
    '[]',
    'null',
    'constructor',
    '__proto__',
  ];
  const params = [
    'industry',
    'subsector',
    'purpose',
    'location',
    'employmentType',
    'order',
    'radiusMiles',
    'q',
    'page',
    'pageSize',
  ];

  it('never answers 500 to hostile values in any parameter; a 400 always has the shared shape', async () => {
    for (const param of params) {
      for (const value of hostile) {
        const query = { industry: 'IT', purpose: 'job', location: 'Leeds', [param]: value };
        const { status, body } = await get(query);
        expect([200, 400], `${param}=${JSON.stringify(value).slice(0, 40)}`).toContain(status);
        if (status === 400) {
          expect(body.errors?.length).toBeGreaterThan(0);
          for (const e of body.errors ?? []) {
            expect(typeof e.message).toBe('string');
            expect(typeof e.code).toBe('string');
            expect(params).toContain(e.field);
          }
        }
      }
      const repeated = await get({
        industry: 'IT',
        purpose: 'job',
        location: 'Leeds',
        [param]: ['a', 'b', 'c'],
      });
      expect([200, 400]).toContain(repeated.status);
    }
  });
});

describe('GET /api/agencies/{slug}', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      generateDemoDirectory({ scale: 0.05, outcodeForTown: demoOutcodeForTown }),
    );
  });
  afterAll(() => t.close());

  it('returns the listing with industries, sub-sectors, purposes, coverage and every branch', async () => {
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/agencies/search?industry=IT&purpose=job&location=London&order=specialists',
    });
    const slug = (search.json<{ results: { slug: string }[] }>().results[0] ?? { slug: '' }).slug;
    const res = await t.app.inject({ method: 'GET', url: `/api/agencies/${slug}` });
    expect(res.statusCode).toBe(200);
    const agency = res.json<{
      slug: string;
      industries: { slug: string }[];
      branches: { candidate: object; employer: object }[];
      purposes: string[];
    }>();
    expect(agency.slug).toBe(slug);
    expect(agency.industries.map((i) => i.slug)).toContain('IT');
    expect(agency.branches.length).toBeGreaterThan(0);
    expect(agency.branches[0]).toMatchObject({
      candidate: expect.any(Object),
      employer: expect.any(Object),
    });
  });

  it('answers 404 in the shared shape for an unknown slug', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies/no-such-agency' });
    expectErrors(res, 404, {
      field: null,
      code: 'not-found',
      message: 'There is no agency listing "no-such-agency"',
    });
  });
});
