/** Opens what commands need (database, stores) from the configuration, and closes it after. */
import { loadConfig, type Config } from '../config.js';
import { openDb, type Db } from '../store/db.js';
import { SqlDirectoryStore } from '../store/directory.store.js';
import type { CliIo } from './io.js';

export interface CliDeps {
  config: Config;
  db: Db;
  directoryStore: SqlDirectoryStore;
  clock: { now(): Date };
}

/** Runs `fn` with the database open, closing it whatever happens. */
export async function withDeps<T>(io: CliIo, fn: (deps: CliDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env, io.cwd);
  const db = openDb(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'sqlite', file: config.sqliteFile },
  );
  try {
    return await fn({
      config,
      db,
      directoryStore: new SqlDirectoryStore(db),
      clock: { now: () => new Date() },
    });
  } finally {
    await db.close();
  }
}
