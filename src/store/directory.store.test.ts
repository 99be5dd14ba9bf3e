import { describe, expect, it } from 'vitest';
import { canonicalDirectory } from '../domain/directory/directory.js';
import { buildBranch, buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { SqlDirectoryStore } from './directory.store.js';
import { listMigrationStatus } from './migrate.js';

describe.each(TEST_DATABASES)('directory store on $name', (database) => {
  let store: SqlDirectoryStore;
  const db = freshDatabaseEach(database, (opened) => {
    store = new SqlDirectoryStore(opened);
  });

  it('starts empty, migrated, at version 0', async () => {
    expect(await store.getStats()).toEqual({ listings: 0, brands: 0, branches: 0 });
    expect(await store.getState()).toEqual({ version: 0, demo: false, changedAt: '' });
    expect((await listMigrationStatus(db())).every((m) => m.executedAt !== null)).toBe(true);
  });

  it('stores a directory and gives back exactly what it was given', async () => {
    const directory = buildDirectory([
      buildBrand({
        slug: 'acme',
        listings: [
          buildListing({
            slug: 'acme-driving',
            coverage: 'national',
            branches: [
              buildBranch({ id: 'acme-leeds' }),
              buildBranch({ id: 'acme-york', candidatePhone: null, employerEmail: null }),
            ],
          }),
          buildListing({
            slug: 'acme-office',
            verified: false,
            industries: ['admin', 'hr'],
            subsectors: [],
            website: null,
          }),
        ],
      }),
      buildBrand({ slug: 'beta' }),
    ]);
    await store.replaceDirectory(directory, { demo: true, changedAt: '2026-11-26T07:00:00.000Z' });
    expect(await store.loadDirectory()).toEqual(canonicalDirectory(directory));
    expect(await store.getStats()).toEqual({ listings: 3, brands: 2, branches: 4 });
    expect(await store.getState()).toEqual({
      version: 1,
      demo: true,
      changedAt: '2026-11-26T07:00:00.000Z',
    });
  });

  it('replaces everything on a second replace and bumps the version', async () => {
    await store.replaceDirectory(buildDirectory(), { demo: true, changedAt: 'a' });
    const second = buildDirectory([buildBrand({ slug: 'only' })]);
    await store.replaceDirectory(second, { demo: false, changedAt: 'b' });
    expect(await store.loadDirectory()).toEqual(canonicalDirectory(second));
    expect((await store.getState()).version).toBe(2);
  });

  it('merges: upserts listings by slug and branches by id, keeps the rest', async () => {
    await store.replaceDirectory(
      buildDirectory([
        buildBrand({
          slug: 'acme',
          name: 'Acme',
          listings: [
            buildListing({
              slug: 'acme-driving',
              branches: [buildBranch({ id: 'b1' }), buildBranch({ id: 'b2' })],
            }),
          ],
        }),
        buildBrand({
          slug: 'other',
          listings: [buildListing({ slug: 'other-it', industries: ['IT'], subsectors: [] })],
        }),
      ]),
      { demo: false, changedAt: 'a' },
    );
    const result = await store.mergeDirectory(
      buildDirectory([
        buildBrand({
          slug: 'acme',
          name: 'Acme Renamed',
          listings: [
            buildListing({
              slug: 'acme-driving',
              name: 'Acme Driving',
              employmentTypes: ['contract'],
              branches: [
                buildBranch({ id: 'b2', address: '9 New Street, Leeds' }),
                buildBranch({ id: 'b3' }),
              ],
            }),
            buildListing({ slug: 'acme-new', branches: [buildBranch({ id: 'b4' })] }),
          ],
        }),
      ]),
      { demo: false, changedAt: 'b' },
    );
    expect(result).toEqual({ brands: 1, listings: 2, branches: 3 });
    const after = await store.loadDirectory();
    const acme = after.brands.find((b) => b.slug === 'acme');
    expect(acme?.name).toBe('Acme Renamed');
    const driving = acme?.listings.find((l) => l.slug === 'acme-driving');
    expect(driving?.name).toBe('Acme Driving');
    expect(driving?.employmentTypes).toEqual(['contract']);
    expect(driving?.branches.map((b) => b.id)).toEqual(['b1', 'b2', 'b3']);
    expect(driving?.branches.find((b) => b.id === 'b2')?.address).toBe('9 New Street, Leeds');
    expect(after.brands.find((b) => b.slug === 'other')?.listings[0]?.slug).toBe('other-it');
    expect(await store.getStats()).toEqual({ listings: 3, brands: 2, branches: 5 });
  });

  it('loads nothing when a replace fails part-way (one transaction)', async () => {
    const before = buildDirectory([buildBrand({ slug: 'keep' })]);
    await store.replaceDirectory(before, { demo: false, changedAt: 'a' });
    // Two listings with the same slug break the primary key half-way through the insert.
    const broken = buildDirectory([
      buildBrand({ slug: 'x', listings: [buildListing({ slug: 'same' })] }),
      buildBrand({ slug: 'y', listings: [buildListing({ slug: 'same' })] }),
    ]);
    await expect(store.replaceDirectory(broken, { demo: false, changedAt: 'b' })).rejects.toThrow();
    expect(await store.loadDirectory()).toEqual(canonicalDirectory(before));
    expect((await store.getState()).version).toBe(1);
  });
});
