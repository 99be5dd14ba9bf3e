import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';
import { migrateToLatest } from './migrate.js';

describe('the SQLite file under the server', () => {
  let dir: string;
  let file: string;
  let db: Db | undefined;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-db-'));
    file = path.join(dir, 'shortlist.db');
    const created = openDb({ kind: 'sqlite', file });
    await migrateToLatest(created);
    await created.close();
  });
  afterEach(async () => {
    await db?.close().catch(() => undefined);
    db = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (handle: Db) =>
    handle.kysely.updateTable('directory_state').set({ version: 7 }).execute();

  it('checks out while the file is the one it opened', async () => {
    db = openDb({ kind: 'sqlite', file }, { quickCheck: true });
    await expect(db.check()).resolves.toBeUndefined();
    await write(db);
  });

  it('refuses writes and fails its check once the file is deleted; reads go on', async () => {
    db = openDb({ kind: 'sqlite', file });
    fs.rmSync(file);
    const message = `The database is not available: the file ${file} has been deleted.`;
    await expect(db.check()).rejects.toThrow(message);
    await expect(write(db)).rejects.toMatchObject({ code: 'database-unavailable', message });
    await expect(
      db.kysely.selectFrom('directory_state').select('version').execute(),
    ).resolves.toHaveLength(1);
  });

  it('refuses a transaction into a file replaced at its path', async () => {
    db = openDb({ kind: 'sqlite', file });
    fs.copyFileSync(file, `${file}.copy`);
    fs.renameSync(`${file}.copy`, file);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('directory_state').set({ version: 8 }).execute();
      }),
    ).rejects.toThrow(`The database is not available: the file ${file} has been replaced.`);
  });

  it('will not create a file unless asked, saying where it looked', () => {
    const missing = path.join(dir, 'none', 'shortlist.db');
    expect(() => openDb({ kind: 'sqlite', file: missing }, { create: false })).toThrow(
      `There is no database at ${missing} (DATA_DIR is ${path.dirname(missing)}). Create one by starting the server (npm start), or with "shortlist db migrate" and then "shortlist demo load".`,
    );
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('refuses a file with damaged pages at start in one sentence, naming what quick_check found', () => {
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Every page after the first two (the header and the schema) overwritten with noise.
    for (let i = pageSize * 2; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    fs.writeFileSync(file, bytes);
    expect(() => openDb({ kind: 'sqlite', file }, { quickCheck: true })).toThrow(
      new RegExp(
        `^The database file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged \\(PRAGMA quick_check: .+\\): restore a backup with "shortlist db restore FILE", or move the file away and start again with an empty database\\.$`,
      ),
    );
  });
});
