/** Reveals, enquiries and their attachments in SQL (SQLite or PostgreSQL). */
import type { Selectable } from 'kysely';
import type { DocumentKind } from '../domain/enquiry/document-type.js';
import type { Audience, EnquiryStatus, RevealKind } from '../domain/enquiry/enquiry.js';
import type {
  AttachmentRecord,
  EnquiryRecord,
  EnquiryStore,
  FailedAttempt,
  RevealCounts,
  RevealRecord,
} from '../services/ports.js';
import type { AttachmentsTable, EnquiriesTable } from './schema.js';
import { failedAttemptColumns, newMailRow, sentAttemptColumns } from './mail-queue.store.js';
import { SqlStore } from './sql-store.js';

/**
 * Record field → column, one table read both ways so a field added to one direction cannot be
 * missed in the other.
 */
const ENQUIRY_COLUMNS = {
  id: 'id',
  listingSlug: 'listing_slug',
  branchId: 'branch_id',
  audience: 'audience',
  agencyName: 'agency_name',
  recipient: 'recipient',
  senderName: 'sender_name',
  senderEmail: 'sender_email',
  senderPhone: 'sender_phone',
  companyName: 'company_name',
  jobTitle: 'job_title',
  employmentType: 'employment_type',
  message: 'message',
  attachmentId: 'attachment_id',
  consentAt: 'consent_at',
  status: 'status',
  attempts: 'attempts',
  createdAt: 'created_at',
  nextAttemptAt: 'next_attempt_at',
  lastAttemptAt: 'last_attempt_at',
  sentAt: 'sent_at',
  failedAt: 'failed_at',
  lastError: 'last_error',
  messageId: 'message_id',
} as const satisfies Record<keyof EnquiryRecord, keyof EnquiriesTable>;

const ATTACHMENT_COLUMNS = {
  id: 'id',
  storedName: 'stored_name',
  fileName: 'file_name',
  kind: 'kind',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
  createdAt: 'created_at',
  deletedAt: 'deleted_at',
} as const satisfies Record<keyof AttachmentRecord, keyof AttachmentsTable>;

/** `source` with its keys renamed by `names` (old → new), in the order `names` lists them. */
function renamed<T>(source: object, names: Readonly<Record<string, string>>, reverse = false): T {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(names).map(([from, to]) => (reverse ? [from, values[to]] : [to, values[from]])),
  ) as T;
}

/**
 * Both directions of a record ↔ row mapping from one column table; `narrow` types the columns
 * SQL hands back loosely (strings for unions, counts that PostgreSQL returns as strings).
 */
function rowMapping<Rec, Row>(
  columns: Readonly<Record<string, string>>,
  narrow: (row: Selectable<Row>) => Partial<Rec>,
) {
  return {
    toRow: (record: Rec): Row => renamed<Row>(record as object, columns),
    fromRow: (row: Selectable<Row>): Rec => ({
      ...renamed<Rec>(row, columns, true),
      ...narrow(row),
    }),
  };
}

const enquiryRows = rowMapping<EnquiryRecord, EnquiriesTable>(ENQUIRY_COLUMNS, (r) => ({
  audience: r.audience as Audience,
  status: r.status as EnquiryStatus,
  attempts: Number(r.attempts),
}));

const attachmentRows = rowMapping<AttachmentRecord, AttachmentsTable>(ATTACHMENT_COLUMNS, (r) => ({
  kind: r.kind as DocumentKind,
  sizeBytes: Number(r.size_bytes),
}));

// Instants are stored as ISO strings in UTC (toISOString), which sort as text in time order on
// both dialects.
export class SqlEnquiryStore extends SqlStore implements EnquiryStore {
  async recordReveal(reveal: RevealRecord): Promise<void> {
    await this.db
      .insertInto('reveals')
      .values({
        id: reveal.id,
        listing_slug: reveal.listingSlug,
        branch_id: reveal.branchId,
        kind: reveal.kind,
        company_name: reveal.companyName,
        created_at: reveal.createdAt,
      })
      .execute();
  }

  async countReveals(listingSlug: string): Promise<RevealCounts> {
    const rows = await this.db
      .selectFrom('reveals')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('listing_slug', '=', listingSlug)
      .groupBy('kind')
      .execute();
    const counts: RevealCounts = { phone: 0, website: 0 };
    for (const row of rows) {
      const kind = row.kind as RevealKind;
      if (kind === 'phone' || kind === 'website') counts[kind] = Number(row.n);
    }
    return counts;
  }

  async createEnquiry(enquiry: EnquiryRecord, attachment: AttachmentRecord | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (attachment)
        await trx.insertInto('attachments').values(attachmentRows.toRow(attachment)).execute();
      await trx.insertInto('enquiries').values(enquiryRows.toRow(enquiry)).execute();
      // Its email joins the mail queue in the same transaction: stored means queued.
      await trx
        .insertInto('mail_queue')
        .values({
          ...newMailRow({
            id: enquiry.id,
            kind: 'enquiry',
            subjectId: enquiry.id,
            createdAt: enquiry.createdAt,
          }),
          status: enquiry.status,
          attempts: enquiry.attempts,
          next_attempt_at: enquiry.nextAttemptAt,
          last_attempt_at: enquiry.lastAttemptAt,
          sent_at: enquiry.sentAt,
        })
        .execute();
    });
  }

  async findEnquiry(id: string): Promise<EnquiryRecord | undefined> {
    return this.findOne('enquiries', 'id', id, enquiryRows.fromRow);
  }

  async findAttachment(id: string): Promise<AttachmentRecord | undefined> {
    return this.findOne('attachments', 'id', id, attachmentRows.fromRow);
  }

  async recordSent(id: string, at: string, messageId: string): Promise<void> {
    await this.db
      .updateTable('enquiries')
      .set(sentAttemptColumns(at, messageId))
      .where('id', '=', id)
      .execute();
  }

  async recordFailedAttempt(id: string, failure: FailedAttempt): Promise<void> {
    await this.db
      .updateTable('enquiries')
      .set({
        ...failedAttemptColumns(failure, 'failed'),
        failed_at: failure.nextAttemptAt === null ? failure.at : null,
      })
      .where('id', '=', id)
      .execute();
  }

  async listExpiredAttachments(createdBefore: string, limit: number): Promise<AttachmentRecord[]> {
    const rows = await this.db
      .selectFrom('attachments')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('created_at', '<', createdBefore)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(attachmentRows.fromRow);
  }

  async markAttachmentDeleted(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('attachments')
      .set({ deleted_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async eraseSendersBefore(createdBefore: string): Promise<number> {
    const result = await this.db
      .updateTable('enquiries')
      .set({
        sender_name: '',
        sender_email: '',
        sender_phone: null,
        company_name: null,
        job_title: null,
        message: '',
      })
      .where('created_at', '<', createdBefore)
      .where('status', 'in', ['sent', 'failed'])
      .where('sender_email', '<>', '')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
