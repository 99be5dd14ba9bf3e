import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildDirectory, buildListing, buildBranch } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { expectErrors } from '../../test/web-steps.js';

describe('service and directory routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      buildDirectory([
        buildBrand({
          listings: [buildListing({ branches: [buildBranch(), buildBranch()] }), buildListing()],
        }),
        buildBrand(),
      ]),
    );
  });
  afterAll(() => t.close());

  it('GET /api/health answers {"status":"ok"}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/stats counts listings, brands and branches', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/stats' });
    expect(res.json()).toEqual({ listings: 3, brands: 2, branches: 4 });
  });

  it('GET /api/taxonomy has the 69 industries, the purposes, types and orders with their labels', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/taxonomy' })).json();
    expect(body.industries).toHaveLength(69);
    const driving = body.industries.find((i: { slug: string }) => i.slug === 'driving');
    expect(driving.name).toBe('Driving');
    expect(driving.subsectors).toContainEqual({
      slug: 'lgv',
      name: expect.any(String),
      local: true,
    });
    expect(body.purposes).toEqual([
      { value: 'job', label: 'find me a job' },
      { value: 'staff', label: 'find me staff' },
    ]);
    expect(body.employmentTypes).toEqual([
      { value: 'permanent', label: 'Permanent' },
      { value: 'temporary', label: 'Temporary' },
      { value: 'contract', label: 'Contract' },
      { value: 'temp-to-perm', label: 'Temp to Perm' },
    ]);
    expect(body.orders).toEqual([
      { value: 'covers', label: 'Agencies who cover this location' },
      { value: 'specialists', label: 'Specialists (Location not important)' },
      { value: 'nearest', label: 'Agencies nearest to your location' },
    ]);
  });

  it('answers an unknown path with a 404 in the shared error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expectErrors(res, 404, {
      field: null,
      code: 'not-found',
      message: 'There is nothing at GET /api/nothing-here',
    });
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/taxonomy', '/api/stats']),
    );
  });
});
