/** The mail queue in SQL (SQLite or PostgreSQL). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  FailedAttempt,
  MailKind,
  MailQueueStore,
  MailStatus,
  NewMail,
  QueuedMail,
} from '../services/ports.js';
import type { MailQueueTable } from './schema.js';
import { SqlStore } from './sql-store.js';

const DUE_STATUSES: MailStatus[] = ['pending', 'retrying'];
const ERROR_LENGTH = 500;

/** A queue row for a new email: pending, due at once. */
export function newMailRow(mail: NewMail): Insertable<MailQueueTable> {
  return {
    id: mail.id,
    kind: mail.kind,
    subject_id: mail.subjectId,
    status: 'pending',
    created_at: mail.createdAt,
    next_attempt_at: mail.createdAt,
    last_attempt_at: null,
    sent_at: null,
    given_up_at: null,
    last_error: null,
    message_id: null,
  };
}

/**
 * What a sent attempt sets. The enquiries table keeps the same attempt columns as the queue (it
 * mirrors each delivery), so both are set from here.
 */
export function sentAttemptColumns(at: string, messageId: string) {
  return {
    status: 'sent',
    attempts: sql<number>`attempts + 1`,
    last_attempt_at: at,
    sent_at: at,
    next_attempt_at: null,
    message_id: messageId,
  };
}

/** What a failed attempt sets, but for the instant of giving up: its column differs by table. */
export function failedAttemptColumns(failure: FailedAttempt, giveUpStatus: MailStatus) {
  return {
    status: failure.nextAttemptAt === null ? giveUpStatus : 'retrying',
    attempts: sql<number>`attempts + 1`,
    last_attempt_at: failure.at,
    last_error: failure.error.slice(0, ERROR_LENGTH),
    next_attempt_at: failure.nextAttemptAt,
  };
}

function fromRow(r: Selectable<MailQueueTable>): QueuedMail {
  return {
    id: r.id,
    kind: r.kind as MailKind,
    subjectId: r.subject_id,
    status: r.status as MailStatus,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    sentAt: r.sent_at,
    givenUpAt: r.given_up_at,
    lastError: r.last_error,
    messageId: r.message_id,
  };
}

// Instants are ISO strings in UTC, which sort as text in time order on both dialects.
export class SqlMailQueueStore extends SqlStore implements MailQueueStore {
  async enqueueMail(mail: NewMail): Promise<void> {
    await this.db.insertInto('mail_queue').values(newMailRow(mail)).execute();
  }

  async findMail(id: string): Promise<QueuedMail | undefined> {
    return this.findOne('mail_queue', 'id', id, fromRow);
  }

  async claimMail(id: string, now: string, leaseUntil: string): Promise<boolean> {
    // One conditional UPDATE: of several processes racing for the same email, one wins.
    const result = await this.db
      .updateTable('mail_queue')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', id)
      .where('status', 'in', DUE_STATUSES)
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordMailSent(id: string, at: string, messageId: string): Promise<void> {
    await this.db
      .updateTable('mail_queue')
      .set(sentAttemptColumns(at, messageId))
      .where('id', '=', id)
      .execute();
  }

  async recordMailFailure(
    id: string,
    failure: FailedAttempt & { giveUpStatus: 'failed' | 'expired' },
  ): Promise<void> {
    await this.db
      .updateTable('mail_queue')
      .set({
        ...failedAttemptColumns(failure, failure.giveUpStatus),
        given_up_at: failure.nextAttemptAt === null ? failure.at : null,
      })
      .where('id', '=', id)
      .execute();
  }

  async expireMail(id: string, at: string, reason: string): Promise<void> {
    await this.db
      .updateTable('mail_queue')
      .set({
        status: 'expired',
        next_attempt_at: null,
        given_up_at: at,
        last_error: reason.slice(0, ERROR_LENGTH),
      })
      .where('id', '=', id)
      .execute();
  }

  async listDueMailIds(now: string, limit: number, kinds: readonly MailKind[]): Promise<string[]> {
    if (kinds.length === 0) return [];
    const rows = await this.db
      .selectFrom('mail_queue')
      .select('id')
      .where('status', 'in', DUE_STATUSES)
      .where('next_attempt_at', '<=', now)
      .where('kind', 'in', [...kinds])
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
