/**
 * The HTTP figure: the real server (src/server.ts) started as a child process with a temporary
 * DATA_DIR (it migrates and loads the 1x demo directory on first start), then autocannon on
 * loopback against GET /api/agencies/search with the benchmark's queries, each connection
 * starting at a different point of the list so the server sees varied queries.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HttpResult {
  requestsPerSec: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  connections: number;
  durationSec: number;
  startupMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  server: ${line}`);
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  try {
    const sideWork = options.whileStarting?.();
    await waitForHealth(base, child, 180_000);
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
    const requests = paths.map((p) => ({ method: 'GET', path: p }));
    let nextClient = 0;
    const setupClient = (client: { setRequests(r: typeof requests): void }) => {
      const offset = Math.floor((nextClient++ * requests.length) / connections) % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    };
    await autocannon({ url: base, connections, duration: 2, requests, setupClient });
    nextClient = 0;
    log(`http: autocannon -c ${connections} -d ${durationSec} over ${paths.length} queries`);
    const result = await autocannon({
      url: base,
      connections,
      duration: durationSec,
      requests,
      setupClient,
    });
    return {
      requestsPerSec: result.requests.average,
      p99Ms: result.latency.p99,
      p50Ms: result.latency.p50,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      connections,
      durationSec: result.duration,
      startupMs,
    };
  } finally {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
