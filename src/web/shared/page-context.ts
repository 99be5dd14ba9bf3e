/**
 * What every page needs from the application: whether the directory is demo data, its size, and
 * (when the app has accounts) who is signed in.
 */
import type { FastifyReply } from 'fastify';
import { createCsrfToken } from '../../http/auth.js';
import type { FavouriteAccountDeps } from '../../http/favourites.js';
import type { DirectorySnapshot } from '../../services/directory-snapshot.service.js';
import { servesDemoDirectory, type SearchIndexes } from '../../services/search.service.js';
import type { OperatorDetails, RetentionSettings } from '../../domain/site/operator.js';
import type { LayoutUser, PageChrome } from './layout.js';

export interface PageDeps {
  snapshot: DirectorySnapshot<SearchIndexes>;
  /**
   * Accounts, when the app has them: the header offers Sign in or shows who is signed in, and a
   * signed-in visitor's favourites are kept in the account. Without them (some tests) neither.
   */
  accountDeps?: FavouriteAccountDeps | null;
  /** Who runs the site and how long things are kept (the trust pages); demo defaults when unset. */
  site?: SiteDetails;
}

export interface SiteDetails {
  operator: OperatorDetails;
  retention: RetentionSettings;
}

/**
 * The signed-in user of this request, for the header (the session was resolved once, when the
 * request came in: request.account); null when signed out. Personal pages are never cached.
 */
function layoutUser(reply: FastifyReply): LayoutUser | null {
  const account = reply.request.account;
  if (!account || account.via !== 'session') return null;
  if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  return { email: account.user.email, csrf: createCsrfToken(reply.request, reply) };
}

export function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** A page no browser or proxy keeps: it shows what was typed, or one visitor's own things. */
export function sendUncached(reply: FastifyReply, status: number, body: string): FastifyReply {
  return sendHtml(reply.header('cache-control', 'no-store'), status, body);
}

/** What the Layout needs to know about this request: demo data, and who is signed in. */
export function pageChrome(deps: PageDeps, reply: FastifyReply): PageChrome {
  return {
    demo: servesDemoDirectory(deps),
    ...(deps.accountDeps ? { user: layoutUser(reply) } : {}),
  };
}

/**
 * The number on the search button: below 1,000 the exact count ("640"), otherwise the count
 * rounded down to the thousand with a plus ("8000+").
 */
export function listingCountText(count: number): string {
  if (count < 1000) return String(count);
  return `${Math.floor(count / 1000) * 1000}+`;
}

/** "Search 8000+ Agencies": the search button's label for the live listing count. */
export function searchButtonLabel(count: number): string {
  return `Search ${listingCountText(count)} Agencies`;
}
