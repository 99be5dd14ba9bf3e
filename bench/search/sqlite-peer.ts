/**
 * The SQLite peer: the same search as one SQL statement over better-sqlite3, set up as SQLite's
 * and better-sqlite3's documentation recommend for it: an in-memory database (the whole working
 * set cached), tables keyed for the look-ups the query makes (WITHOUT ROWID clustered primary
 * keys, a covering index for a listing's branches), an R*Tree over the branches for the radius
 * and "branch within 25 miles" tests, ANALYZE for the planner, and one prepared statement per
 * query shape, reused. Distances use SQLite's built-in math functions with the engine's haversine
 * (same formula, same constants, same order of operations); the R*Tree (32-bit float boxes) only
 * pre-filters, the exact test is on the REAL coordinates.
 */
import Database from 'better-sqlite3';
import type { Directory } from '../../src/domain/directory/directory.js';
import { anchorTownsOf } from '../../src/domain/directory/anchor-towns.js';
import { listCounties, listNations, listRegions } from '../../src/domain/directory/places.js';
import {
  AUTO_MIN_RESULTS,
  AUTO_RADII_MILES,
  BAND_MILES,
  boundingBox,
  chainOf,
  COVERS_BRANCH_MILES,
  DEG_TO_RAD,
  EARTH_RADIUS_KM,
  KM_PER_MILE,
  toRows,
  type Peer,
  shapeLetters,
  shapeOf,
  type PeerQuery,
  type QueryShape,
} from './peer.js';

const SCHEMA = `
-- One row per (industry, listing), with the listing's attributes copied in: the search reads one
-- clustered range of this table for its industry, without a look-up per listing.
CREATE TABLE posting (
  industry TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
  whole INTEGER NOT NULL,
  purpose_mask INTEGER NOT NULL,
  type_mask INTEGER NOT NULL,
  national INTEGER NOT NULL,
  verified INTEGER NOT NULL,
  industry_count INTEGER NOT NULL,
  slug TEXT NOT NULL,
  PRIMARY KEY (industry, listing_id)
) WITHOUT ROWID;
CREATE TABLE listing_subsector (
  subsector TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
  PRIMARY KEY (subsector, listing_id)
) WITHOUT ROWID;
-- A coverage entry contains the place when its id is in the place's chain; class 2 for a region
-- or nation (tier region), 1 for any other place (tier place).
CREATE TABLE coverage_place (
  place_id TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
  class INTEGER NOT NULL,
  PRIMARY KEY (place_id, listing_id)
) WITHOUT ROWID;
-- A coverage entry lies within the place when the place's own id is among the entry's ancestors.
CREATE TABLE coverage_within (
  ancestor_id TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
  PRIMARY KEY (ancestor_id, listing_id)
) WITHOUT ROWID;
CREATE TABLE branch (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  town TEXT NOT NULL,
  island INTEGER NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL
);
-- Each branch town with every place containing it (itself included): inside an area or not.
CREATE TABLE town_in (
  town TEXT NOT NULL,
  area TEXT NOT NULL,
  PRIMARY KEY (area, town)
) WITHOUT ROWID;
-- The anchor towns of each area (the committed table the engine loads).
CREATE TABLE anchor (
  area TEXT NOT NULL,
  n INTEGER NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  PRIMARY KEY (area, n)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE branch_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
`;

const INDEXES = `
CREATE INDEX branch_by_listing ON branch (listing_id, lat, lon, town, island);
ANALYZE;
`;

/** The engine's haversine in SQL, miles from (lat1, lon1) to (lat2, lon2). */
function haversine(lat1: string, lon1: string, lat2: string, lon2: string): string {
  return `(2 * @earthKm * asin(min(1, sqrt(
    pow(sin((${lat2} - ${lat1}) * @rad / 2), 2)
    + cos(${lat1} * @rad) * cos(${lat2} * @rad) * pow(sin((${lon2} - ${lon1}) * @rad / 2), 2)
  ))) / @kmPerMile)`;
}

/** Miles from the place to branch `b`. */
const DISTANCE = haversine('@lat', '@lon', 'b.lat', 'b.lon');

/** Listings with a branch within `miles` of the place: R*Tree box, then the exact distance. */
function nearListings(prefix: string, miles: string): string {
  return `SELECT b.listing_id FROM branch_rtree r CROSS JOIN branch b ON b.id = r.id
      WHERE r.max_lat >= @${prefix}MinLat AND r.min_lat <= @${prefix}MaxLat
        AND r.max_lon >= @${prefix}MinLon AND r.min_lon <= @${prefix}MaxLon
        AND ${DISTANCE} <= ${miles}`;
}

