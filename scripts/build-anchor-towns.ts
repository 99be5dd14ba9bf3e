/**
 * Writes src/domain/directory/anchor-towns.generated.json: for every county, region and nation,
 * its most populous towns (at most 50), each as [town id, lat, lon]. A search of an area measures
 * a branch outside it to the nearest of these. Run once when the place tables change:
 *   npx tsx scripts/build-anchor-towns.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import {
  ancestorsOf,
  listCounties,
  listNations,
  listRegions,
  listTowns,
} from '../src/domain/directory/places.js';

const MAX_ANCHORS = 50;
const areas = [...listNations(), ...listRegions(), ...listCounties()];
const byArea = new Map<string, [string, number, number][]>(areas.map((a) => [a.id, []]));
// listTowns() is most populous first (ties by id), so each list fills in that order.
for (const town of listTowns()) {
  for (const id of ancestorsOf(town.id)) {
    const list = byArea.get(id);
    if (list && list.length < MAX_ANCHORS) list.push([town.id, town.lat, town.lon]);
  }
}
const out: Record<string, [string, number, number][]> = {};
for (const id of [...byArea.keys()].sort()) out[id] = byArea.get(id)!;
const file = fileURLToPath(
  new URL('../src/domain/directory/anchor-towns.generated.json', import.meta.url),
);
// Formatted as the repository's other files, so `prettier --check .` passes.
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(JSON.stringify(out), { ...options, filepath: file }));
console.log(`anchor towns: ${Object.keys(out).length} areas`);
