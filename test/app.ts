/** Builds the HTTP app over a real, migrated SQLite database in memory, for route specs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OutboxMailer } from '../src/adapters/outbox.mailer.js';
import { UploadFolderFiles } from '../src/adapters/upload-folder.files.js';
import type { Directory } from '../src/domain/directory/directory.js';
import { createApp, type AppDeps } from '../src/http/app.js';
import { DirectorySnapshot } from '../src/services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from '../src/services/search.service.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { migrateToLatest } from '../src/store/migrate.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  store: SqlDirectoryStore;
  enquiryStore: SqlEnquiryStore;
  /** A fresh folder of this app's own, removed on close: `outbox/` (emails) and `uploads/`. */
  dataDir: string;
  close(): Promise<void>;
}

/** `deps` adds to or replaces the app's dependencies (a fixed `clock`, say). */
export async function buildTestApp(
  directory?: Directory,
  deps: Partial<AppDeps> = {},
): Promise<TestApp> {
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
  const enquiryStore = new SqlEnquiryStore(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-test-'));
  const app = await createApp({
    directoryStore: store,
    snapshot,
    enquiryStore,
    mailer: new OutboxMailer(path.join(dataDir, 'outbox')),
    attachmentFiles: new UploadFolderFiles(path.join(dataDir, 'uploads')),
    mailFrom: { name: 'Shortlist', address: 'enquiries@shortlist.example' },
    ...deps,
  });
  return {
    app,
    db,
    store,
    enquiryStore,
    dataDir,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
