/** The home page (the Agency Search form) and the results page, GET / and GET /search. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import { isDomainError, type Problem } from '../domain/errors.js';
import type { SearchOutcome } from '../domain/directory/search-outcome.js';
import { isOrderOffered } from '../domain/directory/search-rules.js';
import { describeSearchLocation, type AgencySearchOutcome } from '../services/search-location.js';
import {
  ORDERS,
  findIndustry,
  findSubsector,
  type SearchOrder,
} from '../domain/directory/taxonomy.js';
import { searchAgencies } from '../services/search.service.js';
import { LocationNote } from './search-location.js';
import { ResultList, type ResultEntry } from './result-list.js';
import { loadFavourites } from '../http/favourites.js';
import { employmentTypeLabels, formatMiles, joinList, purposeLabel } from './format.js';
import { ErrorSummary, Layout, toHtml, attr, type PageChrome } from './layout.js';
import {
  countListings,
  pageChrome,
  searchButtonLabel,
  listingCountText,
  type PageDeps,
} from './page-context.js';
import {
  EMPTY_FORM,
  SEARCH_TEXTS,
  SearchForm,
  readSearchForm,
  searchUrl,
  type FieldErrors,
  type SearchFormValues,
} from './search-form.js';

const FORM_FIELDS = [
  'industry',
  'subsector',
  'purpose',
  'location',
  'employmentType',
  'order',
  'radiusMiles',
  'q',
  'verified',
] as const;

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** The two orders offered for a query: covers + nearest (local sub-sector) or covers + specialists. */
export function offeredOrders(values: SearchFormValues): SearchOrder[] {
  const industry = findIndustry(values.industry);
  const sub =
    industry && values.subsector ? findSubsector(industry.slug, values.subsector) : undefined;
  return ORDERS.map((o) => o.value).filter((o) => isOrderOffered(o, sub ?? null));
}

export function registerSearchPages(app: FastifyInstance, deps: PageDeps): void {
  app.get('/', { schema: { hide: true } }, (_request, reply) => {
    const count = countListings(deps);
    return html(reply, 200, renderHome(pageChrome(deps, reply), count));
  });

  app.get('/search', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    if (!FORM_FIELDS.some((f) => raw[f] !== undefined)) return reply.redirect('/#search', 303);
    const values = readSearchForm(raw);
    // Only the two orders offered for this query are honoured; another falls back to the default.
    const offered = offeredOrders(values);
    const order = (offered as string[]).includes(values.order) ? values.order : '';
    const effective = { ...values, order };
    let outcome: AgencySearchOutcome;
    try {
      outcome = searchAgencies(
        deps,
        { ...raw, subsector: effective.subsector, order, q: effective.q },
        { offeredOrdersOnly: true },
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return html(
        reply,
        400,
        renderSearchErrors(deps, pageChrome(deps, reply), effective, error.problems),
      );
    }
    const lastPage = Math.max(1, Math.ceil(outcome.total / outcome.pageSize));
    if (outcome.page > lastPage)
      return html(
        reply,
        404,
        renderPastLastPage(pageChrome(deps, reply), effective, outcome.page, lastPage),
      );
    const favourites = new Set(await loadFavourites(request, deps.accountDeps));
    return html(
      reply,
      200,
      renderResults(deps, pageChrome(deps, reply), favourites, effective, outcome),
    );
  });
}

function renderHome(page: PageChrome, count: number): string {
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

function renderSearchErrors(
  deps: PageDeps,
  page: PageChrome,
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
        buttonLabel={searchButtonLabel(countListings(deps))}
        autofocus={first}
        keepRadius
        headingLevel="h1"
      />
    </Layout>,
  );
}

function resultsHeading(total: number): string {
  return total === 1 ? '1 Recruitment Agency Found' : `${total} Recruitment Agencies Found`;
}

