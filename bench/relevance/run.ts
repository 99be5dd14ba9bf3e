/**
 * Relevance benchmark: the relevance queries (queries.ts) over the demo directory at 1x, through
 * the in-process search (resolveSearch + the engine's index, as bench/search does; no HTTP). Prints
 * the share of queries meeting all their expectations, the share of expectations met, and
 * precision@10 (relevant = `place` or `region`), overall and by order and kind of place.
 * `npm run bench:relevance [-- --json] [-- --verbose]`.
 */
import { generateDemoDirectory } from '../../src/domain/directory/demo-directory.js';
import type { Listing } from '../../src/domain/directory/directory.js';
import { findPlaceById } from '../../src/domain/directory/places.js';
import { SearchIndex } from '../../src/domain/directory/search-engine.js';
import type { SearchOutcome } from '../../src/domain/directory/search-outcome.js';
import { resolveSearch } from '../../src/domain/directory/search-request.js';
import { matchOf, precisionAt10, radiusOf, type Answer, type Answered } from './expectations.js';
import { listRelevanceQueries, type RelevanceQuery } from './queries.js';

const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const PAGE_SIZE = 100;
/** Enough pages for any answer of the 1x directory (8,300 listings). */
const MAX_PAGES = 120;

interface QueryReport {
  id: string;
  /** The order the engine used (the default is covers, or nearest for a local sub-sector). */
  order: string | null;
  params: RelevanceQuery['params'];
  kind: RelevanceQuery['kind'];
  total: number | null;
  met: number;
  expected: number;
  failed: string[];
  precisionAt10: number | null;
  error?: string;
}

