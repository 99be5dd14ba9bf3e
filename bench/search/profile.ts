/** Quick in-process profile of the engine alone at one scale: `npx tsx bench/search/profile.ts 1x`. */
import { performance } from 'node:perf_hooks';
import { SearchIndex } from '../../src/domain/directory/search-engine.js';
import { loadDirectory, type Scale } from './dataset.js';
import { makeQueries } from './queries.js';

const scale = (process.argv[2] ?? '1x') as Scale;
const directory = loadDirectory(scale);
const index = new SearchIndex(directory);
const queries = makeQueries(1000, loadDirectory('1x'));
for (let pass = 0; pass < 3; pass++) for (const q of queries) index.search(q.query, q.place);
const times: number[] = [];
for (const q of queries) {
  const start = performance.now();
  index.search(q.query, q.place);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p: number) =>
  times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(4);
console.log(`${scale}: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
