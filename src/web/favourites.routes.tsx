/**
 * Favourites, the visitor's own shortlist, kept in the account when signed in and in a signed
 * cookie otherwise: add and remove (POST /favourites, then back to where they were; signed in,
 * with the CSRF token), the list (/favourites), a side-by-side comparison (/favourites/compare), a
 * CSV download (/favourites.csv) and the list as an email draft to send to oneself
 * (/favourites.eml). Everything works without JavaScript.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import { stringify } from 'csv-stringify/sync';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Listing } from '../domain/directory/directory.js';
import { findPlaceById } from '../domain/directory/places.js';
import { findIndustry } from '../domain/directory/taxonomy.js';
import { requireCsrfForSession } from '../http/auth.js';
import { FavouriteButton, coverageText } from './agency-card.js';
import {
  MAX_FAVOURITES,
  changeVisitorFavourites,
  isSlug,
  loadFavourites,
  safeReturnPath,
} from '../http/favourites.js';
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
import { pageChrome, type PageDeps } from './page-context.js';
import { sendErrorPage } from './error-page.js';

interface FavouriteEntry {
  listing: Listing;
  brand: { slug: string; name: string };
}

const EMAIL =
  /^[^\s@<>()[\],;:"\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function single(raw: unknown): string {
  const v = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return typeof v === 'string' ? v : '';
}

/** The favourites that are still in the directory, in the order they were added. */
async function listFavourites(deps: PageDeps, request: FastifyRequest): Promise<FavouriteEntry[]> {
  const listings = deps.snapshot.get().derived.listings;
  return (await loadFavourites(request, deps.accountDeps))
    .map((slug) => listings.get(slug))
    .filter((e): e is FavouriteEntry => e !== undefined);
}

/** True when a POST comes from a page of this site (or from a client that sends no Origin). */
function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function industriesOf(listing: Listing): string {
  return joinList(listing.industries.map((slug) => findIndustry(slug)?.name ?? slug));
}

function townsOf(listing: Listing): string[] {
  return [...new Set(listing.branches.map((b) => findPlaceById(b.town)?.name ?? b.town))];
}

function coverageOf(listing: Listing): string {
  return coverageText(
    listing.coverage === 'national'
      ? 'national'
      : listing.coverage.map((id) => ({ name: findPlaceById(id)?.name ?? id })),
    12,
  );
}

