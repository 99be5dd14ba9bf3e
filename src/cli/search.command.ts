/** `shortlist agencies search|show` and `shortlist places resolve|suggest`. */
import type { Command } from 'commander';
import { ignoredNote, type AgencySearchOutcome } from '../services/search-location.js';
import { DirectorySnapshot } from '../services/directory-snapshot.service.js';
import {
  buildSearchIndexes,
  getAgency,
  searchAgencies,
  type SearchIndexes,
} from '../services/search.service.js';
import { resolvePlace, suggestPlaceNames } from '../services/places.service.js';
import { migrateToLatest } from '../store/migrate.js';
import { withDeps } from './context.js';
import type { CliIo } from './io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The text in a column `width` wide, cut with "…" when too long, always a space before the next. */
function pad(text: string, width: number): string {
  return text.length >= width ? `${text.slice(0, width - 2)}… ` : text.padEnd(width);
}

/** A readable table of results, one agency per line, with the reasons underneath. */
function formatSearchTable(outcome: AgencySearchOutcome): string {
  const lines: string[] = [];
  const shown = outcome.results.length;
  lines.push(
    `${outcome.total} ${outcome.total === 1 ? 'agency' : 'agencies'} ${outcome.radiusMiles === null ? 'found near' : `within ${outcome.radiusMiles} ${outcome.radiusMiles === 1 ? 'mile' : 'miles'} of`} ${outcome.location.label} (${outcome.order}); showing ${shown === 0 ? 0 : (outcome.page - 1) * outcome.pageSize + 1}-${(outcome.page - 1) * outcome.pageSize + shown}`,
  );
  const note = ignoredNote(outcome.location);
  if (note !== null) lines.push(note);
  if (outcome.location.alternatives.length > 0) {
    lines.push(`Could also mean: ${outcome.location.alternatives.map((a) => a.label).join('; ')}`);
  }
  if (shown === 0) {
    lines.push(
      'No agency matches. Widen the search: drop the sub-sector or employment types, raise the radius, or choose "specialists".',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push('');
  lines.push(
    `${pad('#', 4)}${pad('Agency', 46)}${pad('Miles', 8)}${pad('Nearest office', 24)}Types`,
  );
  outcome.results.forEach((r, i) => {
    const n = (outcome.page - 1) * outcome.pageSize + i + 1;
    lines.push(
      `${pad(String(n), 4)}${pad(`${r.name}${r.verified ? ' ✓' : ''}`, 46)}${pad(r.nearestBranch.distanceMiles.toFixed(1), 8)}${pad(`${r.nearestBranch.town} ${r.nearestBranch.postcode}`, 24)}${r.employmentTypes.join(', ')}`,
    );
    lines.push(`${' '.repeat(4)}${r.slug} · ${r.why.join(' · ')}`);
  });
  return `${lines.join('\n')}\n`;
}

async function withSearch<T>(
  io: CliIo,
  fn: (deps: { snapshot: DirectorySnapshot<SearchIndexes> }) => T,
): Promise<T> {
  return withDeps(io, async (deps) => {
    await migrateToLatest(deps.db);
    const snapshot = new DirectorySnapshot<SearchIndexes>(
      { directoryStore: deps.directoryStore },
      buildSearchIndexes,
    );
    await snapshot.refresh();
    return fn({ snapshot });
  });
}

export function registerSearchCommands(program: Command, io: CliIo): void {
  const agencies = program.command('agencies').description('Search the agency directory');
  agencies
    .command('search')
    .description('Find agencies by industry, purpose and location')
    .option('--industry <slug>', 'industry slug (see /api/taxonomy), e.g. IT, driving')
    .option('--purpose <purpose>', 'job (find me a job) or staff (find me staff)')
    .option('--location <text>', 'town, county, region or UK postcode')
    .option('--subsector <slug>', 'a sub-sector of the industry (slug or industry/subsector)')
    .option(
      '--employment-type <type>',
      'permanent, temporary, contract or temp-to-perm (repeatable)',
      collect,
    )
    .option('--order <order>', 'covers, specialists or nearest')
    .option(
      '--radius-miles <miles>',
      'only agencies with an office this close (1-500); nearest without one searches 40 miles, widening to 80, 160 and the whole UK while fewer than 5 match',
    )
    .option('--verified', 'verified agencies only')
    .option('--q <words>', 'words in the name or description')
    .option('--page <n>', 'page number, from 1')
    .option('--page-size <n>', 'results per page, 1-100 (default 20)')
    .option('--json', 'print the API response as JSON')
    .action(
      async (options: {
        industry?: string;
        purpose?: string;
        location?: string;
        subsector?: string;
        employmentType?: string[];
        order?: string;
        radiusMiles?: string;
        verified?: boolean;
        q?: string;
        page?: string;
        pageSize?: string;
        json?: boolean;
      }) => {
        const outcome = await withSearch(io, (deps) =>
          searchAgencies(deps, {
            industry: options.industry,
            purpose: options.purpose,
            location: options.location,
            subsector: options.subsector,
            employmentType: options.employmentType,
            order: options.order,
            radiusMiles: options.radiusMiles,
            verified: options.verified ? 'true' : undefined,
            q: options.q,
            page: options.page,
            pageSize: options.pageSize,
          }),
        );
        io.stdout(
          options.json ? `${JSON.stringify(outcome, null, 2)}\n` : formatSearchTable(outcome),
        );
      },
    );
  agencies
    .command('show')
    .argument('<slug>', 'the listing slug')
    .option('--json', 'print the API response as JSON')
    .description('Everything about one listing, with its branches')
    .action(async (slug: string, options: { json?: boolean }) => {
      const agency = await withSearch(io, (deps) => getAgency(deps, slug));
      if (options.json) {
        io.stdout(`${JSON.stringify(agency, null, 2)}\n`);
        return;
      }
      const lines = [
        `${agency.name}${agency.verified ? ' (verified)' : ''}`,
        agency.description,
        `Website: ${agency.website ?? 'none'}`,
        `Listed since: ${agency.listedSince}`,
        `Industries: ${agency.industries.map((i) => i.name).join(', ')}`,
        `Sub-sectors: ${agency.subsectors.length === 0 ? 'whole industries' : agency.subsectors.map((s) => s.name).join(', ')}`,
        `Employment types: ${agency.employmentTypes.join(', ')}`,
        `Serves: ${agency.purposes.map((p) => (p === 'job' ? 'job seekers' : 'employers')).join(' and ')}`,
        `Coverage: ${agency.coverage === 'national' ? 'the whole UK' : agency.coverage.map((c) => c.name).join(', ')}`,
        `Offices (${agency.branches.length}):`,
        ...agency.branches.map(
          (b) =>
            `  ${b.name}: ${b.address}, ${b.postcode}\n    candidates ${b.candidate.phone ?? '-'} ${b.candidate.email ?? ''}\n    employers  ${b.employer.phone ?? '-'} ${b.employer.email ?? ''}`,
        ),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    });

  const places = program
    .command('places')
    .description('UK places: towns, counties, regions, nations and postcodes');
  places
    .command('resolve')
    .argument('<text...>', 'what someone typed in a location box')
    .option('--json', 'print the API response as JSON')
    .description('Resolve a town, county, region or postcode to one place')
    .action((words: string[], options: { json?: boolean }) => {
      const result = resolvePlace(words.join(' '));
      if (options.json) {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const p = result.place;
      io.stdout(
        `${p.label} (${p.kind}${p.precision ? `, ${p.precision} precision` : ''}) at ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}; ${[p.county, p.region, p.nation].filter(Boolean).join(', ')}\n`,
      );
      if (p.ignored !== undefined) io.stdout(`We could not place “${p.ignored}”\n`);
      if (result.alternatives.length > 0)
        io.stdout(`Could also mean: ${result.alternatives.map((a) => a.label).join('; ')}\n`);
    });
  places
    .command('suggest')
    .argument('<prefix...>', 'the start of a place name')
    .option('--json', 'print the API response as JSON')
    .description('Places starting with the prefix, most populous first')
    .action((words: string[], options: { json?: boolean }) => {
      const list = suggestPlaceNames(words.join(' '));
      if (options.json) io.stdout(`${JSON.stringify({ places: list }, null, 2)}\n`);
      else if (list.length === 0) io.stdout('No place starts with that.\n');
      else io.stdout(`${list.map((p) => `${p.label} (${p.kind})`).join('\n')}\n`);
    });
}
