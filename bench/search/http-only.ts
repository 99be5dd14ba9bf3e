/** Only the HTTP part of the search benchmark: `npx tsx bench/search/http-only.ts`. */
import { loadDirectory } from './dataset.js';
import { runHttpBench } from './http-bench.js';
import { makeQueries } from './queries.js';

const queries = makeQueries(1000, loadDirectory('1x'));
const result = await runHttpBench({
  paths: queries.map((q) => q.path),
  durationSec: 10,
  connections: 50,
  log: (line) => console.error(line),
});
console.log(JSON.stringify(result));
