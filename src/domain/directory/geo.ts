/**
 * Distances on a spherical Earth (radius 6371.0088 km, the mean radius of WGS 84), as the search
 * and the demo directory measure them. The search compares distances as cosines of central
 * angles (the dot product of two unit vectors) and only turns the nearest into miles, with the
 * haversine formula.
 */

export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;

const toRad = Math.PI / 180;

/** Great-circle distance in kilometres by the haversine formula. */
export function distanceKmOnEarth(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in miles by the haversine formula. */
export function distanceMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceKmOnEarth(lat1, lon1, lat2, lon2) / KM_PER_MILE;
}

/** A point on the unit sphere: the dot product of two is the cosine of their central angle. */
export function unitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * toRad;
  const lambda = lon * toRad;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** The cosine of the central angle of a distance: d <= miles exactly when cos >= cosOfMiles(miles). */
export const cosOfMiles = (miles: number) => Math.cos((miles * KM_PER_MILE) / EARTH_RADIUS_KM);

/** The central angle (radians) of a cosine, clamped against rounding outside [-1, 1]. */
export const angleOf = (cos: number) => Math.acos(Math.max(-1, Math.min(1, cos)));
