/**
 * Where a search measures from. A town or postcode: its point. An area (county, region, nation):
 * a branch inside it is at distance 0, any other is measured to the area's nearest anchor town
 * (anchor-towns.ts).
 */
import { anchorTownsOf, type AnchorTown } from './anchor-towns.js';
import { angleOf, distanceMiles, unitVector } from './geo.js';
import type { IndexedBranch, IndexedDirectory } from './search-index.js';
import type { SearchPlace } from './search-outcome.js';

/** What an area search measures from: which place numbers lie inside, and its anchor towns. */
export interface AreaGeometry {
  inside: Uint8Array;
  /** Anchor towns' unit vectors, (x, y, z) each. */
  anchors: Float64Array;
  anchorTowns: readonly AnchorTown[];
  /**
   * By town place number, built when first needed: the anchors (offsets into `anchors`) that can
   * be the nearest to some branch of that town (see townAnchors); the others never are.
   */
  townAnchors: (Int32Array | undefined)[];
}

/** The searched place as the scan and the presentation of one search read it. */
export interface SearchAt {
  /** Null unless the place is an area. */
  geometry: AreaGeometry | null;
  /** The place's island (see placeIslandOf). */
  island: number;
  /** An area's own place number, else -1. */
  own: number;
  /** The place's name as it reads inside a sentence. */
  placeName: string;
  /** Place number n is in the place's chain when marks[n] === mark (see SearchIndex.search). */
  marks: Int32Array;
  mark: number;
}

/** Slack (radians, about 0.6 m) for rounding in the anchor pruning's angles. */
const ANGLE_SLACK = 1e-7;

/** The area's inside marks (by place number) and anchor towns. */
export function areaGeometry(index: IndexedDirectory, place: SearchPlace): AreaGeometry {
  const areaId = place.chain[0]!;
  const isInside = (placeId: string) =>
    placeId === areaId || index.ancestors(placeId).includes(areaId);
  const inside = new Uint8Array(index.placeIds.length);
  index.placeIds.forEach((id, i) => (inside[i] = isInside(id) ? 1 : 0));
  const anchorTowns = anchorTownsOf(areaId, place);
  const anchors = new Float64Array(anchorTowns.length * 3);
  anchorTowns.forEach((a, i) => anchors.set(unitVector(a.lat, a.lon), i * 3));
  return { inside, anchors, anchorTowns, townAnchors: [] };
}

/**
 * The anchors that can be nearest to a branch of town `t`: every branch of the town lies within
 * townRadius[t] (an angle) of the town's reference point, so by the triangle inequality an
 * anchor further from that point than the nearest anchor plus twice that radius is never the
 * nearest. Usually one to three of the area's anchors remain; the answer stays exact. Kept in
 * `geometry.townAnchors`.
 */
export function townAnchors(
  index: IndexedDirectory,
  geometry: AreaGeometry,
  t: number,
): Int32Array {
  const { anchors } = geometry;
  const rx = index.townRef[t * 3]!;
  const ry = index.townRef[t * 3 + 1]!;
  const rz = index.townRef[t * 3 + 2]!;
  const angles: number[] = [];
  let nearest = Infinity;
  for (let a = 0; a < anchors.length; a += 3) {
    const angle = angleOf(rx * anchors[a]! + ry * anchors[a + 1]! + rz * anchors[a + 2]!);
    angles.push(angle);
    if (angle < nearest) nearest = angle;
  }
  const bound = nearest + 2 * index.townRadius[t]! + ANGLE_SLACK;
  const kept: number[] = [];
  angles.forEach((angle, i) => {
    if (angle <= bound) kept.push(i * 3);
  });
  const list = Int32Array.from(kept);
  geometry.townAnchors[t] = list;
  return list;
}

/** Miles from the searched place to a branch: for an area, 0 inside, else to its nearest anchor town. */
export function branchMiles(
  index: IndexedDirectory,
  branch: IndexedBranch,
  place: SearchPlace,
  geometry: AreaGeometry | null,
): number {
  if (geometry === null) return distanceMiles(place.lat, place.lon, branch.lat, branch.lon);
  const town = index.placeNumbers.get(branch.town);
  if (town !== undefined && geometry.inside[town] === 1) return 0;
  const [x, y, z] = unitVector(branch.lat, branch.lon);
  const anchors = geometry.anchors;
  let best = -2;
  let nearest = 0;
  for (let i = 0; i < geometry.anchorTowns.length; i++) {
    const c = x * anchors[i * 3]! + y * anchors[i * 3 + 1]! + z * anchors[i * 3 + 2]!;
    if (c > best) {
      best = c;
      nearest = i;
    }
  }
  const anchor = geometry.anchorTowns[nearest]!;
  return distanceMiles(anchor.lat, anchor.lon, branch.lat, branch.lon);
}
