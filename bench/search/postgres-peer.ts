/**
 * The PostgreSQL peer: the same search as one SQL statement, in a schema of its own (`bench`,
 * dropped and recreated; the cube and earthdistance extensions are created inside it so the
 * shared database is left as it was), set up as the PostgreSQL and earthdistance documentation
 * recommend for a radius search: each branch's point as an `earth` value with a GiST index,
 * found with `earth_box(...) @> point` (the docs' indexable bounding-cube test) and then the exact
 * distance; B-tree primary keys for the look-ups, a covering index for a listing's branches,
 * VACUUM ANALYZE, named prepared statements (one per query shape, parsed and planned once per
 * connection), JIT off (the documented advice for short OLTP queries) and a warm-up pass.
 * Distances are the engine's haversine in SQL (same formula, constants and order of operations);
 * slugs sort with COLLATE "C", which is JS string order for these ASCII slugs.
 */
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { Directory } from '../../src/domain/directory/directory.js';
import { anchorTownsOf } from '../../src/domain/directory/anchor-towns.js';
import { listCounties, listNations, listRegions } from '../../src/domain/directory/places.js';
import {
  AUTO_MIN_RESULTS,
  AUTO_RADII_MILES,
  BAND_MILES,
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

const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const BENCH_SCHEMA = 'bench';

const SCHEMA = `
-- One row per (industry, listing) with the listing's attributes copied in, stored in key order:
-- the search reads one range of it for its industry, without a look-up per listing.
CREATE TABLE posting (
  industry text NOT NULL,
  listing_id integer NOT NULL,
  whole boolean NOT NULL,
  purpose_mask integer NOT NULL,
  type_mask integer NOT NULL,
  national boolean NOT NULL,
  verified boolean NOT NULL,
  industry_count integer NOT NULL,
  slug text NOT NULL,
  PRIMARY KEY (industry, listing_id)
);
CREATE TABLE listing_subsector (
  subsector text NOT NULL,
  listing_id integer NOT NULL,
  PRIMARY KEY (subsector, listing_id)
);
CREATE TABLE coverage_place (
  place_id text NOT NULL,
  listing_id integer NOT NULL,
  class integer NOT NULL,
  PRIMARY KEY (place_id, listing_id)
);
CREATE TABLE coverage_within (
  ancestor_id text NOT NULL,
  listing_id integer NOT NULL,
  PRIMARY KEY (ancestor_id, listing_id)
);
CREATE TABLE branch (
  id integer PRIMARY KEY,
  listing_id integer NOT NULL,
  town text NOT NULL,
  island integer NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  point earth NOT NULL
);
CREATE TABLE town_in (
  town text NOT NULL,
  area text NOT NULL,
  PRIMARY KEY (area, town)
);
CREATE TABLE anchor (
  area text NOT NULL,
  n integer NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  PRIMARY KEY (area, n)
);
`;

const INDEXES = `
CREATE INDEX branch_point ON branch USING gist (point);
CREATE INDEX branch_by_listing ON branch (listing_id) INCLUDE (lat, lon, town, island);
`;

/** Parameters by position, the same in every statement (unused ones are simply not referenced). */
const P = {
  industry: 1,
  purpose: 2,
  lat: 3,
  lon: 4,
  rad: 5,
  earthKm: 6,
  kmPerMile: 7,
  limit: 8,
  offset: 9,
  types: 10,
  sub: 11,
  radius: 12,
  radiusBox: 13,
  chain: 14,
  area: 15,
  island: 16,
} as const;

/** The engine's haversine in SQL, miles from (lat1, lon1) to (lat2, lon2). */
function haversine(lat1: string, lon1: string, lat2: string, lon2: string): string {
  const rad = `$${P.rad}::float8`;
  return `(2 * $${P.earthKm}::float8 * asin(least(1, sqrt(
    power(sin((${lat2} - ${lat1}) * ${rad} / 2), 2)
    + cos(${lat1} * ${rad}) * cos(${lat2} * ${rad})
      * power(sin((${lon2} - ${lon1}) * ${rad} / 2), 2)
  ))) / $${P.kmPerMile}::float8)`;
}

const LAT = `$${P.lat}::float8`;
const LON = `$${P.lon}::float8`;
/** Miles from the place to branch `b`. */
const DISTANCE = haversine(LAT, LON, 'b.lat', 'b.lon');

function nearListings(boxParam: number, miles: string): string {
  return `SELECT b.listing_id FROM branch b
      WHERE earth_box(ll_to_earth(${LAT}, ${LON}), $${boxParam}::float8) @> b.point
        AND ${DISTANCE} <= ${miles}`;
}

function postgresSql(shape: QueryShape): string {
  const where = [`p.industry = $${P.industry}::text`, `(p.purpose_mask & $${P.purpose}::int) <> 0`];
  if (shape.types) where.push(`(p.type_mask & $${P.types}::int) <> 0`);
  if (shape.verified) where.push('p.verified');
  const namedTest = `EXISTS (SELECT 1 FROM listing_subsector s
      WHERE s.subsector = $${P.sub}::text AND s.listing_id = p.listing_id)`;
  if (shape.sub) where.push(`(p.whole OR ${namedTest})`);
  // A point's radius pre-filter on the GiST index (the exact test is on the listing's distance).
  if (shape.radius && !shape.area)
    where.push(`p.listing_id IN (${nearListings(P.radiusBox, `$${P.radius}::float8`)})`);
  const area = `$${P.area}::text`;
  const inside = `EXISTS (SELECT 1 FROM town_in t WHERE t.area = ${area} AND t.town = b.town)`;
  const branchDistance = shape.area
    ? `CASE WHEN ${inside} THEN 0::float8 ELSE (SELECT min(${haversine('a.lat', 'a.lon', 'b.lat', 'b.lon')})
         FROM anchor a WHERE a.area = ${area}) END`
    : DISTANCE;
  const centre = shape.area ? `CASE WHEN ${inside} THEN ${DISTANCE} END` : 'NULL::float8';
  const chain = `$${P.chain}::text[]`;
  const tier = `CASE
      WHEN c.national THEN 3
      WHEN EXISTS (SELECT 1 FROM coverage_place cp
                   WHERE cp.place_id = ANY (${chain}) AND cp.listing_id = c.listing_id AND cp.class = 1) THEN 1
      ${shape.area ? `WHEN EXISTS (SELECT 1 FROM coverage_within cw WHERE cw.ancestor_id = ${area} AND cw.listing_id = c.listing_id) THEN 1` : ''}
      WHEN EXISTS (SELECT 1 FROM coverage_place cp
                   WHERE cp.place_id = ANY (${chain}) AND cp.listing_id = c.listing_id) THEN 2
      WHEN m.same_distance <= ${COVERS_BRANCH_MILES} THEN 4
      ELSE 5 END`;
  const keep: string[] = [];
  if (shape.radius) keep.push(`distance <= $${P.radius}::float8`);
  if (shape.order === 'covers') keep.push('tier <= 4');
  const band = `CASE WHEN distance < ${BAND_MILES[0]} THEN 0 WHEN distance < ${BAND_MILES[1]} THEN 1
      WHEN distance < ${BAND_MILES[2]} THEN 2 ELSE 3 END`;
  const byDistance = 'distance, coalesce(centre, 1e300::float8)';
  const slug = 'slug COLLATE "C"';
  const orderBy =
    shape.order === 'nearest'
      ? `${byDistance}, ${slug}`
      : shape.order === 'covers'
        ? `tier, named DESC, ${band}, industry_count, ${byDistance}, ${slug}`
        : `named DESC, industry_count, ${byDistance}, ${slug}`;
  const count = (r: number) =>
    `(SELECT count(*) FROM kept WHERE distance <= ${r}) >= ${AUTO_MIN_RESULTS}`;
  const autoRadius = `(SELECT CASE ${AUTO_RADII_MILES.map((r) => `WHEN ${count(r)} THEN ${r}`).join(' ')}
      ELSE 1e300::float8 END)`;
  return `WITH c AS (
    SELECT p.listing_id, p.slug, p.industry_count, p.national,
      ${shape.sub ? namedTest : 'false'} AS named
    FROM posting p
    WHERE ${where.join('\n      AND ')}
  ), m AS (
    SELECT listing_id, min(d) AS distance, min(centre) AS centre,
      min(CASE WHEN $${P.island}::int < 0 OR island = $${P.island}::int THEN d END) AS same_distance
    FROM (SELECT b.listing_id, b.island, ${branchDistance} AS d, ${centre} AS centre
          FROM c JOIN branch b ON b.listing_id = c.listing_id) bd
    GROUP BY listing_id
  ), kept AS MATERIALIZED (
    SELECT * FROM (
      SELECT c.slug, c.industry_count, c.named, m.distance,
        CASE WHEN m.distance = 0 THEN m.centre END AS centre, ${tier} AS tier
      FROM c JOIN m ON m.listing_id = c.listing_id
    ) k${keep.length > 0 ? ` WHERE ${keep.join(' AND ')}` : ''}
  )
  SELECT slug FROM kept
  ${shape.auto ? `WHERE distance <= ${autoRadius}` : ''}
  ORDER BY ${orderBy}
  LIMIT $${P.limit}::int OFFSET $${P.offset}::int`;
}

function shapeKey(s: QueryShape): string {
  return `bench_${s.order}_${shapeLetters(s)}`;
}

const isLocal = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);

