/**
 * The Orama peer, set up as Orama's documentation recommends for filtered geo search: a schema
 * of `enum[]` facets for the exact-match filters, a `boolean`, and a `geopoint` (Orama's BKD
 * tree) for the location, loaded with insertMultiple; a search is a `where` clause (with
 * `and`/`or`) and no term. A geopoint holds one point, so there is one document per branch
 * (the listing's fields copied onto each): the nearest branch of a listing that passes a radius
 * test is always among its returned documents. Orama's radius uses its own Earth radius (6371
 * km), so the radius asked of it is 0.5% wider and the exact test is redone on the returned
 * branches with the engine's haversine; grouping branches into listings and ranking by the rule
 * happens on the returned documents (Orama sorts by a stored property or a comparator over
 * documents, not by a per-query aggregate).
 */
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import type { Directory } from '../../src/domain/directory/directory.js';
import { distanceMiles } from '../../src/domain/directory/geo.js';
import {
  COVERS_BRANCH_MILES,
  isInside,
  rankRows,
  toRows,
  type Peer,
  type PeerQuery,
  type RankRow,
} from './peer.js';

const SCHEMA = {
  industries: 'enum[]',
  wholeIndustries: 'enum[]',
  named: 'enum[]',
  purposes: 'enum[]',
  employmentTypes: 'enum[]',
  national: 'boolean',
  verified: 'boolean',
  coverage: 'enum[]',
  coverageAncestors: 'enum[]',
  location: 'geopoint',
} as const;

/** Stored, not indexed: what the ranking needs. */
interface BranchDoc {
  id: string;
  listing: number;
  slug: string;
  industryCount: number;
  industries: string[];
  wholeIndustries: string[];
  named: string[];
  purposes: string[];
  employmentTypes: string[];
  national: boolean;
  verified: boolean;
  coverage: string[];
  coverageClasses: number[];
  coverageAncestors: string[];
  town: string;
  island: number;
  location: { lat: number; lon: number };
}

/** Orama's radius with room for its Earth radius (6371 km vs 6371.0088 km) and rounding. */
const RADIUS_SLACK = 1.005;

type Where = Record<string, unknown>;

export class OramaPeer implements Peer {
  readonly name = 'orama';
  private readonly db: AnyOrama;
  private readonly size: number;

  private constructor(db: AnyOrama, size: number) {
    this.db = db;
    this.size = size;
  }

  static async build(directory: Directory): Promise<OramaPeer> {
    const db = create({ schema: SCHEMA });
    const docs: BranchDoc[] = [];
    for (const row of toRows(directory)) {
      for (const b of row.branches) {
        docs.push({
          id: String(b.id),
          listing: row.id,
          slug: row.slug,
          industryCount: row.industryCount,
          industries: row.industries,
          wholeIndustries: row.wholeIndustries,
          named: row.named,
          purposes: row.purposes,
          employmentTypes: row.employmentTypes,
          national: row.national,
          verified: row.verified,
          coverage: row.coverage,
          coverageClasses: row.coverageClasses,
          coverageAncestors: row.coverageAncestors,
          town: b.town,
          island: b.island,
          location: { lat: b.lat, lon: b.lon },
        });
      }
    }
    await insertMultiple(db, docs, 5000);
    return new OramaPeer(db, docs.length);
  }

  private where(q: PeerQuery): Where {
    const and: Where[] = [
      { industries: { containsAny: [q.industry] } },
      { purposes: { containsAny: [q.purpose] } },
    ];
    if (q.employmentTypes.length > 0)
      and.push({ employmentTypes: { containsAny: q.employmentTypes } });
    if (q.subsectorKey !== null) {
      and.push({
        or: [
          { wholeIndustries: { containsAny: [q.industry] } },
          { named: { containsAny: [q.subsectorKey] } },
        ],
      });
    }
    const near = (miles: number): Where => ({
      location: {
        radius: {
          coordinates: { lat: q.lat, lon: q.lon },
          value: miles * RADIUS_SLACK,
          unit: 'mi',
          inside: true,
        },
      },
    });
    if (q.verified) and.push({ verified: true });
    // Every branch within the radius, and within 25 miles for the nearby-office tier.
    if (q.radiusMiles !== null && q.area === null)
      and.push(near(Math.max(q.radiusMiles, COVERS_BRANCH_MILES)));
    return { and };
  }

  async search(q: PeerQuery): Promise<string[]> {
    const result = await search(this.db, { where: this.where(q), limit: this.size });
    // Group the returned branches by listing, measured by the engine's haversine: the nearest
    // branch, the nearest inside an area (from its centre), the nearest on the place's island.
    const byListing = new Map<
      number,
      { doc: BranchDoc; distance: number; centre: number; sameIsland: number }
    >();
    const inside = new Map<string, boolean>();
    for (const hit of result.hits) {
      const doc = hit.document as unknown as BranchDoc;
      const { lat, lon } = doc.location;
      let d: number;
      let centre = Infinity;
      if (q.area === null) d = distanceMiles(q.lat, q.lon, lat, lon);
      else {
        let isIn = inside.get(doc.town);
        if (isIn === undefined) inside.set(doc.town, (isIn = isInside(doc.town, q.area.id)));
        if (isIn) {
          d = 0;
          centre = distanceMiles(q.lat, q.lon, lat, lon);
        } else {
          d = Infinity;
          for (const a of q.area.anchors) d = Math.min(d, distanceMiles(a.lat, a.lon, lat, lon));
        }
      }
      const same = q.island < 0 || doc.island === q.island ? d : Infinity;
      const seen = byListing.get(doc.listing);
      if (!seen) byListing.set(doc.listing, { doc, distance: d, centre, sameIsland: same });
      else {
        if (d < seen.distance) seen.distance = d;
        if (d === 0 && centre < seen.centre) seen.centre = centre;
        if (same < seen.sameIsland) seen.sameIsland = same;
      }
    }
    const chain = new Set(q.chain);
    const rows: RankRow[] = [];
    for (const { doc, distance, centre, sameIsland } of byListing.values()) {
      if (q.radiusMiles !== null && distance > q.radiusMiles) continue;
      let tier = 5;
      if (doc.national) tier = 3;
      else {
        doc.coverage.forEach((c, i) => {
          if (chain.has(c)) tier = Math.min(tier, doc.coverageClasses[i]!);
        });
        if (q.area !== null && doc.coverageAncestors.includes(q.area.id)) tier = 1;
        if (tier === 5 && sameIsland <= COVERS_BRANCH_MILES) tier = 4;
      }
      rows.push({
        slug: doc.slug,
        named: q.subsectorKey !== null && doc.named.includes(q.subsectorKey) ? 0 : 1,
        industryCount: doc.industryCount,
        tier,
        distance,
        centre: distance === 0 ? centre : Infinity,
      });
    }
    return rankRows(q, rows);
  }

  close(): void {}
}
