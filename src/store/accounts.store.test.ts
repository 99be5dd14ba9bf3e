import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { makeInput } from '../domain/followup/test-support.js';
import type { UserRecord } from '../services/ports.js';
import { SqlAccountStore, SqlRateLimitStore } from './accounts.store.js';
import type { Db } from './db.js';
import { SqlInterviewStore } from './interviews.store.js';

const AT = '2026-11-26T09:00:00.000Z';

function buildUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: 'user-1',
    email: 'sam@example.com',
    passwordHash: 'scrypt$32768$8$1$salt$hash',
    createdAt: AT,
    passwordChangedAt: AT,
    ...overrides,
  };
}

function hash(n: number): string {
  return n.toString(16).padStart(64, '0');
}

/** An API token of user-1, stored by the hash of its secret. */
function apiToken() {
  return {
    id: 'token-1',
    userId: 'user-1',
    name: 'Spreadsheet',
    tokenHash: hash(1),
    prefix: 'sl_abcde',
    createdAt: AT,
    lastUsedAt: null as string | null,
  };
}

describe.each(TEST_DATABASES)('account store on $name', (database) => {
  let db: Db;
  let store: SqlAccountStore;

  beforeEach(async () => {
    db = await database.open();
    store = new SqlAccountStore(db);
  });
  afterEach(async () => {
    await db.close();
  });

  it('creates users with unique addresses and finds them by id and email', async () => {
    expect(await store.createUser(buildUser())).toBe('created');
    expect(await store.createUser(buildUser({ id: 'user-2' }))).toBe('email-taken');
    expect(await store.findUserByEmail('sam@example.com')).toEqual(buildUser());
    expect(await store.findUserById('user-1')).toEqual(buildUser());
    expect(await store.findUserById('user-2')).toBeUndefined();
    await store.createUser(buildUser({ id: 'user-2', email: 'ann@example.com' }));
    expect(await store.updateEmail('user-2', 'sam@example.com')).toBe('email-taken');
    expect(await store.updateEmail('user-2', 'ann.new@example.com')).toBe('updated');
    expect((await store.findUserById('user-2'))?.email).toBe('ann.new@example.com');
  });

  it('keeps sessions by hash, slides them, and ends the others on a password change', async () => {
    await store.createUser(buildUser());
    for (const n of [1, 2, 3]) {
      await store.createSession({
        idHash: hash(n),
        userId: 'user-1',
        createdAt: AT,
        lastSeenAt: AT,
        expiresAt: '2026-12-10T09:00:00.000Z',
      });
    }
    await store.touchSession(hash(1), '2026-11-27T09:00:00.000Z', '2026-12-11T09:00:00.000Z');
    expect(await store.findSession(hash(1))).toEqual({
      idHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      lastSeenAt: '2026-11-27T09:00:00.000Z',
      expiresAt: '2026-12-11T09:00:00.000Z',
    });
    await store.createPasswordReset({
      tokenHash: hash(9),
      userId: 'user-1',
      createdAt: AT,
      expiresAt: '2026-11-26T10:00:00.000Z',
    });
    await store.replacePassword('user-1', 'scrypt$new', '2026-11-27T10:00:00.000Z', hash(2));
    expect((await store.listSessions('user-1')).map((s) => s.idHash)).toEqual([hash(2)]);
    expect(await store.findPasswordReset(hash(9))).toBeUndefined();
    expect(await store.findUserById('user-1')).toMatchObject({
      passwordHash: 'scrypt$new',
      passwordChangedAt: '2026-11-27T10:00:00.000Z',
    });
    await store.replacePassword('user-1', 'scrypt$newer', AT, null);
    expect(await store.listSessions('user-1')).toEqual([]);
  });

  it('forgets expired sessions', async () => {
    await store.createUser(buildUser());
    await store.createSession({
      idHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      lastSeenAt: AT,
      expiresAt: '2026-11-27T09:00:00.000Z',
    });
    expect(await store.deleteExpiredSessions('2026-11-27T08:59:59.000Z')).toBe(0);
    expect(await store.deleteExpiredSessions('2026-11-27T09:00:00.000Z')).toBe(1);
  });

  it('uses a reset link once, and not after it expired', async () => {
    await store.createUser(buildUser());
    const reset = {
      tokenHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      expiresAt: '2026-11-26T10:00:00.000Z',
    };
    await store.createPasswordReset(reset);
    await store.createPasswordReset({ ...reset, tokenHash: hash(2) });
    expect(await store.findPasswordReset(hash(1))).toEqual(reset);
    expect(await store.takePasswordReset(hash(1), '2026-11-26T09:59:00.000Z')).toBe('user-1');
    expect(await store.takePasswordReset(hash(1), '2026-11-26T09:59:00.000Z')).toBeUndefined();
    // Taking one link ends the user's other links too.
    expect(await store.findPasswordReset(hash(2))).toBeUndefined();
    await store.createPasswordReset({ ...reset, tokenHash: hash(3) });
    expect(await store.takePasswordReset(hash(3), '2026-11-26T10:00:00.000Z')).toBeUndefined();
  });

  it('revokes API tokens and the calendar feed with a new password only when asked', async () => {
    await store.createUser(buildUser());
    await store.createApiToken(apiToken());
    await store.replaceCalendarFeed({ userId: 'user-1', tokenHash: hash(2), createdAt: AT });
    await store.replacePassword('user-1', 'scrypt$new', AT, null);
    expect(await store.findApiToken(hash(1))).toBeDefined();
    expect(await store.findCalendarFeed('user-1')).toBeDefined();
    await store.replacePassword('user-1', 'scrypt$newer', AT, null, { revokeCredentials: true });
    expect(await store.listApiTokens('user-1')).toEqual([]);
    expect(await store.findCalendarFeed('user-1')).toBeUndefined();
  });

  it('keeps API tokens by hash, per user', async () => {
    await store.createUser(buildUser());
    await store.createUser(buildUser({ id: 'user-2', email: 'ann@example.com' }));
    const token = apiToken();
    await store.createApiToken(token);
    expect(await store.findApiToken(hash(1))).toEqual(token);
    await store.touchApiToken('token-1', '2026-11-27T09:00:00.000Z');
    expect(await store.listApiTokens('user-1')).toEqual([
      { ...token, lastUsedAt: '2026-11-27T09:00:00.000Z' },
    ]);
    expect(await store.listApiTokens('user-2')).toEqual([]);
    expect(await store.deleteApiToken('user-2', 'token-1')).toBe(false);
    expect(await store.deleteApiToken('user-1', 'token-1')).toBe(true);
    expect(await store.findApiToken(hash(1))).toBeUndefined();
  });

  it('keeps one calendar feed per user; a new one replaces the old', async () => {
    await store.createUser(buildUser());
    await store.replaceCalendarFeed({ userId: 'user-1', tokenHash: hash(1), createdAt: AT });
    await store.replaceCalendarFeed({ userId: 'user-1', tokenHash: hash(2), createdAt: AT });
    expect(await store.findCalendarFeedByHash(hash(1))).toBeUndefined();
    expect(await store.findCalendarFeedByHash(hash(2))).toEqual({
      userId: 'user-1',
      tokenHash: hash(2),
      createdAt: AT,
    });
    expect(await store.deleteCalendarFeed('user-1')).toBe(true);
    expect(await store.findCalendarFeed('user-1')).toBeUndefined();
  });

  it('merges favourites without duplicates, in the order they were added', async () => {
    await store.createUser(buildUser());
    expect(await store.addFavourites('user-1', ['acme', 'beta', 'acme'], AT)).toBe(2);
    expect(await store.addFavourites('user-1', ['beta', 'gamma'], '2026-11-27T09:00:00.000Z')).toBe(
      1,
    );
    expect(await store.listFavourites('user-1')).toEqual([
      { listingSlug: 'acme', createdAt: AT },
      { listingSlug: 'beta', createdAt: AT },
      { listingSlug: 'gamma', createdAt: '2026-11-27T09:00:00.000Z' },
    ]);
    expect(await store.removeFavourite('user-1', 'beta')).toBe(true);
    expect(await store.removeFavourite('user-1', 'beta')).toBe(false);
    expect(await store.addFavourites('user-1', [], AT)).toBe(0);
  });

  it('deletes a user with everything they own, and nothing of anyone else', async () => {
    const interviews = new SqlInterviewStore(db);
    for (const user of [buildUser(), buildUser({ id: 'user-2', email: 'ann@example.com' })]) {
      await store.createUser(user);
      await store.createSession({
        idHash: hash(user.id === 'user-1' ? 1 : 2),
        userId: user.id,
        createdAt: AT,
        lastSeenAt: AT,
        expiresAt: '2026-12-10T09:00:00.000Z',
      });
      await store.addFavourites(user.id, ['acme'], AT);
      await store.replaceCalendarFeed({
        userId: user.id,
        tokenHash: hash(user.id === 'user-1' ? 11 : 12),
        createdAt: AT,
      });
      await store.createApiToken({
        id: `token-${user.id}`,
        userId: user.id,
        name: 'n',
        tokenHash: hash(user.id === 'user-1' ? 21 : 22),
        prefix: 'sl_x',
        createdAt: AT,
        lastUsedAt: null,
      });
      await store.createPasswordReset({
        tokenHash: hash(user.id === 'user-1' ? 31 : 32),
        userId: user.id,
        createdAt: AT,
        expiresAt: AT,
      });
      const interview = {
        id: `interview-${user.id}`,
        userId: user.id,
        input: makeInput(),
        agency: null,
        outcome: 'pending' as const,
        outcomeAt: null,
        createdAt: AT,
        updatedAt: AT,
      };
      await interviews.createInterview(interview);
      await interviews.saveStepState(
        user.id,
        interview.id,
        { stepId: 'interview:check-in', status: 'done', doneAt: AT, draft: null },
        AT,
      );
      await interviews.addReply(user.id, interview.id, {
        id: `reply-${user.id}`,
        at: AT,
        from: null,
        recordedAt: AT,
      });
    }
    await store.deleteUser('user-1');
    const count = async (
      table:
        | 'users'
        | 'sessions'
        | 'favourites'
        | 'calendar_feeds'
        | 'api_tokens'
        | 'password_resets'
        | 'interviews'
        | 'interview_steps'
        | 'interview_replies',
    ) =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const table of [
      'users',
      'sessions',
      'favourites',
      'calendar_feeds',
      'api_tokens',
      'password_resets',
      'interviews',
      'interview_steps',
      'interview_replies',
    ] as const) {
      expect([table, await count(table)]).toEqual([table, 1]);
    }
    expect(await store.findUserById('user-2')).toBeDefined();
    expect((await interviews.findInterview('user-2', 'interview-user-2'))?.states).toHaveLength(1);
  });
});

describe.each(TEST_DATABASES)('rate-limit store on $name', (database) => {
  let db: Db;
  let limits: SqlRateLimitStore;

  beforeEach(async () => {
    db = await database.open();
    limits = new SqlRateLimitStore(db);
  });
  afterEach(async () => {
    await db.close();
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
