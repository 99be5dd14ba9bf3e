/** Calendar feeds in SQL: one per user, found by the hash of the feed's token. */
import type { CalendarFeedRecord, CalendarFeedStore } from '../services/accounts/ports.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

function toFeed(row: Database['calendar_feeds']): CalendarFeedRecord {
  return { userId: row.user_id, tokenHash: row.token_hash, createdAt: row.created_at };
}

export class SqlCalendarFeedStore extends SqlStore implements CalendarFeedStore {
  async replaceCalendarFeed(feed: CalendarFeedRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('calendar_feeds').where('user_id', '=', feed.userId).execute();
      await trx
        .insertInto('calendar_feeds')
        .values({ user_id: feed.userId, token_hash: feed.tokenHash, created_at: feed.createdAt })
        .execute();
    });
  }

  async findCalendarFeed(userId: string): Promise<CalendarFeedRecord | undefined> {
    return this.findOne('calendar_feeds', 'user_id', userId, toFeed);
  }

  async findCalendarFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined> {
    return this.findOne('calendar_feeds', 'token_hash', tokenHash, toFeed);
  }

  async deleteCalendarFeed(userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('calendar_feeds')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
