/**
 * The HTTP figure: the real server (src/server.ts) started as a child process with a temporary
 * DATA_DIR (it migrates and loads the 1x demo directory on first start) and the default WORKERS,
 * then autocannon (http-load.ts, a process of its own) on loopback against
 * GET /api/agencies/search with the benchmark's queries.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { freePort, serverEnv } from '../../test/server-process.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HttpResult {
  requestsPerSec: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  connections: number;
  /** The server's worker processes (WORKERS, auto by default: one per core, at most 4). */
  workers: number;
  durationSec: number;
  startupMs: number;
}

/** Runs http-load.ts in a child process and returns what it printed. */
async function runLoad(
  args: string[],
  log: (line: string) => void,
): Promise<Omit<HttpResult, 'connections' | 'workers' | 'startupMs'>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'bench/search/http-load.ts'), ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  load: ${line}`);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<
    HttpResult,
    'connections' | 'workers' | 'startupMs'
  >;
}

/** Waits for /api/health and for the start-up line (printed once every worker listens). */
async function waitForHealth(
  base: string,
  child: ChildProcess,
  timeoutMs: number,
  announced: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok && announced()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function runHttpBench(options: {
  paths: readonly string[];
  durationSec: number;
  connections: number;
  log: (line: string) => void;
  /** Work to do while the server starts (not while it is measured), awaited before the load. */
  whileStarting?: () => Promise<void>;
}): Promise<HttpResult> {
  const { paths, durationSec, connections, log } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-bench-http-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const env = serverEnv(dataDir, port);
  const workers = loadConfig(env, REPO_ROOT).workers;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let announced = false;
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('Shortlist is running')) announced = true;
      if (line.trim()) log(`  server: ${line}`);
    }
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  try {
    const sideWork = options.whileStarting?.();
    await waitForHealth(base, child, 180_000, () => announced);
    const startupMs = performance.now() - started;
    log(`http: server up on ${base} in ${Math.round(startupMs)} ms (DATA_DIR ${dataDir})`);
    await sideWork;
    // Every query once, checking it is answered, then a short run to warm the server's JIT.
    let failures = 0;
    for (const p of paths) {
      const res = await fetch(`${base}${p}`);
      if (!res.ok) {
        failures += 1;
        if (failures <= 3) log(`http: ${res.status} for ${p}: ${(await res.text()).slice(0, 200)}`);
      } else await res.arrayBuffer();
    }
    if (failures > 0) log(`http: ${failures} of ${paths.length} queries failed`);
    const pathsFile = path.join(dataDir, 'bench-paths.json');
    fs.writeFileSync(pathsFile, JSON.stringify(paths));
    log(
      `http: autocannon -c ${connections} -d ${durationSec} over ${paths.length} queries (after 2 s of warm-up), in its own process`,
    );
    const load = await runLoad([base, pathsFile, String(durationSec), String(connections)], log);
    return { ...load, connections, workers, startupMs };
  } finally {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
