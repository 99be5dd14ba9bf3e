/** The favourites list (with what can be done with it) and the side-by-side comparison. */
import { escapeHtml } from '@kitajs/html';
import { MAX_FAVOURITES } from '../../http/favourites.js';
import type { ListingEntry } from '../../services/search.service.js';
import { FavouriteButton, agencyPath } from '../shared/agency-links.js';
import { AgencyCardHead } from '../components/agency-parts.js';
import {
  audienceText,
  employmentTypeLabels,
  formatMonthYear,
  joinList,
  plural,
} from '../shared/format.js';
import { TextInput } from '../components/form-fields.js';
import { ErrorSummary, Layout, toHtml, type PageChrome } from '../shared/layout.js';
import { coverageOf, industriesOf, townsOf } from './favourite-texts.js';

/** Takes an agency off the list, then comes back to `returnTo`. */
function RemoveButton(props: {
  page: PageChrome;
  listing: ListingEntry['listing'];
  returnTo: string;
}) {
  return (
    <FavouriteButton
      slug={props.listing.slug}
      name={props.listing.name}
      isFavourite
      returnTo={props.returnTo}
      csrf={props.page.user?.csrf}
    />
  );
}

function FavouritesActions(props: { count: number; to: string; error: string | null }) {
  return (
    <section class="panel section print-hide" aria-labelledby="keep-title">
      <h2 id="keep-title">Keep this list</h2>
      <ul class="button-row list-plain">
        <li>
          <a class="button button-secondary" href="/favourites/compare">
            Compare side by side
          </a>
        </li>
        <li>
          <a
            class="button button-secondary"
            href="/favourites.csv"
            download="shortlist-favourites.csv"
          >
            Download as CSV
          </a>
        </li>
        <li>
          <button type="button" class="button button-secondary" data-print hidden>
            Print this list
          </button>
        </li>
      </ul>
      <form method="get" action="/favourites.eml" class="section" novalidate>
        <TextInput
          id="to"
          name="to"
          label="Email this list to me (optional address)"
          hint="You get an email file (.eml) to open in your mail program and send to yourself. We do not send or keep anything."
          type="email"
          value={props.to}
          autocomplete="email"
          error={props.error ?? undefined}
        />
        <button type="submit" class="button button-secondary">
          Download the email
        </button>
      </form>
    </section>
  );
}

export function renderFavourites(
  page: PageChrome,
  entries: readonly ListingEntry[],
  full: boolean,
  eml: { to: string; error: string } | null = null,
): string {
  return toHtml(
    <Layout
      title={eml ? 'Error: Your favourites' : 'Your favourites'}
      {...page}
      current="/favourites"
      noindex
    >
      <ErrorSummary errors={eml ? [{ fieldId: 'to', message: eml.error }] : []} />
      <h1 class="page-title">Your favourites</h1>
      <p class="lede">
        {page.user
          ? 'Your customised list of agencies, kept with your account.'
          : 'Your customised list of agencies, kept in this browser only (no account needed).'}{' '}
        {entries.length > 0
          ? escapeHtml(
              `${plural(entries.length, 'agency', 'agencies')} of at most ${MAX_FAVOURITES}.`,
            )
          : ''}
      </p>
      {full ? (
        <div class="notice notice-warning" role="status">
          <p>
            Your list is full ({escapeHtml(String(MAX_FAVOURITES))} agencies). Remove one to add
            another.
          </p>
        </div>
      ) : (
        ''
      )}
      {entries.length === 0 ? (
        <div class="panel">
          <h2>No favourites yet</h2>
          <p>
            Add agencies from the search results or from an agency's page with "Add to favourites".
            Want a customised list of agencies? <a href="/#search">Do a Search</a>
          </p>
        </div>
      ) : (
        <>
          <ul class="card-list">
            {entries.map(({ listing, brand }) => (
              <li>
                <article class="card" aria-labelledby={`fav-${listing.slug}`}>
                  <AgencyCardHead
                    heading="h2"
                    id={`fav-${listing.slug}`}
                    href={agencyPath(listing.slug)}
                    name={listing.name}
                    verified={listing.verified}
                    brand={brand.name}
                    description={listing.description}
                  />
                  <dl class="summary-list">
                    <dt>Employment types</dt>
                    <dd>
                      {escapeHtml(
                        joinList(employmentTypeLabels(listing.employmentTypes)) || 'Not stated',
                      )}
                    </dd>
                    <dt>Offices</dt>
                    <dd>{escapeHtml(joinList(townsOf(listing)) || 'None listed')}</dd>
                    <dt>Coverage</dt>
                    <dd>{escapeHtml(coverageOf(listing))}</dd>
                  </dl>
                  <div class="card-actions">
                    <RemoveButton page={page} listing={listing} returnTo="/favourites" />
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <FavouritesActions count={entries.length} to={eml?.to ?? ''} error={eml?.error ?? null} />
        </>
      )}
    </Layout>,
  );
}

export function renderCompare(page: PageChrome, entries: readonly ListingEntry[]): string {
  const rows: { label: string; cell: (e: ListingEntry) => string }[] = [
    { label: 'Verified', cell: (e) => (e.listing.verified ? 'Yes' : 'No') },
    { label: 'Brand', cell: (e) => e.brand.name },
    { label: 'Industries', cell: (e) => industriesOf(e.listing) },
    {
      label: 'Employment types',
      cell: (e) => joinList(employmentTypeLabels(e.listing.employmentTypes)) || 'Not stated',
    },
    { label: 'Works with', cell: (e) => audienceText(e.listing.purposes) },
    { label: 'Coverage', cell: (e) => coverageOf(e.listing) },
    {
      label: 'Offices',
      cell: (e) => `${e.listing.branches.length}: ${townsOf(e.listing).join(', ')}`,
    },
    { label: 'Listed since', cell: (e) => formatMonthYear(e.listing.listedSince) },
  ];
  return toHtml(
    <Layout title="Compare your favourites" {...page} current="/favourites" noindex>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="/favourites">Your favourites</a> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Compare</span>
      </nav>
      <h1 class="page-title">Compare your favourites</h1>
      {entries.length === 0 ? (
        <p>
          There is nothing to compare yet. <a href="/#search">Do a Search</a> and add agencies to
          your favourites.
        </p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="compare-caption" tabindex="0">
          <table class="table compare-table">
            <caption id="compare-caption" class="visually-hidden">
              Your favourite agencies side by side
            </caption>
            <thead>
              <tr>
                <td></td>
                {entries.map((e) => (
                  <th scope="col">
                    <a href={agencyPath(e.listing.slug)}>{escapeHtml(e.listing.name)}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{escapeHtml(r.label)}</th>
                  {entries.map((e) => (
                    <td>{escapeHtml(r.cell(e))}</td>
                  ))}
                </tr>
              ))}
              <tr class="print-hide">
                <th scope="row">
                  <span class="visually-hidden">Actions</span>
                </th>
                {entries.map((e) => (
                  <td>
                    <RemoveButton page={page} listing={e.listing} returnTo="/favourites/compare" />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p class="print-hide">
        <a href="/favourites.csv" download="shortlist-favourites.csv">
          Download as CSV
        </a>
      </p>
    </Layout>,
  );
}