/** "23 agencies within 40 miles of Truro": the radius searched (the user's or the automatic one). */
export function radiusSentence(outcome: SearchOutcome): string | null {
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

function renderResults(
  deps: PageDeps,
  page: PageChrome,
  favourites: ReadonlySet<string>,
  values: SearchFormValues,
  outcome: AgencySearchOutcome,
): string {
  const count = countListings(deps);
  const label = searchButtonLabel(count);
  const listings = deps.snapshot.get().derived.listings;
  const returnTo = searchUrl(values, { page: String(outcome.page) });
  const purpose = values.purpose === 'staff' ? 'staff' : 'job';
  const from = outcome.location;
  const entries = outcome.results.flatMap((result): ResultEntry[] => {
    const entry = listings.get(result.slug);
    return entry ? [{ result, listing: entry.listing, brand: entry.brand }] : [];
  });
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

function OrderForm(props: { values: SearchFormValues; outcome: SearchOutcome }) {
  const offered = offeredOrders(props.values);
  const v = props.values;
  return (
    <form method="get" action="/search" class="order-form" aria-label="Order of results">
      <input type="hidden" name="industry" value={attr(v.industry)} />
      {v.subsector ? <input type="hidden" name="subsector" value={attr(v.subsector)} /> : ''}
      <input type="hidden" name="purpose" value={attr(v.purpose)} />
      <input type="hidden" name="location" value={attr(v.location)} />
      {v.employmentType.map((t) => (
        <input type="hidden" name="employmentType" value={attr(t)} />
      ))}
      {v.radiusMiles ? <input type="hidden" name="radiusMiles" value={attr(v.radiusMiles)} /> : ''}
      {v.q.trim() ? <input type="hidden" name="q" value={attr(v.q.trim())} /> : ''}
      {v.verified ? <input type="hidden" name="verified" value={attr(v.verified)} /> : ''}
      <div class="form-group">
        <label class="label" for="order">
          Order
        </label>
        <p class="hint" id="order-hint">
          {escapeHtml(orderExplanation(offered))}
        </p>
        <select class="select" id="order" name="order" aria-describedby="order-hint">
          {ORDERS.filter((o) => offered.includes(o.value)).map((o) => (
            <option value={o.value} selected={props.outcome.order === o.value}>
              {escapeHtml(o.label)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        Sort results
      </button>
    </form>
  );
}

/** What each order offered means, and what the "Verified" badge means, in one sentence. */
export const ORDER_EXPLANATIONS: Readonly<Record<SearchOrder, string>> = {
  covers:
    '"Agencies who cover this location" lists first the agencies whose coverage names your place, then its region or nation, then the whole UK, then those with an office within 25 miles',
  specialists:
    '"Specialists (Location not important)" puts first the agencies that name your sub-sector or work in the fewest industries, wherever they are',
  nearest: '"Agencies nearest to your location" puts first the agencies with the nearest office',
};
export const VERIFIED_EXPLANATION =
  '"Verified" means the directory has checked that the agency is a real, trading business; it is not a rating';

export function orderExplanation(offered: readonly SearchOrder[]): string {
  return `${[...offered.map((o) => ORDER_EXPLANATIONS[o]), VERIFIED_EXPLANATION].join('; ')}.`;
}

function renderPastLastPage(
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

function RefinePanel(props: {
  values: SearchFormValues;
  outcome: SearchOutcome;
  industryName: string;
}) {
  const { values, outcome } = props;
  const industry = findIndustry(values.industry);
  const subs = (industry?.subsectors ?? [])
    .map((s) => ({
      key: `${industry!.slug}/${s.slug}`,
      name: s.name,
      count: outcome.facets.subsectors[s.slug] ?? 0,
    }))
    .filter((s) => s.count > 0 || s.key === values.subsector);
  const types = outcome.facets.employmentTypes;
  return (
    <section class="panel refine-panel" aria-labelledby="refine-title">
      <h2 id="refine-title">Refine</h2>
      <form method="get" action="/search" aria-labelledby="refine-title">
        <input type="hidden" name="industry" value={attr(values.industry)} />
        <input type="hidden" name="purpose" value={attr(values.purpose)} />
        <input type="hidden" name="location" value={attr(values.location)} />
        {values.order ? <input type="hidden" name="order" value={values.order} /> : ''}
        {values.q.trim() ? <input type="hidden" name="q" value={attr(values.q.trim())} /> : ''}
        <div class="form-group">
          <label class="label" for="refine-subsector">
            Sub-sector of {escapeHtml(props.industryName)}
          </label>
          <select class="select" id="refine-subsector" name="subsector">
            <option value="">All sub-sectors</option>
            {subs.map((s) => (
              <option value={s.key} selected={values.subsector === s.key}>
                {escapeHtml(`${s.name} (${s.count})`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="fieldset form-group">
          <legend class="legend">Employment type</legend>
          <div class="checkboxes checkboxes-stacked">
            {Object.entries(types).map(([value, n]) => (
              <label class="checkbox" for={`refine-type-${value}`}>
                <input
                  type="checkbox"
                  id={`refine-type-${value}`}
                  name="employmentType"
                  value={value}
                  checked={values.employmentType.includes(value)}
                />
                {escapeHtml(employmentTypeLabels([value])[0] ?? value)}{' '}
                <span class="count">({n})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="form-group checkboxes">
          <label class="checkbox" for="refine-verified">
            <input
              type="checkbox"
              id="refine-verified"
              name="verified"
              value="true"
              checked={values.verified === 'true'}
            />
            Verified agencies only <span class="count">({outcome.facets.verified})</span>
          </label>
        </div>
        <div class="form-group">
          <label class="label" for="refine-radius">
            Within (miles)
          </label>
          <p class="hint" id="refine-radius-hint">
            Leave empty for any distance.
          </p>
          <input
            class="input input-narrow"
            type="text"
            inputmode="numeric"
            id="refine-radius"
            name="radiusMiles"
            value={attr(values.radiusMiles)}
            aria-describedby="refine-radius-hint"
            maxlength="3"
          />
        </div>
        <button type="submit" class="button button-secondary">
          Apply filters
        </button>
      </form>
    </section>
  );
}

function EmptyState(props: { values: SearchFormValues; outcome: SearchOutcome }) {
  const v = props.values;
  const tips: { href: string; text: string }[] = [];
  if (v.subsector)
    tips.push({
      href: searchUrl(v, { subsector: '', order: '', page: '' }),
      text: 'Search the whole industry instead of one sub-sector',
    });
  if (v.employmentType.length > 0)
    tips.push({
      href: searchUrl(v, { employmentType: [], page: '' }),
      text: 'Remove the employment type filter',
    });
  if (v.q.trim())
    tips.push({
      href: searchUrl(v, { q: '', page: '' }),
      text: `Remove the keywords "${v.q.trim()}"`,
    });
  if (v.radiusMiles)
    tips.push({
      href: searchUrl(v, { radiusMiles: '', page: '' }),
      text: 'Search any distance away',
    });
  if (v.verified)
    tips.push({
      href: searchUrl(v, { verified: '', page: '' }),
      text: 'Include agencies that are not verified',
    });
  if (props.outcome.order === 'covers') {
    const other = offeredOrders(v).find((o) => o !== 'covers');
    if (other)
      tips.push({
        href: searchUrl(v, { order: other, page: '' }),
        text:
          other === 'nearest'
            ? 'Show the agencies nearest to your location'
            : 'Show specialists wherever they are based',
      });
  }
  return (
    <div class="panel empty-state">
      <h2>No agencies match this search</h2>
      <p>To widen the search:</p>
      <ul>
        {tips.map((t) => (
          <li>
            <a href={attr(t.href)}>{escapeHtml(t.text)}</a>
          </li>
        ))}
        <li>Try a larger place nearby, such as the county or region</li>
        <li>Choose a broader industry</li>
      </ul>
    </div>
  );
}

function Pagination(props: { values: SearchFormValues; page: number; totalPages: number }) {
  if (props.totalPages <= 1) return '';
  const { page, totalPages } = props;
  const pages: number[] = [];
  for (let p = Math.max(1, page - 2); p <= Math.min(totalPages, page + 2); p++) pages.push(p);
  const link = (p: number) => searchUrl(props.values, { page: String(p) });
  return (
    <nav aria-label="Pages of results">
      <ul class="pagination">
        {page > 1 ? (
          <li>
            <a href={attr(link(page - 1))} rel="prev">
              Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : (
          ''
        )}
        {pages[0] !== undefined && pages[0] > 1 ? (
          <li>
            <a href={attr(link(1))}>
              <span class="visually-hidden">Page </span>1
            </a>
          </li>
        ) : (
          ''
        )}
        {pages.map((p) =>
          p === page ? (
            <li>
              <span aria-current="page">
                <span class="visually-hidden">Page </span>
                {escapeHtml(String(p))}
              </span>
            </li>
          ) : (
            <li>
              <a href={attr(link(p))}>
                <span class="visually-hidden">Page </span>
                {escapeHtml(String(p))}
              </a>
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={attr(link(page + 1))} rel="next">
              Next<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      <p class="muted">{escapeHtml(`Page ${page} of ${totalPages}`)}</p>
    </nav>
  );
}
