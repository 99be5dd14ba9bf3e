/** Favourites kept in the account (a signed-out visitor's live in a cookie: http/favourites.ts). */
import type { AccountsDeps } from './common.js';
import type { FavouriteRecord } from './ports.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Moves favourites kept without an account (the cookie's listing slugs) into the account; slugs
 * already there stay as they were. Returns the account's favourites after the merge.
 */
export async function mergeFavourites(
  deps: Pick<AccountsDeps, 'favouriteStore' | 'clock'>,
  userId: string,
  slugs: readonly string[],
): Promise<FavouriteRecord[]> {
  const valid = slugs.filter((slug) => SLUG.test(slug));
  await deps.favouriteStore.addFavourites(userId, valid, deps.clock.now().toISOString());
  return deps.favouriteStore.listFavourites(userId);
}

/** The account's favourites, in the order they were added. */
export async function listFavourites(
  deps: Pick<AccountsDeps, 'favouriteStore'>,
  userId: string,
): Promise<FavouriteRecord[]> {
  return deps.favouriteStore.listFavourites(userId);
}

/** Removes a favourite from the account; true when it was there. */
export async function removeFavourite(
  deps: Pick<AccountsDeps, 'favouriteStore'>,
  userId: string,
  slug: string,
): Promise<boolean> {
  return deps.favouriteStore.removeFavourite(userId, slug);
}
