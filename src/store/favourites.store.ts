/** A signed-in user's favourite listings in SQL, in the order they were added. */
import type { FavouriteRecord, FavouriteStore } from '../services/accounts/ports.js';
import { SqlStore } from './sql-store.js';

export class SqlFavouriteStore extends SqlStore implements FavouriteStore {
  async addFavourites(userId: string, slugs: readonly string[], at: string): Promise<number> {
    const unique = [...new Set(slugs)];
    if (unique.length === 0) return 0;
    const result = await this.db
      .insertInto('favourites')
      .values(unique.map((slug) => ({ user_id: userId, listing_slug: slug, created_at: at })))
      .onConflict((oc) => oc.columns(['user_id', 'listing_slug']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async listFavourites(userId: string): Promise<FavouriteRecord[]> {
    const rows = await this.db
      .selectFrom('favourites')
      .select(['listing_slug', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('listing_slug')
      .execute();
    return rows.map((row) => ({ listingSlug: row.listing_slug, createdAt: row.created_at }));
  }

  async removeFavourite(userId: string, slug: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('favourites')
      .where('user_id', '=', userId)
      .where('listing_slug', '=', slug)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
