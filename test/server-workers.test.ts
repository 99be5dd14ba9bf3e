/**
 * The real server (src/server.ts) with WORKERS=2, as `npm start` runs it on a 2-core machine:
 * it prepares the database once, serves from two worker processes, replaces a worker that dies
 * and stops everything on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServer, startServer, until, workersOf, type ServerProcess } from './server-process.js';

describe('the server with two workers', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-workers-'));
    server = await startServer(dataDir, { WORKERS: '2', WORKER_HEAP_MB: '600' });
  }, 120_000);

  afterAll(() => {
    killServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo directory once and says it runs two workers', async () => {
    expect(server.output().match(/Loaded the demo directory/g)).toHaveLength(1);
    expect(server.output()).toContain(`, 2 workers)`);
    expect(workersOf(server.child.pid!)).toHaveLength(2);
    const res = await fetch(
      `${server.base}/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=3`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { location: { name: string }; results: unknown[] };
    expect(body.location.name).toBe('Leeds');
    expect(body.results).toHaveLength(3);
  });

  it('starts each worker with the old-space limit of WORKER_HEAP_MB', () => {
    for (const pid of workersOf(server.child.pid!)) {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--max-old-space-size=600');
    }
    expect(server.output()).not.toContain('raise WORKER_HEAP_MB');
  });

  it('replaces a worker that dies and keeps answering', async () => {
    const [victim, survivor] = workersOf(server.child.pid!);
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a replacement worker', async () => {
      const now = workersOf(server.child.pid!);
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!) ? now : null;
    });
    expect(replaced).toHaveLength(2);
    await until('the supervisor to report it', async () =>
      /Worker \d of 2 stopped \(SIGKILL\); starting another\./.test(server.output()) ? true : null,
    );
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${server.base}/api/health`);
      expect(res.status).toBe(200);
    }
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = workersOf(server.child.pid!);
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