/** earth_box's radius (metres on earth()'s sphere) that surely holds everything within `miles`. */
function earthBoxRadius(miles: number, earthMetres: number): number {
  const angle = (miles * KM_PER_MILE) / EARTH_RADIUS_KM;
  return angle * earthMetres * 1.01 + 10;
}

async function insertRows(client: pg.Client, sql: string, columns: unknown[][]): Promise<void> {
  await client.query(sql, columns);
}

export class PostgresPeer implements Peer {
  readonly name = 'postgres';
  private readonly shapes = new Map<string, { text: string; used: number[] }>();

  private constructor(
    private readonly client: pg.Client,
    private readonly earthMetres: number,
  ) {}

  /**
   * Loads the directory into a fresh `bench` schema. `priority`: a nice value for this
   * connection's backend process when PostgreSQL runs on this machine and we may set it (the
   * benchmark raises its own priority and gives the database the same).
   */
  static async build(
    directory: Directory,
    options: { url?: string; priority?: number } = {},
  ): Promise<PostgresPeer> {
    const client = new pg.Client({ connectionString: options.url ?? BENCH_DATABASE_URL });
    await client.connect();
    if (options.priority !== undefined && isLocal(client.host)) {
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
        .pid;
      try {
        // Only a PostgreSQL process: the pid is this connection's backend on this machine.
        if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres'))
          os.setPriority(pid, options.priority);
      } catch {
        // not Linux, or not allowed: leave it
      }
    }
    await client.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${BENCH_SCHEMA}`);
    await client.query(`SET search_path TO ${BENCH_SCHEMA}`);
    await client.query(`CREATE EXTENSION cube SCHEMA ${BENCH_SCHEMA}`);
    await client.query(`CREATE EXTENSION earthdistance SCHEMA ${BENCH_SCHEMA}`);
    await client.query(SCHEMA);
    const rows = toRows(directory);
    const cols = <T>(n: number) => Array.from({ length: n }, () => [] as T[]);
    const posting = cols<unknown>(9);
    const subsector = cols<unknown>(2);
    const place = cols<unknown>(3);
    const within = cols<unknown>(2);
    const branch = cols<unknown>(6);
    const towns = new Set<string>();
    for (const r of rows) {
      const whole = new Set(r.wholeIndustries);
      for (const i of r.industries) {
        [
          i,
          r.id,
          whole.has(i),
          r.purposeMask,
          r.typeMask,
          r.national,
          r.verified,
          r.industryCount,
          r.slug,
        ].forEach((v, k) => posting[k]!.push(v));
      }
      for (const s of r.named) {
        subsector[0]!.push(s);
        subsector[1]!.push(r.id);
      }
      r.coverage.forEach((c, i) => {
        place[0]!.push(c);
        place[1]!.push(r.id);
        place[2]!.push(r.coverageClasses[i]);
      });
      for (const a of r.coverageAncestors) {
        within[0]!.push(a);
        within[1]!.push(r.id);
      }
      for (const b of r.branches) {
        branch[0]!.push(b.id);
        branch[1]!.push(r.id);
        branch[2]!.push(b.town);
        branch[3]!.push(b.island);
        branch[4]!.push(b.lat);
        branch[5]!.push(b.lon);
        towns.add(b.town);
      }
    }
    await client.query('BEGIN');
    await insertRows(
      client,
      // Inserted in key order, so the table is stored clustered on it (as CLUSTER would leave it).
      `INSERT INTO posting
       SELECT * FROM unnest($1::text[], $2::int[], $3::bool[], $4::int[], $5::int[], $6::bool[], $7::bool[], $8::int[], $9::text[])
         AS t(industry, listing_id, whole, purpose_mask, type_mask, national, verified, industry_count, slug)
       ORDER BY industry, listing_id`,
      posting,
    );
    await insertRows(
      client,
      `INSERT INTO listing_subsector SELECT * FROM unnest($1::text[], $2::int[])`,
      subsector,
    );
    await insertRows(
      client,
      `INSERT INTO coverage_place SELECT * FROM unnest($1::text[], $2::int[], $3::int[]) ON CONFLICT DO NOTHING`,
      place,
    );
    await insertRows(
      client,
      `INSERT INTO coverage_within SELECT * FROM unnest($1::text[], $2::int[])`,
      within,
    );
    await insertRows(
      client,
      `INSERT INTO branch (id, listing_id, town, island, lat, lon, point)
       SELECT id, listing_id, town, island, lat, lon, ll_to_earth(lat, lon)
       FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::float8[], $6::float8[])
         AS t(id, listing_id, town, island, lat, lon)`,
      branch,
    );
    const townIn = cols<unknown>(2);
    for (const town of towns)
      for (const area of chainOf(town)) {
        townIn[0]!.push(town);
        townIn[1]!.push(area);
      }
    await insertRows(
      client,
      `INSERT INTO town_in SELECT * FROM unnest($1::text[], $2::text[])`,
      townIn,
    );
    const anchor = cols<unknown>(4);
    for (const area of [...listNations(), ...listRegions(), ...listCounties()])
      anchorTownsOf(area.id, area).forEach((a, n) => {
        anchor[0]!.push(area.id);
        anchor[1]!.push(n);
        anchor[2]!.push(a.lat);
        anchor[3]!.push(a.lon);
      });
    await insertRows(
      client,
      `INSERT INTO anchor SELECT * FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[])`,
      anchor,
    );
    await client.query('COMMIT');
    await client.query(INDEXES);
    await client.query('VACUUM ANALYZE');
    await client.query('SET jit = off');
    const earth = await client.query<{ r: number }>('SELECT earth() AS r');
    return new PostgresPeer(client, Number(earth.rows[0]!.r));
  }

  private statement(q: PeerQuery): { name: string; text: string; values: unknown[] } {
    const shape = shapeOf(q);
    const values: unknown[] = new Array<unknown>(16).fill(null);
    const set = (k: keyof typeof P, v: unknown) => (values[P[k] - 1] = v);
    set('industry', q.industry);
    set('purpose', q.purposeBit);
    set('lat', q.lat);
    set('lon', q.lon);
    set('rad', DEG_TO_RAD);
    set('earthKm', EARTH_RADIUS_KM);
    set('kmPerMile', KM_PER_MILE);
    set('limit', q.limit);
    set('offset', q.offset);
    set('types', q.typeMask);
    set('sub', q.subsectorKey);
    set('radius', q.radiusMiles);
    set(
      'radiusBox',
      q.radiusMiles === null ? null : earthBoxRadius(q.radiusMiles, this.earthMetres),
    );
    set('chain', q.chain);
    set('area', q.area?.id ?? null);
    set('island', q.island);
    const key = shapeKey(shape);
    let prepared = this.shapes.get(key);
    if (!prepared) {
      // A prepared statement must use every parameter it is given: keep only those referenced.
      const text = postgresSql(shape);
      const used = [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort(
        (a, b) => a - b,
      );
      const renumber = new Map(used.map((n, i) => [n, i + 1]));
      prepared = {
        text: text.replace(/\$(\d+)/g, (_, n: string) => `$${renumber.get(Number(n))}`),
        used,
      };
      this.shapes.set(key, prepared);
    }
    return { name: key, text: prepared.text, values: prepared.used.map((n) => values[n - 1]) };
  }

  async search(q: PeerQuery): Promise<string[]> {
    const result = await this.client.query<{ slug: string }>(this.statement(q));
    return result.rows.map((r) => r.slug);
  }

  async explain(q: PeerQuery): Promise<string[]> {
    const { text, values } = this.statement(q);
    const result = await this.client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      values,
    );
    return result.rows.map((r) => r['QUERY PLAN']);
  }

  async close(): Promise<void> {
    await this.client.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
    await this.client.end();
  }
}
