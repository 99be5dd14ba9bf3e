/**
 * Contacting agencies: reveals of a telephone number or website (recorded for the agency's
 * statistics, never asking who the visitor is), and enquiries by email (Email Agency), which are
 * stored before they are sent and then delivered, retried and never lost.
 */
import { randomUUID } from 'node:crypto';
import type { Listing } from '../domain/directory/directory.js';
import { MAX_DELIVERY_ATTEMPTS } from '../domain/enquiry/delivery-schedule.js';
import {
  normaliseRevealCompanyName,
  validateEnquiry,
  type RawEnquiry,
  type RawFile,
  type RevealKind,
  type EnquiryStatus,
} from '../domain/enquiry/enquiry.js';
import { DomainError } from '../domain/errors.js';
import { findListing, type SearchDeps } from './search.service.js';
import {
  deliverDueMail,
  deliverMail,
  type MailKindHandler,
  type MailQueueDeps,
} from './mail-queue.service.js';
import { composeEnquiryMail } from './mailer.js';
import type {
  AttachmentFiles,
  AttachmentRecord,
  Clock,
  EnquiryRecord,
  EnquiryStore,
  MailAddress,
  MailQueueStore,
  Mailer,
  RevealCounts,
} from './ports.js';

export interface RevealInput {
  listingSlug: string;
  branchId: string | null;
  kind: RevealKind;
  companyName: string | null;
}

/**
 * Records one reveal of a listing's telephone number or website for its statistics, with the
 * optional company name (trimmed, at most 200 characters, empty -> null). Throws `too-long` on
 * field `companyName`.
 */
export async function recordReveal(
  deps: { enquiryStore: EnquiryStore; clock: Clock },
  input: RevealInput,
): Promise<void> {
  const companyName = normaliseRevealCompanyName(input.companyName);
  await deps.enquiryStore.recordReveal({
    id: randomUUID(),
    listingSlug: input.listingSlug,
    branchId: input.branchId,
    kind: input.kind,
    companyName,
    createdAt: deps.clock.now().toISOString(),
  });
}

/** How many times a listing's telephone number and website were revealed. */
export function countReveals(
  deps: { enquiryStore: EnquiryStore },
  listingSlug: string,
): Promise<RevealCounts> {
  return deps.enquiryStore.countReveals(listingSlug);
}

/** The listing of a slug, for contacting it; throws `not-found`. */
export function getListingToContact(deps: SearchDeps, listingSlug: string): Listing {
  const entry = findListing(deps, listingSlug);
  if (!entry) {
    throw DomainError.single('not-found', `There is no agency listing "${listingSlug}"`, null);
  }
  return entry.listing;
}

export type RevealedContact =
  | {
      kind: 'phone';
      branchId: string;
      phone: { candidate: string | null; employer: string | null };
    }
  | { kind: 'website'; website: string };

/**
 * Reveals a listing's telephone numbers (of the branch named, or the first branch with one) or
 * its website, recording the reveal; throws `not-found` when there is none to reveal.
 */
export async function revealContact(
  deps: SearchDeps & { enquiryStore: EnquiryStore; clock: Clock },
  input: {
    listingSlug: string;
    kind: RevealKind;
    branchId: string | null;
    companyName: string | null;
  },
): Promise<RevealedContact> {
  const listing = getListingToContact(deps, input.listingSlug);
  let revealed: RevealedContact;
  if (input.kind === 'website') {
    if (!listing.website) {
      throw DomainError.single('not-found', `${listing.name} has no website listed`, 'kind');
    }
    revealed = { kind: 'website', website: listing.website };
  } else {
    const hasPhone = (b: Listing['branches'][number]) =>
      b.candidatePhone !== null || b.employerPhone !== null;
    const branch =
      input.branchId === null
        ? listing.branches.find(hasPhone)
        : listing.branches.find((b) => b.id === input.branchId);
    if (!branch) {
      throw input.branchId === null
        ? DomainError.single('not-found', `${listing.name} has no telephone number listed`, 'kind')
        : DomainError.single(
            'not-found',
            `${listing.name} has no office "${input.branchId}"`,
            'branchId',
            listing.branches.map((b) => ({ label: b.name, id: b.id })),
          );
    }
    if (!hasPhone(branch)) {
      throw DomainError.single(
        'not-found',
        `${branch.name} (${branch.postcode}) of ${listing.name} has no telephone number listed`,
        'branchId',
      );
    }
    revealed = {
      kind: 'phone',
      branchId: branch.id,
      phone: { candidate: branch.candidatePhone, employer: branch.employerPhone },
    };
  }
  await recordReveal(deps, {
    listingSlug: listing.slug,
    branchId:
      revealed.kind === 'phone'
        ? revealed.branchId
        : (listing.branches.find((b) => b.id === input.branchId)?.id ?? null),
    kind: input.kind,
    companyName: input.companyName,
  });
  return revealed;
}

