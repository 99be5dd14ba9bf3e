// Frozen in time: this migration never imports application code.
//
// Reveals (Phone Number / Visit Website), enquiries (Email Agency) and their attachments. None of
// them references the directory tables: a directory import replaces every listing, and the
// statistics and the enquiries (with their delivery history) must outlive that.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reveals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('listing_slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(100)')
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('company_name', 'varchar(200)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reveals_listing_idx')
    .on('reveals')
    .columns(['listing_slug', 'kind'])
    .execute();

  // A file sent with an enquiry. The row outlives the file: once the retention period is over
  // the file is deleted and `deleted_at` set, and the record of what was shared stays.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('stored_name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('deleted_at', 'varchar(40)')
    .execute();
  await db.schema
    .createIndex('attachments_created_idx')
    .on('attachments')
    .columns(['deleted_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('enquiries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('listing_slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('audience', 'varchar(10)', (c) => c.notNull())
    // What the email was addressed to when it was written: retries send the same email.
    .addColumn('agency_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(254)', (c) => c.notNull())
    .addColumn('sender_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sender_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('sender_phone', 'varchar(30)')
    .addColumn('company_name', 'varchar(200)')
    .addColumn('job_title', 'varchar(200)')
    .addColumn('employment_type', 'varchar(20)')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'varchar(36)', (c) => c.references('attachments.id'))
    .addColumn('consent_at', 'varchar(40)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(40)')
    .addColumn('last_attempt_at', 'varchar(40)')
    .addColumn('sent_at', 'varchar(40)')
    .addColumn('failed_at', 'varchar(40)')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('message_id', 'varchar(250)')
    .execute();
  await db.schema
    .createIndex('enquiries_due_idx')
    .on('enquiries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('enquiries_listing_idx')
    .on('enquiries')
    .columns(['listing_slug', 'created_at'])
    .execute();
  await db.schema
    .createIndex('enquiries_attachment_idx')
    .on('enquiries')
    .column('attachment_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['enquiries', 'attachments', 'reveals']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
