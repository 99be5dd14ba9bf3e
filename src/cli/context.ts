/** Opens what commands need (database, stores) from the configuration, and closes it after. */
import { loadConfig, type Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { openConfiguredDb } from '../factories.js';
import type { Db } from '../store/db.js';
import { listMigrationStatus } from '../store/migrate.js';
import { SqlDirectoryStore } from '../store/directory.store.js';
import { SYSTEM_CLOCK } from '../services/ports.js';
import type { CliIo } from './io.js';

export interface CliDeps {
  config: Config;
  db: Db;
  directoryStore: SqlDirectoryStore;
  clock: { now(): Date };
}

/**
 * Runs `fn` with the database open, closing it whatever happens. Only `create: true` (db migrate,
 * db restore) may create a database: otherwise a missing SQLite file, or a PostgreSQL database
 * never migrated, is refused with where we looked and how to create one.
 */
export async function withDeps<T>(
  io: CliIo,
  fn: (deps: CliDeps) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const config = loadConfig(io.env, io.cwd);
  const create = options.create === true;
  const db = openConfiguredDb(config, { create });
  try {
    if (!create && db.dialect === 'postgres' && !(await hasMigrated(db))) {
      throw DomainError.single(
        'database-missing',
        `${db.describe} has no Shortlist tables. Create them with "shortlist db migrate", then start the server or run "shortlist demo load".`,
      );
    }
    return await fn({
      config,
      db,
      directoryStore: new SqlDirectoryStore(db),
      clock: SYSTEM_CLOCK,
    });
  } finally {
    await db.close();
  }
}

async function hasMigrated(db: Db): Promise<boolean> {
  return (await listMigrationStatus(db)).some((m) => m.executedAt !== null);
}
