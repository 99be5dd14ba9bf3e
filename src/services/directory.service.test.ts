import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBranch, buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { TEST_DATABASES } from '../../test/databases.js';
import { isDomainError, type Problem } from '../domain/errors.js';
import { canonicalDirectory } from '../domain/directory/directory.js';
import type { Db } from '../store/db.js';
import { SqlDirectoryStore } from '../store/directory.store.js';
import { exportDirectory, formatDirectoryJson, importDirectory } from './directory.service.js';
import { formatDirectoryCsv } from './directory-csv.js';

const clock = { now: () => new Date('2026-11-26T08:00:00Z') };

async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.problems;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const SAMPLE = canonicalDirectory(
  buildDirectory([
    buildBrand({
      slug: 'pennine-driving',
      name: 'Pennine Driving Recruitment',
      listings: [
        buildListing({
          slug: 'pennine-driving',
          name: 'Pennine Driving Recruitment',
          description: 'Drivers, "quoted", with commas; semicolons and\nnew lines.',
          coverage: ['county:west-yorkshire', 'town:leeds'],
          branches: [
            buildBranch({ id: 'pennine-leeds' }),
            buildBranch({
              id: 'pennine-bradford',
              town: 'town:bradford',
              postcode: 'BD1 1AA',
              lat: 53.794,
              lon: -1.752,
              candidateEmail: null,
            }),
          ],
        }),
      ],
    }),
    buildBrand({
      slug: 'aire-it',
      listings: [
        buildListing({
          slug: 'aire-it',
          industries: ['IT', 'digital'],
          subsectors: [],
          coverage: 'national',
          website: null,
          verified: false,
        }),
      ],
    }),
  ]),
);
const sample = () => SAMPLE;

describe.each(TEST_DATABASES)('directory import and export on $name', (database) => {
  let db: Db;
  let deps: { directoryStore: SqlDirectoryStore; clock: typeof clock };
  beforeEach(async () => {
    db = await database.open();
    deps = { directoryStore: new SqlDirectoryStore(db), clock };
  });
  afterEach(() => db.close());

  for (const format of ['json', 'csv'] as const) {
    it(`round-trips exactly through ${format}`, async () => {
      const content =
        format === 'json' ? formatDirectoryJson(sample()) : formatDirectoryCsv(sample());
      const result = await importDirectory(deps, { content, format, merge: false });
      expect(result).toMatchObject({ mode: 'replace', listings: 2, brands: 2, branches: 3 });
      const exported = await exportDirectory(deps, format);
      await importDirectory(deps, { content: exported, format, merge: false });
      expect(await exportDirectory(deps, format)).toBe(exported);
      expect(await exportDirectory(deps, 'json')).toBe(formatDirectoryJson(sample()));
    });
  }

  it('reports every problem of a broken JSON file by path, and loads nothing', async () => {
    await importDirectory(deps, {
      content: formatDirectoryJson(sample()),
      format: 'json',
      merge: false,
    });
    const broken = JSON.parse(formatDirectoryJson(sample()));
    // In canonical order brands[0] is aire-it and brands[1] pennine-driving.
    broken.brands[0].listings[0].industries = ['underwater-basket-weaving'];
    broken.brands[1].listings[0].branches[1].postcode = 'NOT A CODE';
    broken.brands[1].listings[0].branches[0].lat = 12;
    broken.brands[1].listings[0].purposes = [];
    const problems = await problemsOf(
      importDirectory(deps, { content: JSON.stringify(broken), format: 'json', merge: false }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          field: 'brands[0].listings[0].industries[0]',
          code: 'not-in-list',
          message: 'Industry "underwater-basket-weaving" is not in the list of industries',
        },
        {
          field: 'brands[1].listings[0].branches[1].postcode',
          code: 'invalid',
          message: 'Postcode "NOT A CODE" is not a valid UK postcode',
        },
        {
          field: 'brands[1].listings[0].branches[0].lat',
          code: 'out-of-range',
          message: 'Latitude must be between 49 and 61 to lie in the UK (it is 12)',
        },
        {
          field: 'brands[1].listings[0].purposes',
          code: 'required',
          message: 'Purposes must list at least one value',
        },
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(await exportDirectory(deps, 'json')).toBe(formatDirectoryJson(sample()));
  });

  it('reports every problem of a broken CSV file by line and column, and loads nothing', async () => {
    const lines = formatDirectoryCsv(sample()).trimEnd().split('\n');
    // Line 1 is the header; the description of the first listing spans two physical lines.
    const csv = [
      ...lines,
      'new-brand,New Brand,new-listing,New Listing,desc,,maybe,2020-13-01,IT,,permanent,job,national,nb-1,Office,1 Road,town:atlantis,LS1 1AA,53.8,-1.5,,,,',
    ].join('\n');
    const problems = await problemsOf(
      importDirectory(deps, { content: csv, format: 'csv', merge: false }),
    );
    const lastLine = csv.split('\n').length;
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          field: 'verified',
          code: 'invalid',
          message: 'Verified must be true or false',
          line: lastLine,
        },
        {
          field: 'listed_since',
          code: 'invalid',
          message: 'Listed since "2020-13-01" must be a date written YYYY-MM-DD',
          line: lastLine,
        },
        {
          field: 'town',
          code: 'not-in-list',
          message: 'Town "town:atlantis" is not a town id from the gazetteer (e.g. town:leeds)',
          line: lastLine,
        },
      ]),
    );
    expect(await deps.directoryStore.getStats()).toEqual({ listings: 0, brands: 0, branches: 0 });
  });

  it('merges a file into the directory with --merge', async () => {
    await importDirectory(deps, {
      content: formatDirectoryJson(sample()),
      format: 'json',
      merge: false,
    });
    const update = buildDirectory([
      buildBrand({
        slug: 'aire-it',
        listings: [
          buildListing({
            slug: 'aire-it',
            name: 'Aire IT Renamed',
            industries: ['IT'],
            subsectors: [],
            branches: [buildBranch({ id: 'aire-new' })],
          }),
        ],
      }),
    ]);
    const result = await importDirectory(deps, {
      content: formatDirectoryJson(update),
      format: 'json',
      merge: true,
    });
    expect(result).toMatchObject({ mode: 'merge', listings: 2, brands: 2 });
    const exported = JSON.parse(await exportDirectory(deps, 'json'));
    const aire = exported.brands.find((b: { slug: string }) => b.slug === 'aire-it').listings[0];
    expect(aire.name).toBe('Aire IT Renamed');
    expect(aire.branches.map((b: { id: string }) => b.id)).toContain('aire-new');
  });

  it('rejects a file that is not JSON with a clear message', async () => {
    const problems = await problemsOf(
      importDirectory(deps, { content: '{ nope', format: 'json', merge: false }),
    );
    expect(problems[0]?.message).toMatch(/^The file is not valid JSON: /);
  });
});
