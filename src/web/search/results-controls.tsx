/**
 * The controls around a page of results: the order, the refine panel, the advice when nothing
 * matched, and the page links. Each is a GET form or link, so all work without JavaScript.
 */
import { escapeHtml } from '@kitajs/html';
import type { SearchOutcome } from '../../domain/directory/search-outcome.js';
import { ORDERS, findIndustry, type SearchOrder } from '../../domain/directory/taxonomy.js';
import { employmentTypeLabels } from '../shared/format.js';
import { attr } from '../shared/layout.js';
import { offeredOrders, searchUrl, type SearchFormValues } from './search-form-values.js';

export function OrderForm(props: { values: SearchFormValues; outcome: SearchOutcome }) {
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
const ORDER_EXPLANATIONS: Readonly<Record<SearchOrder, string>> = {
  covers:
    '"Agencies who cover this location" lists first the agencies whose coverage names your place, then its region or nation, then the whole UK, then those with an office within 25 miles',
  specialists:
    '"Specialists (Location not important)" puts first the agencies that name your sub-sector or work in the fewest industries, wherever they are',
  nearest: '"Agencies nearest to your location" puts first the agencies with the nearest office',
};
const VERIFIED_EXPLANATION =
  '"Verified" means the directory has checked that the agency is a real, trading business; it is not a rating';

function orderExplanation(offered: readonly SearchOrder[]): string {
  return `${[...offered.map((o) => ORDER_EXPLANATIONS[o]), VERIFIED_EXPLANATION].join('; ')}.`;
}

export function RefinePanel(props: {
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

export function EmptyState(props: { values: SearchFormValues; outcome: SearchOutcome }) {
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

export function Pagination(props: { values: SearchFormValues; page: number; totalPages: number }) {
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
