// Frozen in time: this migration never imports application code.
//
// Accounts and what they own: sessions, API tokens, password reset links and the calendar feed
// (each stored as the SHA-256 hash of the token only), favourites, saved interviews with their
// step states and replies; and the shared rate-limit counters. Everything a user owns references
// users with ON DELETE CASCADE; the service also deletes explicitly, in one transaction.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('password_changed_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('prefix', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_resets_user_idx')
    .on('password_resets')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  // Listing slugs are not foreign keys: a directory import replaces every listing.
  await db.schema
    .createTable('favourites')
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('listing_slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('favourites_pk', ['user_id', 'listing_slug'])
    .execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    // The planner's validated input as JSON, `now` being when it was planned.
    .addColumn('input_json', 'text', (c) => c.notNull())
    // The interview's start as a UTC instant, for ordering.
    .addColumn('starts_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('agency', 'varchar(100)')
    .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
    .addColumn('outcome_at', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interviews_user_idx')
    .on('interviews')
    .columns(['user_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('interview_steps')
    .addColumn('interview_id', 'varchar(36)', (c) =>
      c.notNull().references('interviews.id').onDelete('cascade'),
    )
    .addColumn('step_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_at', 'varchar(40)')
    .addColumn('draft_subject', 'varchar(1000)')
    .addColumn('draft_body', 'text')
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('interview_steps_pk', ['interview_id', 'step_id'])
    .execute();

  await db.schema
    .createTable('interview_replies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('interview_id', 'varchar(36)', (c) =>
      c.notNull().references('interviews.id').onDelete('cascade'),
    )
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('from_name', 'varchar(200)')
    .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_replies_interview_idx')
    .on('interview_replies')
    .column('interview_id')
    .execute();

  // Attempts per key (`signin:ip:...`, `signin:email:<sha-256>`) in a fixed window, shared by
  // every app instance through the database.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_reset_idx')
    .on('rate_limits')
    .column('reset_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rate_limits',
    'interview_replies',
    'interview_steps',
    'interviews',
    'favourites',
    'calendar_feeds',
    'password_resets',
    'api_tokens',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
