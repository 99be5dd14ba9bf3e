/**
 * Favourites: signed in, the account's list (in the database); otherwise the chosen listing slugs
 * in one signed cookie (at most MAX_FAVOURITES), which signing in moves into the account. Also the
 * check that a "return to" address is a path on this site.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsDeps } from '../services/accounts/common.js';
import {
  listFavourites,
  mergeFavourites,
  removeFavourite,
} from '../services/accounts/favourites.service.js';

const FAVOURITES_COOKIE = 'shortlist_favourites';
export const MAX_FAVOURITES = 50;
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** True for a listing slug as the directory writes them (lower-case letters, digits, hyphens). */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG.test(value);
}

/** The favourites in the order they were added; [] when the cookie is missing or tampered with. */
function readFavourites(request: FastifyRequest): string[] {
  const raw = request.cookies[FAVOURITES_COOKIE];
  if (!raw) return [];
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null || unsigned.value === '') return [];
  const slugs = unsigned.value.split('.').filter(isSlug);
  return [...new Set(slugs)].slice(0, MAX_FAVOURITES);
}

/** Stores the favourites in the signed cookie (cleared when empty). */
function writeFavourites(request: FastifyRequest, reply: FastifyReply, slugs: readonly string[]) {
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    signed: true,
  };
  if (slugs.length === 0) {
    void reply.clearCookie(FAVOURITES_COOKIE, { path: '/' });
    return;
  }
  void reply.setCookie(FAVOURITES_COOKIE, slugs.slice(0, MAX_FAVOURITES).join('.'), {
    ...options,
    maxAge: ONE_YEAR_SECONDS,
  });
}

/** What keeping favourites in accounts needs. */
export type FavouriteAccountDeps = Pick<AccountsDeps, 'favouriteStore' | 'clock'>;

/** The account whose favourites these are: the signed-in user's, when the app has accounts. */
function favouritesOwner(
  request: FastifyRequest,
  accounts: FavouriteAccountDeps | null | undefined,
): { accounts: FavouriteAccountDeps; userId: string } | null {
  const account = request.account;
  return accounts && account ? { accounts, userId: account.user.id } : null;
}

/** The visitor's favourites in the order they were added: the account's, or the cookie's. */
export async function loadFavourites(
  request: FastifyRequest,
  accounts: FavouriteAccountDeps | null | undefined,
): Promise<string[]> {
  const owner = favouritesOwner(request, accounts);
  if (!owner) return readFavourites(request);
  return (await listFavourites(owner.accounts, owner.userId)).map((f) => f.listingSlug);
}

/** Adds or removes one favourite where the visitor's favourites are kept; says what happened. */
export async function changeVisitorFavourites(
  request: FastifyRequest,
  reply: FastifyReply,
  accounts: FavouriteAccountDeps | null | undefined,
  slug: string,
  action: 'add' | 'remove',
): Promise<FavouriteChange> {
  const owner = favouritesOwner(request, accounts);
  const change = changeFavourites(await loadFavourites(request, accounts), slug, action);
  if (change.status === 'full') return change;
  if (!owner) writeFavourites(request, reply, change.slugs);
  else if (change.status === 'added') await mergeFavourites(owner.accounts, owner.userId, [slug]);
  else if (change.status === 'removed') await removeFavourite(owner.accounts, owner.userId, slug);
  return change;
}

/**
 * At sign-up, sign-in and password reset: the favourites kept in the browser's cookie move into
 * the account, and the cookie goes.
 */
export async function moveCookieFavourites(
  accounts: FavouriteAccountDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const slugs = readFavourites(request);
  if (slugs.length === 0) return;
  await mergeFavourites(accounts, userId, slugs);
  writeFavourites(request, reply, []);
}

/** The outcome of adding or removing a favourite. */
export type FavouriteChange =
  | { status: 'added' | 'removed' | 'unchanged'; slugs: string[] }
  | { status: 'full'; slugs: string[] };

/** Adds or removes a slug; adding to a full list changes nothing and says so. */
export function changeFavourites(
  current: readonly string[],
  slug: string,
  action: 'add' | 'remove',
): FavouriteChange {
  if (action === 'remove') {
    return current.includes(slug)
      ? { status: 'removed', slugs: current.filter((s) => s !== slug) }
      : { status: 'unchanged', slugs: [...current] };
  }
  if (current.includes(slug)) return { status: 'unchanged', slugs: [...current] };
  if (current.length >= MAX_FAVOURITES) return { status: 'full', slugs: [...current] };
  return { status: 'added', slugs: [...current, slug] };
}

/**
 * The address to go back to after a form: a path on this site ("/search?..."), never another
 * site ("//evil.example", "https://...", "/\\evil"); the fallback otherwise.
 */
export function safeReturnPath(raw: unknown, fallback = '/favourites'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Control characters and backslashes are never part of our own URLs.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, 'http://shortlist.invalid');
    if (url.origin !== 'http://shortlist.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
