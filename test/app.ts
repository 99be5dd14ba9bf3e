/** Builds the HTTP app over a real, migrated SQLite database in memory, for route specs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OutboxMailer } from '../src/adapters/outbox.mailer.js';
import { UploadFolderFiles } from '../src/adapters/upload-folder.files.js';
import type { Directory } from '../src/domain/directory/directory.js';
import { createApp, type AppDeps } from '../src/http/app.js';
import type { AccountsAppDeps } from '../src/http/auth.js';
import { DirectorySnapshot } from '../src/services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from '../src/services/search.service.js';
import { SqlAccountStore, SqlRateLimitStore } from '../src/store/accounts.store.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import { SqlInterviewStore } from '../src/store/interviews.store.js';
import { SqlMailQueueStore } from '../src/store/mail-queue.store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import type { TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  store: SqlDirectoryStore;
  enquiryStore: SqlEnquiryStore;
  accountStore: SqlAccountStore;
  interviewStore: SqlInterviewStore;
  /** A fresh folder of this app's own, removed on close: `outbox/` (emails) and `uploads/`. */
  dataDir: string;
  /** Makes the app see the directory as the store now has it (as the server's poll would). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `deps` adds to or replaces the app's dependencies (a fixed `clock`, say); `accounts` adds to or
 * replaces the account routes' (a recording mailer, a tighter rate limit); `options.database`
 * runs it over one of the test databases (PostgreSQL in a schema of its own) instead of SQLite;
 * `options.db` over a database another test app already uses (two workers), left open on close.
 */
export async function buildTestApp(
  directory?: Directory,
  deps: Partial<AppDeps> = {},
  accounts: Partial<AccountsAppDeps> = {},
  options: { database?: TestDatabase; db?: Db } = {},
): Promise<TestApp> {
  const db =
    options.db ??
    (options.database
      ? await options.database.open()
      : openDb({ kind: 'sqlite', file: ':memory:' }));
  if (!options.database && !options.db) await migrateToLatest(db);
  const store = new SqlDirectoryStore(db);
  if (directory && !options.db)
    await store.replaceDirectory(directory, { demo: false, changedAt: '2026-11-26T07:00:00.000Z' });
  const snapshot = new DirectorySnapshot<SearchIndexes>(
    { directoryStore: store },
    buildSearchIndexes,
  );
  await snapshot.refresh();
  const enquiryStore = new SqlEnquiryStore(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-test-'));
  const accountStore = new SqlAccountStore(db);
  const interviewStore = new SqlInterviewStore(db);
  const app = await createApp({
    directoryStore: store,
    snapshot,
    enquiryStore,
    mailer: new OutboxMailer(path.join(dataDir, 'outbox')),
    attachmentFiles: new UploadFolderFiles(path.join(dataDir, 'uploads')),
    mailFrom: { name: 'Shortlist', address: 'enquiries@shortlist.example' },
    accounts: {
      accountStore,
      interviewStore,
      rateLimitStore: new SqlRateLimitStore(db),
      mailQueue: new SqlMailQueueStore(db),
      mailer: new OutboxMailer(path.join(dataDir, 'outbox')),
      mailFrom: { name: 'Shortlist', address: 'accounts@shortlist.example' },
      publicUrl: 'http://shortlist.test',
      sessionIdleDays: 14,
      ...accounts,
    },
    ...deps,
  });
  return {
    app,
    db,
    store,
    enquiryStore,
    accountStore,
    interviewStore,
    dataDir,
    refresh: async () => {
      await snapshot.refresh();
    },
    close: async () => {
      await app.close();
      if (!options.db) await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
