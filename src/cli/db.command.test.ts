import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDataDir, runShortlist } from '../../test/cli.js';
import { TEST_DATABASE_URL } from '../../test/databases.js';
import { buildBrand, buildDirectory, buildListing } from '../../test/factories.js';
import { formatDirectoryJson } from '../services/directory.service.js';
import { openDb } from '../store/db.js';

describe('shortlist db backup and db restore', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let database: string;

  const importListings = async (count: number) => {
    const file = path.join(dataDir, `dir-${count}.json`);
    const listings = Array.from({ length: count }, () => buildListing());
    fs.writeFileSync(file, formatDirectoryJson(buildDirectory([buildBrand({ listings })])));
    expect((await runShortlist(['directory', 'import', file], env)).status).toBe(0);
  };
  const listingCount = async () =>
    (await runShortlist(['directory', 'stats'], env)).stdout.split(' ')[0];

  beforeEach(async () => {
    dataDir = makeDataDir();
    env = { DATA_DIR: dataDir, CWD: dataDir };
    database = path.join(dataDir, 'shortlist.db');
    expect((await runShortlist(['db', 'migrate'], env)).status).toBe(0);
    await importListings(2);
  });

  it('backs up while another connection writes, and restores that copy', async () => {
    // A connection like the server's, with a change still in its write-ahead log.
    const server = openDb({ kind: 'sqlite', file: database });
    try {
      await server.kysely.updateTable('directory_state').set({ version: 4242 }).execute();
      const backup = await runShortlist(['db', 'backup', 'copy.db'], env);
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(
        new RegExp(
          `^Backed up SQLite ${database} to ${path.join(dataDir, 'copy.db')} \\(\\d+ pages\\)\\.\\n$`,
        ),
      );
    } finally {
      await server.close();
    }
    await importListings(5);
    expect(await listingCount()).toBe('5');
    const restore = await runShortlist(['db', 'restore', 'copy.db'], env);
    expect(restore.stderr).toBe('');
    expect(restore).toMatchObject({
      status: 0,
      stdout: `Restored ${path.join(dataDir, 'copy.db')} into SQLite ${database}.\n`,
    });
    expect(await listingCount()).toBe('2');
    const restored = openDb({ kind: 'sqlite', file: database });
    const state = await restored.kysely
      .selectFrom('directory_state')
      .select('version')
      .executeTakeFirstOrThrow();
    await restored.close();
    expect(state.version).toBe(4242);
  });

  it('never overwrites a file with a backup', async () => {
    fs.writeFileSync(path.join(dataDir, 'taken.db'), 'keep me');
    const backup = await runShortlist(['db', 'backup', 'taken.db'], env);
    expect(backup).toMatchObject({
      status: 2,
      stderr: `FILE: ${path.join(dataDir, 'taken.db')} already exists: choose another name, or remove it first. [file-exists]\n`,
    });
    expect(fs.readFileSync(path.join(dataDir, 'taken.db'), 'utf8')).toBe('keep me');
  });

  it('refuses to restore while a running server holds the lock file, and not after it stopped', async () => {
    expect((await runShortlist(['db', 'backup', 'copy.db'], env)).status).toBe(0);
    fs.writeFileSync(path.join(dataDir, 'server.lock'), `${process.pid}\n`);
    const refused = await runShortlist(['db', 'restore', 'copy.db'], env);
    expect(refused).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `A Shortlist server (pid ${process.pid}) is using ${dataDir} (server.lock): stop it, then restore. [server-running]\n`,
    });
    // A lock left by a server that was killed names a process that no longer runs.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(path.join(dataDir, 'server.lock'), `${gone.stdout.toString()}\n`);
    expect((await runShortlist(['db', 'restore', 'copy.db'], env)).status).toBe(0);
  });

  it('refuses a file that is not a sound database and leaves the database as it was', async () => {
    fs.writeFileSync(path.join(dataDir, 'junk.db'), 'not a database at all, just words');
    const refused = await runShortlist(['db', 'restore', 'junk.db'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `FILE: ${path.join(dataDir, 'junk.db')} is not a sound SQLite database (PRAGMA quick_check: file is not a database); nothing was restored. [not-a-database]\n`,
    );
    expect(await listingCount()).toBe('2');
  });

  it('restores into a data folder that has no database yet', async () => {
    expect((await runShortlist(['db', 'backup', 'copy.db'], env)).status).toBe(0);
    const empty = makeDataDir();
    const restore = await runShortlist(['db', 'restore', path.join(dataDir, 'copy.db')], {
      DATA_DIR: empty,
    });
    expect(restore.status).toBe(0);
    expect((await runShortlist(['directory', 'stats'], { DATA_DIR: empty })).stdout).toBe(
      '2 listings, 1 brands, 2 branches\n',
    );
  });

  it('sends PostgreSQL to pg_dump and pg_restore', async () => {
    const pgEnv = { ...env, DATABASE_URL: TEST_DATABASE_URL };
    expect(await runShortlist(['db', 'backup', 'copy.db'], pgEnv)).toMatchObject({
      status: 2,
      stderr:
        'shortlist db backup copies the SQLite database; back up PostgreSQL with pg_dump (see the README). [not-sqlite]\n',
    });
    expect(await runShortlist(['db', 'restore', 'copy.db'], pgEnv)).toMatchObject({
      status: 2,
      stderr:
        'shortlist db restore replaces the SQLite database; restore PostgreSQL with pg_restore or psql (see the README). [not-sqlite]\n',
    });
  });
});
