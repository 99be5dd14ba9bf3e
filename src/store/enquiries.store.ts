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

function toEnquiryRow(e: EnquiryRecord): EnquiriesTable {
  return {
    id: e.id,
    listing_slug: e.listingSlug,
    branch_id: e.branchId,
    audience: e.audience,
    agency_name: e.agencyName,
    recipient: e.recipient,
    sender_name: e.senderName,
    sender_email: e.senderEmail,
    sender_phone: e.senderPhone,
    company_name: e.companyName,
    job_title: e.jobTitle,
    employment_type: e.employmentType,
    message: e.message,
    attachment_id: e.attachmentId,
    consent_at: e.consentAt,
    status: e.status,
    attempts: e.attempts,
    created_at: e.createdAt,
    next_attempt_at: e.nextAttemptAt,
    last_attempt_at: e.lastAttemptAt,
    sent_at: e.sentAt,
    failed_at: e.failedAt,
    last_error: e.lastError,
    message_id: e.messageId,
  };
}

function fromEnquiryRow(r: Selectable<EnquiriesTable>): EnquiryRecord {
  return {
    id: r.id,
    listingSlug: r.listing_slug,
    branchId: r.branch_id,
    audience: r.audience as Audience,
    agencyName: r.agency_name,
    recipient: r.recipient,
    senderName: r.sender_name,
    senderEmail: r.sender_email,
    senderPhone: r.sender_phone,
    companyName: r.company_name,
    jobTitle: r.job_title,
    employmentType: r.employment_type,
    message: r.message,
    attachmentId: r.attachment_id,
    consentAt: r.consent_at,
    status: r.status as EnquiryStatus,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    sentAt: r.sent_at,
    failedAt: r.failed_at,
    lastError: r.last_error,
    messageId: r.message_id,
  };
}

function toAttachmentRow(a: AttachmentRecord): AttachmentsTable {
  return {
    id: a.id,
    stored_name: a.storedName,
    file_name: a.fileName,
    kind: a.kind,
    content_type: a.contentType,
    size_bytes: a.sizeBytes,
    created_at: a.createdAt,
    deleted_at: a.deletedAt,
  };
}

function fromAttachmentRow(r: Selectable<AttachmentsTable>): AttachmentRecord {
  return {
    id: r.id,
    storedName: r.stored_name,
    fileName: r.file_name,
    kind: r.kind as DocumentKind,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

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
        await trx.insertInto('attachments').values(toAttachmentRow(attachment)).execute();
      await trx.insertInto('enquiries').values(toEnquiryRow(enquiry)).execute();
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
    return this.findOne('enquiries', 'id', id, fromEnquiryRow);
  }

  async findAttachment(id: string): Promise<AttachmentRecord | undefined> {
    return this.findOne('attachments', 'id', id, fromAttachmentRow);
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
    return rows.map(fromAttachmentRow);
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
