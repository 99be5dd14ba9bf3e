/** Password reset links in SQL, found by the hash of the link's token. */
import type { PasswordResetRecord, PasswordResetStore } from '../services/accounts/ports.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

function toPasswordReset(row: Database['password_resets']): PasswordResetRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export class SqlPasswordResetStore extends SqlStore implements PasswordResetStore {
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
    return this.findOne('password_resets', 'token_hash', tokenHash, toPasswordReset);
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
}
