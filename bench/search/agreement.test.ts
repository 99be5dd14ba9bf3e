/**
 * Guards the engine's semantics against a second implementation: the first 50 queries of the
 * benchmark's seeded mix, at 1x, through the engine and through the SQLite peer (the same search
 * written as SQL), must give identical top 20s, slugs in order. No timings are asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/domain/directory/search-engine.js';
import { generateDirectory } from './dataset.js';
import { makeQueries, type BenchQuery } from './queries.js';
import { SqlitePeer } from './sqlite-peer.js';

const QUERIES = 50;

describe('the search engine agrees with the SQLite peer', () => {
  let index: SearchIndex;
  let sqlite: SqlitePeer;
  let queries: BenchQuery[];

  beforeAll(() => {
    const directory = generateDirectory('1x');
    index = new SearchIndex(directory);
    sqlite = new SqlitePeer(directory);
    queries = makeQueries(QUERIES, directory);
  });

  afterAll(() => sqlite?.close());

  it('covers every order, sub-sectors, employment types, radii and postcodes', () => {
    const orders = new Set(queries.map((q) => q.peer.order));
    expect([...orders].sort()).toEqual(['covers', 'nearest', 'specialists']);
    expect(queries.some((q) => q.query.subsector !== null)).toBe(true);
    expect(queries.some((q) => q.query.subsector?.local)).toBe(true);
    expect(queries.some((q) => q.query.employmentTypes.length > 0)).toBe(true);
    expect(queries.some((q) => q.query.radiusMiles !== null)).toBe(true);
    expect(queries.some((q) => q.place.kind === 'postcode')).toBe(true);
    expect(queries.some((q) => q.place.kind === 'county' || q.place.kind === 'region')).toBe(true);
  });

  it('returns the same top 20 for every query', () => {
    const differences: { query: string; engine: string[]; sqlite: string[] }[] = [];
    let full = 0;
    for (const q of queries) {
      const engine = index.search(q.query, q.place).results.map((r) => r.slug);
      const peer = sqlite.search(q.peer);
      if (engine.length === 20) full += 1;
      if (engine.join('\n') !== peer.join('\n'))
        differences.push({ query: q.path, engine, sqlite: peer });
    }
    expect(differences).toEqual([]);
    // Not vacuous: most queries fill a page.
    expect(full).toBeGreaterThan(QUERIES / 2);
  });
});
