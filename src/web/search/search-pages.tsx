/** The home page (the Agency Search form), the form again with its errors, and a page past the last. */
import { escapeHtml } from '@kitajs/html';
import type { Problem } from '../../domain/errors.js';
import { ErrorSummary, Layout, toHtml, attr, type PageChrome } from '../shared/layout.js';
import { listingCountText, searchButtonLabel } from '../shared/page-context.js';
import {
  EMPTY_FORM,
  searchUrl,
  type FieldErrors,
  type SearchFormValues,
} from './search-form-values.js';
import { SEARCH_TEXTS, SearchForm } from './search-form.js';

export function renderHome(page: PageChrome, count: number): string {
  const label = searchButtonLabel(count);
  return toHtml(
    <Layout
      title="Find a recruitment agency"
      {...page}
      current="/"
      description="Search UK recruitment agencies by industry, sub-sector and location, and see why each one is shown."
    >
      <div class="hero">
        <h1 class="page-title">Find the recruitment agencies that really cover your work</h1>
        <p class="lede">
          Search {escapeHtml(listingCountText(count))} UK agencies by industry, sub-sector and
          place. Every result says why it is shown, and nothing is sponsored.
        </p>
        <p>
          {escapeHtml(SEARCH_TEXTS.customised)}{' '}
          <a href="#search">{escapeHtml(SEARCH_TEXTS.doASearch)}</a>
        </p>
      </div>
      <SearchForm values={EMPTY_FORM} errors={{}} buttonLabel={label} />
      <section class="section" aria-labelledby="after-title">
        <h2 id="after-title">After the interview</h2>
        <p>
          Read our{' '}
          <a href="/advice/interview-follow-up">short guide to following up after an interview</a>,
          then let the <a href="/follow-up">interview follow-up planner</a> tell you what to send
          and when.
        </p>
      </section>
    </Layout>,
  );
}

function fieldOf(problem: Problem): keyof FieldErrors | null {
  const f = problem.field;
  return f === 'industry' ||
    f === 'subsector' ||
    f === 'purpose' ||
    f === 'location' ||
    f === 'employmentType' ||
    f === 'radiusMiles' ||
    f === 'order' ||
    f === 'q'
    ? f
    : null;
}

export function renderSearchErrors(
  page: PageChrome,
  count: number,
  values: SearchFormValues,
  problems: Problem[],
): string {
  const errors: FieldErrors = {};
  const summary: { fieldId: string; message: string }[] = [];
  const other: string[] = [];
  for (const p of problems) {
    const field = fieldOf(p);
    if (field === null) {
      other.push(p.message);
      continue;
    }
    if (errors[field] !== undefined) continue;
    errors[field] = p.message;
    summary.push({
      fieldId: field === 'radiusMiles' || field === 'order' ? 'search' : field,
      message: p.message,
    });
  }
  const suggestions = problems.find((p) => p.field === 'location')?.suggestions ?? [];
  const first = summary[0]?.fieldId;
  return toHtml(
    <Layout title="Error: Agency Search" {...page} current="/" noindex>
      <ErrorSummary
        errors={[...summary, ...other.map((m) => ({ fieldId: 'search', message: m }))]}
      />
      <SearchForm
        values={values}
        errors={errors}
        locationSuggestions={suggestions}
        buttonLabel={searchButtonLabel(count)}
        autofocus={first}
        keepRadius
        headingLevel="h1"
      />
    </Layout>,
  );
}

export function renderPastLastPage(
  page: PageChrome,
  values: SearchFormValues,
  asked: number,
  lastPage: number,
): string {
  const last = searchUrl(values, { page: String(lastPage) });
  return toHtml(
    <Layout title="Page not found: Agency Search" {...page} current="/" noindex>
      <h1 class="page-title">{escapeHtml(`There is no page ${asked} of these results`)}</h1>
      <p>
        {escapeHtml(
          lastPage === 1
            ? 'These results fit on one page.'
            : `These results have ${lastPage} pages.`,
        )}{' '}
        <a href={attr(last)}>{escapeHtml(`Go to the last page (page ${lastPage})`)}</a>
      </p>
    </Layout>,
  );
}
