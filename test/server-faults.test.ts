/**
 * Faults on the real server: the SQLite file deleted or damaged, a worker killed with SIGKILL
 * under load, and SIGTERM under load with keep-alive clients.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoad } from './load.js';
import {
  killServer,
  prepareDataDir,
  startServer,
  until,
  workersOf,
  type ServerProcess,
} from './server-process.js';

const SEARCH = '/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=3';

describe('the SQLite file deleted while the server runs', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    dataDir = await prepareDataDir();
    server = await startServer(dataDir);
  }, 120_000);
  afterAll(() => {
    killServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health 503 database-unavailable and accepts no write', async () => {
    const base = server!.base;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    // The lock file `shortlist db restore` looks for.
    expect(fs.readFileSync(path.join(dataDir, 'server.lock'), 'utf8')).toBe(
      `${server!.child.pid}\n`,
    );
    const file = path.join(dataDir, 'shortlist.db');
    fs.rmSync(file);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      errors: [
        {
          field: null,
          code: 'database-unavailable',
          message: `The database is not available: the file ${file} has been deleted.`,
        },
      ],
    });
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lost@example.com', password: 'a long enough passphrase' }),
    });
    expect(signup.status).toBe(503);
    expect(((await signup.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'database-unavailable',
    );
    // Searching is served from memory and goes on.
    expect((await fetch(`${base}${SEARCH}`)).status).toBe(200);
  });
});

describe('a damaged SQLite file at start', () => {
  it('is one plain sentence, not a stack trace, and the server does not start', async () => {
    const dataDir = await prepareDataDir();
    const file = path.join(dataDir, 'shortlist.db');
    try {
      const bytes = fs.readFileSync(file);
      bytes.fill(0x41, 0, 100);
      fs.writeFileSync(file, bytes);
      await expect(startServer(dataDir)).rejects.toThrow(
        `the server exited (1) before it started:\nThe database file ${file} is damaged (PRAGMA quick_check: file is not a database): restore a backup with "shortlist db restore FILE", or move the file away and start again with an empty database.\n`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('two workers under load', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    dataDir = await prepareDataDir();
    server = await startServer(dataDir, { WORKERS: '2' });
  }, 120_000);
  afterAll(() => {
    killServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 of a worker: every request gets a response or a connection error within 5 s', async () => {
    const url = `${server!.base}${SEARCH}`;
    const fresh = startLoad(url, { clients: 25, keepAlive: false });
    const kept = startLoad(url, { clients: 25, keepAlive: true });
    await Promise.all([fresh.answered(100), kept.answered(100)]);
    const [victim] = workersOf(server!.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await Promise.all([fresh.answered(100), kept.answered(100)]);
    const outcomes = [...(await fresh.stop()), ...(await kept.stop())];
    const slow = outcomes.filter((o) => o.endedAt - o.startedAt > 5000 || o.error === 'no-answer');
    expect(slow).toEqual([]);
    // The supervisor replaces the worker, and the server goes on answering.
    await until('a replacement worker', async () =>
      workersOf(server!.child.pid!).length === 2 ? true : null,
    );
    await until('an answer', async () =>
      (await fetch(`${server!.base}/api/health`)).status === 200 ? true : null,
    );
  });

  it('SIGTERM: every request fully sent before the signal gets a response, then it exits 0', async () => {
    const load = startLoad(`${server!.base}${SEARCH}`, { clients: 50, keepAlive: true });
    await load.answered(200);
    const signalAt = Date.now();
    server!.child.kill('SIGTERM');
    expect(await server!.exited).toBe(0);
    const outcomes = await load.stop();
    const sentBefore = outcomes.filter((o) => o.sentAt !== null && o.sentAt < signalAt);
    expect(sentBefore.length).toBeGreaterThanOrEqual(200);
    expect(sentBefore.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.some((o) => o.status === 200 && o.connection === 'close')).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
  });
});
