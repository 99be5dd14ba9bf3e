/**
 * The HTTP composition root: config -> database -> migrations -> demo data on first start ->
 * directory snapshot -> app.listen.
 */
import { loadConfig, ConfigError } from './config.js';
import { generateDemoDirectory } from './domain/directory/demo-directory.js';
import { isDomainError } from './domain/errors.js';
import { createApp } from './http/app.js';
import { ensureDirectoryLoaded } from './services/directory.service.js';
import { DirectorySnapshot } from './services/directory-snapshot.service.js';
import { buildSearchIndexes, type SearchIndexes } from './services/search.service.js';
import { openDb } from './store/db.js';
import { SqlDirectoryStore } from './store/directory.store.js';
import { assertKnownMigrations, listPendingMigrations, migrateToLatest } from './store/migrate.js';
import { demoOutcodeForTown } from './domain/directory/demo-postcodes.js';

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
      throw new Error(
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
  const app = await createApp({ directoryStore, snapshot, logger: { level: config.logLevel } });
  const shutdown = async () => {
    snapshot.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  console.log(`Shortlist is running on http://localhost:${config.port}/ (${db.describe})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isDomainError(error)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