function answer(index: SearchIndex, bySlug: Map<string, Listing>, q: RelevanceQuery): Answer {
  const raw = Object.fromEntries(
    Object.entries(q.params).map(([k, v]) => [k, String(v)]),
  ) as Record<string, string>;
  const { query, place } = resolveSearch({ ...raw, pageSize: String(PAGE_SIZE) });
  let first: SearchOutcome | null = null;
  const all: Answered[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const outcome = index.search({ ...query, page }, place);
    first ??= outcome;
    for (const result of outcome.results) {
      const listing = bySlug.get(result.slug);
      if (!listing) throw new Error(`unknown slug ${result.slug}`);
      const nb = result.nearestBranch;
      const branch =
        listing.branches.find((b) => b.lat === nb.lat && b.lon === nb.lon) ?? listing.branches[0];
      all.push({
        result,
        listing,
        match: matchOf(result),
        officeNation: branch ? findPlaceById(branch.town)?.nationId : undefined,
      });
    }
    if (outcome.results.length < PAGE_SIZE || all.length >= outcome.total) break;
  }
  const nation = place.chain.find((id) => id.startsWith('nation:')) ?? `nation:${q.nation}`;
  return { outcome: first!, all, radiusMiles: radiusOf(first!), nation };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

function main(): void {
  const started = Date.now();
  const directory = generateDemoDirectory();
  const bySlug = new Map<string, Listing>();
  for (const brand of directory.brands) for (const l of brand.listings) bySlug.set(l.slug, l);
  const index = new SearchIndex(directory);
  const queries = listRelevanceQueries();
  log(
    `Relevance benchmark: ${queries.length} queries over the demo directory (${bySlug.size} listings)`,
  );

  const reports: QueryReport[] = [];
  const failures = new Map<string, number>();
  let tiersSeen = false;
  for (const q of queries) {
    try {
      const a = answer(index, bySlug, q);
      const failing = q.expectations.filter((e) => !e.holds(a));
      const failed = failing.map((e) => e.says);
      for (const e of failing) failures.set(e.rule, (failures.get(e.rule) ?? 0) + 1);
      if (a.all.some((r) => r.match !== undefined)) tiersSeen = true;
      reports.push({
        id: q.id,
        order: a.outcome.order,
        params: q.params,
        kind: q.kind,
        total: a.outcome.total,
        met: q.expectations.length - failed.length,
        expected: q.expectations.length,
        failed,
        precisionAt10: precisionAt10(a),
      });
    } catch (error) {
      const message =
        (error as { problems?: { message: string }[] }).problems
          ?.map((p) => p.message)
          .join('; ') ?? String(error);
      for (const e of q.expectations) failures.set(e.rule, (failures.get(e.rule) ?? 0) + 1);
      reports.push({
        id: q.id,
        order: null,
        params: q.params,
        kind: q.kind,
        total: null,
        met: 0,
        expected: q.expectations.length,
        failed: q.expectations.map((e) => e.says),
        precisionAt10: null,
        error: message,
      });
    }
  }

  const passed = reports.filter((r) => r.failed.length === 0).length;
  const expectationsMet = reports.reduce((n, r) => n + r.met, 0);
  const expectations = reports.reduce((n, r) => n + r.expected, 0);
  const p10 = (list: QueryReport[]) =>
    round(mean(list.flatMap((r) => (r.precisionAt10 === null ? [] : [r.precisionAt10]))));
  const byOrder = Object.fromEntries(
    (['covers', 'specialists', 'nearest'] as const).map((o) => {
      const list = reports.filter((r) => r.order === o);
      return [o, { queries: list.length, precisionAt10: p10(list) }];
    }),
  );
  const byKind = Object.fromEntries(
    (['town', 'postcode', 'county', 'region', 'nation'] as const).map((k) => {
      const list = reports.filter((r) => r.kind === k);
      return [
        k,
        {
          queries: list.length,
          met: list.filter((r) => r.failed.length === 0).length,
          precisionAt10: p10(list),
        },
      ];
    }),
  );
  const summary = {
    queries: reports.length,
    listings: bySlug.size,
    queriesMeetingExpectations: passed,
    shareMeetingExpectations: round(passed / reports.length),
    expectations,
    expectationsMet,
    shareOfExpectationsMet: round(expectationsMet / expectations),
    precisionAt10: p10(reports),
    byOrder,
    byKind,
    failuresByRule: Object.fromEntries([...failures].sort((a, b) => b[1] - a[1])),
    engineHasTiers: tiersSeen,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    queryReports: reports,
  };

  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  for (const r of reports) {
    if (r.failed.length === 0 && !verbose) continue;
    const p = r.params;
    log(
      `${r.id} ${p.industry}${p.subsector ? `/${p.subsector}` : ''} ${p.purpose} "${p.location}" ${p.order ?? `default (${r.order ?? '-'})`}${p.radiusMiles ? ` r${p.radiusMiles}` : ''}: total ${r.total ?? '-'}, p@10 ${r.precisionAt10 === null ? '-' : r.precisionAt10.toFixed(2)}${r.error ? `, error: ${r.error}` : ''}`,
    );
    for (const f of r.failed) log(`    not met: ${f}`);
  }
  log('');
  log(
    `queries meeting every expectation: ${passed}/${reports.length} (${((100 * passed) / reports.length).toFixed(1)}%)`,
  );
  log(
    `expectations met: ${expectationsMet}/${expectations} (${((100 * expectationsMet) / expectations).toFixed(1)}%)`,
  );
  log(`precision@10 (relevant = place or region): ${summary.precisionAt10 ?? '-'}`);
  for (const [o, v] of Object.entries(byOrder))
    log(
      `  ${o.padEnd(12)} ${String(v.queries).padStart(4)} queries, precision@10 ${v.precisionAt10 ?? '-'}`,
    );
  for (const [k, v] of Object.entries(byKind))
    log(
      `  ${k.padEnd(12)} ${String(v.queries).padStart(4)} queries, ${v.met} meet every expectation, precision@10 ${v.precisionAt10 ?? '-'}`,
    );
  if (!tiersSeen) log('the engine gives no `match` on its results: every tier expectation fails');
  log('expectations not met, by rule:');
  for (const [k, n] of Object.entries(summary.failuresByRule))
    log(`  ${String(n).padStart(4)}  ${k}`);
  log(`(${summary.seconds} s)`);
}

main();
