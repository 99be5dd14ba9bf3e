/**
 * Accounts in SQL: the users (whose password change and deletion reach every table of theirs),
 * and the one place the stores of every account concern are built together. Tokens are stored
 * as hashes only.
 */
import type { Transaction } from 'kysely';
import type { AccountStores, UserRecord, UserStore } from '../services/accounts/ports.js';
import { SqlApiTokenStore } from './api-tokens.store.js';
import { SqlCalendarFeedStore } from './calendar-feeds.store.js';
import type { Db } from './db.js';
import { SqlFavouriteStore } from './favourites.store.js';
import { SqlPasswordResetStore } from './password-resets.store.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';
import { SqlSessionStore } from './sessions.store.js';

/** True for a unique-constraint violation on either dialect. */
function isUniqueViolation(error: unknown): boolean {
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

export class SqlUserStore extends SqlStore implements UserStore {
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
    return this.findOne('users', 'id', id, toUser);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return this.findOne('users', 'email', email, toUser);
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
}

/** The SQL stores of every account concern, over one database. */
export function sqlAccountStores(db: Db): AccountStores {
  return {
    userStore: new SqlUserStore(db),
    sessionStore: new SqlSessionStore(db),
    apiTokenStore: new SqlApiTokenStore(db),
    passwordResetStore: new SqlPasswordResetStore(db),
    calendarFeedStore: new SqlCalendarFeedStore(db),
    favouriteStore: new SqlFavouriteStore(db),
  };
}
