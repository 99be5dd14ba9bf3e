/**
 * Opens the database: the embedded SQLite file by default, PostgreSQL when a URL is given.
 * Dialect differences stay inside src/store.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import { DomainError } from '../domain/errors.js';
import type { Database } from './schema.js';
import { SqliteBooleans } from './sqlite-booleans.js';

type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** A short description for logs and the CLI, without credentials. */
  describe: string;
  /**
   * Throws `database-unavailable` when the database cannot serve: a query fails, or (SQLite) the
   * file this process opened is no longer the file at its path (deleted or replaced), or a query
   * has met a damaged page.
   */
  check(): Promise<void>;
  /**
   * PostgreSQL: LISTENs on `channel` on a connection of its own (reconnecting after a failure)
   * and calls `onNotify` with each payload; resolves once listening, with a function to stop.
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** The SQLite connection and its file (null on PostgreSQL and for `:memory:`). */
  sqlite: { database: SQLite.Database; file: string } | null;
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

export interface OpenOptions {
  /**
   * SQLite: create the file (and its folder) when it does not exist. Off, a missing file is a
   * `database-missing` error saying how to create one (the CLI creates only with `db migrate`).
   */
  create?: boolean;
  /** SQLite: run `PRAGMA quick_check` after opening and refuse a damaged file (server start). */
  quickCheck?: boolean;
}

/** Opens a database connection pool for the target; creates the SQLite file and its folder. */
export function openDb(target: DbTarget, options: OpenOptions = {}): Db {
  if (target.kind === 'postgres') {
    const connection = {
      connectionString: target.url,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    };
    const pool = new pg.Pool({ ...connection, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(target.url);
    return {
      kysely,
      dialect: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`,
      check: async () => {
        try {
          await sql`select 1`.execute(kysely);
        } catch (error) {
          throw unavailable(`PostgreSQL does not answer (${describeError(error)})`);
        }
      },
      listen: (channel, onNotify) => listenPostgres(connection, channel, onNotify),
      sqlite: null,
      close: () => kysely.destroy(),
    };
  }
  return openSqlite(target.file, options);
}

/** Seconds before a lost LISTEN connection is opened again. */
const RELISTEN_SECONDS = 1;

async function listenPostgres(
  connection: pg.ClientConfig,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client(connection);
    let lost = false;
    const onLost = () => {
      if (lost || stopped) return;
      lost = true;
      next.end().catch(() => undefined);
      // Changes made meanwhile are noticed by the snapshot's poll.
      retry = setTimeout(() => {
        connect().catch(() => undefined);
      }, RELISTEN_SECONDS * 1000);
      retry.unref();
    };
    next.on('error', onLost);
    next.on('end', onLost);
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost();
      throw error;
    }
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unavailable(reason: string): DomainError {
  return DomainError.single('database-unavailable', `The database is not available: ${reason}.`);
}

/** SQLite's codes for a file that is not (or no longer) a sound database. */
const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function isDamagedError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED_CODES.has(code);
}

/** One plain sentence for a damaged SQLite file, with what quick_check found behind it. */
function damaged(file: string, finding: string): DomainError {
  return DomainError.single(
    'database-corrupt',
    `The database file ${file} is damaged (PRAGMA quick_check: ${finding}): restore a backup with "shortlist db restore FILE", or move the file away and start again with an empty database.`,
  );
}

/** What `PRAGMA quick_check` says of a file: "ok", or its first finding (or the open error). */
export function quickCheckSqlite(file: string): string {
  let database: SQLite.Database | null = null;
  try {
    database = new SQLite(file, { readonly: true, fileMustExist: true });
    const rows = database.pragma('quick_check') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).join('; ') || 'ok';
  } catch (error) {
    return describeError(error);
  } finally {
    database?.close();
  }
}

/** Statements that write (or open a transaction): checked against a deleted file first. */
const WRITE_STATEMENT = /^\s*(insert|update|delete|replace|begin|create|drop|alter)\b/i;

function fileIdentity(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

function openSqlite(file: string, options: OpenOptions): Db {
  const inMemory = file === ':memory:';
  if (!inMemory && options.create === false && !fs.existsSync(file)) {
    throw DomainError.single(
      'database-missing',
      `There is no database at ${file} (DATA_DIR is ${path.dirname(file)}). Create one by starting the server (npm start), or with "shortlist db migrate" and then "shortlist demo load".`,
    );
  }
  if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
  let database: SQLite.Database;
  try {
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    if (isDamagedError(error)) throw damaged(file, quickCheckSqlite(file));
    throw error;
  }
  if (options.quickCheck && !inMemory) {
    const finding = (() => {
      try {
        const rows = database.pragma('quick_check') as { quick_check: string }[];
        return rows.map((r) => r.quick_check).join('; ');
      } catch (error) {
        return describeError(error);
      }
    })();
    if (finding !== 'ok') {
      database.close();
      throw damaged(file, finding);
    }
  }
  // The file this connection holds: a file deleted or replaced at the path is no longer it.
  const identity = inMemory ? null : fileIdentity(file);
  let damagedFinding: string | null = null;
  const assertIntact = () => {
    if (inMemory) return;
    if (damagedFinding !== null) throw unavailable(`the file ${file} is damaged`);
    const now = fileIdentity(file);
    if (now === null) throw unavailable(`the file ${file} has been deleted`);
    if (now !== identity) throw unavailable(`the file ${file} has been replaced`);
  };
  // Every statement goes through here: writes are refused into a deleted or replaced file, and
  // a damaged page met by any query is remembered, so health answers 503 from then on.
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } catch (error) {
        if (isDamagedError(error)) damagedFinding = describeError(error);
        throw error;
      }
    };
  const dialectDatabase: SqliteDatabase = {
    close: () => database.close(),
    prepare: (text: string): SqliteStatement => {
      if (WRITE_STATEMENT.test(text)) assertIntact();
      const statement = guarded((q: string) => database.prepare(q))(text);
      return {
        reader: statement.reader,
        all: guarded((parameters: ReadonlyArray<unknown>) => statement.all(parameters)),
        run: guarded((parameters: ReadonlyArray<unknown>) => statement.run(parameters)),
        iterate: guarded((parameters: ReadonlyArray<unknown>) => statement.iterate(parameters)),
      };
    },
  };
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: dialectDatabase }),
    plugins: [new SqliteBooleans()],
  });
  return {
    kysely,
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    check: async () => {
      assertIntact();
      try {
        await sql`select version from directory_state`.execute(kysely);
      } catch (error) {
        if (isDamagedError(error)) throw unavailable(`the file ${file} is damaged`);
        throw unavailable(describeError(error));
      }
    },
    sqlite: inMemory ? null : { database, file },
    close: () => kysely.destroy(),
  };
}
