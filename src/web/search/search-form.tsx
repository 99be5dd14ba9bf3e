/**
 * The Agency Search form (home page, error page and results page), with the seed's exact texts.
 * Works without JavaScript: the sub-sector select lists every industry's sub-sectors in optgroups
 * (values `industry/subsector`); site.js narrows it to the chosen industry, suggests places,
 * checks the required fields before the request and shows the changed-query notice.
 */
import { escapeHtml, type Children } from '@kitajs/html';
import { EMPLOYMENT_TYPES, PURPOSES, listIndustries } from '../../domain/directory/taxonomy.js';
import { SEARCH_MESSAGES } from '../../domain/directory/search-query.js';
import type { Suggestion } from '../../domain/errors.js';
import { FieldError, fieldAria, attr, formGroupClass, toHtml } from '../shared/layout.js';
import { searchUrl, type FieldErrors, type SearchFormValues } from './search-form-values.js';

export const SEARCH_TEXTS = {
  industry: 'Industry (required)',
  subsector: 'Industry Sub Sector',
  purpose: "I'd like a recruitment agency to... (required)",
  location: 'Location',
  employmentType: 'Employment Type',
  q: 'Keywords (optional)',
  qHint: "Words in the agency's name or description, such as a skill or a software",
  hint: 'Refine your search to get more accurate results.',
  customised: 'Want a customised list of agencies?',
  doASearch: 'Do a Search',
} as const;

interface SearchFormProps {
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

/** One of the form's selects (its id and name are the field's), with its label and error. */
function SearchSelect(props: {
  field: 'industry' | 'subsector' | 'purpose';
  error: string | undefined;
  autofocus: boolean;
  /** The first option's text (its value is empty). */
  placeholder: string;
  children: Children;
}) {
  const { field, error } = props;
  return (
    <div class={formGroupClass(error)} data-field={field}>
      <label class="label" for={field}>
        {escapeHtml(SEARCH_TEXTS[field])}
      </label>
      <FieldError fieldId={field} message={error} />
      <select
        class="select"
        id={field}
        name={field}
        autofocus={props.autofocus}
        {...fieldAria(field, error)}
      >
        <option value="">{escapeHtml(props.placeholder)}</option>
        {props.children}
      </select>
    </div>
  );
}

/** The search form with id="search" (the target of "Do a Search"). */
export function SearchForm(props: SearchFormProps) {
  const { values, errors } = props;
  const HeadingTag = props.headingLevel ?? 'h2';
  const title = props.title ?? 'Agency Search';
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
        {(
          [
            ['industry', 'Select an industry', withSelected(industryOptions(), values.industry)],
            ['subsector', 'All sub-sectors', withSelected(subsectorOptions(), values.subsector)],
            [
              'purpose',
              'Please select',
              PURPOSES.map((p) => (
                <option value={p.value} selected={values.purpose === p.value}>
                  {escapeHtml(p.label)}
                </option>
              )),
            ],
          ] as const
        )
          // The options are escaped where they are built; the `safe` prefix tells xss-scan so.
          .map(([field, placeholder, safeOptions]) => (
            <SearchSelect
              field={field}
              error={errors[field]}
              autofocus={props.autofocus === field}
              placeholder={placeholder}
            >
              {safeOptions}
            </SearchSelect>
          ))}
        <div class={formGroupClass(errors.location)} data-field="location">
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
      <div class={formGroupClass(errors.employmentType)} data-field="employmentType">
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
      <KeywordInput value={values.q} error={errors.q} autofocus={props.autofocus === 'q'} />
      {props.keepRadius && values.radiusMiles !== '' ? (
        <input type="hidden" name="radiusMiles" value={attr(values.radiusMiles)} />
      ) : (
        ''
      )}
      {props.keepRadius && values.verified !== '' ? (
        <input type="hidden" name="verified" value={attr(values.verified)} />
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

/** The optional keyword box (`q`): every word must appear in the agency's name or description. */
function KeywordInput(props: { value: string; error: string | undefined; autofocus: boolean }) {
  return (
    <div class={formGroupClass(props.error)} data-field="q">
      <label class="label" for="q">
        {escapeHtml(SEARCH_TEXTS.q)}
      </label>
      <p class="hint" id="q-hint">
        {escapeHtml(SEARCH_TEXTS.qHint)}
      </p>
      <FieldError fieldId="q" message={props.error} />
      <input
        class="input"
        type="search"
        id="q"
        name="q"
        value={attr(props.value)}
        maxlength="200"
        autocomplete="off"
        autofocus={props.autofocus}
        {...fieldAria('q', props.error, 'q-hint')}
      />
    </div>
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
