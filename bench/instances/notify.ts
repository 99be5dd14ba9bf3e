/**
 * How long a directory change takes to reach two instances on PostgreSQL: LISTEN/NOTIFY with the
 * poll set to an hour (so only the notification can deliver it), against the poll alone on
 * SQLite (DIRECTORY_POLL_SECONDS=2). Measured from the CLI import's return to the new listing in
 * each server's search. Usage: npx tsx bench/instances/notify.ts [--rounds N]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runShortlist } from '../../test/cli.js';
import { TEST_DATABASE_URL } from '../../test/databases.js';
import { buildBranch, buildBrand, buildListing } from '../../test/factories.js';
import {
  fixtureDirectoryJson,
  prepareDataDir,
  startServer,
  type ServerProcess,
} from '../../test/server-process.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 20;
const SEARCH = '/api/agencies/search?industry=it&purpose=job&location=Leeds&pageSize=50';

async function showsWithin(server: ServerProcess, slug: string, since: number): Promise<number> {
  for (;;) {
    const body = (await (await fetch(`${server.base}${SEARCH}`)).json()) as {
      results: { slug: string }[];
    };
    if (body.results.some((r) => r.slug === slug)) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 2));
  }
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function measure(
  label: string,
  env: Record<string, string>,
  serverEnv: Record<string, string>,
) {
  const dataDir = await prepareDataDir(env);
  const second = fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-proc-'));
  const servers = await Promise.all(
    [dataDir, ...(env.DATABASE_URL ? [second] : [])].map((dir) =>
      startServer(dir, { ...env, ...serverEnv }),
    ),
  );
  const times: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const slug = `bench-${round}`;
      const brand = buildBrand({
        slug: `bench-brand-${round}`,
        listings: [
          buildListing({
            slug,
            industries: ['it'],
            subsectors: [],
            coverage: ['national'],
            branches: [buildBranch({ id: `${slug}-1` })],
          }),
        ],
      });
      const file = path.join(dataDir, 'round.json');
      fs.writeFileSync(file, fixtureDirectoryJson([brand]));
      const imported = await runShortlist(['directory', 'import', file], {
        ...env,
        DATA_DIR: dataDir,
      });
      if (imported.status !== 0) throw new Error(imported.stderr);
      const since = performance.now();
      const each = await Promise.all(servers.map((s) => showsWithin(s, slug, since)));
      times.push(Math.max(...each));
      // Rounds start at a random phase of the poll.
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1800));
    }
  } finally {
    for (const s of servers) s.child.kill('SIGKILL');
    for (const dir of [dataDir, second]) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${label}: ${rounds} imports, until every server shows it: ${summary(times)}`);
}

const schema = `bench_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
try {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await measure(
    'PostgreSQL, 2 instances, LISTEN/NOTIFY (poll 3600 s)',
    { DATABASE_URL: url.toString() },
    { MIGRATE_ON_START: 'false', DIRECTORY_POLL_SECONDS: '3600' },
  );
  await measure('SQLite, 1 instance, poll every 2 s', {}, { DIRECTORY_POLL_SECONDS: '2' });
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
