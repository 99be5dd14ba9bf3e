/**
 * The Agency Search form's values: read from the query string exactly as typed (to give them back),
 * and written back into the links of the results page.
 */
import { isOrderOffered } from '../../domain/directory/search-rules.js';
import {
  ORDERS,
  findIndustry,
  findSubsector,
  type SearchOrder,
} from '../../domain/directory/taxonomy.js';
import { single } from '../shared/form-values.js';

/** What the visitor typed or chose, as strings, exactly as it came (to keep everything typed). */
export interface SearchFormValues {
  industry: string;
  /** As an `industry/subsector` key when the industry is known; else as given. */
  subsector: string;
  purpose: string;
  location: string;
  employmentType: string[];
  order: string;
  radiusMiles: string;
  /** Keywords: words the agency's name, brand or description must contain. */
  q: string;
  /** `true` for verified agencies only, else as given (empty: all). */
  verified: string;
  page: string;
}

function many(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Reads the form's fields from a query string object; unknown parameters are ignored. */
export function readSearchForm(raw: Record<string, unknown>): SearchFormValues {
  const industry = single(raw.industry).trim();
  let subsector = single(raw.subsector).trim();
  const found = findIndustry(industry);
  if (found && subsector !== '') {
    const sub = findSubsector(found.slug, subsector);
    if (sub) subsector = `${found.slug}/${sub.slug}`;
  }
  return {
    industry: found?.slug ?? industry,
    subsector,
    purpose: single(raw.purpose).trim().toLowerCase(),
    location: single(raw.location).slice(0, 200),
    employmentType: many(raw.employmentType).map((v) => v.toLowerCase()),
    order: single(raw.order).trim().toLowerCase(),
    radiusMiles: single(raw.radiusMiles).trim().slice(0, 10),
    q: single(raw.q).slice(0, 200),
    verified: readVerified(single(raw.verified)),
    page: single(raw.page).trim().slice(0, 10),
  };
}

/** `true` for the checkbox's `true`/`on`, empty for unset or `false`; anything else as given. */
function readVerified(raw: string): string {
  const v = raw.trim().toLowerCase().slice(0, 10);
  if (v === 'true' || v === 'on' || v === '1') return 'true';
  return v === 'false' || v === '0' ? '' : v;
}

export const EMPTY_FORM: SearchFormValues = {
  industry: '',
  subsector: '',
  purpose: '',
  location: '',
  employmentType: [],
  order: '',
  radiusMiles: '',
  q: '',
  verified: '',
  page: '',
};

/** The query string for a search (empty fields left out); `overrides` replace fields. */
function searchQueryString(
  values: SearchFormValues,
  overrides: Partial<SearchFormValues> = {},
): string {
  const v = { ...values, ...overrides };
  const params = new URLSearchParams();
  if (v.industry) params.set('industry', v.industry);
  if (v.subsector) params.set('subsector', v.subsector);
  if (v.purpose) params.set('purpose', v.purpose);
  if (v.location) params.set('location', v.location);
  for (const t of v.employmentType) params.append('employmentType', t);
  if (v.order) params.set('order', v.order);
  if (v.radiusMiles) params.set('radiusMiles', v.radiusMiles);
  if (v.q.trim()) params.set('q', v.q.trim());
  if (v.verified) params.set('verified', v.verified);
  if (v.page && v.page !== '1') params.set('page', v.page);
  return params.toString();
}

/** `/search?...` for these values. */
export function searchUrl(values: SearchFormValues, overrides: Partial<SearchFormValues> = {}) {
  return `/search?${searchQueryString(values, overrides)}`;
}

export type FieldErrors = Partial<
  Record<
    | 'industry'
    | 'subsector'
    | 'purpose'
    | 'location'
    | 'employmentType'
    | 'radiusMiles'
    | 'order'
    | 'q',
    string
  >
>;

/** The two orders offered for a query: covers + nearest (local sub-sector) or covers + specialists. */
export function offeredOrders(values: SearchFormValues): SearchOrder[] {
  const industry = findIndustry(values.industry);
  const sub =
    industry && values.subsector ? findSubsector(industry.slug, values.subsector) : undefined;
  return ORDERS.map((o) => o.value).filter((o) => isOrderOffered(o, sub ?? null));
}
