// Frozen in time: this migration never imports application code.
//
// An interview planned on /follow-up by a visitor who is not signed in waits here, for 30 minutes,
// while they sign in or create an account ("Save this interview to your account"). The row is
// keyed by the SHA-256 of a random key that only the visitor's cookie holds, and is deleted once
// used or expired.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_interview_saves')
    .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pending_interview_saves_expires_idx')
    .on('pending_interview_saves')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_interview_saves').execute();
}
