/** Personal API tokens in SQL, found by the hash of the token. */
import type { ApiTokenRecord, ApiTokenStore } from '../services/accounts/ports.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

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

export class SqlApiTokenStore extends SqlStore implements ApiTokenStore {
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
    return this.findOne('api_tokens', 'token_hash', tokenHash, toApiToken);
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
}
