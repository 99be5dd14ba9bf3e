/**
 * Opens the database: the embedded SQLite file by default, PostgreSQL when a URL is given.
 * Dialect differences stay inside src/store.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** A short description for logs and the CLI, without credentials. */
  describe: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counts always fit a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

export type DbTarget =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** A schema to work in (tests isolate themselves this way). */ schema?: string;
    };

/** Opens a database connection pool for the target; creates the SQLite file's folder. */
export function openDb(target: DbTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(target.url);
    return {
      kysely,
      dialect: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const database = new SQLite(target.file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    kysely,
    dialect: 'sqlite',
    describe: `SQLite ${target.file}`,
    close: () => kysely.destroy(),
  };
}

/** Reads a boolean column the same way on both dialects. */
export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}
