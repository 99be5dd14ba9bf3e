/**
 * Anchor towns: for every county, region and nation, its most populous towns (at most 50), from
 * the committed table anchor-towns.generated.json (written by scripts/build-anchor-towns.ts). A
 * search of an area measures a branch outside the area to the nearest of its anchor towns; the
 * benchmark's peers load the same table.
 */
import { createRequire } from 'node:module';

export interface AnchorTown {
  id: string;
  lat: number;
  lon: number;
}

const table = createRequire(import.meta.url)('./anchor-towns.generated.json') as Record<
  string,
  [string, number, number][]
>;

const cache = new Map<string, readonly AnchorTown[]>();

/** The kinds of place searched as an area (0 miles inside, anchor towns outside). */
export function isAreaKind(kind: string): boolean {
  return kind === 'county' || kind === 'region' || kind === 'nation';
}

/**
 * The anchor towns of an area, most populous first; an area missing from the table (a place
 * table newer than it) falls back to its centre, given as `centre`.
 */
export function anchorTownsOf(
  areaId: string,
  centre: { lat: number; lon: number },
): readonly AnchorTown[] {
  let anchors = cache.get(areaId);
  if (!anchors) {
    const rows = table[areaId];
    anchors =
      rows && rows.length > 0
        ? rows.map(([id, lat, lon]) => ({ id, lat, lon }))
        : [{ id: areaId, lat: centre.lat, lon: centre.lon }];
    cache.set(areaId, anchors);
  }
  return anchors;
}
