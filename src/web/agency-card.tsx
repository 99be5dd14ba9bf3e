/** One agency as a result card, and the actions every listing offers (cards and profile). */
import { escapeHtml } from '@kitajs/html';
import { distanceMiles } from '../domain/directory/geo.js';
import type { SearchResult } from '../domain/directory/search-outcome.js';
import { findPlaceById } from '../domain/directory/places.js';
import type { Branch, Listing } from '../domain/directory/directory.js';
import {
  employmentTypeLabels,
  formatMonthYear,
  formatWholeMiles,
  joinList,
  plural,
} from './format.js';
import { attr } from './layout.js';

export interface OfficeView {
  id: string;
  name: string;
  town: string;
  postcode: string;
  address: string;
  distanceMiles: number | null;
}

/** The listing's offices, nearest to the point first (in directory order without a point). */
export function listOffices(
  listing: Listing,
  from: { lat: number; lon: number } | null,
): OfficeView[] {
  const offices = listing.branches.map((b: Branch) => ({
    id: b.id,
    name: b.name,
    town: findPlaceById(b.town)?.name ?? b.town,
    postcode: b.postcode,
    address: b.address,
    distanceMiles: from ? distanceMiles(from.lat, from.lon, b.lat, b.lon) : null,
  }));
  if (from) offices.sort((a, b) => a.distanceMiles! - b.distanceMiles! || (a.id < b.id ? -1 : 1));
  return offices;
}

/** "National (the whole UK)" or "Leeds, West Yorkshire and 3 more places". */
export function coverageText(coverage: 'national' | readonly { name: string }[], max = 4): string {
  if (coverage === 'national') return 'The whole UK';
  const names = coverage.map((c) => c.name);
  if (names.length <= max) return joinList(names);
  return `${names.slice(0, max).join(', ')} and ${plural(names.length - max, 'more place')}`;
}

/**
 * Add to / remove from favourites: a POST form that works without JavaScript. Signed in, the
 * favourites are the account's, so the form carries the CSRF token (`csrf`).
 */
export function FavouriteButton(props: {
  slug: string;
  name: string;
  isFavourite: boolean;
  returnTo: string;
  small?: boolean;
  csrf?: string | null | undefined;
}) {
  return (
    <form method="post" action="/favourites" class="favourite-form">
      {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : ''}
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="action" value={props.isFavourite ? 'remove' : 'add'} />
      <input type="hidden" name="return" value={attr(props.returnTo)} />
      <button
        type="submit"
        class={
          props.small === false ? 'button button-secondary' : 'button button-secondary button-small'
        }
      >
        {props.isFavourite ? 'Remove from favourites' : 'Add to favourites'}
        <span class="visually-hidden">: {escapeHtml(props.name)}</span>
      </button>
    </form>
  );
}

/**
 * Phone Number / Visit Website. A job seeker is never asked for a company name, so for them the
 * action is a one-click form that posts straight past that step (the reveal is still counted);
 * an employer, or a visitor whose purpose is unknown, goes to the step, where the name is
 * optional.
 */
export function RevealAction(props: {
  href: string;
  purpose: string | null | undefined;
  label: string;
  /** Said to screen readers after the label (which agency, which office). */
  context: string;
  class: string;
}) {
  if (props.purpose === 'job') {
    return (
      <form method="post" action={attr(props.href)} class="reveal-form">
        <input type="hidden" name="skip" value="yes" />
        <button type="submit" class={props.class}>
          {escapeHtml(props.label)}
          <span class="visually-hidden">{escapeHtml(props.context)}</span>
        </button>
      </form>
    );
  }
  return (
    <a class={props.class} href={attr(props.href)}>
      {escapeHtml(props.label)}
      <span class="visually-hidden">{escapeHtml(props.context)}</span>
    </a>
  );
}

/** The query string that carries the visitor's purpose to agency pages. */
export function purposeQuery(purpose: string | null | undefined): string {
  return purpose === 'job' || purpose === 'staff' ? `?purpose=${purpose}` : '';
}

/** Place kinds measured as areas: a branch inside is 0 miles away, as the engine says. */
const AREA_KINDS = new Set(['county', 'region', 'nation']);

/** The lines of `why` that restate the nearest office, which the card shows once on its own. */
export function isNearestOfficeLine(line: string): boolean {
  return /^Nearest office .* away in /.test(line) || /^Office in [^;]*, inside [^;]*$/.test(line);
}

/**
 * The card's nearest office: the engine's (the one its reasons speak of), with the unrounded
 * miles (the card rounds them once, to whole miles); other offices follow, nearest first. For an area searched,
 * distances are the engine's (0 inside the area) and the other offices carry none.
 */
export function cardOffices(
  result: SearchResult,
  listing: Listing,
  location: { lat: number; lon: number; kind: string },
): { nearest: OfficeView | undefined; others: OfficeView[] } {
  const isArea = AREA_KINDS.has(location.kind);
  const offices = listOffices(listing, isArea ? null : location);
  const n = result.nearestBranch;
  const index = offices.findIndex((o) => {
    const b = listing.branches.find((x) => x.id === o.id);
    return b !== undefined && b.lat === n.lat && b.lon === n.lon && b.postcode === n.postcode;
  });
  const found = index >= 0 ? offices[index] : offices[0];
  const nearest = found && isArea ? { ...found, distanceMiles: n.distanceMiles } : found;
  return { nearest, others: offices.filter((_, i) => i !== (index >= 0 ? index : 0)) };
}

