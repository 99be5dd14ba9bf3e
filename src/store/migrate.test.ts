import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { isDomainError } from '../domain/errors.js';
import { assertKnownMigrations, listPendingMigrations, migrateToLatest } from './migrate.js';

describe.each(TEST_DATABASES)('migrations on $name', (database) => {
  const db = freshDatabaseEach(database);

  it('has nothing pending after migrating, and migrating again applies nothing', async () => {
    expect(await listPendingMigrations(db())).toEqual([]);
    expect(await migrateToLatest(db())).toEqual([]);
  });

  it('refuses a database migrated by a newer build', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(
      db().kysely,
    );
    const error = await assertKnownMigrations(db()).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('unknown-migrations');
    expect((error as Error).message).toContain('2099-01-01T0000-from-the-future');
    await expect(migrateToLatest(db())).rejects.toThrow(/migrations this build does not know/);
  });
});
