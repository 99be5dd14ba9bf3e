/**
 * Soak: mixed traffic against the real server for a while (60 s by default, after a 20 s
 * warm-up), counting errors apart from 429s and printing p50/p99 per kind and the RSS of every
 * process at the start and the end of the measured window.
 *
 *   npm run bench:soak [-- --seconds 60] [-- --warmup 20] [-- --data DIR]
 *
 * Starts `src/server.ts` (WORKERS=auto) on a free port in a fresh data folder (demo data is
 * loaded on first start; `--data DIR` reuses one), with AUTH_RATE_LIMIT and ENQUIRY_RATE_LIMIT
 * raised so that the soak's own sign-ins (at most 2 per second) and enquiries are not refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRawInput } from '../../src/domain/followup/test-support.js';
import { startServer, workersOf } from '../../test/server-process.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 60);
const warmupSeconds = arg('warmup', 20);
const dataIndex = process.argv.indexOf('--data');
const dataDir =
  dataIndex > 0
    ? path.resolve(process.argv[dataIndex + 1]!)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-soak-'));

const TOWNS = ['Leeds', 'York', 'Manchester', 'Bristol', 'Cardiff', 'Glasgow', 'Norwich', 'Exeter'];
const INDUSTRIES = ['it', 'driving', 'health', 'construction', 'accounting', 'catering'];
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

type Kind =
  'search-json' | 'results-html' | 'profile' | 'plan' | 'sign-in' | 'interview' | 'enquiry';
interface Tally {
  requests: number;
  errors: number;
  limited: number;
  ms: number[];
  firstError?: string;
}
const tallies = new Map<Kind, Tally>();
let measuring = false;

async function timed(kind: Kind, send: () => Promise<Response>): Promise<Response | null> {
  const started = performance.now();
  let response: Response | null = null;
  let error: string | null = null;
  try {
    response = await send();
    const body = await response.text();
    if (response.status >= 400 && response.status !== 429)
      error = `HTTP ${response.status} ${body.slice(0, 160)}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (measuring) {
    const tally = tallies.get(kind) ?? { requests: 0, errors: 0, limited: 0, ms: [] };
    tallies.set(kind, tally);
    tally.requests += 1;
    tally.ms.push(performance.now() - started);
    if (response?.status === 429) tally.limited += 1;
    else if (error) {
      tally.errors += 1;
      tally.firstError ??= error;
    }
  }
  return response;
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const server = await startServer(dataDir, {
  WORKERS: process.env.WORKERS ?? 'auto',
  AUTH_RATE_LIMIT: '10000',
  ENQUIRY_RATE_LIMIT: '10000',
  LOG_LEVEL: 'warn',
});
const base = server.base;
const pids = () => [server.child.pid!, ...workersOf(server.child.pid!)];

// One account, signed in by cookie for sign-ins and by API token for saved interviews.
const email = `soak-${Date.now()}@example.com`;
const password = 'a long soak passphrase';
const signup = await fetch(`${base}/api/auth/signup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}`);
let cookie = cookiesOf(signup);
const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
const { token: csrfToken } = (await csrf.json()) as { token: string };
cookie = `${cookie}; ${cookiesOf(csrf)}`;
const created = await fetch(`${base}/api/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ name: 'soak' }),
});
if (created.status !== 201) throw new Error(`token answered ${created.status}`);
const { token } = (await created.json()) as { token: string };

const search = (await (
  await fetch(`${base}/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=20`)
).json()) as { results: { slug: string }[] };
// Each listing with an office that takes job seekers' emails (an enquiry names the office).
const listings: { slug: string; branchId: string }[] = [];
for (const { slug } of search.results) {
  const listing = (await (await fetch(`${base}/api/agencies/${slug}`)).json()) as {
    branches: { id: string; candidate: { email: string | null } }[];
  };
  const branch = listing.branches.find((b) => b.candidate.email !== null);
  if (branch) listings.push({ slug, branchId: branch.id });
}

const loops: Record<Exclude<Kind, 'sign-in'>, [number, () => Promise<unknown>]> = {
  'search-json': [
    6,
    () =>
      timed('search-json', () =>
        fetch(
          `${base}/api/agencies/search?industry=${pick(INDUSTRIES)}&purpose=job&location=${pick(TOWNS)}`,
        ),
      ),
  ],
  'results-html': [
    2,
    () =>
      timed('results-html', () =>
        fetch(`${base}/search?industry=${pick(INDUSTRIES)}&purpose=staff&location=${pick(TOWNS)}`),
      ),
  ],
  profile: [2, () => timed('profile', () => fetch(`${base}/agencies/${pick(listings).slug}`))],
  plan: [
    2,
    () =>
      timed('plan', () =>
        fetch(`${base}/api/followup/plan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(makeRawInput()),
        }),
      ),
  ],
  interview: [
    1,
    () =>
      timed('interview', () =>
        fetch(`${base}/api/interviews`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ ...makeRawInput(), agency: pick(listings).slug }),
        }),
      ),
  ],
  enquiry: [
    1,
    () => {
      const listing = pick(listings);
      return timed('enquiry', () =>
        fetch(`${base}/api/agencies/${listing.slug}/enquiries`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            audience: 'candidate',
            branchId: listing.branchId,
            name: 'Soak Tester',
            email: 'soak@example.com',
            message: 'Hello, I am looking for work in IT.',
          }),
        }),
      );
    },
  ],
};

let running = true;
const workers: Promise<void>[] = [];
for (const [count, send] of Object.values(loops)) {
  for (let i = 0; i < count; i++)
    workers.push(
      (async () => {
        while (running) await send();
      })(),
    );
}
// Sign-in: at most 2 per second.
workers.push(
  (async () => {
    while (running) {
      const next = performance.now() + 500;
      await timed('sign-in', () =>
        fetch(`${base}/api/auth/signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        }),
      );
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  })(),
);

await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
const rssStart = new Map(pids().map((pid) => [pid, rssKb(pid)]));
measuring = true;
const started = performance.now();
// RSS every 10 s of the window: a leak climbs steadily, a heap settling in moves both ways.
const samples = new Map<number, number[]>([...rssStart].map(([pid, kb]) => [pid, [kb]]));
const sampler = setInterval(() => {
  for (const [pid, series] of samples) {
    try {
      series.push(rssKb(pid));
    } catch {
      // A worker that has gone.
    }
  }
}, 10_000);
await new Promise((r) => setTimeout(r, seconds * 1000));
clearInterval(sampler);
measuring = false;
const elapsed = (performance.now() - started) / 1000;
const rssEnd = new Map(pids().map((pid) => [pid, rssKb(pid)]));
running = false;
await Promise.all(workers);
server.child.kill('SIGTERM');
await server.exited;
if (dataIndex < 0) fs.rmSync(dataDir, { recursive: true, force: true });

const quantile = (ms: number[], q: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
let requests = 0;
let errors = 0;
let limited = 0;
console.log(
  `Soak: ${elapsed.toFixed(0)} s after ${warmupSeconds} s warm-up; ${os.availableParallelism()} cores; Node ${process.version}; ${new Date().toISOString()}`,
);
console.log('kind            requests   errors   429s   p50 ms   p99 ms');
for (const [kind, tally] of tallies) {
  requests += tally.requests;
  errors += tally.errors;
  limited += tally.limited;
  console.log(
    `${kind.padEnd(16)}${String(tally.requests).padStart(8)}${String(tally.errors).padStart(9)}${String(tally.limited).padStart(7)}${quantile(tally.ms, 0.5).toFixed(1).padStart(9)}${quantile(tally.ms, 0.99).toFixed(1).padStart(9)}${tally.firstError ? `   first error: ${tally.firstError}` : ''}`,
  );
}
console.log(
  `total: ${requests} requests (${(requests / elapsed).toFixed(0)}/s), ${errors} errors, ${limited} answered 429`,
);
console.log('process          RSS start MB   RSS end MB   growth   every 10 s (MB)');
for (const [pid, start] of rssStart) {
  const end = rssEnd.get(pid);
  const role = pid === server.child.pid ? 'primary' : 'worker';
  console.log(
    `${`${role} ${pid}`.padEnd(17)}${(start / 1024).toFixed(1).padStart(12)}${end === undefined ? '   (gone)' : `${(end / 1024).toFixed(1).padStart(13)}${(((end - start) / start) * 100).toFixed(1).padStart(8)}%`}   ${(samples.get(pid) ?? []).map((kb) => (kb / 1024).toFixed(0)).join(' ')}`,
  );
}
process.exitCode = errors === 0 ? 0 : 1;
