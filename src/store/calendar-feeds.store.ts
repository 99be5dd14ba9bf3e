/** Calendar feeds in SQL: one per user, found by the hash of the feed's token. */
import type { Kysely } from 'kysely';
import type { CalendarFeedRecord, CalendarFeedStore } from '../services/accounts/ports.js';
import type { Db } from './db.js';
import type { Database } from './schema.js';

function toFeed(row: Database['calendar_feeds']): CalendarFeedRecord {
  return { userId: row.user_id, tokenHash: row.token_hash, createdAt: row.created_at };
}

export class SqlCalendarFeedStore implements CalendarFeedStore {
  private readonly db: Kysely<Database>;

  constructor(handle: Db) {
    this.db = handle.kysely;
  }

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
    const row = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toFeed(row) : undefined;
  }

  async findCalendarFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined> {
    const row = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toFeed(row) : undefined;
  }

  async deleteCalendarFeed(userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('calendar_feeds')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
