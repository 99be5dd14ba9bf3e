/**
 * The HTTP composition root: config -> database -> migrations -> demo data on first start ->
 * directory snapshot -> app.listen. With WORKERS above 1 this process prepares the database and
 * then supervises that many workers (node:cluster), each serving the same port.
 */
import cluster from 'node:cluster';
import path from 'node:path';
import v8 from 'node:v8';
import { takeServerLock } from './adapters/server-lock.js';
import { composeApp } from './compose.js';
import { loadOrCreateSecret, mailerFor, openConfiguredDb } from './factories.js';
import { loadConfig, ConfigError, type Config } from './config.js';
import { generateDemoDirectory } from './domain/directory/demo-directory.js';
import { demoOutcodeForTown } from './domain/directory/demo-postcodes.js';
import { DomainError, isDomainError } from './domain/errors.js';
import { installDrain } from './http/drain.js';
import { passwordResetMailHandler } from './services/accounts/password-reset.service.js';
import { purgeExpiredAccountData } from './services/accounts/sessions.service.js';
import { ensureDirectoryLoaded } from './services/directory.service.js';
import {
  enquiryMailHandler,
  eraseExpiredEnquirySenders,
  purgeExpiredAttachments,
} from './services/enquiry.service.js';
import { deliverDueMail } from './services/mail-queue.service.js';
import { SYSTEM_CLOCK } from './services/ports.js';
import type { Db } from './store/db.js';
import { SqlDirectoryStore } from './store/directory.store.js';
import { assertKnownMigrations, listPendingMigrations, migrateToLatest } from './store/migrate.js';
import { superviseWorkers } from './workers.js';

/** Queued emails due for an attempt (enquiries, reset links) are looked for this often. */
const MAIL_QUEUE_SECONDS = 30;
/**
 * Data past its retention period (attachments, enquiry senders, expired sessions and reset
 * tokens) is looked for this often.
 */
const RETENTION_PURGE_SECONDS = 3600;

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

/** Applies migrations (or refuses pending ones) and loads the demo directory into an empty database. */
async function prepareDatabase(config: Config, db: Db): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  } else {
    await assertMigrated(db);
  }
  if (
    await ensureDirectoryLoaded(
      { directoryStore: new SqlDirectoryStore(db), clock: SYSTEM_CLOCK },
      () => generateDemoDirectory({ outcodeForTown: demoOutcodeForTown }),
    )
  ) {
    console.log('Loaded the demo directory (synthetic data) into an empty database.');
  }
}

/** Refuses to serve a database with unknown or pending migrations. */
async function assertMigrated(db: Db): Promise<void> {
  await assertKnownMigrations(db);
  const pending = await listPendingMigrations(db);
  if (pending.length > 0) {
    throw DomainError.single(
      'migrations-pending',
      `The database needs migrations (${pending.join(', ')}). Run "npx shortlist db migrate" first, or start with MIGRATE_ON_START=true.`,
    );
  }
}

/**
 * Serves HTTP from this process on a prepared database. `runsJobs`: this process also runs the
 * background jobs (enquiry delivery and the purges); with several workers only one does.
 * Resolves once listening.
 */
