/** The rate-limit counters every app instance shares: fixed windows, one row per key. */
import { sql } from 'kysely';
import type { RateLimitStore } from '../services/ports.js';
import { SqlStore } from './sql-store.js';

export class SqlRateLimitStore extends SqlStore implements RateLimitStore {
  async hit(
    key: string,
    now: string,
    windowEndsAt: string,
  ): Promise<{ count: number; resetAt: string }> {
    // One statement, so concurrent attempts from several instances are all counted.
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, count: 1, reset_at: windowEndsAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
          reset_at: sql<string>`case when rate_limits.reset_at <= ${now} then ${windowEndsAt} else rate_limits.reset_at end`,
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: row.reset_at };
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('rate_limits')
      .where('reset_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
