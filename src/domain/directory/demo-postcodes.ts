/**
 * Postcodes for demo branches: the outward code of a postcode district in or near the branch's
 * town (so the demo's postcodes resolve back near the branch), else the nearest postcode area's
 * first district.
 */
import type { Town } from './places.js';
import { listPostcodeAreas, listPostcodeDistricts } from './postcodes.js';

interface Candidate {
  code: string;
  lat: number;
  lon: number;
}

let districts: Candidate[] | null = null;
let areas: Candidate[] | null = null;
const cache = new Map<string, string>();
const NEAR_DISTRICT_KM = 12;

function approxKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y) * 111.2;
}

function nearest(list: Candidate[], town: Town): { candidate: Candidate; km: number } | null {
  let best: Candidate | null = null;
  let bestKm = Infinity;
  for (const c of list) {
    const km = approxKm(c, town);
    if (km < bestKm || (km === bestKm && best !== null && c.code < best.code)) {
      best = c;
      bestKm = km;
    }
  }
  return best ? { candidate: best, km: bestKm } : null;
}

/** The outward code (e.g. `LS1`, `IV1`) a demo branch in this town gets; deterministic. */
export function demoOutcodeForTown(town: Town): string {
  const cached = cache.get(town.id);
  if (cached) return cached;
  districts ??= listPostcodeDistricts()
    .map((d) => ({ code: d.district, lat: d.town.lat, lon: d.town.lon }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  areas ??= listPostcodeAreas()
    .map((a) => ({ code: `${a.code}1`, lat: a.town.lat, lon: a.town.lon }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const district = nearest(districts, town);
  const code =
    district && district.km <= NEAR_DISTRICT_KM
      ? district.candidate.code
      : (nearest(areas, town)?.candidate.code ?? 'ZZ1');
  cache.set(town.id, code);
  return code;
}
