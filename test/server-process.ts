/**
 * The real server (src/server.ts) as a child process on a data folder of the test's own, holding
 * a small fixture directory (imported through the CLI, so no demo data is generated).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatDirectoryJson } from '../src/services/directory.service.js';
import { buildBranch, buildBrand, buildDirectory, buildListing } from './factories.js';
import { runShortlist } from './cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves with the first non-null value of `probe`, polled every 100 ms; throws after `ms`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The pids of a process's worker children (Linux /proc) running src/server.ts. */
export function workersOf(pid: number): number[] {
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

/** A directory of three listings in IT around Leeds, plus `extra` brands. */
export function fixtureDirectoryJson(extra: ReturnType<typeof buildBrand>[] = []): string {
  const listing = (slug: string) =>
    buildListing({
      slug,
      name: `${slug} Recruitment`,
      industries: ['it'],
      subsectors: [],
      coverage: ['national'],
      branches: [buildBranch({ id: `${slug}-1` })],
    });
  return formatDirectoryJson(
    buildDirectory([
      buildBrand({ slug: 'fixture', listings: ['alpha', 'beta', 'gamma'].map(listing) }),
      ...extra,
    ]),
  );
}

/** A migrated data folder holding the fixture directory (or env's DATABASE_URL's schema). */
export async function prepareDataDir(env: Record<string, string> = {}): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-proc-'));
  const withDir = { ...env, DATA_DIR: dataDir };
  const migrated = await runShortlist(['db', 'migrate'], withDir);
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const file = path.join(dataDir, 'fixture.json');
  fs.writeFileSync(file, fixtureDirectoryJson());
  const imported = await runShortlist(['directory', 'import', file], withDir);
  if (imported.status !== 0) throw new Error(imported.stderr);
  return dataDir;
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or the signal) when the process has ended. */
  exited: Promise<number | string>;
}

/**
 * The environment of a server started from this checkout: local SQLite in `dataDir` (any
 * DATABASE_URL of the caller's shell is blanked), on loopback, logging only warnings.
 */
export function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
}

/** Starts the server on a free port and resolves once it says it is running (within `startupMs`). */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  startupMs?: number,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...serverEnv(dataDir, port), WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  await Promise.race([
    until(
      'the start-up message',
      async () => (output.includes('Shortlist is running') ? true : null),
      startupMs,
    ),
    exited.then((code) => {
      throw new Error(`the server exited (${code}) before it started:\n${output}`);
    }),
  ]);
  return { child, base: `http://127.0.0.1:${port}`, port, output: () => output, exited };
}

/** Kills a server left running by a failed test. */
export function killServer(server: ServerProcess | undefined): void {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
}
