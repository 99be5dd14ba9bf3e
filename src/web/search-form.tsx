/**
 * The Agency Search form (home page, error page and results page), with the seed's exact texts.
 * Works without JavaScript: the sub-sector select lists every industry's sub-sectors in optgroups
 * (values `industry/subsector`); site.js narrows it to the chosen industry, suggests places,
 * checks the required fields before the request and shows the changed-query notice.
 */
import { escapeHtml } from '@kitajs/html';
import {
  EMPLOYMENT_TYPES,
  PURPOSES,
  findIndustry,
  findSubsector,
  listIndustries,
} from '../domain/directory/taxonomy.js';
import { SEARCH_MESSAGES } from '../domain/directory/search-query.js';
import type { Suggestion } from '../domain/errors.js';
import { FieldError, fieldAria, attr, toHtml } from './layout.js';

export const SEARCH_TEXTS = {
  industry: 'Industry (required)',
  subsector: 'Industry Sub Sector',
  purpose: "I'd like a recruitment agency to... (required)",
  location: 'Location',
  employmentType: 'Employment Type',
  hint: 'Refine your search to get more accurate results.',
  customised: 'Want a customised list of agencies?',
  doASearch: 'Do a Search',
} as const;

export { SEARCH_MESSAGES };

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
  page: string;
}

function single(value: unknown): string {
  if (Array.isArray(value)) return single(value[0]);
  return typeof value === 'string' ? value : '';
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
    page: single(raw.page).trim().slice(0, 10),
  };
}

export const EMPTY_FORM: SearchFormValues = {
  industry: '',
  subsector: '',
  purpose: '',
  location: '',
  employmentType: [],
  order: '',
  radiusMiles: '',
  page: '',
};

/** The query string for a search (empty fields left out); `overrides` replace fields. */
export function searchQueryString(
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
  if (v.page && v.page !== '1') params.set('page', v.page);
  return params.toString();
}

/** `/search?...` for these values. */
export function searchUrl(values: SearchFormValues, overrides: Partial<SearchFormValues> = {}) {
  return `/search?${searchQueryString(values, overrides)}`;
}

export type FieldErrors = Partial<
  Record<
    'industry' | 'subsector' | 'purpose' | 'location' | 'employmentType' | 'radiusMiles' | 'order',
    string
  >
>;

export interface SearchFormProps {
  values: SearchFormValues;
  errors: FieldErrors;
  /** Places the location could mean (ambiguous) or close spellings (unknown). */
  locationSuggestions?: readonly Suggestion[];
  /** The search button's text: "Search 8000+ Agencies". */
  buttonLabel: string;
  /** On the results page: say so when the visitor changes the query (JS). */
  changedNotice?: boolean;
  /** Which field gets focus on load (the first with an error). */
  autofocus?: string;
  /** Fields carried along unchanged (the radius on the results page). */
  keepRadius?: boolean;
  headingLevel?: 'h2' | 'h1';
  title?: string;
}

let industryOptionsHtml: string | null = null;
let subsectorOptionsHtml: string | null = null;

/** Every industry as an <option>; the taxonomy never changes, so it is rendered once. */
function industryOptions(): string {
  industryOptionsHtml ??= toHtml(
    <>
      {listIndustries().map((i) => (
        <option value={attr(i.slug)}>{escapeHtml(i.name)}</option>
      ))}
    </>,
  );
  return industryOptionsHtml;
}

/** Every sub-sector, grouped by industry, values `industry/subsector`; rendered once. */
function subsectorOptions(): string {
  subsectorOptionsHtml ??= toHtml(
    <>
      {listIndustries().map((i) => (
        <optgroup label={attr(i.name)} data-industry={attr(i.slug)}>
          {i.subsectors.map((s) => (
            <option value={attr(`${i.slug}/${s.slug}`)}>{escapeHtml(s.name)}</option>
          ))}
        </optgroup>
      ))}
    </>,
  );
  return subsectorOptionsHtml;
}

/** The options with the one whose value is exactly `value` marked selected. */
function withSelected(options: string, value: string): JSX.Element {
  if (value === '') return options;
  const needle = `<option value="${attr(value).replace(/"/g, '&#34;')}">`;
  return options.replace(needle, `<option value="${attr(value).replace(/"/g, '&#34;')}" selected>`);
}

