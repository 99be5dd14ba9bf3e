/**
 * Favourites, the visitor's own shortlist, kept in the account when signed in and in a signed
 * cookie otherwise: add and remove (POST /favourites, then back to where they were; signed in,
 * with the CSRF token), the list (/favourites), a side-by-side comparison (/favourites/compare), a
 * CSV download (/favourites.csv) and the list as an email draft to send to oneself
 * (/favourites.eml). Everything works without JavaScript.
 */
import { isEmailAddress } from '../../domain/validation/email.js';
import { LIMITS } from '../../domain/validation/limits.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCsrfForSession } from '../../http/auth.js';
import {
  changeVisitorFavourites,
  isSlug,
  loadFavourites,
  safeReturnPath,
} from '../../http/favourites.js';
import { findListing, type ListingEntry } from '../../services/search.service.js';
import { sendErrorPage } from '../shared/error-page.js';
import { single } from '../shared/form-values.js';
import { pageChrome, sendHtml, sendUncached, type PageDeps } from '../shared/page-context.js';
import { buildFavouritesEml, favouritesCsv } from './favourites-export.js';
import { renderCompare, renderFavourites } from './favourites.pages.js';

export interface FavouritePageDeps extends PageDeps {
  /** The site's own address (config PUBLIC_URL): the downloads link to its profiles. */
  publicUrl: string;
}

/** The favourites that are still in the directory, in the order they were added. */
async function listFavourites(deps: PageDeps, request: FastifyRequest): Promise<ListingEntry[]> {
  return (await loadFavourites(request, deps.accountDeps))
    .map((slug) => findListing(deps, slug))
    .filter((e): e is ListingEntry => e !== undefined);
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

export function registerFavouritePages(app: FastifyInstance, deps: FavouritePageDeps): void {
  const origin = deps.publicUrl.replace(/\/+$/, '');
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
      if (action === 'add' && !findListing(deps, slug)) {
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
    return sendUncached(
      reply,
      200,
      renderFavourites(pageChrome(deps, reply), entries, single(q.full) === '1'),
    );
  });

  app.get('/favourites/compare', { schema: { hide: true } }, async (request, reply) => {
    const entries = await listFavourites(deps, request);
    return sendUncached(reply, 200, renderCompare(pageChrome(deps, reply), entries));
  });

  app.get('/favourites.csv', { schema: { hide: true } }, async (request, reply) => {
    const csv = favouritesCsv(await listFavourites(deps, request), origin);
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
    if (to !== '' && (!isEmailAddress(to) || to.length > LIMITS.email)) {
      return sendHtml(
        reply,
        400,
        renderFavourites(pageChrome(deps, reply), entries, false, {
          to,
          error: 'Enter an email address in the correct format, like name@example.com',
        }),
      );
    }
    const eml = await buildFavouritesEml(entries, origin, to === '' ? null : to);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="shortlist-favourites.eml"')
      .type('message/rfc822')
      .send(eml);
  });
}
