import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBranch, buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { makeDataDir, runShortlist } from '../../test/cli.js';
import { formatDirectoryJson } from '../services/directory.service.js';

describe('shortlist agencies search and show', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    const dataDir = makeDataDir();
    env = { DATA_DIR: dataDir };
    const directory = buildDirectory([
      buildBrand({
        slug: 'aire',
        name: 'Aire Drivers',
        listings: [
          buildListing({
            slug: 'aire-drivers-leeds',
            name: 'Aire Drivers Leeds',
            industries: ['driving'],
            subsectors: ['driving/lgv'],
            employmentTypes: ['temporary'],
            coverage: ['county:west-yorkshire'],
            branches: [buildBranch({ id: 'aire-1', postcode: 'LS1 5AB' })],
          }),
        ],
      }),
      buildBrand({
        slug: 'long',
        name: 'The Exceptionally Long Named National Driving Agency',
        listings: [
          buildListing({
            slug: 'long-national',
            name: 'The Exceptionally Long Named National Driving Agency Ltd',
            verified: false,
            industries: ['driving', 'logistics'],
            subsectors: [],
            employmentTypes: ['permanent', 'contract'],
            coverage: 'national',
            branches: [
              buildBranch({
                id: 'long-1',
                town: 'town:london',
                postcode: 'EC1A 1BB',
                lat: 51.5085,
                lon: -0.1257,
              }),
            ],
          }),
        ],
      }),
    ]);
    const file = path.join(dataDir, 'directory.json');
    fs.writeFileSync(file, formatDirectoryJson(directory));
    expect((await runShortlist(['directory', 'import', file], env)).status).toBe(0);
  });

  it('prints a table, best first, with the reasons under each agency', async () => {
    const run = await runShortlist(
      ['agencies', 'search', '--industry', 'driving', '--purpose', 'job', '--location', 'Leeds'],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '2 agencies found near Leeds (covers); showing 1-2',
      '',
      '#   Agency                                        Miles   Nearest office          Types',
      '1   Aire Drivers Leeds ✓                          0.1     Leeds LS1 5AB           temporary',
      '    aire-drivers-leeds · Covers West Yorkshire, including Leeds · Specialises in Driving · Nearest office 0.1 miles away in Leeds',
      '2   The Exceptionally Long Named National Drivin… 168.9   London EC1A 1BB         permanent, contract',
      '    long-national · Covers the whole UK · Covers Driving among 2 industries · Nearest office 168.9 miles away in London',
      '',
    ]);
  });

  it('says the radius nearest searched, and keeps to verified agencies with --verified', async () => {
    const args = ['agencies', 'search', '--industry', 'driving', '--purpose', 'job'];
    const nearest = await runShortlist([...args, '--location', 'York', '--order', 'nearest'], env);
    expect(nearest.status).toBe(0);
    // Fewer than 5 within 40, 80 or 160 miles of York: the whole UK, so no radius is named.
    expect(nearest.stdout.split('\n')[0]).toBe('2 agencies found near York (nearest); showing 1-2');
    const radius = await runShortlist(
      [...args, '--location', 'York', '--order', 'nearest', '--radius-miles', '30'],
      env,
    );
    expect(radius.stdout.split('\n')[0]).toBe(
      '1 agency within 30 miles of York (nearest); showing 1-1',
    );
    const verified = await runShortlist(
      [...args, '--location', 'Leeds', '--verified', '--json'],
      env,
    );
    const body = JSON.parse(verified.stdout) as {
      total: number;
      radiusMiles: number | null;
      results: { slug: string; match: string }[];
      facets: { verified: number };
    };
    expect(body.results.map((r) => [r.slug, r.match])).toEqual([['aire-drivers-leeds', 'place']]);
    expect(body.total).toBe(1);
    expect(body.facets.verified).toBe(1);
    expect(body.radiusMiles).toBeNull();
  });

  it('prints the API response with --json', async () => {
    const run = await runShortlist(
      [
        'agencies',
        'search',
        '--industry',
        'driving',
        '--purpose',
        'job',
        '--location',
        'LS1 4AP',
        '--employment-type',
        'permanent',
        '--order',
        'nearest',
        '--json',
      ],
      env,
    );
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as {
      order: string;
      location: { kind: string };
      total: number;
      results: { slug: string; why: string[] }[];
      facets: { employmentTypes: Record<string, number> };
    };
    expect(body.order).toBe('nearest');
    expect(body.location.kind).toBe('postcode');
    expect(body.total).toBe(1);
    expect(body.results.map((r) => r.slug)).toEqual(['long-national']);
    expect(body.results[0]?.why.at(-1)).toBe('Offers permanent work');
    expect(body.facets.employmentTypes).toEqual({
      permanent: 1,
      temporary: 1,
      contract: 1,
      'temp-to-perm': 0,
    });
  });

  it('names every missing field at once with the form’s messages, exit status 2', async () => {
    const run = await runShortlist(['agencies', 'search'], env);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('You must select an industry from the list');
    expect(run.stderr).toContain('You must select a status from the list');
    expect(run.stderr).toContain('You must enter a location');
  });

  it('shows one listing, and says when there is none', async () => {
    const shown = await runShortlist(['agencies', 'show', 'aire-drivers-leeds'], env);
    expect(shown.status).toBe(0);
    expect(shown.stdout.split('\n').slice(0, 2)).toEqual([
      'Aire Drivers Leeds (verified)',
      'Temporary and permanent drivers across West Yorkshire.',
    ]);
    expect(shown.stdout).toContain('Coverage: West Yorkshire');
    const missing = await runShortlist(['agencies', 'show', 'no-such-agency'], env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('There is no agency listing "no-such-agency"');
  });
});