/** The search form with id="search" (the target of "Do a Search"). */
export function SearchForm(props: SearchFormProps) {
  const { values, errors } = props;
  const HeadingTag = props.headingLevel ?? 'h2';
  const title = props.title ?? 'Agency Search';
  const groupClass = (field: keyof FieldErrors) =>
    errors[field] ? 'form-group form-group-error' : 'form-group';
  const changedText = `You have changed your query. Press "${props.buttonLabel}" when your new query is ready.`;
  return (
    <form
      id="search"
      class="panel search-panel"
      method="get"
      action="/search"
      novalidate
      data-search-form
      aria-labelledby="search-title"
      data-changed-text={props.changedNotice ? attr(changedText) : undefined}
      data-message-industry={SEARCH_MESSAGES.industry}
      data-message-purpose={SEARCH_MESSAGES.purpose}
      data-message-location={SEARCH_MESSAGES.location}
    >
      <HeadingTag id="search-title" class={HeadingTag === 'h1' ? 'page-title' : undefined}>
        {escapeHtml(title)}
      </HeadingTag>
      <div class="search-grid">
        <div class={groupClass('industry')} data-field="industry">
          <label class="label" for="industry">
            {escapeHtml(SEARCH_TEXTS.industry)}
          </label>
          <FieldError fieldId="industry" message={errors.industry} />
          <select
            class="select"
            id="industry"
            name="industry"
            autofocus={props.autofocus === 'industry'}
            {...fieldAria('industry', errors.industry)}
          >
            <option value="">Select an industry</option>
            {withSelected(industryOptions(), values.industry)}
          </select>
        </div>
        <div class={groupClass('subsector')} data-field="subsector">
          <label class="label" for="subsector">
            {escapeHtml(SEARCH_TEXTS.subsector)}
          </label>
          <FieldError fieldId="subsector" message={errors.subsector} />
          <select
            class="select"
            id="subsector"
            name="subsector"
            autofocus={props.autofocus === 'subsector'}
            {...fieldAria('subsector', errors.subsector)}
          >
            <option value="">All sub-sectors</option>
            {withSelected(subsectorOptions(), values.subsector)}
          </select>
        </div>
        <div class={groupClass('purpose')} data-field="purpose">
          <label class="label" for="purpose">
            {escapeHtml(SEARCH_TEXTS.purpose)}
          </label>
          <FieldError fieldId="purpose" message={errors.purpose} />
          <select
            class="select"
            id="purpose"
            name="purpose"
            autofocus={props.autofocus === 'purpose'}
            {...fieldAria('purpose', errors.purpose)}
          >
            <option value="">Please select</option>
            {PURPOSES.map((p) => (
              <option value={p.value} selected={values.purpose === p.value}>
                {escapeHtml(p.label)}
              </option>
            ))}
          </select>
        </div>
        <div class={groupClass('location')} data-field="location">
          <label class="label" for="location">
            {escapeHtml(SEARCH_TEXTS.location)}
          </label>
          <p class="hint" id="location-hint">
            A town, county, region or UK postcode
          </p>
          <FieldError fieldId="location" message={errors.location} />
          {props.locationSuggestions && props.locationSuggestions.length > 0 ? (
            <LocationSuggestions values={values} suggestions={props.locationSuggestions} />
          ) : (
            ''
          )}
          <input
            class="input"
            type="text"
            id="location"
            name="location"
            value={attr(values.location)}
            autocomplete="off"
            spellcheck="false"
            maxlength="200"
            autofocus={props.autofocus === 'location'}
            data-place-input
            {...fieldAria('location', errors.location, 'location-hint')}
          />
        </div>
      </div>
      <div class={groupClass('employmentType')} data-field="employmentType">
        <fieldset
          class="fieldset"
          aria-describedby={errors.employmentType ? 'employmentType-error' : undefined}
        >
          <legend class="legend">{escapeHtml(SEARCH_TEXTS.employmentType)}</legend>
          <FieldError fieldId="employmentType" message={errors.employmentType} />
          <div class="checkboxes">
            {EMPLOYMENT_TYPES.map((t, i) => (
              <label
                class="checkbox"
                for={i === 0 ? 'employmentType' : `employmentType-${t.value}`}
              >
                <input
                  type="checkbox"
                  id={i === 0 ? 'employmentType' : `employmentType-${t.value}`}
                  name="employmentType"
                  value={t.value}
                  checked={values.employmentType.includes(t.value)}
                />
                {escapeHtml(t.label)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {props.keepRadius && values.radiusMiles !== '' ? (
        <input type="hidden" name="radiusMiles" value={attr(values.radiusMiles)} />
      ) : (
        ''
      )}
      <p class="live-notice notice notice-info" data-changed-notice aria-live="polite"></p>
      <div class="form-actions">
        <button type="submit" class="button" data-search-button>
          {escapeHtml(props.buttonLabel)}
        </button>
      </div>
      <p class="hint search-hint">{escapeHtml(SEARCH_TEXTS.hint)}</p>
    </form>
  );
}

/** The places an ambiguous or unknown location could mean, each completing the same search. */
function LocationSuggestions(props: {
  values: SearchFormValues;
  suggestions: readonly Suggestion[];
}) {
  return (
    <div class="location-suggestions">
      <p class="hint" id="location-suggestions-title">
        Choose a place to search from:
      </p>
      <ul class="place-suggestions" aria-labelledby="location-suggestions-title">
        {props.suggestions.map((s) => (
          <li>
            <a href={attr(searchUrl(props.values, { location: s.label, page: '' }))}>
              {escapeHtml(s.label)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
