/**
 * An agency's profile (GET /agencies/{slug}) and the two reveals: its telephone number
 * (/agencies/{slug}/phone?branch=ID) and its website (/agencies/{slug}/website). A reveal asks at
 * most for a company name, which can be skipped, never who the visitor is; each is recorded for
 * the agency's statistics before the number is shown or the browser is sent to the site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import type { Branch, Listing } from '../domain/directory/directory.js';
import { isDomainError } from '../domain/errors.js';
import { getAgency, type AgencyDetail } from '../services/search.service.js';
import { recordReveal } from '../services/enquiry.service.js';
import type { Clock, EnquiryStore } from '../services/ports.js';
import { FavouriteButton, RevealAction, coverageText, purposeQuery } from './agency-card.js';
import { loadFavourites } from '../http/favourites.js';
import { audienceText, employmentTypeLabels, formatMonthYear, joinList, plural } from './format.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  fieldAria,
  toHtml,
  attr,
  type PageChrome,
} from './layout.js';
import { BranchMap } from './map.js';
import { pageChrome, type PageDeps } from './page-context.js';
import { sendErrorPage } from './error-page.js';

export interface AgencyPageDeps extends PageDeps {
  /** Where reveals are recorded; without it (some tests) reveals are shown but not counted. */
  enquiryStore?: EnquiryStore;
  clock: Clock;
}

type Purpose = 'job' | 'staff' | null;

function readPurpose(raw: unknown): Purpose {
  const v = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return v === 'job' || v === 'staff' ? v : null;
}

