import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import type { Db } from './db.js';

describe.each(TEST_DATABASES)('boolean columns on $name', (database) => {
  let db: Db;

  beforeEach(async () => {
    db = await database.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('binds booleans in values, sets and conditions, and reads them back as booleans', async () => {
    await db.kysely.insertInto('brands').values({ slug: 'acme', name: 'Acme' }).execute();
    const listing = {
      brand_slug: 'acme',
      description: '',
      website: null,
      listed_since: '2020-01-01',
      national: false,
    };
    await db.kysely
      .insertInto('listings')
      .values([
        { ...listing, slug: 'a', name: 'A', verified: true },
        { ...listing, slug: 'b', name: 'B', verified: false },
      ])
      .execute();
    await db.kysely
      .updateTable('listings')
      .set({ national: true })
      .where('slug', '=', 'b')
      .execute();
    const rows = await db.kysely
      .selectFrom('listings')
      .select(['slug', 'verified', 'national'])
      .where('verified', '=', false)
      .execute();
    expect(rows).toEqual([{ slug: 'b', verified: false, national: true }]);
  });
});
