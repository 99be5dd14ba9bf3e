/**
 * The real server (src/server.ts) with WORKERS=2, as `npm start` runs it on a 2-core machine:
 * it prepares the database once, serves from two worker processes, replaces a worker that dies
 * and stops everything on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, until, workersOf } from './server-process.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the server with two workers', () => {
  let dataDir: string;
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-workers-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        WORKERS: '2',
        WORKER_HEAP_MB: '600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until('the start-up message', async () =>
      output.includes('Shortlist is running') ? true : null,
    );
  }, 120_000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo directory once and says it runs two workers', async () => {
    expect(output.match(/Loaded the demo directory/g)).toHaveLength(1);
    expect(output).toContain(`, 2 workers)`);
    expect(workersOf(server.pid!)).toHaveLength(2);
    const res = await fetch(
      `${base}/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=3`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { location: { name: string }; results: unknown[] };
    expect(body.location.name).toBe('Leeds');
    expect(body.results).toHaveLength(3);
  });

  it('starts each worker with the old-space limit of WORKER_HEAP_MB', () => {
    for (const pid of workersOf(server.pid!)) {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--max-old-space-size=600');
    }
    expect(output).not.toContain('raise WORKER_HEAP_MB');
  });

  it('replaces a worker that dies and keeps answering', async () => {
    const [victim, survivor] = workersOf(server.pid!);
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a replacement worker', async () => {
      const now = workersOf(server.pid!);
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!) ? now : null;
    });
    expect(replaced).toHaveLength(2);
    await until('the supervisor to report it', async () =>
      /Worker \d of 2 stopped \(SIGKILL\); starting another\./.test(output) ? true : null,
    );
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
    }
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const workers = workersOf(server.pid!);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