export interface CardProps {
  result: SearchResult;
  listing: Listing;
  from: { lat: number; lon: number; kind: string; name: string };
  /** A division shown under its brand's first card: its title is a level-3 heading. */
  nested?: boolean;
  purpose: 'job' | 'staff';
  isFavourite: boolean;
  returnTo: string;
  /** The CSRF token of the favourite button, when signed in. */
  csrf?: string | null | undefined;
}

/** A result card: name, badge, description, offices, coverage, listed since, why, actions. */
export function AgencyCard(props: CardProps) {
  const { result, listing, purpose } = props;
  const { nearest, others } = cardOffices(result, listing, props.from);
  const offices = nearest ? [nearest, ...others] : others;
  const titleId = `agency-${result.slug}`;
  const Title = props.nested ? 'h3' : 'h2';
  const WhyTitle = props.nested ? 'h4' : 'h3';
  const inside =
    nearest?.distanceMiles === 0 && AREA_KINDS.has(props.from.kind)
      ? ` (inside ${props.from.name})`
      : null;
  const phoneOffice = listing.branches.find(
    (b) => b.id === nearest?.id && (purpose === 'job' ? b.candidatePhone : b.employerPhone),
  )
    ? nearest
    : offices.find((o) => {
        const b = listing.branches.find((x) => x.id === o.id);
        return b && (purpose === 'job' ? b.candidatePhone : b.employerPhone);
      });
  const q = purposeQuery(purpose);
  return (
    <article class="card agency-card" aria-labelledby={titleId}>
      <Title class="card-title">
        <a id={titleId} href={`/agencies/${encodeURIComponent(result.slug)}${q}`}>
          {escapeHtml(result.name)}
        </a>{' '}
        {result.verified ? <span class="badge badge-verified">Verified</span> : ''}
      </Title>
      {result.brand !== result.name ? (
        <p class="card-meta">Part of {escapeHtml(result.brand)}</p>
      ) : (
        ''
      )}
      <p>{escapeHtml(result.description)}</p>
      <ul class="tag-list" aria-label="Employment types">
        {employmentTypeLabels(result.employmentTypes).map((label) => (
          <li class="tag">{escapeHtml(label)}</li>
        ))}
      </ul>
      <dl class="summary-list">
        <dt>Nearest office</dt>
        <dd>
          {nearest ? (
            <>
              {escapeHtml(`${nearest.town}, ${nearest.postcode}`)}
              {inside !== null ? (
                <span class="muted">{escapeHtml(inside)}</span>
              ) : nearest.distanceMiles !== null ? (
                <span class="muted">
                  {escapeHtml(` (${formatWholeMiles(nearest.distanceMiles)} away)`)}
                </span>
              ) : (
                ''
              )}
            </>
          ) : (
            'None listed'
          )}
          {others.length > 0 ? (
            <details class="offices">
              <summary>
                Show {escapeHtml(plural(others.length, 'more office'))}
                <span class="visually-hidden"> of {escapeHtml(result.name)}</span>
              </summary>
              <ul>
                {others.map((o) => (
                  <li>
                    {escapeHtml(`${o.town}, ${o.postcode}`)}
                    {o.distanceMiles !== null ? (
                      <span class="muted">
                        {escapeHtml(` (${formatWholeMiles(o.distanceMiles)})`)}
                      </span>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            ''
          )}
        </dd>
        <dt>Coverage</dt>
        <dd>{escapeHtml(coverageText(result.coverage))}</dd>
        <dt>Listed since</dt>
        <dd>
          <time datetime={result.listedSince}>
            {escapeHtml(formatMonthYear(result.listedSince))}
          </time>
        </dd>
      </dl>
      <WhyTitle class="visually-hidden">Why this agency is shown</WhyTitle>
      <ul class="why">
        {result.why
          .filter((w) => !isNearestOfficeLine(w))
          .map((w) => (
            <li>{escapeHtml(w)}</li>
          ))}
      </ul>
      <div class="card-actions">
        {listing.website ? (
          <RevealAction
            class="button button-small"
            href={`/agencies/${encodeURIComponent(result.slug)}/website`}
            purpose={purpose}
            label="Visit Website"
            context={`: ${result.name}`}
          />
        ) : (
          ''
        )}
        <a
          class="button button-small"
          href={`/agencies/${encodeURIComponent(result.slug)}/email${q}`}
        >
          Email Agency<span class="visually-hidden">: {escapeHtml(result.name)}</span>
        </a>
        {phoneOffice ? (
          <RevealAction
            class="button button-small"
            href={`/agencies/${encodeURIComponent(result.slug)}/phone?branch=${encodeURIComponent(phoneOffice.id)}&purpose=${purpose}`}
            purpose={purpose}
            label="Phone Number"
            context={`: ${result.name}`}
          />
        ) : (
          ''
        )}
        <FavouriteButton
          slug={result.slug}
          name={result.name}
          isFavourite={props.isFavourite}
          returnTo={props.returnTo}
          csrf={props.csrf}
        />
      </div>
    </article>
  );
}
