/**
 * Text normalisation shared by the place tables, the gazetteer and the postcode tables. Pure.
 */

/** Lower case without accents, `&` spelled `and`: what every key and slug starts from. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ');
}

/**
 * The key a place name is looked up by: case, accents, spaces, hyphens, apostrophes and full
 * stops never matter, `&` is `and` and `Saint` is `St`. "Stoke-on-Trent" and "stoke on trent"
 * are both `stokeontrent`; "St. Helens" and "Saint Helens" are both `sthelens`.
 *
 * scripts/build-places.mjs has a copy (for the names of places outside the UK): keep them equal.
 */
export function normaliseName(text: string): string {
  return foldText(text)
    .replace(/['’‘`.]/g, '')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9]+/g, '');
}

/** URL-safe slug for ids: "Kingston upon Hull" -> `kingston-upon-hull`, "St. Helens" -> `st-helens`. */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/['’‘`.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance between a and b, or
 * max + 1 as soon as it is known to exceed max. O(len * (2 max + 1)).
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const big = max + 1;
  // Three rows reused across calls: this runs for thousands of names per misspelling, and
  // allocating rows each time made garbage collection the slowest part of a lookup.
  if (m + 1 > scratchSize) growScratch(m + 1);
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  prevPrev.fill(big, 0, m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur.fill(big, 0, m + 1);
    cur[0] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        ai === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return big;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[m]!;
  return d > max ? big : d;
}

let scratchSize = 128;
let rowA = new Int32Array(scratchSize);
let rowB = new Int32Array(scratchSize);
let rowC = new Int32Array(scratchSize);
function growScratch(size: number): void {
  scratchSize = size * 2;
  rowA = new Int32Array(scratchSize);
  rowB = new Int32Array(scratchSize);
  rowC = new Int32Array(scratchSize);
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
