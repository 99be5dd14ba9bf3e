/** The results page: what was searched, the cards of one page, and the controls around them. */
import { escapeHtml } from '@kitajs/html';
import type { SearchOutcome } from '../../domain/directory/search-outcome.js';
import { findIndustry, findSubsector } from '../../domain/directory/taxonomy.js';
import {
  describeSearchLocation,
  type AgencySearchOutcome,
} from '../../services/search-location.js';
import { employmentTypeLabels, formatMiles, joinList, purposeLabel } from '../shared/format.js';
import { Layout, toHtml, type PageChrome } from '../shared/layout.js';
import { searchButtonLabel } from '../shared/page-context.js';
import { ResultList, type ResultEntry } from './result-list.js';
import { EmptyState, OrderForm, Pagination, RefinePanel } from './results-controls.js';
import { SearchForm } from './search-form.js';
import { searchUrl, type SearchFormValues } from './search-form-values.js';
import { LocationNote } from './search-location.js';

function resultsHeading(total: number): string {
  return total === 1 ? '1 Recruitment Agency Found' : `${total} Recruitment Agencies Found`;
}

/** "23 agencies within 40 miles of Truro": the radius searched (the user's or the automatic one). */
function radiusSentence(outcome: SearchOutcome): string | null {
  if (outcome.radiusMiles === null) return null;
  const agencies = outcome.total === 1 ? 'agency' : 'agencies';
  const miles = outcome.radiusMiles === 1 ? 'mile' : 'miles';
  return `${outcome.total} ${agencies} within ${outcome.radiusMiles} ${miles} of ${outcome.location.name}`;
}

function querySummary(values: SearchFormValues, outcome: AgencySearchOutcome): string {
  const industry = findIndustry(values.industry);
  const sub =
    industry && values.subsector ? findSubsector(industry.slug, values.subsector) : undefined;
  const what = sub ? `${sub.name} (${industry?.name ?? ''})` : (industry?.name ?? values.industry);
  const types = employmentTypeLabels(values.employmentType);
  const parts = [
    `${what}, to ${purposeLabel(values.purpose)}, for ${describeSearchLocation(outcome.location)}`,
    values.q.trim() ? `with the keywords "${values.q.trim()}"` : '',
    types.length > 0 ? `${joinList(types, 'or')} work` : '',
    values.radiusMiles ? `within ${formatMiles(Number(values.radiusMiles))}` : '',
  ].filter((p) => p !== '');
  return `${parts.join('; ')}.`;
}

export function renderResults(
  page: PageChrome,
  view: {
    count: number;
    entries: readonly ResultEntry[];
    favourites: ReadonlySet<string>;
    values: SearchFormValues;
    outcome: AgencySearchOutcome;
  },
): string {
  const { entries, favourites, values, outcome } = view;
  const label = searchButtonLabel(view.count);
  const returnTo = searchUrl(values, { page: String(outcome.page) });
  const purpose = values.purpose === 'staff' ? 'staff' : 'job';
  const from = outcome.location;
  const totalPages = Math.max(1, Math.ceil(outcome.total / outcome.pageSize));
  const industry = findIndustry(values.industry);
  const heading = resultsHeading(outcome.total);
  return toHtml(
    <Layout
      title={`${heading}${outcome.page > 1 ? ` (page ${outcome.page})` : ''}`}
      {...page}
      current="/"
      noindex
    >
      <div class="results-header">
        <h1 class="page-title" id="results-title">
          {escapeHtml(heading)}
        </h1>
        <p>
          <a href="/favourites">Your favourites ({favourites.size})</a>
        </p>
      </div>
      {radiusSentence(outcome) === null ? (
        ''
      ) : (
        <p class="radius-sentence">{escapeHtml(radiusSentence(outcome) ?? '')}</p>
      )}
      <p class="query-summary">
        <span class="visually-hidden">Your search: </span>
        {escapeHtml(querySummary(values, outcome))} <a href="#results">Skip to the results</a>
      </p>
      <LocationNote values={values} location={outcome.location} />
      <SearchForm
        values={values}
        errors={{}}
        buttonLabel={label}
        changedNotice
        keepRadius
        title="Change your search"
      />
      <div class="grid-sidebar">
        <div class="sidebar">
          <RefinePanel values={values} outcome={outcome} industryName={industry?.name ?? ''} />
        </div>
        <div class="results" id="results">
          <OrderForm values={values} outcome={outcome} />
          {outcome.results.length === 0 ? (
            <EmptyState values={values} outcome={outcome} />
          ) : (
            <ResultList
              entries={entries}
              favourites={favourites}
              labelledBy="results-title"
              card={{ from, purpose, returnTo, csrf: page.user?.csrf }}
            />
          )}
          <Pagination values={values} page={outcome.page} totalPages={totalPages} />
        </div>
      </div>
    </Layout>,
  );
}
