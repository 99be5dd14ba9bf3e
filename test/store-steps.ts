import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../src/store/db.js';
import type { TestDatabase } from './databases.js';

/**
 * Gives each test of a store spec a fresh migrated database, closed after it; `setUp` builds the
 * stores the spec works with. The returned function reads the current test's database.
 */
export function freshDatabaseEach(
  database: TestDatabase,
  setUp: (db: Db) => void | Promise<void> = () => undefined,
): () => Db {
  let db: Db;
  beforeEach(async () => {
    db = await database.open();
    await setUp(db);
  });
  afterEach(async () => {
    await db.close();
  });
  return () => db;
}
