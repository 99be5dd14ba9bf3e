/**
 * Accounts in SQL: users, sessions, API tokens, reset links, calendar feeds and favourites; and
 * the rate-limit counters every app instance shares. Tokens are stored as hashes only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  AccountStore,
  ApiTokenRecord,
  CalendarFeedRecord,
  FavouriteRecord,
  PasswordResetRecord,
  RateLimitStore,
  SessionRecord,
  UserRecord,
} from '../services/ports.js';
import type { Db } from './db.js';
import type { Database } from './schema.js';

/** True for a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

function toUser(row: Database['users']): UserRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
  };
}

function toSession(row: Database['sessions']): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

function toApiToken(row: Database['api_tokens']): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    tokenHash: row.token_hash,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

function toFeed(row: Database['calendar_feeds']): CalendarFeedRecord {
  return { userId: row.user_id, tokenHash: row.token_hash, createdAt: row.created_at };
}

/** Deletes everything a user owns and the user, inside the caller's transaction. */
async function deleteUserRows(trx: Transaction<Database>, userId: string): Promise<void> {
  const interviewIds = trx.selectFrom('interviews').select('id').where('user_id', '=', userId);
  await trx.deleteFrom('interview_steps').where('interview_id', 'in', interviewIds).execute();
  await trx.deleteFrom('interview_replies').where('interview_id', 'in', interviewIds).execute();
  await trx.deleteFrom('interviews').where('user_id', '=', userId).execute();
  for (const table of [
    'favourites',
    'calendar_feeds',
    'password_resets',
    'api_tokens',
    'sessions',
  ] as const) {
    await trx.deleteFrom(table).where('user_id', '=', userId).execute();
  }
  await trx.deleteFrom('users').where('id', '=', userId).execute();
}

export class SqlAccountStore implements AccountStore {
  private readonly db: Kysely<Database>;

  constructor(handle: Db) {
    this.db = handle.kysely;
  }

  async createUser(user: UserRecord): Promise<'created' | 'email-taken'> {
    try {
      await this.db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          password_changed_at: user.passwordChangedAt,
        })
        .execute();
      return 'created';
    } catch (error) {
      if (isUniqueViolation(error)) return 'email-taken';
      throw error;
    }
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
  }

  async replacePassword(
    userId: string,
    passwordHash: string,
    changedAt: string,
    keepSessionIdHash: string | null,
    options: { revokeCredentials?: boolean } = {},
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: changedAt })
        .where('id', '=', userId)
        .execute();
      let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSessionIdHash !== null) sessions = sessions.where('id_hash', '!=', keepSessionIdHash);
      await sessions.execute();
      await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
      if (options.revokeCredentials) {
        await trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
        await trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
      }
    });
  }

  async updateEmail(userId: string, email: string): Promise<'updated' | 'email-taken'> {
    try {
      await this.db.updateTable('users').set({ email }).where('id', '=', userId).execute();
      return 'updated';
    } catch (error) {
      if (isUniqueViolation(error)) return 'email-taken';
      throw error;
    }
  }

  async deleteUser(userId: string): Promise<void> {
    await this.db.transaction().execute((trx) => deleteUserRows(trx, userId));
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? toSession(row) : undefined;
  }

  async touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async listSessions(userId: string): Promise<SessionRecord[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toSession);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        user_id: token.userId,
        name: token.name,
        token_hash: token.tokenHash,
        prefix: token.prefix,
        created_at: token.createdAt,
        last_used_at: token.lastUsedAt,
      })
      .execute();
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toApiToken);
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toApiToken(row) : undefined;
  }

  async touchApiToken(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .execute();
  }

  async deleteApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('api_tokens')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createPasswordReset(reset: PasswordResetRecord): Promise<void> {
    await this.db
      .insertInto('password_resets')
      .values({
        token_hash: reset.tokenHash,
        user_id: reset.userId,
        created_at: reset.createdAt,
        expires_at: reset.expiresAt,
      })
      .execute();
  }

  async findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | undefined> {
    const row = await this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          tokenHash: row.token_hash,
          userId: row.user_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async takePasswordReset(tokenHash: string, now: string): Promise<string | undefined> {
    return this.db.transaction().execute(async (trx) => {
      // Deleting is what claims the link: of two concurrent uses, only one deletes the row.
      const taken = await trx
        .deleteFrom('password_resets')
        .where('token_hash', '=', tokenHash)
        .returning(['user_id', 'expires_at'])
        .executeTakeFirst();
      if (!taken) return undefined;
      if (taken.expires_at <= now) return undefined;
      await trx.deleteFrom('password_resets').where('user_id', '=', taken.user_id).execute();
      return taken.user_id;
    });
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

export class SqlRateLimitStore implements RateLimitStore {
  private readonly db: Kysely<Database>;

  constructor(handle: Db) {
    this.db = handle.kysely;
  }

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
