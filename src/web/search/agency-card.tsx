/** One agency as a result card: its offices nearest first, why it is shown, and its actions. */
import { escapeHtml } from '@kitajs/html';
import { distanceMiles } from '../../domain/directory/geo.js';
import type { SearchResult } from '../../domain/directory/search-outcome.js';
import { findPlaceById } from '../../domain/directory/places.js';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import {
  FavouriteButton,
  RevealAction,
  agencyPath,
  coverageText,
  purposeQuery,
} from '../shared/agency-links.js';
import { AgencyCardHead, WebsiteAction } from '../components/agency-parts.js';
import {
  employmentTypeLabels,
  formatMonthYear,
  formatWholeMiles,
  plural,
} from '../shared/format.js';

interface OfficeView {
  id: string;
  name: string;
  town: string;
  postcode: string;
  address: string;
  distanceMiles: number | null;
}

/** The listing's offices, nearest to the point first (in directory order without a point). */
function listOffices(listing: Listing, from: { lat: number; lon: number } | null): OfficeView[] {
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
function cardOffices(
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
      <AgencyCardHead
        heading={props.nested ? 'h3' : 'h2'}
        id={titleId}
        href={`${agencyPath(result.slug)}${q}`}
        name={result.name}
        verified={result.verified}
        brand={result.brand}
        description={result.description}
      />
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
        <WebsiteAction
          slug={result.slug}
          website={listing.website}
          purpose={purpose}
          class="button button-small"
          context={`: ${result.name}`}
        />
        <a class="button button-small" href={`${agencyPath(result.slug)}/email${q}`}>
          Email Agency<span class="visually-hidden">: {escapeHtml(result.name)}</span>
        </a>
        {phoneOffice ? (
          <RevealAction
            class="button button-small"
            href={`${agencyPath(result.slug)}/phone?branch=${encodeURIComponent(phoneOffice.id)}&purpose=${purpose}`}
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
