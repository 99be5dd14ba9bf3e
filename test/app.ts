/** Builds the HTTP app over a real, migrated SQLite database in memory, for route specs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OutboxMailer } from '../src/adapters/outbox.mailer.js';
import { DEV_COOKIE_SECRET } from '../src/app.js';
import { composeApp } from '../src/compose.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Directory } from '../src/domain/directory/directory.js';
import type { AccountsAppDeps, AppDeps } from '../src/http/context.js';
import type { AccountStores } from '../src/services/accounts/ports.js';
import { openDb, type Db } from '../src/store/db.js';
import { SqlDirectoryStore } from '../src/store/directory.store.js';
import type { SqlEnquiryStore } from '../src/store/enquiries.store.js';
import type { SqlInterviewStore } from '../src/store/interviews.store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import type { TestDatabase } from './databases.js';

/** The configuration of a test app: the defaults, with its own data folder and PUBLIC_URL. */
export function testConfig(dataDir: string, env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://shortlist.test',
    COOKIE_SECRET: DEV_COOKIE_SECRET,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  store: SqlDirectoryStore;
  enquiryStore: SqlEnquiryStore;
  accountStores: AccountStores;
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
  if (directory && !options.db)
    await new SqlDirectoryStore(db).replaceDirectory(directory, {
      demo: false,
      changedAt: '2026-11-26T07:00:00.000Z',
    });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-test-'));
  const composed = await composeApp(testConfig(dataDir), {
    db,
    ...(deps.clock ? { clock: deps.clock } : {}),
    deps: {
      logger: false,
      mailFrom: { name: 'Shortlist', address: 'enquiries@shortlist.example' },
      ...deps,
    },
    accounts: {
      mailer: new OutboxMailer(path.join(dataDir, 'outbox')),
      mailFrom: { name: 'Shortlist', address: 'accounts@shortlist.example' },
      ...accounts,
    },
  });
  const { app, snapshot } = composed;
  const store = composed.stores.directory;
  const enquiryStore = composed.stores.enquiries;
  const accountStores = composed.stores.accounts;
  const interviewStore = composed.stores.interviews;
  return {
    app,
    db,
    store,
    enquiryStore,
    accountStores,
    interviewStore,
    dataDir,
    refresh: async () => {
      await snapshot.refresh();
    },
    close: async () => {
      await composed.close();
      if (!options.db) await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
