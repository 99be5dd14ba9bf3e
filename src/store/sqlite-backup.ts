/**
 * Backups of the SQLite database: SQLite's online backup API, safe while the server writes, and
 * a restore that checks the file before it replaces the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { DomainError } from '../domain/errors.js';
import { openDb, quickCheckSqlite, type Db } from './db.js';
import { assertKnownMigrations } from './migrate.js';

function refuseExisting(file: string): void {
  if (fs.existsSync(file))
    throw DomainError.single(
      'file-exists',
      `${file} already exists: choose another name, or remove it first.`,
      'FILE',
    );
}

/** Copies the open SQLite database into `destination` (a new file); returns its page count. */
export async function backupSqlite(db: Db, destination: string): Promise<number> {
  if (!db.sqlite) throw new Error('Only a SQLite database file can be backed up this way');
  refuseExisting(destination);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const { totalPages } = await db.sqlite.database.backup(destination);
  const finding = quickCheckSqlite(destination);
  if (finding !== 'ok') throw new Error(`The backup failed its check (${finding})`);
  return totalPages;
}

/**
 * Replaces the SQLite file `target` with a copy of `source`, after checking that `source` is a
 * sound Shortlist database this build can run. The caller makes sure no server uses `target`.
 */
export async function restoreSqlite(source: string, target: string): Promise<void> {
  if (!fs.existsSync(source))
    throw DomainError.single('not-found', `There is no file at ${source}.`, 'FILE');
  const finding = quickCheckSqlite(source);
  if (finding !== 'ok') {
    throw DomainError.single(
      'not-a-database',
      `${source} is not a sound SQLite database (PRAGMA quick_check: ${finding}); nothing was restored.`,
      'FILE',
    );
  }
  const staging = `${target}.restoring`;
  for (const file of [staging, `${staging}-wal`, `${staging}-shm`])
    fs.rmSync(file, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const from = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(staging);
  } finally {
    from.close();
  }
  const copy = openDb({ kind: 'sqlite', file: staging });
  try {
    await copy.kysely
      .selectFrom('directory_state')
      .select('version')
      .execute()
      .catch(() => {
        throw DomainError.single(
          'not-a-shortlist-database',
          `${source} is not a Shortlist database; nothing was restored.`,
          'FILE',
        );
      });
    await assertKnownMigrations(copy);
  } catch (error) {
    await copy.close();
    fs.rmSync(staging, { force: true });
    throw error;
  }
  await copy.close();
  // The old file's write-ahead log belongs to it: left beside the new file it would corrupt it.
  for (const file of [`${target}-wal`, `${target}-shm`]) fs.rmSync(file, { force: true });
  fs.renameSync(staging, target);
}
