/**
 * Several HTTP worker processes on one port (node:cluster), for machines with more than one core:
 * the primary prepares the database, forks the workers, replaces one that dies and stops them all
 * on SIGINT or SIGTERM. A worker that fails before it ever listens (a port in use, a database it
 * cannot reach) stops the whole server instead of being restarted for ever.
 */
import cluster, { type Worker } from 'node:cluster';

/** Tells a worker its index (0..n-1); index 0 also runs the background jobs. */
const WORKER_INDEX_VARIABLE = 'SHORTLIST_WORKER_INDEX';

/** More restarts than this within RESTART_WINDOW_MS means something is wrong: stop. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
export function superviseWorkers(
  count: number,
  onAllListening: () => void,
  options: {
    /** Workers still running this long after SIGTERM are killed (they drain for a grace period). */
    stopTimeoutMs: number;
    /** Each worker's V8 old space in MB (WORKER_HEAP_MB); null leaves V8's own default. */
    heapMb?: number | null;
  } = { stopTimeoutMs: 10_000 },
): void {
  // The workers accept connections themselves from the shared socket. With the default
  // round-robin the primary accepts and passes each connection on, keeping its own copy until the
  // worker acknowledges it: a worker killed in between left that client without an answer or a
  // reset for ever. UV_TCP_SINGLE_ACCEPT makes each worker take one connection at a time, so
  // they share new connections rather than the first awake taking a burst.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  // A bounded old space: by default V8 lets a worker's heap grow towards a share of the machine's
  // memory before collecting, so its footprint drifts upwards under steady traffic (measured in
  // bench:soak); with a limit it collects earlier and stays flat. An explicit limit already in
  // NODE_OPTIONS or the command line wins.
  const hasLimit = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
    arg.includes('--max-old-space-size'),
  );
  if (options.heapMb && !hasLimit) {
    cluster.setupPrimary({
      execArgv: [...process.execArgv, `--max-old-space-size=${options.heapMb}`],
    });
  }
  const workers = new Map<number, Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();

  const stopAll = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const running = [...workers.values()].filter((w) => !w.isDead());
    if (running.length === 0) process.exit(exitCode);
    let left = running.length;
    const timer = setTimeout(() => {
      for (const w of running) if (!w.isDead()) w.process.kill('SIGKILL');
    }, options.stopTimeoutMs);
    for (const w of running) {
      w.once('exit', () => {
        left -= 1;
        if (left === 0) {
          clearTimeout(timer);
          process.exit(exitCode);
        }
      });
      w.process.kill('SIGTERM');
    }
  };

  const start = (index: number) => {
    const worker = cluster.fork({
      [WORKER_INDEX_VARIABLE]: String(index),
      UV_TCP_SINGLE_ACCEPT: '1',
    });
    let hasListened = false;
    workers.set(index, worker);
    worker.once('listening', () => {
      hasListened = true;
      listening.add(index);
      if (!announced && listening.size === count) {
        announced = true;
        onAllListening();
      }
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!hasListened) {
        console.error(
          `A worker stopped before it could serve (${signal ?? `exit code ${code}`}); stopping Shortlist.`,
        );
        stopAll(1);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        console.error(
          `Workers stopped ${restarts.length} times in a minute (the last: ${signal ?? `exit code ${code}`}); stopping Shortlist.`,
        );
        stopAll(1);
        return;
      }
      console.error(
        `Worker ${index + 1} of ${count} stopped (${signal ?? `exit code ${code}`}); starting another.`,
      );
      start(index);
    });
  };

  for (let i = 0; i < count; i++) start(i);
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}
