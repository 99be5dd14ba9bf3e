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
import { distanceMiles } from '../../src/domain/directory/search-engine.js';
import { COVERS_BRANCH_MILES, toRows, type Peer, type PeerQuery } from './peer.js';

const SCHEMA = {
  industries: 'enum[]',
  wholeIndustries: 'enum[]',
  named: 'enum[]',
  purposes: 'enum[]',
  employmentTypes: 'enum[]',
  national: 'boolean',
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
  coverage: string[];
  coverageAncestors: string[];
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
          coverage: row.coverage,
          coverageAncestors: row.coverageAncestors,
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
    if (q.radiusMiles !== null) and.push(near(q.radiusMiles));
    if (q.order === 'covers') {
      const or: Where[] = [
        { national: true },
        { coverage: { containsAny: q.chain } },
        near(COVERS_BRANCH_MILES),
      ];
      if (q.own !== null) or.push({ coverageAncestors: { containsAny: [q.own] } });
      and.push({ or });
    }
    return { and };
  }

  async search(q: PeerQuery): Promise<string[]> {
    const result = await search(this.db, { where: this.where(q), limit: this.size });
    // Group the returned branches by listing: nearest branch's distance, by the engine's haversine.
    const best = new Map<number, { doc: BranchDoc; distance: number }>();
    for (const hit of result.hits) {
      const doc = hit.document as unknown as BranchDoc;
      const d = distanceMiles(q.lat, q.lon, doc.location.lat, doc.location.lon);
      const seen = best.get(doc.listing);
      if (!seen || d < seen.distance) best.set(doc.listing, { doc, distance: d });
    }
    const chain = new Set(q.chain);
    const rows: { slug: string; named: number; industryCount: number; distance: number }[] = [];
    for (const { doc, distance } of best.values()) {
      if (q.radiusMiles !== null && distance > q.radiusMiles) continue;
      if (
        q.order === 'covers' &&
        distance > COVERS_BRANCH_MILES &&
        !doc.national &&
        !doc.coverage.some((c) => chain.has(c)) &&
        !(q.own !== null && doc.coverageAncestors.includes(q.own))
      )
        continue;
      rows.push({
        slug: doc.slug,
        named: q.subsectorKey !== null && doc.named.includes(q.subsectorKey) ? 0 : 1,
        industryCount: doc.industryCount,
        distance,
      });
    }
    rows.sort(
      q.order === 'nearest'
        ? (a, b) => a.distance - b.distance || (a.slug < b.slug ? -1 : 1)
        : (a, b) =>
            a.named - b.named ||
            a.industryCount - b.industryCount ||
            a.distance - b.distance ||
            (a.slug < b.slug ? -1 : 1),
    );
    return rows.slice(q.offset, q.offset + q.limit).map((r) => r.slug);
  }

  close(): void {}
}
