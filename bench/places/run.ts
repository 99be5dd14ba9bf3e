/**
 * Place lookup benchmark: geocodePlace and suggestPlaces in-process, and the two endpoints'
 * server time through Fastify's inject (no network). `npm run bench:places [-- --json]`.
 */
import { performance } from 'node:perf_hooks';
import { geocodePlace } from '../../src/domain/directory/geocode.js';
import { suggestPlaces } from '../../src/domain/directory/gazetteer.js';
import { listTowns } from '../../src/domain/directory/places.js';
import { listPostcodeDistricts } from '../../src/domain/directory/postcodes.js';
import { buildTestApp } from '../../test/app.js';

const json = process.argv.includes('--json');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(label: string, inputs: string[], fn: (text: string) => unknown) {
  for (let pass = 0; pass < 3; pass++) {
    for (const text of inputs) {
      try {
        fn(text);
      } catch {
        // Errors (unknown places) are answers too; they are timed the same way.
      }
    }
  }
  const times: number[] = [];
  for (const text of inputs) {
    const start = performance.now();
    try {
      fn(text);
    } catch {
      // as above
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, n: inputs.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}

const towns = [...listTowns()].sort((a, b) => b.population - a.population).slice(0, 1000);
const names = towns.map((t) => t.name);
const misspelt = names.slice(0, 200).map((n) => (n.length > 4 ? n.slice(0, 2) + n.slice(3) : n));
const postcodes = listPostcodeDistricts()
  .slice(0, 500)
  .map((d, i) => `${d.district} ${(i % 9) + 1}AB`);
const prefixes = names.slice(0, 500).map((n) => n.slice(0, 3));
const mixed = [...names, ...misspelt, ...postcodes, 'Newport', 'Richmond', 'Paris', 'asdfgh'];

const rows = [
  measure('geocodePlace (towns)', names, (t) => geocodePlace(t)),
  measure('geocodePlace (misspellings)', misspelt, (t) => geocodePlace(t)),
  measure('geocodePlace (postcodes)', postcodes, (t) => geocodePlace(t)),
  measure('suggestPlaces (3-letter prefixes)', prefixes, (t) => suggestPlaces(t, 10)),
];

const t = await buildTestApp();
async function measureRoute(label: string, url: (text: string) => string, inputs: string[]) {
  // One warm pass (JIT, caches), then the measured pass.
  for (const text of inputs) await t.app.inject({ method: 'GET', url: url(text) });
  const times: number[] = [];
  for (const text of inputs) {
    const start = performance.now();
    await t.app.inject({ method: 'GET', url: url(text) });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, n: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}
rows.push(
  await measureRoute(
    'GET /api/places/resolve (inject)',
    (q) => `/api/places/resolve?q=${encodeURIComponent(q)}`,
    mixed,
  ),
);
rows.push(
  await measureRoute('GET /api/places (inject)', (q) => `/api/places?q=${encodeURIComponent(q)}`, [
    ...prefixes,
    ...prefixes,
  ]),
);
await t.close();

if (json) {
  console.log(
    JSON.stringify(
      Object.fromEntries(rows.map((r) => [r.label, { p50Ms: r.p50Ms, p99Ms: r.p99Ms, n: r.n }])),
    ),
  );
} else {
  console.log(
    `${'what'.padEnd(40)}${'n'.padStart(6)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(40)}${String(r.n).padStart(6)}${r.p50Ms.toFixed(4).padStart(10)}${r.p99Ms.toFixed(4).padStart(10)}`,
    );
  }
  console.log('Target: well under 1 ms of server time for both endpoints.');
}
