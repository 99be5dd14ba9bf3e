/** `shortlist db migrate`, `db status`, `db backup FILE` and `db restore FILE`. */
import path from 'node:path';
import type { Command } from 'commander';
import { findServerLockHolder, SERVER_LOCK_FILE } from '../adapters/server-lock.js';
import { loadConfig } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { backupSqlite, restoreSqlite } from '../store/sqlite-backup.js';
import { listMigrationStatus, migrateToLatest, assertKnownMigrations } from '../store/migrate.js';
import { withDeps } from './context.js';
import type { CliIo } from './io.js';

export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program.command('db').description('Database migrations, backup and restore');
  db.command('migrate')
    .description('Apply every pending migration')
    .action(() =>
      withDeps(
        io,
        async ({ db: handle }) => {
          const applied = await migrateToLatest(handle);
          io.stdout(
            applied.length === 0
              ? `${handle.describe}: already up to date.\n`
              : `${handle.describe}: applied ${applied.join(', ')}.\n`,
          );
        },
        { create: true },
      ),
    );
  db.command('status')
    .description('List migrations and whether each has run')
    .action(() =>
      withDeps(io, async ({ db: handle }) => {
        await assertKnownMigrations(handle);
        const status = await listMigrationStatus(handle);
        io.stdout(`${handle.describe}\n`);
        for (const m of status)
          io.stdout(
            `${m.executedAt ? 'applied' : 'pending'}  ${m.name}${m.executedAt ? `  (${m.executedAt})` : ''}\n`,
          );
        const pending = status.filter((m) => m.executedAt === null).length;
        io.stdout(
          pending === 0 ? 'Up to date.\n' : `${pending} pending: run "shortlist db migrate".\n`,
        );
      }),
    );
  db.command('backup')
    .argument('<file>', 'the new file to write the copy into')
    .description('Copy the SQLite database into a new file (safe while the server runs)')
    .action((file: string) => {
      if (loadConfig(io.env, io.cwd).databaseUrl) throw notSqlite('backup');
      return withDeps(io, async ({ db: handle }) => {
        const destination = path.resolve(io.cwd, file);
        const pages = await backupSqlite(handle, destination);
        io.stdout(`Backed up ${handle.describe} to ${destination} (${pages} pages).\n`);
      });
    });
  db.command('restore')
    .argument('<file>', 'a backup made by "shortlist db backup"')
    .description('Replace the SQLite database with a backup (the server must be stopped)')
    .action(async (file: string) => {
      const config = loadConfig(io.env, io.cwd);
      if (config.databaseUrl) throw notSqlite('restore');
      const holder = findServerLockHolder(config.dataDir);
      if (holder !== null) {
        throw DomainError.single(
          'server-running',
          `A Shortlist server (pid ${holder}) is using ${config.dataDir} (${SERVER_LOCK_FILE}): stop it, then restore.`,
        );
      }
      const source = path.resolve(io.cwd, file);
      await restoreSqlite(source, config.sqliteFile);
      io.stdout(`Restored ${source} into SQLite ${config.sqliteFile}.\n`);
    });
}

function notSqlite(command: 'backup' | 'restore'): DomainError {
  return DomainError.single(
    'not-sqlite',
    command === 'backup'
      ? 'shortlist db backup copies the SQLite database; back up PostgreSQL with pg_dump (see the README).'
      : 'shortlist db restore replaces the SQLite database; restore PostgreSQL with pg_restore or psql (see the README).',
  );
}
