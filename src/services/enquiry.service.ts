/**
 * Contacting agencies: reveals of a telephone number or website (recorded for the agency's
 * statistics, never asking who the visitor is), and enquiries by email (Email Agency), which are
 * stored before they are sent and then delivered, retried and never lost.
 */
import { randomUUID } from 'node:crypto';
import type { Listing } from '../domain/directory/directory.js';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from '../domain/enquiry/delivery-schedule.js';
import {
  normaliseRevealCompanyName,
  validateEnquiry,
  type RawEnquiry,
  type RawFile,
  type RevealKind,
  type EnquiryStatus,
} from '../domain/enquiry/enquiry.js';
import { DomainError } from '../domain/errors.js';
import type { SearchDeps } from './search.service.js';
import { composeEnquiryMail, enquiryMessageId } from './mailer.js';
import type {
  AttachmentFiles,
  AttachmentRecord,
  Clock,
  EnquiryRecord,
  EnquiryStore,
  MailAddress,
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
  const entry = deps.snapshot.get().derived.listings.get(listingSlug);
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

// Longer than any one SMTP attempt can take (the adapter's timeouts add up to under a minute).
const CLAIM_LEASE_MS = 5 * 60_000;
const DUE_BATCH = 20;

/** "Listing - office": how the recipient is named to the sender and in the email. */
export function nameAgency(listing: Listing, branchName: string): string {
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

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'Unknown delivery error';
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const prefix = [
    typeof code === 'string' ? code : '',
    typeof responseCode === 'number' ? String(responseCode) : '',
  ]
    .filter((p) => p !== '')
    .join(' ');
  return `${prefix ? `${prefix}: ` : ''}${error.message}`.replace(/\s+/g, ' ').trim();
}

/**
 * Makes one delivery attempt for an enquiry when it is due and no other process holds it;
 * records the outcome (sent, or a failed attempt with the next one scheduled by the back-off)
 * and returns the status after it, or null when the enquiry was not due or not found.
 */
export async function deliverEnquiry(
  deps: DeliveryDeps,
  id: string,
): Promise<EnquiryStatus | null> {
  const started = deps.clock.now();
  const leaseUntil = new Date(started.getTime() + CLAIM_LEASE_MS).toISOString();
  if (!(await deps.enquiryStore.claimEnquiry(id, started.toISOString(), leaseUntil))) return null;
  const enquiry = await deps.enquiryStore.findEnquiry(id);
  if (!enquiry) return null;
  const messageId = enquiryMessageId(enquiry.id, deps.mailFrom);
  try {
    const attachment = enquiry.attachmentId
      ? await deps.enquiryStore.findAttachment(enquiry.attachmentId)
      : undefined;
    const content =
      attachment && attachment.deletedAt === null
        ? await deps.attachmentFiles.read(attachment.storedName)
        : null;
    const mail = composeEnquiryMail(enquiry, {
      from: deps.mailFrom,
      messageId,
      attachment: attachment && content ? { record: attachment, content } : null,
    });
    await deps.mailer.send(mail);
  } catch (error) {
    const at = deps.clock.now();
    const attempts = enquiry.attempts + 1;
    const next = nextAttemptAt(attempts, at);
    const message = describeError(error);
    await deps.enquiryStore.recordFailedAttempt(id, {
      at: at.toISOString(),
      error: message,
      nextAttemptAt: next?.toISOString() ?? null,
    });
    const status: EnquiryStatus = next ? 'retrying' : 'failed';
    const log = { enquiryId: id, attempts, of: MAX_DELIVERY_ATTEMPTS, status, error: message };
    if (next) deps.logger?.warn(log, 'enquiry delivery failed; will retry');
    else deps.logger?.error(log, 'enquiry delivery failed; no more attempts');
    return status;
  }
  await deps.enquiryStore.recordSent(id, deps.clock.now().toISOString(), messageId);
  deps.logger?.info({ enquiryId: id, attempts: enquiry.attempts + 1 }, 'enquiry sent');
  return 'sent';
}

/**
 * Delivers every enquiry due now (pending, or retrying with its next attempt due), oldest
 * first, one at a time; returns how many ended sent and how many failed this round.
 */
export async function deliverDueEnquiries(
  deps: DeliveryDeps,
): Promise<{ sent: number; retrying: number; failed: number }> {
  const outcome = { sent: 0, retrying: 0, failed: 0 };
  const ids = await deps.enquiryStore.listDueEnquiryIds(deps.clock.now().toISOString(), DUE_BATCH);
  for (const id of ids) {
    const status = await deliverEnquiry(deps, id);
    if (status === 'sent' || status === 'retrying' || status === 'failed') outcome[status] += 1;
  }
  return outcome;
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