/** What delivering needs: the store, the files, the mailer and the sender address. */
export interface DeliveryDeps {
  enquiryStore: EnquiryStore;
  /** The queue every email goes through. */
  mailQueue: MailQueueStore;
  /** Tests only (MAIL_RETRY_SECONDS): the waits between attempts, in seconds. */
  retrySeconds?: readonly number[] | null;
  attachmentFiles: AttachmentFiles;
  mailer: Mailer;
  clock: Clock;
  mailFrom: MailAddress;
  logger?: DeliveryLogger;
}

/** Logs ids, statuses and error texts only: never anything a person typed. */
export interface DeliveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SubmitEnquiryInput {
  listing: Listing;
  raw: RawEnquiry;
  file: RawFile | null;
  /**
   * Called once the enquiry is valid, before it is stored: may throw (a rate limit), so that
   * only enquiries that would be sent count.
   */
  admit?: () => Promise<void>;
}

export interface SubmittedEnquiry {
  id: string;
  status: EnquiryStatus;
  agencyName: string;
}

/** "Listing - office": how the recipient is named to the sender and in the email. */
function nameAgency(listing: Listing, branchName: string): string {
  return listing.branches.length > 1 ? `${listing.name} - ${branchName}` : listing.name;
}

/**
 * Validates an enquiry (every problem at once), stores it as `pending` with its attachment, and
 * then makes the first delivery attempt. The enquiry is stored before anything is sent; a failed
 * attempt leaves it `retrying` for deliverDueEnquiries.
 */
export async function submitEnquiry(
  deps: DeliveryDeps,
  input: SubmitEnquiryInput,
): Promise<SubmittedEnquiry> {
  const valid = validateEnquiry(input.listing, input.raw, input.file);
  await input.admit?.();
  const createdAt = deps.clock.now().toISOString();
  const id = randomUUID();
  let attachment: AttachmentRecord | null = null;
  if (valid.file) {
    const storedName = await deps.attachmentFiles.save(valid.file.content);
    attachment = {
      id: randomUUID(),
      storedName,
      fileName: valid.file.fileName,
      kind: valid.file.type.kind,
      contentType: valid.file.type.contentType,
      sizeBytes: valid.file.content.byteLength,
      createdAt,
      deletedAt: null,
    };
  }
  const agencyName = nameAgency(input.listing, valid.branch.name);
  const enquiry: EnquiryRecord = {
    id,
    listingSlug: input.listing.slug,
    branchId: valid.branch.id,
    audience: valid.audience,
    agencyName,
    recipient: valid.recipient,
    senderName: valid.name,
    senderEmail: valid.email,
    senderPhone: valid.phone,
    companyName: valid.company,
    jobTitle: valid.jobTitle,
    employmentType: valid.employmentType,
    message: valid.message,
    attachmentId: attachment?.id ?? null,
    consentAt: valid.consent ? createdAt : null,
    status: 'pending',
    attempts: 0,
    createdAt,
    nextAttemptAt: createdAt,
    lastAttemptAt: null,
    sentAt: null,
    failedAt: null,
    lastError: null,
    messageId: null,
  };
  try {
    await deps.enquiryStore.createEnquiry(enquiry, attachment);
  } catch (error) {
    if (attachment) await deps.attachmentFiles.remove(attachment.storedName).catch(() => {});
    throw error;
  }
  deps.logger?.info({ enquiryId: id, listing: enquiry.listingSlug }, 'enquiry stored');
  const status = await deliverEnquiry(deps, id);
  return { id, status: status ?? 'pending', agencyName };
}

/**
 * How the mail queue sends an enquiry: its email composed from the stored enquiry (with its
 * attachment while the file is kept), and each outcome mirrored into the enquiry's own status.
 */