function single(raw: unknown): string {
  const v = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return typeof v === 'string' ? v : '';
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function findListing(deps: PageDeps, slug: string): Listing | undefined {
  return deps.snapshot.get().derived.listings.get(slug)?.listing;
}

function agencyPath(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}`;
}

export function registerAgencyPages(app: FastifyInstance, deps: AgencyPageDeps): void {
  app.get('/agencies/:slug', { schema: { hide: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const q = request.query as Record<string, unknown>;
    const agency = getAgency(deps, slug);
    const favourites = await loadFavourites(request, deps.accountDeps);
    return html(
      reply,
      200,
      renderProfile(
        pageChrome(deps, reply),
        agency,
        readPurpose(q.purpose),
        favourites.includes(agency.slug),
      ),
    );
  });

  app.get('/agencies/:slug/phone', { schema: { hide: true } }, (request, reply) => {
    const found = phoneTarget(deps, request);
    if (!found) return sendErrorPage(reply, deps, 404);
    return html(
      reply,
      200,
      renderRevealStep(
        pageChrome(deps, reply),
        'phone',
        found.listing,
        found.branch,
        found.purpose,
        '',
        null,
      ),
    );
  });

  app.post('/agencies/:slug/phone', { schema: { hide: true } }, async (request, reply) => {
    const found = phoneTarget(deps, request);
    if (!found) return sendErrorPage(reply, deps, 404);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const skip = single(body.skip) !== '';
    const companyName = skip ? '' : single(body.companyName);
    const problem = await record(deps, {
      listingSlug: found.listing.slug,
      branchId: found.branch.id,
      kind: 'phone',
      companyName: companyName.trim() === '' ? null : companyName,
    });
    if (problem) {
      return html(
        reply,
        400,
        renderRevealStep(
          pageChrome(deps, reply),
          'phone',
          found.listing,
          found.branch,
          found.purpose,
          companyName,
          problem,
        ),
      );
    }
    return html(
      reply,
      200,
      renderPhoneNumber(pageChrome(deps, reply), found.listing, found.branch, found.purpose),
    );
  });

  app.get('/agencies/:slug/website', { schema: { hide: true } }, (request, reply) => {
    const listing = findListing(deps, (request.params as { slug: string }).slug);
    if (!listing?.website) return sendErrorPage(reply, deps, 404);
    return html(
      reply,
      200,
      renderRevealStep(pageChrome(deps, reply), 'website', listing, null, null, '', null),
    );
  });

  app.post('/agencies/:slug/website', { schema: { hide: true } }, async (request, reply) => {
    const listing = findListing(deps, (request.params as { slug: string }).slug);
    if (!listing?.website || !isWebAddress(listing.website)) return sendErrorPage(reply, deps, 404);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const skip = single(body.skip) !== '';
    const companyName = skip ? '' : single(body.companyName);
    const problem = await record(deps, {
      listingSlug: listing.slug,
      branchId: null,
      kind: 'website',
      companyName: companyName.trim() === '' ? null : companyName,
    });
    if (problem)
      return html(
        reply,
        400,
        renderRevealStep(
          pageChrome(deps, reply),
          'website',
          listing,
          null,
          null,
          companyName,
          problem,
        ),
      );
    return reply.redirect(listing.website, 302);
  });
}

/** Only http(s) addresses are followed: a listing can never send a visitor to javascript: or data:. */
function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

function phoneTarget(
  deps: PageDeps,
  request: FastifyRequest,
): { listing: Listing; branch: Branch; purpose: Purpose } | null {
  const listing = findListing(deps, (request.params as { slug: string }).slug);
  if (!listing) return null;
  const q = request.query as Record<string, unknown>;
  const branchId = single(q.branch);
  const branch =
    branchId === ''
      ? listing.branches.find((b) => b.candidatePhone ?? b.employerPhone)
      : listing.branches.find((b) => b.id === branchId);
  if (!branch || !(branch.candidatePhone ?? branch.employerPhone)) return null;
  return { listing, branch, purpose: readPurpose(q.purpose) };
}

/** Records a reveal; a problem with the company name comes back as its message. */
async function record(
  deps: AgencyPageDeps,
  input: {
    listingSlug: string;
    branchId: string | null;
    kind: 'phone' | 'website';
    companyName: string | null;
  },
): Promise<string | null> {
  if (!deps.enquiryStore) return null;
  try {
    await recordReveal({ enquiryStore: deps.enquiryStore, clock: deps.clock }, input);
    return null;
  } catch (error) {
    if (isDomainError(error) && error.problems[0]?.field === 'companyName') return error.message;
    throw error;
  }
}

function Breadcrumbs(props: { listing: { slug: string; name: string }; here?: string }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <a href="/">Agency Search</a> <span aria-hidden="true">›</span>{' '}
      {props.here ? (
        <>
          <a href={agencyPath(props.listing.slug)}>{escapeHtml(props.listing.name)}</a>{' '}
          <span aria-hidden="true">›</span>{' '}
          <span aria-current="page">{escapeHtml(props.here)}</span>
        </>
      ) : (
        <span aria-current="page">{escapeHtml(props.listing.name)}</span>
      )}
    </nav>
  );
}

function renderRevealStep(
  page: PageChrome,
  kind: 'phone' | 'website',
  listing: Listing,
  branch: Branch | null,
  purpose: Purpose,
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
      <Breadcrumbs listing={listing} here={kind === 'phone' ? 'Phone Number' : 'Visit Website'} />
      <ErrorSummary errors={error ? [{ fieldId: 'companyName', message: error }] : []} />
      <h1 class="page-title">{escapeHtml(title)}</h1>
      {branch ? (
        <p class="lede">{escapeHtml(`${branch.name}, ${branch.address}, ${branch.postcode}`)}</p>
      ) : (
        ''
      )}
      <form method="post" action={attr(action)} class="panel prose" novalidate>
        <div class={error ? 'form-group form-group-error' : 'form-group'}>
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

function phoneLines(branch: Branch, purpose: Purpose): { label: string; phone: string }[] {
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

function renderPhoneNumber(
  page: PageChrome,
  listing: Listing,
  branch: Branch,
  purpose: Purpose,
): string {
  const lines = phoneLines(branch, purpose);
  return toHtml(
    <Layout title={`Phone ${listing.name}`} {...page} noindex>
      <Breadcrumbs listing={listing} here="Phone Number" />
      <h1 class="page-title">{escapeHtml(`Phone ${listing.name}`)}</h1>
      <p class="lede">{escapeHtml(`${branch.name}, ${branch.address}, ${branch.postcode}`)}</p>
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

function ContactBlock(props: {
  slug: string;
  branch: AgencyDetail['branches'][number];
  who: 'job' | 'staff';
}) {
  const c = props.who === 'job' ? props.branch.candidate : props.branch.employer;
  const label = props.who === 'job' ? 'For job seekers' : 'For employers';
  if (!c.phone && !c.email) return '';
  return (
    <div class="contact-block">
      <h4>{label}</h4>
      <div class="button-row">
        {c.phone ? (
          <RevealAction
            class="button button-small"
            href={`${agencyPath(props.slug)}/phone?branch=${encodeURIComponent(props.branch.id)}&purpose=${props.who}`}
            purpose={props.who}
            label="Phone Number"
            context={`: ${props.branch.name}, ${label.toLowerCase()}`}
          />
        ) : (
          ''
        )}
        {c.email ? (
          <a
            class="button button-small button-secondary"
            href={attr(
              `${agencyPath(props.slug)}/email?branch=${encodeURIComponent(props.branch.id)}&purpose=${props.who}`,
            )}
          >
            Email Agency
            <span class="visually-hidden">
              {escapeHtml(`: ${props.branch.name}, ${label.toLowerCase()}`)}
            </span>
          </a>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

function renderProfile(
  page: PageChrome,
  agency: AgencyDetail,
  purpose: Purpose,
  isFavourite: boolean,
): string {
  const path = `${agencyPath(agency.slug)}${purposeQuery(purpose)}`;
  const who: ('job' | 'staff')[] = purpose ? [purpose] : ['job', 'staff'];
  const towns = [...new Set(agency.branches.map((b) => b.town.name))];
  const purposeLinks: { value: Purpose; label: string }[] = [
    { value: null, label: 'Everyone' },
    { value: 'job', label: 'Job seekers' },
    { value: 'staff', label: 'Employers' },
  ];
  return toHtml(
    <Layout title={agency.name} {...page} description={agency.description.slice(0, 200)}>
      <Breadcrumbs listing={agency} />
      <div class="profile-header">
        <h1 class="page-title">
          {escapeHtml(agency.name)}{' '}
          {agency.verified ? <span class="badge badge-verified">Verified</span> : ''}
        </h1>
        {agency.brand.name !== agency.name ? (
          <p class="card-meta">Part of {escapeHtml(agency.brand.name)}</p>
        ) : (
          ''
        )}
        <p class="lede">{escapeHtml(agency.description)}</p>
        <div class="button-row print-hide">
          {agency.website ? (
            <RevealAction
              class="button"
              href={`${agencyPath(agency.slug)}/website`}
              purpose={purpose}
              label="Visit Website"
              context=""
            />
          ) : (
            ''
          )}
          <a class="button" href={`${agencyPath(agency.slug)}/email${purposeQuery(purpose)}`}>
            Email Agency
          </a>
          <FavouriteButton
            slug={agency.slug}
            name={agency.name}
            isFavourite={isFavourite}
            returnTo={path}
            small={false}
            csrf={page.user?.csrf}
          />
        </div>
      </div>
      <div class="grid-sidebar profile-grid section">
        <aside class="profile-map" aria-labelledby="map-heading">
          <h2 id="map-heading">Offices on the map</h2>
          <BranchMap
            title={`Map of ${agency.name}'s ${plural(agency.branches.length, 'office')}`}
            description={
              towns.length > 0
                ? `${plural(agency.branches.length, 'office')}: ${joinList(towns)}.`
                : 'No offices listed.'
            }
            points={agency.branches.map((b) => ({
              lat: b.lat,
              lon: b.lon,
              label: `${b.name}, ${b.postcode}`,
            }))}
          />
        </aside>
        <div>
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">About this agency</h2>
            <dl class="summary-list">
              <dt>Industries</dt>
              <dd>{escapeHtml(joinList(agency.industries.map((i) => i.name)))}</dd>
              {agency.subsectors.length > 0 ? (
                <>
                  <dt>Specialisms</dt>
                  <dd>{escapeHtml(joinList(agency.subsectors.map((s) => s.name)))}</dd>
                </>
              ) : (
                ''
              )}
              <dt>Employment types</dt>
              <dd>
                {escapeHtml(joinList(employmentTypeLabels(agency.employmentTypes)) || 'Not stated')}
              </dd>
              <dt>Works with</dt>
              <dd>{escapeHtml(audienceText(agency.purposes))}</dd>
              <dt>Coverage</dt>
              <dd>{escapeHtml(coverageText(agency.coverage, 12))}</dd>
              <dt>Listed since</dt>
              <dd>
                <time datetime={agency.listedSince}>
                  {escapeHtml(formatMonthYear(agency.listedSince))}
                </time>
              </dd>
              <dt>Offices</dt>
              <dd>{escapeHtml(String(agency.branches.length))}</dd>
            </dl>
          </section>
          <section class="section" aria-labelledby="offices-heading">
            <h2 id="offices-heading">Offices and contacts</h2>
            <nav class="purpose-switch print-hide" aria-label="Show contacts for">
              <p>
                Show contacts for:{' '}
                {purposeLinks.map((p, i) => (
                  <>
                    {i > 0 ? ' | ' : ''}
                    <a
                      href={`${agencyPath(agency.slug)}${purposeQuery(p.value)}`}
                      aria-current={purpose === p.value ? 'page' : undefined}
                    >
                      {escapeHtml(p.label)}
                    </a>
                  </>
                ))}
              </p>
            </nav>
            <ul class="card-list">
              {agency.branches.map((b) => (
                <li class="card">
                  <h3 class="card-title">{escapeHtml(b.name)}</h3>
                  <p>
                    {escapeHtml(b.address)}
                    <br />
                    {escapeHtml(`${b.town.name} ${b.postcode}`)}
                  </p>
                  {who.map((w) => (
                    <ContactBlock slug={agency.slug} branch={b} who={w} />
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </Layout>,
  );
}
