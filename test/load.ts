/**
 * A small load generator for fault tests: `clients` loops, each sending requests one after
 * another, recording when each request was fully sent and how it ended.
 */
import http from 'node:http';

interface Outcome {
  /** When the request had been handed to the network in full (ms since the epoch); null if never. */
  sentAt: number | null;
  startedAt: number;
  endedAt: number;
  status: number | null;
  /** The response's Connection header, or the error's code. */
  connection: string | null;
  error: string | null;
}

const GIVE_UP_MS = 6_000;

function requestOnce(url: string, agent: http.Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    let sentAt: number | null = null;
    let settled = false;
    const settle = (outcome: Omit<Outcome, 'sentAt' | 'startedAt' | 'endedAt'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, sentAt, startedAt, endedAt: Date.now() });
    };
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        settle({
          status: res.statusCode ?? null,
          connection: res.headers.connection ?? null,
          error: null,
        }),
      );
      res.on('error', (error: NodeJS.ErrnoException) =>
        settle({ status: null, connection: null, error: error.code ?? error.message }),
      );
    });
    req.on('finish', () => {
      sentAt = Date.now();
    });
    req.setTimeout(GIVE_UP_MS, () => {
      settle({ status: null, connection: null, error: 'no-answer' });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ status: null, connection: null, error: error.code ?? error.message }),
    );
  });
}

export interface Load {
  /** Resolves once `count` more requests have ended (a busy machine may take its time). */
  answered(count: number): Promise<void>;
  /** Stops sending new requests; resolves with every outcome once all have ended. */
  stop(): Promise<Outcome[]>;
}

/** Starts `clients` loops against `url`; keep-alive clients reuse connections, others do not. */
export function startLoad(url: string, options: { clients: number; keepAlive: boolean }): Load {
  const agent = new http.Agent({ keepAlive: options.keepAlive, maxSockets: options.clients });
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: options.clients }, async () => {
    while (running) {
      const outcome = await requestOnce(url, agent);
      outcomes.push(outcome);
      // A refused connection comes back at once: do not spin.
      if (outcome.error) await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    async answered(count) {
      const target = outcomes.length + count;
      while (outcomes.length < target) await pause(50);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return outcomes;
    },
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