export function enquiryMailHandler(
  deps: Pick<DeliveryDeps, 'enquiryStore' | 'attachmentFiles' | 'mailFrom' | 'logger'>,
): MailKindHandler {
  return {
    async compose(mail, messageId) {
      const enquiry = await deps.enquiryStore.findEnquiry(mail.subjectId);
      if (!enquiry) return null;
      const attachment = enquiry.attachmentId
        ? await deps.enquiryStore.findAttachment(enquiry.attachmentId)
        : undefined;
      const content =
        attachment && attachment.deletedAt === null
          ? await deps.attachmentFiles.read(attachment.storedName)
          : null;
      return composeEnquiryMail(enquiry, {
        from: deps.mailFrom,
        messageId,
        attachment: attachment && content ? { record: attachment, content } : null,
      });
    },
    async onSent(mail, at, messageId) {
      await deps.enquiryStore.recordSent(mail.subjectId, at, messageId);
    },
    async onFailure(mail, failure) {
      await deps.enquiryStore.recordFailedAttempt(mail.subjectId, failure);
      if (failure.nextAttemptAt === null) {
        deps.logger?.error(
          { enquiryId: mail.subjectId, of: MAX_DELIVERY_ATTEMPTS },
          'enquiry delivery failed; no more attempts',
        );
      }
    },
  };
}

function enquiryQueueDeps(deps: DeliveryDeps): MailQueueDeps {
  return {
    mailQueue: deps.mailQueue,
    mailer: deps.mailer,
    clock: deps.clock,
    mailFrom: deps.mailFrom,
    handlers: { enquiry: enquiryMailHandler(deps) },
    ...(deps.retrySeconds ? { retrySeconds: deps.retrySeconds } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
}

/**
 * Makes one delivery attempt for an enquiry through the mail queue when it is due and no other
 * process holds it; returns the status after it, or null when it was not due or not found.
 */
async function deliverEnquiry(deps: DeliveryDeps, id: string): Promise<EnquiryStatus | null> {
  const status = await deliverMail(enquiryQueueDeps(deps), id);
  return status === 'expired' ? 'failed' : status;
}

/**
 * Delivers every enquiry due now (pending, or retrying with its next attempt due), oldest
 * first, one at a time; returns how many ended sent and how many failed this round. The server
 * runs deliverDueMail, which does this for every kind of email.
 */
export async function deliverDueEnquiries(
  deps: DeliveryDeps,
): Promise<{ sent: number; retrying: number; failed: number }> {
  const round = await deliverDueMail(enquiryQueueDeps(deps));
  return { sent: round.sent, retrying: round.retrying, failed: round.failed + round.expired };
}

export interface EnquiryView {
  id: string;
  listingSlug: string;
  agencyName: string;
  status: EnquiryStatus;
}

/** The enquiry's delivery status for its sender's confirmation page; throws `not-found`. */
export async function getEnquiryStatus(
  deps: { enquiryStore: EnquiryStore },
  id: string,
): Promise<EnquiryView> {
  const enquiry = /^[0-9a-f-]{36}$/.test(id) ? await deps.enquiryStore.findEnquiry(id) : undefined;
  if (!enquiry) throw DomainError.single('not-found', 'There is no such message', null);
  return {
    id: enquiry.id,
    listingSlug: enquiry.listingSlug,
    agencyName: enquiry.agencyName,
    status: enquiry.status,
  };
}

/**
 * Deletes the files of attachments older than `retentionDays` (default 90) at `now`, keeping
 * their records (marked deleted); returns how many were deleted.
 */
export async function purgeExpiredAttachments(
  deps: {
    enquiryStore: EnquiryStore;
    attachmentFiles: AttachmentFiles;
    retentionDays: number;
    logger?: DeliveryLogger;
  },
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (;;) {
    const expired = await deps.enquiryStore.listExpiredAttachments(cutoff, 100);
    for (const attachment of expired) {
      await deps.attachmentFiles.remove(attachment.storedName);
      await deps.enquiryStore.markAttachmentDeleted(attachment.id, now.toISOString());
      deleted += 1;
    }
    if (expired.length < 100) break;
  }
  if (deleted > 0) deps.logger?.info({ deleted }, 'expired attachments deleted');
  return deleted;
}

/**
 * Erases what identifies the sender of every enquiry older than `retentionDays`
 * (ENQUIRY_RETENTION_DAYS, default 400) whose delivery has ended; returns how many were erased.
 */
export async function eraseExpiredEnquirySenders(
  deps: { enquiryStore: EnquiryStore; retentionDays: number; logger?: DeliveryLogger },
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString();
  const erased = await deps.enquiryStore.eraseSendersBefore(cutoff);
  if (erased > 0) deps.logger?.info({ erased }, 'senders of expired enquiries erased');
  return erased;
}
