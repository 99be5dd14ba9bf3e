// Frozen in time: this migration never imports application code.
//
// One durable queue for every outgoing email (enquiries, password-reset links, anything later).
// A row names what to send (`kind` and the id of its subject: the enquiry, or the account for a
// reset; a reset's token is made only when its email is sent) and carries the delivery state.
// `next_attempt_at` is when the next attempt is due, or the end of the lease while an attempt
// runs. Enquiries that were still to be delivered move into the queue with their state.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(40)')
    .addColumn('last_attempt_at', 'varchar(40)')
    .addColumn('sent_at', 'varchar(40)')
    .addColumn('given_up_at', 'varchar(40)')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('message_id', 'varchar(300)')
    .execute();
  await db.schema
    .createIndex('mail_queue_due_idx')
    .on('mail_queue')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await sql`
    insert into mail_queue (id, kind, subject_id, status, attempts, created_at, next_attempt_at,
      last_attempt_at, last_error)
    select id, 'enquiry', id, status, attempts, created_at, next_attempt_at, last_attempt_at,
      last_error
    from enquiries where status in ('pending', 'retrying')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_queue').execute();
}
