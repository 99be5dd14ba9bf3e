/**
 * The databases every store spec runs on: SQLite in memory and PostgreSQL (TEST_DATABASE_URL, or
 * the local server's `test` database). Each PostgreSQL suite works in a schema of its own, so
 * test files can run in parallel. PostgreSQL is never skipped: when it is down, the specs fail.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated database. */
  open(): Promise<Db>;
}

export const TEST_DATABASES: TestDatabase[] = [
  {
    name: 'sqlite',
    async open() {
      const db = openDb({ kind: 'sqlite', file: ':memory:' });
      await migrateToLatest(db);
      return db;
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const db = openDb({ kind: 'postgres', url: TEST_DATABASE_URL, schema });
      await migrateToLatest(db);
      const close = db.close;
      return {
        ...db,
        close: async () => {
          await close();
          const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await cleanup.connect();
          await cleanup.query(`drop schema ${schema} cascade`);
          await cleanup.end();
        },
      };
    },
  },
];
