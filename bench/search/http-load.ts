/**
 * The load generator of the HTTP benchmark, in a process of its own so that the benchmark's
 * heap (both scales' directories and indexes) does not slow autocannon down:
 * `node --import tsx bench/search/http-load.ts BASE PATHS_FILE SECONDS CONNECTIONS` prints one
 * JSON object. 2 s of load warm the server first; each connection starts at a different point of
 * the list so the server sees varied queries.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

const [base, pathsFile, seconds, connectionsText] = process.argv.slice(2);
if (!base || !pathsFile || !seconds || !connectionsText) {
  console.error('usage: http-load.ts BASE PATHS_FILE SECONDS CONNECTIONS');
  process.exit(2);
}
const connections = Number(connectionsText);
const paths = JSON.parse(fs.readFileSync(pathsFile, 'utf8')) as string[];
const requests = paths.map((p) => ({ method: 'GET', path: p }));
let nextClient = 0;
const setupClient = (client: { setRequests(r: typeof requests): void }) => {
  const offset = Math.floor((nextClient++ * requests.length) / connections) % requests.length;
  client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
};
await autocannon({ url: base, connections, duration: 2, requests, setupClient });
nextClient = 0;
const result = await autocannon({
  url: base,
  connections,
  duration: Number(seconds),
  requests,
  setupClient,
});
console.log(
  JSON.stringify({
    requestsPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    durationSec: result.duration,
  }),
);