/** The SQL for one shape of query (which filters are present, which order). */
function sqliteSql(shape: QueryShape): string {
  const where = ['p.industry = @industry', '(p.purpose_mask & @purpose) <> 0'];
  if (shape.types) where.push('(p.type_mask & @types) <> 0');
  if (shape.verified) where.push('p.verified = 1');
  const namedTest =
    'EXISTS (SELECT 1 FROM listing_subsector s WHERE s.subsector = @sub AND s.listing_id = p.listing_id)';
  if (shape.sub) where.push(`(p.whole = 1 OR ${namedTest})`);
  // A point's radius pre-filter on the R*Tree (the exact test is on the listing's distance).
  if (shape.radius && !shape.area) where.push(`p.listing_id IN (${nearListings('r', '@radius')})`);
  const inside = 'EXISTS (SELECT 1 FROM town_in t WHERE t.area = @area AND t.town = b.town)';
  // An area: 0 inside it, else the nearest anchor town; from the centre only inside it.
  const branchDistance = shape.area
    ? `CASE WHEN ${inside} THEN 0 ELSE (SELECT min(${haversine('a.lat', 'a.lon', 'b.lat', 'b.lon')})
         FROM anchor a WHERE a.area = @area) END`
    : DISTANCE;
  const centre = shape.area ? `CASE WHEN ${inside} THEN ${DISTANCE} END` : 'NULL';
  const tier = `CASE
      WHEN c.national = 1 THEN 3
      WHEN EXISTS (SELECT 1 FROM coverage_place cp, json_each(@chain) j
                   WHERE cp.place_id = j.value AND cp.listing_id = c.listing_id AND cp.class = 1) THEN 1
      ${shape.area ? 'WHEN EXISTS (SELECT 1 FROM coverage_within cw WHERE cw.ancestor_id = @area AND cw.listing_id = c.listing_id) THEN 1' : ''}
      WHEN EXISTS (SELECT 1 FROM coverage_place cp, json_each(@chain) j
                   WHERE cp.place_id = j.value AND cp.listing_id = c.listing_id) THEN 2
      WHEN m.same_distance <= ${COVERS_BRANCH_MILES} THEN 4
      ELSE 5 END`;
  const keep: string[] = [];
  if (shape.radius) keep.push('distance <= @radius');
  if (shape.order === 'covers') keep.push('tier <= 4');
  const band = `CASE WHEN distance < ${BAND_MILES[0]} THEN 0 WHEN distance < ${BAND_MILES[1]} THEN 1
      WHEN distance < ${BAND_MILES[2]} THEN 2 ELSE 3 END`;
  const byDistance = 'distance, coalesce(centre, 1e300)';
  const orderBy =
    shape.order === 'nearest'
      ? `${byDistance}, slug`
      : shape.order === 'covers'
        ? `tier, named DESC, ${band}, industry_count, ${byDistance}, slug`
        : `named DESC, industry_count, ${byDistance}, slug`;
  const count = (r: number) =>
    `(SELECT count(*) FROM kept WHERE distance <= ${r}) >= ${AUTO_MIN_RESULTS}`;
  const autoRadius = `(SELECT CASE ${AUTO_RADII_MILES.map((r) => `WHEN ${count(r)} THEN ${r}`).join(' ')}
      ELSE 1e300 END)`;
  return `WITH c AS (
    SELECT p.listing_id, p.slug, p.industry_count, p.national,
      ${shape.sub ? namedTest : '0'} AS named
    FROM posting p
    WHERE ${where.join('\n      AND ')}
  ), m AS (
    SELECT listing_id, min(d) AS distance, min(centre) AS centre,
      min(CASE WHEN @island < 0 OR island = @island THEN d END) AS same_distance
    FROM (SELECT b.listing_id, b.island, ${branchDistance} AS d, ${centre} AS centre
          FROM c JOIN branch b ON b.listing_id = c.listing_id)
    GROUP BY listing_id
  ), kept AS MATERIALIZED (
    SELECT * FROM (
      SELECT c.slug, c.industry_count, c.named, m.distance,
        CASE WHEN m.distance = 0 THEN m.centre END AS centre, ${tier} AS tier
      FROM c JOIN m ON m.listing_id = c.listing_id
    )${keep.length > 0 ? ` WHERE ${keep.join(' AND ')}` : ''}
  )
  SELECT slug FROM kept
  ${shape.auto ? `WHERE distance <= ${autoRadius}` : ''}
  ORDER BY ${orderBy}
  LIMIT @limit OFFSET @offset`;
}

