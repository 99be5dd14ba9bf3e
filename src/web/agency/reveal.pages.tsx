/** The reveal pages: the optional company-name step, and the telephone numbers it reveals. */
import { escapeHtml } from '@kitajs/html';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import { AgencyBreadcrumbs, agencyPath, officeText, purposeQuery } from '../shared/agency-links.js';
import type { Purpose } from '../shared/form-values.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  attr,
  fieldAria,
  formGroupClass,
  toHtml,
  type PageChrome,
} from '../shared/layout.js';

export function renderRevealStep(
  page: PageChrome,
  kind: 'phone' | 'website',
  listing: Listing,
  branch: Branch | null,
  purpose: Purpose | null,
  companyName: string,
  error: string | null,
): string {
  const title = kind === 'phone' ? `Phone ${listing.name}` : `Visit ${listing.name}'s website`;
  const action =
    kind === 'phone'
      ? `${agencyPath(listing.slug)}/phone?branch=${encodeURIComponent(branch?.id ?? '')}${purpose ? `&purpose=${purpose}` : ''}`
      : `${agencyPath(listing.slug)}/website`;
  const go = kind === 'phone' ? 'Show the number' : 'Go to the website';
  const skip = kind === 'phone' ? 'Skip and show the number' : 'Skip and go to the website';
  return toHtml(
    <Layout title={error ? `Error: ${title}` : title} {...page} noindex>
      <AgencyBreadcrumbs
        listing={listing}
        here={kind === 'phone' ? 'Phone Number' : 'Visit Website'}
      />
      <ErrorSummary errors={error ? [{ fieldId: 'companyName', message: error }] : []} />
      <h1 class="page-title">{escapeHtml(title)}</h1>
      {branch ? <p class="lede">{escapeHtml(officeText(branch))}</p> : ''}
      <form method="post" action={attr(action)} class="panel prose" novalidate>
        <div class={formGroupClass(error)}>
          <label class="label" for="companyName">
            Company name (optional)
          </label>
          <p class="hint" id="companyName-hint">
            If you are contacting the agency for a company, you can tell us its name. It is counted
            in the agency's statistics. You can skip this step.
          </p>
          <FieldError fieldId="companyName" message={error} />
          <input
            class="input"
            type="text"
            id="companyName"
            name="companyName"
            value={attr(companyName)}
            autocomplete="organization"
            maxlength="300"
            autofocus={error !== null}
            {...fieldAria('companyName', error, 'companyName-hint')}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {escapeHtml(go)}
          </button>
          <button type="submit" class="button button-secondary" name="skip" value="1">
            {escapeHtml(skip)}
          </button>
        </div>
      </form>
    </Layout>,
  );
}

function phoneLines(branch: Branch, purpose: Purpose | null): { label: string; phone: string }[] {
  const lines: { label: string; phone: string }[] = [];
  const add = (label: string, phone: string | null) => {
    if (phone && !lines.some((l) => l.phone === phone)) lines.push({ label, phone });
  };
  if (purpose === 'job') add('For job seekers', branch.candidatePhone ?? branch.employerPhone);
  else if (purpose === 'staff') add('For employers', branch.employerPhone ?? branch.candidatePhone);
  else {
    add('For job seekers', branch.candidatePhone);
    add('For employers', branch.employerPhone);
  }
  return lines;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}

export function renderPhoneNumber(
  page: PageChrome,
  listing: Listing,
  branch: Branch,
  purpose: Purpose | null,
): string {
  const lines = phoneLines(branch, purpose);
  return toHtml(
    <Layout title={`Phone ${listing.name}`} {...page} noindex>
      <AgencyBreadcrumbs listing={listing} here="Phone Number" />
      <h1 class="page-title">{escapeHtml(`Phone ${listing.name}`)}</h1>
      <p class="lede">{escapeHtml(officeText(branch))}</p>
      <div class="panel">
        <dl class="summary-list" data-phone-numbers>
          {lines.map((l) => (
            <>
              <dt>{escapeHtml(l.label)}</dt>
              <dd>
                <a class="big-number" href={telHref(l.phone)}>
                  {escapeHtml(l.phone)}
                </a>
              </dd>
            </>
          ))}
        </dl>
        <p class="muted">Mention that you found the agency on Shortlist.</p>
      </div>
      <p>
        <a href={`${agencyPath(listing.slug)}${purposeQuery(purpose)}`}>
          Back to {escapeHtml(listing.name)}
        </a>
      </p>
    </Layout>,
  );
}
