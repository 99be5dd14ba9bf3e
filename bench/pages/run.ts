/**
 * Results page benchmark: server time of `GET /search` (the whole HTML page) for a seeded mix
 * of searches, through Fastify's inject (no network), over the demo directory in SQLite.
 * `npm run bench:pages [-- --json]`. Target (issue 5): under 10 ms at p50.
 */
import { performance } from 'node:perf_hooks';
import { generateDemoDirectory } from '../../src/domain/directory/demo-directory.js';
import { demoOutcodeForTown } from '../../src/domain/directory/demo-postcodes.js';
import { buildTestApp } from '../../test/app.js';
import { makeQueries } from '../search/queries.js';

const json = process.argv.includes('--json');
const directory = generateDemoDirectory({ outcodeForTown: demoOutcodeForTown });
const t = await buildTestApp(directory);
// The page takes the same parameters as the API: reuse the search benchmark's seeded mix.
const urls = makeQueries(300, directory).map(
  (q) => `/search?${new URLSearchParams(q.raw).toString()}`,
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const statuses = new Map<number, number>();
for (const url of urls)
  await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
const times: number[] = [];
const sizes: number[] = [];
for (const url of urls) {
  const start = performance.now();
  const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
  times.push(performance.now() - start);
  sizes.push(res.rawPayload.length);
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
}
await t.close();
times.sort((a, b) => a - b);
sizes.sort((a, b) => a - b);
const result = {
  pages: urls.length,
  p50Ms: Number(percentile(times, 0.5).toFixed(3)),
  p99Ms: Number(percentile(times, 0.99).toFixed(3)),
  gzipKbP50: Number((percentile(sizes, 0.5) / 1024).toFixed(1)),
  gzipKbMax: Number(((sizes[sizes.length - 1] ?? 0) / 1024).toFixed(1)),
  statuses: Object.fromEntries(statuses),
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(
    `GET /search (results page, ${result.pages} seeded searches, gzip): p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
  );
  console.log(
    `HTML size gzip: p50 ${result.gzipKbP50} KB, max ${result.gzipKbMax} KB; statuses ${JSON.stringify(result.statuses)}`,
  );
  console.log(`Target: server time under 10 ms at p50 — ${result.p50Ms < 10 ? 'PASS' : 'FAIL'}`);
}