/** The site's own origin for links in downloads: from the Host header, when it looks like one. */
function siteOrigin(request: FastifyRequest): string {
  const host = request.headers.host ?? '';
  const safeHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${request.protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}

/** Spreadsheets run cells that start with = + - @: such text is prefixed with an apostrophe. */
function csvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function registerFavouritePages(app: FastifyInstance, deps: PageDeps): void {
  const csrfWhenSignedIn = { preHandler: requireCsrfForSession(app) };
  app.post(
    '/favourites',
    { schema: { hide: true }, ...csrfWhenSignedIn },
    async (request, reply) => {
      if (!isSameOrigin(request)) return sendErrorPage(reply, deps, 403);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const slug = single(body.slug);
      const action = single(body.action);
      const back = safeReturnPath(single(body.return));
      if (!isSlug(slug) || (action !== 'add' && action !== 'remove')) {
        return sendErrorPage(
          reply,
          deps,
          400,
          'Choose an agency to add to or remove from your favourites.',
        );
      }
      if (action === 'add' && !deps.snapshot.get().derived.listings.has(slug)) {
        return sendErrorPage(reply, deps, 404);
      }
      const change = await changeVisitorFavourites(request, reply, deps.accountDeps, slug, action);
      if (change.status === 'full') return reply.redirect('/favourites?full=1', 303);
      return reply.redirect(back, 303);
    },
  );

  app.get('/favourites', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const entries = await listFavourites(deps, request);
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderFavourites(pageChrome(deps, reply), entries, single(q.full) === '1'));
  });

  app.get('/favourites/compare', { schema: { hide: true } }, async (request, reply) => {
    const entries = await listFavourites(deps, request);
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderCompare(pageChrome(deps, reply), entries));
  });

  app.get('/favourites.csv', { schema: { hide: true } }, async (request, reply) => {
    const origin = siteOrigin(request);
    const rows = (await listFavourites(deps, request)).map(({ listing, brand }) =>
      [
        listing.name,
        brand.name,
        `${origin}/agencies/${listing.slug}`,
        listing.verified ? 'yes' : 'no',
        industriesOf(listing),
        employmentTypeLabels(listing.employmentTypes).join('; '),
        audienceText(listing.purposes),
        coverageOf(listing),
        townsOf(listing).join('; '),
        listing.listedSince,
      ].map(csvCell),
    );
    const csv = stringify(rows, {
      header: true,
      columns: [
        'Agency',
        'Brand',
        'Profile',
        'Verified',
        'Industries',
        'Employment types',
        'Works with',
        'Coverage',
        'Offices',
        'Listed since',
      ],
    });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="shortlist-favourites.csv"')
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${csv}`);
  });

  app.get('/favourites.eml', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const to = single(q.to).trim();
    const entries = await listFavourites(deps, request);
    if (to !== '' && (!EMAIL.test(to) || to.length > 254)) {
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(
          renderFavourites(pageChrome(deps, reply), entries, false, {
            to,
            error: 'Enter an email address in the correct format, like name@example.com',
          }),
        );
    }
    const eml = await buildFavouritesEml(entries, siteOrigin(request), to === '' ? null : to);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="shortlist-favourites.eml"')
      .type('message/rfc822')
      .send(eml);
  });
}

/** The favourites as an unsent email (.eml) to open in a mail program and send to oneself. */
export async function buildFavouritesEml(
  entries: readonly FavouriteEntry[],
  origin: string,
  to: string | null,
): Promise<Buffer> {
  const lines = entries.map(({ listing }, i) =>
    [
      `${i + 1}. ${listing.name}${listing.verified ? ' (Verified)' : ''}`,
      `   ${listing.description}`,
      `   Offices: ${townsOf(listing).join(', ')}`,
      `   ${origin}/agencies/${listing.slug}`,
    ].join('\n'),
  );
  const text = [
    entries.length === 0
      ? 'My shortlist of recruitment agencies is empty.'
      : `My shortlist of ${plural(entries.length, 'recruitment agency', 'recruitment agencies')}:`,
    '',
    lines.join('\n\n'),
    '',
    `Saved from Shortlist: ${origin}/favourites`,
    '',
  ].join('\n');
  const composer = new MailComposer({
    // The address was checked against a strict pattern; MailComposer encodes it as one header.
    ...(to ? { to: { name: '', address: to } } : {}),
    subject: 'My shortlist of recruitment agencies',
    text,
    headers: { 'X-Unsent': '1' },
  });
  return composer.compile().build();
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
        <div class={props.error ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="to">
            Email this list to me (optional address)
          </label>
          <p class="hint" id="to-hint">
            You get an email file (.eml) to open in your mail program and send to yourself. We do
            not send or keep anything.
          </p>
          <FieldError fieldId="to" message={props.error} />
          <input
            class="input"
            type="email"
            id="to"
            name="to"
            value={attr(props.to)}
            autocomplete="email"
            spellcheck="false"
            {...fieldAria('to', props.error, 'to-hint')}
          />
        </div>
        <button type="submit" class="button button-secondary">
          Download the email
        </button>
      </form>
    </section>
  );
}

function renderFavourites(
  page: PageChrome,
  entries: readonly FavouriteEntry[],
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
                  <h2 class="card-title">
                    <a
                      id={`fav-${listing.slug}`}
                      href={`/agencies/${encodeURIComponent(listing.slug)}`}
                    >
                      {escapeHtml(listing.name)}
                    </a>{' '}
                    {listing.verified ? <span class="badge badge-verified">Verified</span> : ''}
                  </h2>
                  {brand.name !== listing.name ? (
                    <p class="card-meta">Part of {escapeHtml(brand.name)}</p>
                  ) : (
                    ''
                  )}
                  <p>{escapeHtml(listing.description)}</p>
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
                    <FavouriteButton
                      slug={listing.slug}
                      name={listing.name}
                      isFavourite
                      returnTo="/favourites"
                      csrf={page.user?.csrf}
                    />
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

function renderCompare(page: PageChrome, entries: readonly FavouriteEntry[]): string {
  const rows: { label: string; cell: (e: FavouriteEntry) => string }[] = [
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
                    <a href={`/agencies/${encodeURIComponent(e.listing.slug)}`}>
                      {escapeHtml(e.listing.name)}
                    </a>
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
                    <FavouriteButton
                      slug={e.listing.slug}
                      name={e.listing.name}
                      isFavourite
                      returnTo="/favourites/compare"
                      csrf={page.user?.csrf}
                    />
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