function shapeKey(s: QueryShape): string {
  return `${s.order}:${shapeLetters(s)}`;
}

export class SqlitePeer implements Peer {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement<[Record<string, unknown>]>>();

  constructor(directory: Directory) {
    this.db = new Database(':memory:');
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA);
    const rows = toRows(directory);
    const insertPosting = this.db.prepare(
      `INSERT INTO posting (industry, listing_id, whole, purpose_mask, type_mask, national, verified, industry_count, slug)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSubsector = this.db.prepare(
      'INSERT INTO listing_subsector (subsector, listing_id) VALUES (?, ?)',
    );
    const insertPlace = this.db.prepare(
      'INSERT OR IGNORE INTO coverage_place (place_id, listing_id, class) VALUES (?, ?, ?)',
    );
    const insertWithin = this.db.prepare(
      'INSERT INTO coverage_within (ancestor_id, listing_id) VALUES (?, ?)',
    );
    const insertBranch = this.db.prepare(
      'INSERT INTO branch (id, listing_id, town, island, lat, lon) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertRtree = this.db.prepare(
      'INSERT INTO branch_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)',
    );
    const towns = new Set<string>();
    this.db.transaction(() => {
      for (const row of rows) {
        const whole = new Set(row.wholeIndustries);
        for (const industry of row.industries) {
          insertPosting.run(
            industry,
            row.id,
            whole.has(industry) ? 1 : 0,
            row.purposeMask,
            row.typeMask,
            row.national ? 1 : 0,
            row.verified ? 1 : 0,
            row.industryCount,
            row.slug,
          );
        }
        for (const key of row.named) insertSubsector.run(key, row.id);
        row.coverage.forEach((place, i) => insertPlace.run(place, row.id, row.coverageClasses[i]));
        for (const ancestor of row.coverageAncestors) insertWithin.run(ancestor, row.id);
        for (const b of row.branches) {
          insertBranch.run(b.id, row.id, b.town, b.island, b.lat, b.lon);
          towns.add(b.town);
          insertRtree.run(b.id, b.lat, b.lat, b.lon, b.lon);
        }
      }
      const insertTownIn = this.db.prepare('INSERT INTO town_in (town, area) VALUES (?, ?)');
      for (const town of towns) for (const area of chainOf(town)) insertTownIn.run(town, area);
      const insertAnchor = this.db.prepare(
        'INSERT INTO anchor (area, n, lat, lon) VALUES (?, ?, ?, ?)',
      );
      for (const area of [...listNations(), ...listRegions(), ...listCounties()])
        anchorTownsOf(area.id, area).forEach((a, n) => insertAnchor.run(area.id, n, a.lat, a.lon));
    })();
    this.db.exec(INDEXES);
  }

  private statement(shape: QueryShape): Database.Statement<[Record<string, unknown>]> {
    const key = shapeKey(shape);
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare<[Record<string, unknown>]>(sqliteSql(shape)).pluck();
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  /** The statement and parameters for a query (also used to EXPLAIN it). */
  prepare(q: PeerQuery): {
    stmt: Database.Statement<[Record<string, unknown>]>;
    params: Record<string, unknown>;
  } {
    const shape = shapeOf(q);
    const params: Record<string, unknown> = {
      chain: JSON.stringify(q.chain),
      island: q.island,
      industry: q.industry,
      purpose: q.purposeBit,
      lat: q.lat,
      lon: q.lon,
      rad: DEG_TO_RAD,
      earthKm: EARTH_RADIUS_KM,
      kmPerMile: KM_PER_MILE,
      limit: q.limit,
      offset: q.offset,
    };
    if (shape.types) params.types = q.typeMask;
    if (shape.sub) params.sub = q.subsectorKey;
    if (shape.radius) {
      const box = boundingBox(q.lat, q.lon, q.radiusMiles!);
      Object.assign(params, {
        radius: q.radiusMiles,
        rMinLat: box.minLat,
        rMaxLat: box.maxLat,
        rMinLon: box.minLon,
        rMaxLon: box.maxLon,
      });
    }
    if (shape.area) params.area = q.area!.id;
    return { stmt: this.statement(shape), params };
  }

  search(q: PeerQuery): string[] {
    const { stmt, params } = this.prepare(q);
    return stmt.all(params) as string[];
  }

  explain(q: PeerQuery): string[] {
    const { stmt, params } = this.prepare(q);
    return this.db
      .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${stmt.source}`)
      .all(params)
      .map((r) => r.detail);
  }

  close(): void {
    this.db.close();
  }
}
