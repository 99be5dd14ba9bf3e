import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { makeInput } from '../domain/followup/test-support.js';
import type { AccountStores, UserRecord } from '../services/accounts/ports.js';
import { sqlAccountStores } from './accounts.store.js';
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
  let stores: AccountStores;

  beforeEach(async () => {
    db = await database.open();
    stores = sqlAccountStores(db);
  });
  afterEach(async () => {
    await db.close();
  });

  it('creates users with unique addresses and finds them by id and email', async () => {
    expect(await stores.userStore.createUser(buildUser())).toBe('created');
    expect(await stores.userStore.createUser(buildUser({ id: 'user-2' }))).toBe('email-taken');
    expect(await stores.userStore.findUserByEmail('sam@example.com')).toEqual(buildUser());
    expect(await stores.userStore.findUserById('user-1')).toEqual(buildUser());
    expect(await stores.userStore.findUserById('user-2')).toBeUndefined();
    await stores.userStore.createUser(buildUser({ id: 'user-2', email: 'ann@example.com' }));
    expect(await stores.userStore.updateEmail('user-2', 'sam@example.com')).toBe('email-taken');
    expect(await stores.userStore.updateEmail('user-2', 'ann.new@example.com')).toBe('updated');
    expect((await stores.userStore.findUserById('user-2'))?.email).toBe('ann.new@example.com');
  });

  it('keeps sessions by hash, slides them, and ends the others on a password change', async () => {
    await stores.userStore.createUser(buildUser());
    for (const n of [1, 2, 3]) {
      await stores.sessionStore.createSession({
        idHash: hash(n),
        userId: 'user-1',
        createdAt: AT,
        lastSeenAt: AT,
        expiresAt: '2026-12-10T09:00:00.000Z',
      });
    }
    await stores.sessionStore.touchSession(
      hash(1),
      '2026-11-27T09:00:00.000Z',
      '2026-12-11T09:00:00.000Z',
    );
    expect(await stores.sessionStore.findSession(hash(1))).toEqual({
      idHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      lastSeenAt: '2026-11-27T09:00:00.000Z',
      expiresAt: '2026-12-11T09:00:00.000Z',
    });
    await stores.passwordResetStore.createPasswordReset({
      tokenHash: hash(9),
      userId: 'user-1',
      createdAt: AT,
      expiresAt: '2026-11-26T10:00:00.000Z',
    });
    await stores.userStore.replacePassword(
      'user-1',
      'scrypt$new',
      '2026-11-27T10:00:00.000Z',
      hash(2),
    );
    expect((await stores.sessionStore.listSessions('user-1')).map((s) => s.idHash)).toEqual([
      hash(2),
    ]);
    expect(await stores.passwordResetStore.findPasswordReset(hash(9))).toBeUndefined();
    expect(await stores.userStore.findUserById('user-1')).toMatchObject({
      passwordHash: 'scrypt$new',
      passwordChangedAt: '2026-11-27T10:00:00.000Z',
    });
    await stores.userStore.replacePassword('user-1', 'scrypt$newer', AT, null);
    expect(await stores.sessionStore.listSessions('user-1')).toEqual([]);
  });

  it('forgets expired sessions', async () => {
    await stores.userStore.createUser(buildUser());
    await stores.sessionStore.createSession({
      idHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      lastSeenAt: AT,
      expiresAt: '2026-11-27T09:00:00.000Z',
    });
    expect(await stores.sessionStore.deleteExpiredSessions('2026-11-27T08:59:59.000Z')).toBe(0);
    expect(await stores.sessionStore.deleteExpiredSessions('2026-11-27T09:00:00.000Z')).toBe(1);
  });

  it('uses a reset link once, and not after it expired', async () => {
    await stores.userStore.createUser(buildUser());
    const reset = {
      tokenHash: hash(1),
      userId: 'user-1',
      createdAt: AT,
      expiresAt: '2026-11-26T10:00:00.000Z',
    };
    await stores.passwordResetStore.createPasswordReset(reset);
    await stores.passwordResetStore.createPasswordReset({ ...reset, tokenHash: hash(2) });
    expect(await stores.passwordResetStore.findPasswordReset(hash(1))).toEqual(reset);
    expect(
      await stores.passwordResetStore.takePasswordReset(hash(1), '2026-11-26T09:59:00.000Z'),
    ).toBe('user-1');
    expect(
      await stores.passwordResetStore.takePasswordReset(hash(1), '2026-11-26T09:59:00.000Z'),
    ).toBeUndefined();
    // Taking one link ends the user's other links too.
    expect(await stores.passwordResetStore.findPasswordReset(hash(2))).toBeUndefined();
    await stores.passwordResetStore.createPasswordReset({ ...reset, tokenHash: hash(3) });
    expect(
      await stores.passwordResetStore.takePasswordReset(hash(3), '2026-11-26T10:00:00.000Z'),
    ).toBeUndefined();
  });

  it('revokes API tokens and the calendar feed with a new password only when asked', async () => {
    await stores.userStore.createUser(buildUser());
    await stores.apiTokenStore.createApiToken(apiToken());
    await stores.calendarFeedStore.replaceCalendarFeed({
      userId: 'user-1',
      tokenHash: hash(2),
      createdAt: AT,
    });
    await stores.userStore.replacePassword('user-1', 'scrypt$new', AT, null);
    expect(await stores.apiTokenStore.findApiToken(hash(1))).toBeDefined();
    expect(await stores.calendarFeedStore.findCalendarFeed('user-1')).toBeDefined();
    await stores.userStore.replacePassword('user-1', 'scrypt$newer', AT, null, {
      revokeCredentials: true,
    });
    expect(await stores.apiTokenStore.listApiTokens('user-1')).toEqual([]);
    expect(await stores.calendarFeedStore.findCalendarFeed('user-1')).toBeUndefined();
  });

  it('keeps API tokens by hash, per user', async () => {
    await stores.userStore.createUser(buildUser());
    await stores.userStore.createUser(buildUser({ id: 'user-2', email: 'ann@example.com' }));
    const token = apiToken();
    await stores.apiTokenStore.createApiToken(token);
    expect(await stores.apiTokenStore.findApiToken(hash(1))).toEqual(token);
    await stores.apiTokenStore.touchApiToken('token-1', '2026-11-27T09:00:00.000Z');
    expect(await stores.apiTokenStore.listApiTokens('user-1')).toEqual([
      { ...token, lastUsedAt: '2026-11-27T09:00:00.000Z' },
    ]);
    expect(await stores.apiTokenStore.listApiTokens('user-2')).toEqual([]);
    expect(await stores.apiTokenStore.deleteApiToken('user-2', 'token-1')).toBe(false);
    expect(await stores.apiTokenStore.deleteApiToken('user-1', 'token-1')).toBe(true);
    expect(await stores.apiTokenStore.findApiToken(hash(1))).toBeUndefined();
  });

  it('keeps one calendar feed per user; a new one replaces the old', async () => {
    await stores.userStore.createUser(buildUser());
    await stores.calendarFeedStore.replaceCalendarFeed({
      userId: 'user-1',
      tokenHash: hash(1),
      createdAt: AT,
    });
    await stores.calendarFeedStore.replaceCalendarFeed({
      userId: 'user-1',
      tokenHash: hash(2),
      createdAt: AT,
    });
    expect(await stores.calendarFeedStore.findCalendarFeedByHash(hash(1))).toBeUndefined();
    expect(await stores.calendarFeedStore.findCalendarFeedByHash(hash(2))).toEqual({
      userId: 'user-1',
      tokenHash: hash(2),
      createdAt: AT,
    });
    expect(await stores.calendarFeedStore.deleteCalendarFeed('user-1')).toBe(true);
    expect(await stores.calendarFeedStore.findCalendarFeed('user-1')).toBeUndefined();
  });

  it('merges favourites without duplicates, in the order they were added', async () => {
    await stores.userStore.createUser(buildUser());
    expect(await stores.favouriteStore.addFavourites('user-1', ['acme', 'beta', 'acme'], AT)).toBe(
      2,
    );
    expect(
      await stores.favouriteStore.addFavourites(
        'user-1',
        ['beta', 'gamma'],
        '2026-11-27T09:00:00.000Z',
      ),
    ).toBe(1);
    expect(await stores.favouriteStore.listFavourites('user-1')).toEqual([
      { listingSlug: 'acme', createdAt: AT },
      { listingSlug: 'beta', createdAt: AT },
      { listingSlug: 'gamma', createdAt: '2026-11-27T09:00:00.000Z' },
    ]);
    expect(await stores.favouriteStore.removeFavourite('user-1', 'beta')).toBe(true);
    expect(await stores.favouriteStore.removeFavourite('user-1', 'beta')).toBe(false);
    expect(await stores.favouriteStore.addFavourites('user-1', [], AT)).toBe(0);
  });

  it('deletes a user with everything they own, and nothing of anyone else', async () => {
    const interviews = new SqlInterviewStore(db);
    for (const user of [buildUser(), buildUser({ id: 'user-2', email: 'ann@example.com' })]) {
      await stores.userStore.createUser(user);
      await stores.sessionStore.createSession({
        idHash: hash(user.id === 'user-1' ? 1 : 2),
        userId: user.id,
        createdAt: AT,
        lastSeenAt: AT,
        expiresAt: '2026-12-10T09:00:00.000Z',
      });
      await stores.favouriteStore.addFavourites(user.id, ['acme'], AT);
      await stores.calendarFeedStore.replaceCalendarFeed({
        userId: user.id,
        tokenHash: hash(user.id === 'user-1' ? 11 : 12),
        createdAt: AT,
      });
      await stores.apiTokenStore.createApiToken({
        id: `token-${user.id}`,
        userId: user.id,
        name: 'n',
        tokenHash: hash(user.id === 'user-1' ? 21 : 22),
        prefix: 'sl_x',
        createdAt: AT,
        lastUsedAt: null,
      });
      await stores.passwordResetStore.createPasswordReset({
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
    await stores.userStore.deleteUser('user-1');
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
    expect(await stores.userStore.findUserById('user-2')).toBeDefined();
    expect((await interviews.findInterview('user-2', 'interview-user-2'))?.states).toHaveLength(1);
  });
});
