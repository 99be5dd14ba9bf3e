/**
 * The HTTP composition root: config -> database -> migrations -> demo data on first start ->
 * directory snapshot -> app.listen.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutboxMailer } from './adapters/outbox.mailer.js';
import { SmtpMailer } from './adapters/smtp.mailer.js';
import { UploadFolderFiles } from './adapters/upload-folder.files.js';
import { loadConfig, ConfigError } from './config.js';
import { generateDemoDirectory } from './domain/directory/demo-directory.js';
import { DomainError, isDomainError } from './domain/errors.js';
import { createApp } from './http/app.js';
import { ensureDirectoryLoaded } from './services/directory.service.js';
import { purgeExpiredAccountData } from './services/accounts.service.js';
import { deliverDueEnquiries, purgeExpiredAttachments } from './services/enquiry.service.js';
import { DirectorySnapshot } from './services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from './services/search.service.js';
import { openDb } from './store/db.js';
import { SqlAccountStore, SqlRateLimitStore } from './store/accounts.store.js';
import { SqlDirectoryStore } from './store/directory.store.js';
import { SqlInterviewStore } from './store/interviews.store.js';
import { SqlEnquiryStore } from './store/enquiries.store.js';
import { assertKnownMigrations, listPendingMigrations, migrateToLatest } from './store/migrate.js';
import { demoOutcodeForTown } from './domain/directory/demo-postcodes.js';

/** Enquiries due for another delivery attempt are looked for this often. */
const ENQUIRY_RETRY_SECONDS = 30;
/** Attachments past their retention period are looked for this often. */
const ATTACHMENT_PURGE_SECONDS = 3600;

/** Runs `task` now and then every `seconds`, never two runs at once; does not keep the process alive. */
function every(seconds: number, task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, seconds * 1000);
  timer.unref();
  run();
  return timer;
}

/** A random secret kept in a file of the data folder, created on first start (mode 0600). */
function loadOrCreateSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // No secret yet: create one below.
  }
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDb(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'sqlite', file: config.sqliteFile },
  );
  const clock = { now: () => new Date() };
  if (config.migrateOnStart) {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  } else {
    await assertKnownMigrations(db);
    const pending = await listPendingMigrations(db);
    if (pending.length > 0) {
      throw DomainError.single(
        'migrations-pending',
        `The database needs migrations (${pending.join(', ')}). Run "npx shortlist db migrate" first, or start with MIGRATE_ON_START=true.`,
      );
    }
  }
  const directoryStore = new SqlDirectoryStore(db);
  if (
    await ensureDirectoryLoaded({ directoryStore, clock }, () =>
      generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }),
    )
  ) {
    console.log('Loaded the demo directory (synthetic data) into an empty database.');
  }
  const snapshot = new DirectorySnapshot<SearchIndexes>({ directoryStore }, buildSearchIndexes);
  await snapshot.refresh();
  snapshot.watch(config.directoryPollSeconds);
  const enquiryStore = new SqlEnquiryStore(db);
  const attachmentFiles = new UploadFolderFiles(path.join(config.dataDir, 'uploads'));
  const mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl)
    : new OutboxMailer(path.join(config.dataDir, 'outbox'));
  const accountStore = new SqlAccountStore(db);
  const rateLimitStore = new SqlRateLimitStore(db);
  const app = await createApp({
    directoryStore,
    snapshot,
    logger: { level: config.logLevel },
    enquiryStore,
    mailer,
    attachmentFiles,
    mailFrom: config.mailFrom,
    attachmentRetentionDays: config.attachmentRetentionDays,
    clock,
    trustProxy: config.trustProxy,
    cookieSecret:
      config.cookieSecret ?? loadOrCreateSecret(path.join(config.dataDir, 'cookie-secret')),
    accounts: {
      accountStore,
      interviewStore: new SqlInterviewStore(db),
      rateLimitStore,
      mailer,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
      sessionIdleDays: config.sessionIdleDays,
      rateLimit: { attempts: config.authRateLimit, windowMinutes: 15 },
    },
  });
  const delivery = {
    enquiryStore,
    attachmentFiles,
    mailer,
    clock,
    mailFrom: config.mailFrom,
    logger: app.log,
  };
  const retryTimer = every(
    ENQUIRY_RETRY_SECONDS,
    () => deliverDueEnquiries(delivery),
    (error) => app.log.error({ err: error }, 'enquiry delivery round failed'),
  );
  const purgeTimer = every(
    ATTACHMENT_PURGE_SECONDS,
    () =>
      purgeExpiredAttachments(
        {
          enquiryStore,
          attachmentFiles,
          retentionDays: config.attachmentRetentionDays,
          logger: app.log,
        },
        clock.now(),
      ),
    (error) => app.log.error({ err: error }, 'attachment purge failed'),
  );
  const sessionPurgeTimer = every(
    ATTACHMENT_PURGE_SECONDS,
    () => purgeExpiredAccountData({ accountStore, rateLimitStore, clock }),
    (error) => app.log.error({ err: error }, 'session purge failed'),
  );
  const shutdown = async () => {
    clearInterval(retryTimer);
    clearInterval(purgeTimer);
    clearInterval(sessionPurgeTimer);
    snapshot.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  console.log(`Shortlist is running on http://localhost:${config.port}/ (${db.describe})`);
  console.log(`Enquiry emails go to the ${mailer.describe}.`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isDomainError(error)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
