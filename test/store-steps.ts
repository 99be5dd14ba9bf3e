import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../src/store/db.js';
import type { TestDatabase } from './databases.js';

/**
 * Gives each test of a store spec a fresh migrated database, closed after it; `setUp` builds the
 * stores the spec works with (and may keep the database itself).
 */
export function onFreshDatabase(
  database: TestDatabase,
  setUp: (db: Db) => void | Promise<void>,
): void {
  let db: Db;
  beforeEach(async () => {
    db = await database.open();
    await setUp(db);
  });
  afterEach(async () => {
    await db.close();
  });
}
