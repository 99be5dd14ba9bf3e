/**
 * Run as a child process (`node --expose-gc --import tsx bench/search/rss-child.ts 1x`): loads
 * the cached directory, builds the engine's index, lets the directory go, collects garbage and
 * prints one JSON line with the resident memory of a process holding the index.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SearchIndex } from '../../src/domain/directory/search-engine.js';
import { loadDirectory, type Scale } from './dataset.js';

const scale = (process.argv[2] ?? '1x') as Scale;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await sleep(50);
  }
}

await settle();
const baselineRss = process.memoryUsage().rss;
let index: SearchIndex | null = new SearchIndex(loadDirectory(scale));
await settle();
const usage = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    scale,
    listings: index.size,
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    baselineRssMb: mb(baselineRss),
    gc: gc !== undefined,
  })}\n`,
);
index = null;
