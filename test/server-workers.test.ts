/**
 * The real server (src/server.ts) with WORKERS=2, as `npm start` runs it on a 2-core machine:
 * it prepares the database once, serves from two worker processes, replaces a worker that dies
 * and stops everything on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The pids of a process's worker children (Linux /proc): those running src/server.ts, not, say,
 * the esbuild service tsx may start.
 */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === pid && command.includes('src/server.ts')) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

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
    expect(childrenOf(server.pid!)).toHaveLength(2);
    const res = await fetch(
      `${base}/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=3`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { location: { name: string }; results: unknown[] };
    expect(body.location.name).toBe('Leeds');
    expect(body.results).toHaveLength(3);
  });

  it('starts each worker with the old-space limit of WORKER_HEAP_MB', () => {
    for (const pid of childrenOf(server.pid!)) {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--max-old-space-size=600');
    }
    expect(output).not.toContain('raise WORKER_HEAP_MB');
  });

  it('replaces a worker that dies and keeps answering', async () => {
    const [victim, survivor] = childrenOf(server.pid!);
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a replacement worker', async () => {
      const now = childrenOf(server.pid!);
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
    const workers = childrenOf(server.pid!);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
