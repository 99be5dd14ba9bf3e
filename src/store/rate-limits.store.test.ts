import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { SqlRateLimitStore } from './rate-limits.store.js';

const AT = '2026-11-26T09:00:00.000Z';

describe.each(TEST_DATABASES)('rate-limit store on $name', (database) => {
  let limits: SqlRateLimitStore;
  freshDatabaseEach(database, (db) => {
    limits = new SqlRateLimitStore(db);
  });

  it('counts attempts in a fixed window and starts again after it', async () => {
    const end = '2026-11-26T09:15:00.000Z';
    expect(await limits.hit('signin:ip:1', AT, end)).toEqual({ count: 1, resetAt: end });
    expect(
      await limits.hit('signin:ip:1', '2026-11-26T09:10:00.000Z', '2026-11-26T09:25:00.000Z'),
    ).toEqual({
      count: 2,
      resetAt: end,
    });
    expect(await limits.hit('signin:ip:2', AT, end)).toEqual({ count: 1, resetAt: end });
    const later = '2026-11-26T09:30:00.000Z';
    expect(await limits.hit('signin:ip:1', end, later)).toEqual({ count: 1, resetAt: later });
  });

  it('counts every one of many concurrent attempts', async () => {
    const end = '2026-11-26T09:15:00.000Z';
    await Promise.all(Array.from({ length: 20 }, () => limits.hit('k', AT, end)));
    expect((await limits.hit('k', AT, end)).count).toBe(21);
  });

  it('forgets windows that have ended', async () => {
    await limits.hit('a', AT, '2026-11-26T09:15:00.000Z');
    await limits.hit('b', AT, '2026-11-26T09:45:00.000Z');
    expect(await limits.deleteExpired('2026-11-26T09:15:00.000Z')).toBe(1);
    expect((await limits.hit('b', AT, '2026-11-26T09:45:00.000Z')).count).toBe(2);
  });
});
