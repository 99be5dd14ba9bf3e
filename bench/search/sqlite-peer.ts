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
import {
  boundingBox,
  COVERS_BRANCH_MILES,
  DEG_TO_RAD,
  EARTH_RADIUS_KM,
  KM_PER_MILE,
  toRows,
  type Peer,
  type PeerQuery,
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
  industry_count INTEGER NOT NULL,
  slug TEXT NOT NULL,
  PRIMARY KEY (industry, listing_id)
) WITHOUT ROWID;
CREATE TABLE listing_subsector (
  subsector TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
  PRIMARY KEY (subsector, listing_id)
) WITHOUT ROWID;
-- A coverage entry contains the place when its id is in the place's chain.
CREATE TABLE coverage_place (
  place_id TEXT NOT NULL,
  listing_id INTEGER NOT NULL,
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
  lat REAL NOT NULL,
  lon REAL NOT NULL
);
CREATE VIRTUAL TABLE branch_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
`;

const INDEXES = `
CREATE INDEX branch_by_listing ON branch (listing_id, lat, lon);
ANALYZE;
`;

/** The engine's haversine in SQL, miles from (@lat, @lon) to branch `b`. */
const DISTANCE = `(2 * @earthKm * asin(min(1, sqrt(
    pow(sin((b.lat - @lat) * @rad / 2), 2)
    + cos(@lat * @rad) * cos(b.lat * @rad) * pow(sin((b.lon - @lon) * @rad / 2), 2)
  ))) / @kmPerMile)`;

/** Listings with a branch within `miles` of the place: R*Tree box, then the exact distance. */
function nearListings(prefix: string, miles: string): string {
  return `SELECT b.listing_id FROM branch_rtree r CROSS JOIN branch b ON b.id = r.id
      WHERE r.max_lat >= @${prefix}MinLat AND r.min_lat <= @${prefix}MaxLat
        AND r.max_lon >= @${prefix}MinLon AND r.min_lon <= @${prefix}MaxLon
        AND ${DISTANCE} <= ${miles}`;
}

interface Shape {
  order: PeerQuery['order'];
  sub: boolean;
  types: boolean;
  radius: boolean;
}

/** The SQL for one shape of query (which filters are present, which order). */
export function sqliteSql(shape: Shape): string {
  const where = ['p.industry = @industry', '(p.purpose_mask & @purpose) <> 0'];
  if (shape.types) where.push('(p.type_mask & @types) <> 0');
  const namedTest =
    'EXISTS (SELECT 1 FROM listing_subsector s WHERE s.subsector = @sub AND s.listing_id = p.listing_id)';
  if (shape.sub) where.push(`(p.whole = 1 OR ${namedTest})`);
  if (shape.radius) where.push(`p.listing_id IN (${nearListings('r', '@radius')})`);
  if (shape.order === 'covers') {
    where.push(`(p.national = 1
      OR EXISTS (SELECT 1 FROM coverage_place cp
                 WHERE cp.place_id IN (@c0, @c1, @c2, @c3) AND cp.listing_id = p.listing_id)
      OR EXISTS (SELECT 1 FROM coverage_within cw
                 WHERE cw.ancestor_id = @own AND cw.listing_id = p.listing_id)
      OR p.listing_id IN (${nearListings('n', String(COVERS_BRANCH_MILES))}))`);
  }
  const orderBy =
    shape.order === 'nearest' ? 'distance, slug' : 'named DESC, industry_count, distance, slug';
  return `SELECT slug FROM (
    SELECT p.slug AS slug, p.industry_count AS industry_count,
      ${shape.sub ? namedTest : '0'} AS named,
      (SELECT min(${DISTANCE}) FROM branch b WHERE b.listing_id = p.listing_id) AS distance
    FROM posting p
    WHERE ${where.join('\n      AND ')}
  )
  ORDER BY ${orderBy}
  LIMIT @limit OFFSET @offset`;
}

function shapeKey(s: Shape): string {
  return `${s.order}:${s.sub ? 's' : ''}${s.types ? 't' : ''}${s.radius ? 'r' : ''}`;
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
      `INSERT INTO posting (industry, listing_id, whole, purpose_mask, type_mask, national, industry_count, slug)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSubsector = this.db.prepare(
      'INSERT INTO listing_subsector (subsector, listing_id) VALUES (?, ?)',
    );
    const insertPlace = this.db.prepare(
      'INSERT INTO coverage_place (place_id, listing_id) VALUES (?, ?)',
    );
    const insertWithin = this.db.prepare(
      'INSERT INTO coverage_within (ancestor_id, listing_id) VALUES (?, ?)',
    );
    const insertBranch = this.db.prepare(
      'INSERT INTO branch (id, listing_id, lat, lon) VALUES (?, ?, ?, ?)',
    );
    const insertRtree = this.db.prepare(
      'INSERT INTO branch_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)',
    );
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
            row.industryCount,
            row.slug,
          );
        }
        for (const key of row.named) insertSubsector.run(key, row.id);
        for (const place of row.coverage) insertPlace.run(place, row.id);
        for (const ancestor of row.coverageAncestors) insertWithin.run(ancestor, row.id);
        for (const b of row.branches) {
          insertBranch.run(b.id, row.id, b.lat, b.lon);
          insertRtree.run(b.id, b.lat, b.lat, b.lon, b.lon);
        }
      }
    })();
    this.db.exec(INDEXES);
  }

  private statement(shape: Shape): Database.Statement<[Record<string, unknown>]> {
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
    const shape: Shape = {
      order: q.order,
      sub: q.subsectorKey !== null,
      types: q.typeMask !== 0,
      radius: q.radiusMiles !== null,
    };
    const params: Record<string, unknown> = {
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
    if (shape.order === 'covers') {
      const box = boundingBox(q.lat, q.lon, COVERS_BRANCH_MILES);
      Object.assign(params, {
        c0: q.chain[0] ?? null,
        c1: q.chain[1] ?? null,
        c2: q.chain[2] ?? null,
        c3: q.chain[3] ?? null,
        own: q.own,
        nMinLat: box.minLat,
        nMaxLat: box.maxLat,
        nMinLon: box.minLon,
        nMaxLon: box.maxLon,
      });
    }
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