async function serve(
  config: Config,
  db: Db,
  options: { runsJobs: boolean; announce: boolean; onStopped?: () => void },
): Promise<void> {
  const composed = await composeApp(config, { db });
  const { app, clock, mailer, snapshot, attachmentFiles } = composed;
  const {
    directory: directoryStore,
    enquiries: enquiryStore,
    accounts: { userStore, passwordResetStore, sessionStore },
    rateLimits: rateLimitStore,
    mailQueue,
  } = composed.stores;
  snapshot.watch(config.directoryPollSeconds);
  const timers: NodeJS.Timeout[] = [];
  if (options.runsJobs) {
    const settings = {
      publicUrl: config.publicUrl,
      mailFrom: config.mailFrom,
      sessionIdleDays: config.sessionIdleDays,
      rateLimit: { attempts: config.authRateLimit, windowMinutes: 15 },
    };
    // A worker whose index already fills most of its heap limit (WORKER_HEAP_MB) would collect
    // all the time, or run out: say so once, with the setting to raise.
    const heap = v8.getHeapStatistics();
    if (heap.used_heap_size > 0.6 * heap.heap_size_limit) {
      app.log.warn(
        `The directory fills ${Math.round((100 * heap.used_heap_size) / heap.heap_size_limit)}% of this process's heap limit: raise WORKER_HEAP_MB.`,
      );
    }
    // One delivery loop for every queued email: enquiries and reset links.
    const mailDelivery = {
      mailQueue,
      mailer,
      clock,
      mailFrom: config.mailFrom,
      retrySeconds: config.mailRetrySeconds,
      logger: app.log,
      handlers: {
        enquiry: enquiryMailHandler({
          enquiryStore,
          attachmentFiles,
          mailFrom: config.mailFrom,
          logger: app.log,
        }),
        'password-reset': passwordResetMailHandler({
          userStore,
          passwordResetStore,
          clock,
          settings,
        }),
      },
    };
    // MAIL_RETRY_SECONDS (tests) shortens the waits, so the loop looks as often as the shortest.
    const mailEverySeconds = Math.min(MAIL_QUEUE_SECONDS, ...(config.mailRetrySeconds ?? []));
    timers.push(
      every(
        mailEverySeconds,
        () => deliverDueMail(mailDelivery),
        (error) => app.log.error({ err: error }, 'mail delivery round failed'),
      ),
      every(
        RETENTION_PURGE_SECONDS,
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
      ),
      every(
        RETENTION_PURGE_SECONDS,
        () =>
          eraseExpiredEnquirySenders(
            { enquiryStore, retentionDays: config.enquiryRetentionDays, logger: app.log },
            clock.now(),
          ),
        (error) => app.log.error({ err: error }, 'enquiry erasure failed'),
      ),
      every(
        RETENTION_PURGE_SECONDS,
        () => purgeExpiredAccountData({ sessionStore, rateLimitStore, clock }),
        (error) => app.log.error({ err: error }, 'session purge failed'),
      ),
    );
  }
  // PostgreSQL tells every instance of a directory change at once; the poll stays as a fallback.
  const stopListening = await directoryStore.watchChanges(() => {
    snapshot
      .refreshAfterChange()
      .catch((error: unknown) => app.log.error({ err: error }, 'directory refresh failed'));
  });
  const drain = installDrain(app);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    for (const timer of timers) clearInterval(timer);
    snapshot.stop();
    await stopListening?.();
    const cut = await drain.drain(config.shutdownGraceSeconds);
    if (cut > 0)
      app.log.warn({ connections: cut }, 'connections cut when the shutdown grace ran out');
    await app.close();
    await db.close();
    options.onStopped?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  if (options.announce) announce(config, db.describe, mailer.describe, 1);
}

function announce(config: Config, database: string, mail: string, workers: number): void {
  const processes = workers === 1 ? '' : `, ${workers} workers`;
  console.log(`Shortlist is running on http://localhost:${config.port}/ (${database}${processes})`);
  console.log(`Enquiry emails go to the ${mail}.`);
}

/** The configured port, for the message when it cannot be listened on. */
let configuredPort = 3000;

async function main(): Promise<void> {
  const config = loadConfig();
  configuredPort = config.port;
  if (cluster.isWorker) {
    const db = openConfiguredDb(config, { quickCheck: false });
    await assertMigrated(db);
    await serve(config, db, {
      runsJobs: config.workerIndex === 0,
      announce: false,
    });
    return;
  }
  const db = openConfiguredDb(config, { quickCheck: true });
  await prepareDatabase(config, db);
  // `shortlist db restore` refuses while this names a live process.
  const releaseLock = takeServerLock(config.dataDir);
  process.once('exit', releaseLock);
  if (config.workers === 1) {
    await serve(config, db, { runsJobs: true, announce: true, onStopped: releaseLock });
    return;
  }
  // Workers share the cookie secret file: create it once, before any of them starts.
  if (!config.cookieSecret) loadOrCreateSecret(path.join(config.dataDir, 'cookie-secret'));
  const database = db.describe;
  await db.close();
  superviseWorkers(
    config.workers,
    () => announce(config, database, mailerFor(config).describe, config.workers),
    { stopTimeoutMs: (config.shutdownGraceSeconds + 2) * 1000, heapMb: config.workerHeapMb },
  );
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof ConfigError || isDomainError(error)) {
    console.error(error.message);
  } else if (code === 'EADDRINUSE' || code === 'EACCES') {
    const port = configuredPort;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use: stop the program using it, or choose another with PORT.`
        : `Port ${port} needs privileges this user does not have: choose another with PORT.`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
});
