/** Interfaces the adapters (src/store, mailers, clocks) implement for the services. */
import type { Directory, DirectoryStats } from '../domain/directory/directory.js';
import type { DocumentKind } from '../domain/enquiry/document-type.js';
import type { Audience, EnquiryStatus, RevealKind } from '../domain/enquiry/enquiry.js';

export interface DirectoryState {
  /** Bumped by every change; a process that sees a new version reloads its index. */
  version: number;
  /** True while the directory is the generated demo directory. */
  demo: boolean;
  changedAt: string;
}

/** Called as work advances: `done` of `total` units. */
export type ProgressListener = (done: number, total: number) => void;

export interface MergeResult {
  brands: number;
  listings: number;
  branches: number;
}

export interface DirectoryStore {
  /** Replaces the whole directory in one transaction, reporting rows written so far. */
  replaceDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
    onProgress?: ProgressListener,
  ): Promise<void>;
  /** Upserts brands by slug, listings by slug and branches by id, in one transaction. */
  mergeDirectory(
    directory: Directory,
    meta: { demo: boolean; changedAt: string },
  ): Promise<MergeResult>;
  loadDirectory(): Promise<Directory>;
  getStats(): Promise<DirectoryStats>;
  getState(): Promise<DirectoryState>;
}

export interface Clock {
  now(): Date;
}

/** A reveal of an agency's telephone number or website (Phone Number, Visit Website). */
export interface RevealRecord {
  id: string;
  listingSlug: string;
  branchId: string | null;
  kind: RevealKind;
  companyName: string | null;
  createdAt: string;
}

export interface RevealCounts {
  phone: number;
  website: number;
}

/** A file sent with an enquiry; the file itself lives in AttachmentFiles under `storedName`. */
export interface AttachmentRecord {
  id: string;
  storedName: string;
  fileName: string;
  kind: DocumentKind;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  /** When the file was deleted at the end of the retention period; the record stays. */
  deletedAt: string | null;
}

/** An email to an agency (Email Agency), stored before it is sent, with its delivery history. */
export interface EnquiryRecord {
  id: string;
  listingSlug: string;
  branchId: string;
  audience: Audience;
  /** "Listing - office" when it was written. */
  agencyName: string;
  recipient: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string | null;
  companyName: string | null;
  jobTitle: string | null;
  employmentType: string | null;
  message: string;
  attachmentId: string | null;
  /** When the candidate agreed to share the attached CV with this agency only. */
  consentAt: string | null;
  status: EnquiryStatus;
  attempts: number;
  createdAt: string;
  /** When the next delivery attempt is due (or the current attempt's lease ends); null when done. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  lastError: string | null;
  messageId: string | null;
}

export interface EnquiryStore {
  recordReveal(reveal: RevealRecord): Promise<void>;
  countReveals(listingSlug: string): Promise<RevealCounts>;
  /** Stores an enquiry with its attachment's record, in one transaction. */
  createEnquiry(enquiry: EnquiryRecord, attachment: AttachmentRecord | null): Promise<void>;
  findEnquiry(id: string): Promise<EnquiryRecord | undefined>;
  findAttachment(id: string): Promise<AttachmentRecord | undefined>;
  /**
   * Takes a due enquiry (pending or retrying, next attempt at or before `now`) for one delivery
   * attempt, pushing its next attempt to `leaseUntil` so no other process takes it meanwhile.
   * True when this caller got it.
   */
  claimEnquiry(id: string, now: string, leaseUntil: string): Promise<boolean>;
  /** Counts an attempt that delivered the email. */
  recordSent(id: string, at: string, messageId: string): Promise<void>;
  /** Counts an attempt that failed; `nextAttemptAt` null means no more attempts (`failed`). */
  recordFailedAttempt(
    id: string,
    failure: { at: string; error: string; nextAttemptAt: string | null },
  ): Promise<void>;
  /** Ids of enquiries due for a delivery attempt at `now`, oldest first. */
  listDueEnquiryIds(now: string, limit: number): Promise<string[]>;
  /** Attachments created before `createdBefore` whose file is not deleted yet. */
  listExpiredAttachments(createdBefore: string, limit: number): Promise<AttachmentRecord[]>;
  markAttachmentDeleted(id: string, at: string): Promise<void>;
}

/** The files sent with enquiries (uploads): stored under random names. */
export interface AttachmentFiles {
  /** Stores the content under a new random name and returns that name. */
  save(content: Uint8Array): Promise<string>;
  read(storedName: string): Promise<Buffer>;
  /** Deletes the file; a file already gone is not an error. */
  remove(storedName: string): Promise<void>;
}

export interface MailAddress {
  name?: string;
  address: string;
}

/** An email ready to deliver: every header value is already one clean line. */
export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  replyTo: MailAddress;
  subject: string;
  text: string;
  /** `<...@...>`, the same on every attempt so the recipient can spot a duplicate. */
  messageId: string;
  date: Date;
  attachments: { fileName: string; contentType: string; content: Buffer }[];
}

/** Delivers email: SMTP, or .eml files in an outbox folder. Throws when delivery failed. */
export interface Mailer {
  /** A short description for logs, without credentials. */
  readonly describe: string;
  send(mail: OutgoingMail): Promise<void>;
}
