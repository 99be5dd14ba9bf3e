/** Builds the HTTP app over a real, migrated SQLite database in memory, for route specs. */
import type { FastifyInstance } from 'fastify';
import type { Directory } from '../src/domain/directory/directory.js';
import { createApp } from '../src/http/app.js';
import { DirectorySnapshot } from '../src/services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from '../src/services/search.service.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import { migrateToLatest } from '../src/store/migrate.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  store: SqlDirectoryStore;
  close(): Promise<void>;
}

export async function buildTestApp(directory?: Directory): Promise<TestApp> {
  const db = openDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const store = new SqlDirectoryStore(db);
  if (directory)
    await store.replaceDirectory(directory, { demo: false, changedAt: '2026-11-26T07:00:00.000Z' });
  const snapshot = new DirectorySnapshot<SearchIndexes>(
    { directoryStore: store },
    buildSearchIndexes,
  );
  await snapshot.refresh();
  const app = await createApp({ directoryStore: store, snapshot });
  return {
    app,
    db,
    store,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
