/**
 * The ranking of a search's candidates (held in the scan's scratch buffers), deterministic so
 * other engines can be compared with it:
 * - covers: tier, named sub-sector first, distance band, fewer industries, nearer, slug;
 * - specialists: named sub-sector first, fewer industries, nearer, slug;
 * - nearest: nearer, slug.
 * "Nearer" compares the cosine of the central angle (larger is nearer), then, in an area, the
 * closeness of a branch inside it to the area's centre.
 */
import type { Scratch } from './search-scan.js';
import type { SearchOrder } from './taxonomy.js';

/** More than the number of industries a listing can cover (the taxonomy has 69): see selectTop. */
const RANK_SPAN = 1024;

/**
 * A candidate's sort key for selectTop: monotone in every ranking field but the slug (and the
 * centre), so it never contradicts the comparison: nearest by 1 - cosine; the others by (tier,
 * unnamed, band) and industries (< RANK_SPAN) in the integer part and 1 - cosine, scaled into
 * [0, 0.5], as the fraction.
 */
export function rankKey(
  byDistance: boolean,
  covers: boolean,
  tier: number,
  unnamed: number,
  band: number,
  industries: number,
  closeness: number,
): number {
  if (byDistance) return 1 - closeness;
  return (
    (covers ? (((tier - 1) * 2 + unnamed) * 4 + band) * RANK_SPAN : 0) +
    (unnamed === 0 ? 0 : covers ? 0 : RANK_SPAN) +
    industries +
    (1 - closeness) / 4
  );
}

/** The candidates of page `page` (from 1) of `pageSize`, in ranking order. */
export function rankedPage(
  buf: Scratch,
  count: number,
  order: SearchOrder,
  page: number,
  pageSize: number,
): number[] {
  const compareDistance = (a: number, b: number) =>
    buf.closeness[b]! - buf.closeness[a]! || buf.centre[b]! - buf.centre[a]!;
  const compare =
    order === 'nearest'
      ? (a: number, b: number) => compareDistance(a, b) || buf.rank[a]! - buf.rank[b]!
      : order === 'covers'
        ? (a: number, b: number) =>
            buf.tier[a]! - buf.tier[b]! ||
            buf.unnamed[a]! - buf.unnamed[b]! ||
            buf.band[a]! - buf.band[b]! ||
            buf.industries[a]! - buf.industries[b]! ||
            compareDistance(a, b) ||
            buf.rank[a]! - buf.rank[b]!
        : (a: number, b: number) =>
            buf.unnamed[a]! - buf.unnamed[b]! ||
            buf.industries[a]! - buf.industries[b]! ||
            compareDistance(a, b) ||
            buf.rank[a]! - buf.rank[b]!;
  const start = (page - 1) * pageSize;
  return selectTop(count, start + pageSize, buf.key, buf.heap, compare).slice(start);
}

/**
 * The first k of `count` candidates in `compare` order, without comparing them all: `key[c]` is
 * a number that never orders two candidates against `compare` (equal keys are allowed), so the
 * k-th smallest key (kept in a bounded max-heap of keys, `heap`) bounds the answer; only the
 * candidates within that bound are sorted with `compare`.
 */
function selectTop(
  count: number,
  k: number,
  key: Float64Array,
  heap: Float64Array,
  compare: (a: number, b: number) => number,
): number[] {
  const limit = Math.min(k, count);
  if (limit <= 0) return [];
  let size = 0;
  for (let c = 0; c < count; c++) {
    const value = key[c]!;
    if (size < limit) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! >= value) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = value;
    } else if (value < heap[0]!) {
      // Replace the largest and sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const child = r < size && heap[r]! > heap[l]! ? r : l;
        if (heap[child]! <= value) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = value;
    }
  }
  const bound = heap[0]!;
  const within: number[] = [];
  for (let c = 0; c < count; c++) if (key[c]! <= bound) within.push(c);
  within.sort(compare);
  return within.length > limit ? within.slice(0, limit) : within;
}
