/**
 * Runs and reports migrations. Refuses to run against a database that has applied migrations
 * this build does not know (a newer build migrated it): starting would risk corrupting it.
 */
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { DomainError } from '../domain/errors.js';
import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

export interface MigrationStatus {
  name: string;
  executedAt: string | null;
}

async function createMigrator(db: Db, migrations: Record<string, Migration>) {
  // On PostgreSQL, name the schema explicitly: Kysely otherwise finds its bookkeeping tables in
  // any schema of the database and skips creating them in ours.
  const schema =
    db.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely))
          .rows[0]?.schema
      : undefined;
  return new Migrator({
    db: db.kysely,
    provider: new StaticProvider(migrations),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

async function listExecutedNames(db: Db): Promise<string[]> {
  try {
    const result = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db.kysely);
    return result.rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** Throws `unknown-migrations` when the database holds migrations this build lacks. */
export async function assertKnownMigrations(db: Db, migrations = MIGRATIONS): Promise<void> {
  const unknown = (await listExecutedNames(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw DomainError.single(
      'unknown-migrations',
      `The database has migrations this build does not know (${unknown.join(', ')}); it was migrated by a newer version of Shortlist. Run that version, or restore a backup.`,
    );
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db, migrations = MIGRATIONS): Promise<string[]> {
  await assertKnownMigrations(db, migrations);
  const { error, results } = await (await createMigrator(db, migrations)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Lists every migration this build knows with when it ran (null: pending). */
export async function listMigrationStatus(
  db: Db,
  migrations = MIGRATIONS,
): Promise<MigrationStatus[]> {
  const infos = await (await createMigrator(db, migrations)).getMigrations();
  return infos.map((info) => ({
    name: info.name,
    executedAt: info.executedAt ? info.executedAt.toISOString() : null,
  }));
}

/** Names of migrations this build knows that have not run yet. */
export async function listPendingMigrations(db: Db, migrations = MIGRATIONS): Promise<string[]> {
  return (await listMigrationStatus(db, migrations))
    .filter((m) => m.executedAt === null)
    .map((m) => m.name);
}
