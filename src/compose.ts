/**
 * composeApp(config): the one place the app's concrete parts are built (database, stores, mailer,
 * files, clock, directory snapshot) and handed to createApp. The server, the test helpers and the
 * e2e support all start the app through it; the CLI builds its own (cli/context.ts) from the same
 * factories (factories.ts), without Fastify.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { UploadFolderFiles } from './adapters/upload-folder.files.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { cookieSecretOf, mailerFor, openConfiguredDb } from './factories.js';
import type { AccountsAppDeps, AppDeps } from './http/context.js';
import type { AccountStores } from './services/accounts/ports.js';
import { DirectorySnapshot } from './services/directory-snapshot.service.js';
import { SYSTEM_CLOCK, type Clock, type Mailer } from './services/ports.js';
import { buildSearchIndexes, type SearchIndexes } from './services/search.service.js';
import { sqlAccountStores } from './store/accounts.store.js';
import type { Db } from './store/db.js';
import { SqlDirectoryStore } from './store/directory.store.js';
import { SqlEnquiryStore } from './store/enquiries.store.js';
import { SqlInterviewStore } from './store/interviews.store.js';
import { SqlMailQueueStore } from './store/mail-queue.store.js';
import { SqlRateLimitStore } from './store/rate-limits.store.js';

export interface ComposeOptions {
  /** An open, migrated database (left open by close()); opened from the config when unset. */
  db?: Db;
  /** The time; the system clock when unset. */
  clock?: Clock;
  /** Replaces app deps (a recording mailer); a key set to undefined leaves that part out. */
  deps?: Partial<AppDeps>;
  /** Replaces account deps; null leaves accounts out (their pages and API are not registered). */
  accounts?: Partial<AccountsAppDeps> | null;
}

export interface ComposedApp {
  app: FastifyInstance;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  snapshot: DirectorySnapshot<SearchIndexes>;
  stores: {
    directory: SqlDirectoryStore;
    enquiries: SqlEnquiryStore;
    accounts: AccountStores;
    interviews: SqlInterviewStore;
    rateLimits: SqlRateLimitStore;
    mailQueue: SqlMailQueueStore;
  };
  attachmentFiles: UploadFolderFiles;
  /** Closes the app, and the database when composeApp opened it. */
  close(): Promise<void>;
}

export async function composeApp(
  config: Config,
  options: ComposeOptions = {},
): Promise<ComposedApp> {
  const db = options.db ?? openConfiguredDb(config, { quickCheck: false });
  const clock = options.clock ?? SYSTEM_CLOCK;
  const stores = {
    directory: new SqlDirectoryStore(db),
    enquiries: new SqlEnquiryStore(db),
    accounts: sqlAccountStores(db),
    interviews: new SqlInterviewStore(db),
    rateLimits: new SqlRateLimitStore(db),
    mailQueue: new SqlMailQueueStore(db),
  };
  const snapshot = new DirectorySnapshot<SearchIndexes>(
    { directoryStore: stores.directory },
    buildSearchIndexes,
  );
  await snapshot.refresh();
  const mailer = mailerFor(config);
  const attachmentFiles = new UploadFolderFiles(path.join(config.dataDir, 'uploads'));
  const accounts: AccountsAppDeps | undefined =
    options.accounts === null
      ? undefined
      : {
          ...stores.accounts,
          interviewStore: stores.interviews,
          rateLimitStore: stores.rateLimits,
          mailer,
          mailQueue: stores.mailQueue,
          mailRetrySeconds: config.mailRetrySeconds,
          mailFrom: config.mailFrom,
          publicUrl: config.publicUrl,
          sessionIdleDays: config.sessionIdleDays,
          rateLimit: { attempts: config.authRateLimit, windowMinutes: 15 },
          ...options.accounts,
        };
  const app = await createApp({
    directoryStore: stores.directory,
    snapshot,
    publicUrl: config.publicUrl,
    logger: { level: config.logLevel },
    enquiryStore: stores.enquiries,
    mailer,
    attachmentFiles,
    mailFrom: config.mailFrom,
    attachmentRetentionDays: config.attachmentRetentionDays,
    enquiryRetentionDays: config.enquiryRetentionDays,
    operator: config.operator,
    enquiryRateLimit: { max: config.enquiryRateLimit, windowMs: 10 * 60_000 },
    rateLimitStore: stores.rateLimits,
    mailQueue: stores.mailQueue,
    mailRetrySeconds: config.mailRetrySeconds,
    clock,
    trustProxy: config.trustProxy,
    checkDatabase: () => db.check(),
    cookieSecret: cookieSecretOf(config),
    accounts,
    ...options.deps,
  });
  return {
    app,
    db,
    clock,
    mailer,
    snapshot,
    stores,
    attachmentFiles,
    close: async () => {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}
