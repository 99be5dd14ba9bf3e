import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBrand, buildDirectory } from '../../test/factories.js';
import { openDb, type Db } from '../store/db.js';
import { SqlDirectoryStore } from '../store/directory.store.js';
import { migrateToLatest } from '../store/migrate.js';
import { DirectorySnapshot } from './directory-snapshot.service.js';
import { importDirectory, formatDirectoryJson } from './directory.service.js';

describe('the directory snapshot of a running server', () => {
  const handles: Db[] = [];
  let snapshot: DirectorySnapshot<number> | null = null;
  afterEach(async () => {
    snapshot?.stop();
    for (const h of handles.splice(0)) await h.close();
  });

  it('notices an import made by another process (another connection to the same file) within seconds', async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-snap-')),
      'shortlist.db',
    );
    const server = openDb({ kind: 'sqlite', file });
    const cli = openDb({ kind: 'sqlite', file });
    handles.push(server, cli);
    await migrateToLatest(server);
    const serverStore = new SqlDirectoryStore(server);
    await serverStore.replaceDirectory(buildDirectory([buildBrand()]), {
      demo: true,
      changedAt: 'a',
    });
    let builds = 0;
    snapshot = new DirectorySnapshot({ directoryStore: serverStore }, (directory) => {
      builds += 1;
      return directory.brands.length;
    });
    await snapshot.refresh();
    expect(snapshot.get().derived).toBe(1);
    expect(await snapshot.refresh()).toBe(false);
    expect(builds).toBe(1);

    snapshot.watch(1);
    const content = formatDirectoryJson(buildDirectory([buildBrand(), buildBrand(), buildBrand()]));
    await importDirectory(
      { directoryStore: new SqlDirectoryStore(cli), clock: { now: () => new Date() } },
      { content, format: 'json', merge: false },
    );
    // Wait for the poll (every second) to pick the change up; give up after 5 s.
    for (let i = 0; i < 50 && snapshot.get().derived !== 3; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(snapshot.get().derived).toBe(3);
    expect(snapshot.get().version).toBe(2);
    expect(snapshot.get().demo).toBe(true);
  });
});
