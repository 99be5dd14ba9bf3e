/** Interfaces the adapters (src/store, mailers, clocks) implement for the services. */
import type { Directory, DirectoryStats } from '../domain/directory/directory.js';
import type { DocumentKind } from '../domain/enquiry/document-type.js';
import type { Audience, EnquiryStatus, RevealKind } from '../domain/enquiry/enquiry.js';
import type {
  InterviewOutcome,
  InterviewReply,
  StepState,
} from '../domain/followup/interview-progress.js';
import type { FollowUpInput } from '../domain/followup/types.js';

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
  /**
   * Calls `onChange` as soon as another process commits a directory change, where the database
   * can tell (PostgreSQL LISTEN/NOTIFY); resolves with a function that stops listening, or null
   * where it cannot (SQLite: the snapshot's poll notices). Best effort: the poll stays on.
   */
  watchChanges?(onChange: () => void): Promise<(() => Promise<void>) | null>;
}

export interface Clock {
  now(): Date;
}

/** The real time: the one default clock of the server, the CLI and the app. */
export const SYSTEM_CLOCK: Clock = Object.freeze({ now: () => new Date() });

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

/** A delivery attempt that failed; `nextAttemptAt` null when no more attempts are to be made. */
export interface FailedAttempt {
  at: string;
  error: string;
  nextAttemptAt: string | null;
}

export interface EnquiryStore {
  recordReveal(reveal: RevealRecord): Promise<void>;
  countReveals(listingSlug: string): Promise<RevealCounts>;
  /** Stores an enquiry with its attachment's record, in one transaction. */
  createEnquiry(enquiry: EnquiryRecord, attachment: AttachmentRecord | null): Promise<void>;
  findEnquiry(id: string): Promise<EnquiryRecord | undefined>;
  findAttachment(id: string): Promise<AttachmentRecord | undefined>;
  /** Mirrors a delivery the mail queue made (the queue claims and schedules attempts). */
  recordSent(id: string, at: string, messageId: string): Promise<void>;
  /** Counts an attempt that failed; `nextAttemptAt` null means no more attempts (`failed`). */
  recordFailedAttempt(id: string, failure: FailedAttempt): Promise<void>;
  /** Attachments created before `createdBefore` whose file is not deleted yet. */
  listExpiredAttachments(createdBefore: string, limit: number): Promise<AttachmentRecord[]>;
  markAttachmentDeleted(id: string, at: string): Promise<void>;
  /**
   * Erases the sender's personal fields (name, email, phone, company, job title, message) of
   * enquiries created before `createdBefore` whose delivery has ended (sent or failed); the
   * dates, the agency and the outcome stay. Returns how many were erased.
   */
  eraseSendersBefore(createdBefore: string): Promise<number>;
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

export interface RateLimitStore {
  /**
   * Counts one attempt under `key` in a fixed window: a window that ended at or before `now`
   * starts again, ending at `windowEndsAt`. Returns the attempts counted in the current window
   * (this one included) and when it ends. Safe under concurrency across processes.
   */
  hit(key: string, now: string, windowEndsAt: string): Promise<{ count: number; resetAt: string }>;
  /** Forgets windows that ended at or before `now`. */
  deleteExpired(now: string): Promise<number>;
}

/** A saved interview: the planner's input (with `now` = when it was planned) and its outcome. */
export interface InterviewRecord {
  id: string;
  userId: string;
  input: FollowUpInput;
  agency: string | null;
  outcome: InterviewOutcome;
  outcomeAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InterviewWithProgress {
  interview: InterviewRecord;
  states: StepState[];
  replies: (InterviewReply & { recordedAt: string })[];
}

export interface InterviewStore {
  createInterview(interview: InterviewRecord): Promise<void>;
  /** The user's interviews, soonest first, with step states and replies. */
  listInterviews(userId: string): Promise<InterviewWithProgress[]>;
  /** The interview only when it belongs to the user. */
  findInterview(userId: string, id: string): Promise<InterviewWithProgress | undefined>;
  /**
   * Saves the interview's fields; when `keepStepIds` is given, forgets the states of steps not in
   * it (the plan changed). False when the user has no such interview.
   */
  updateInterview(interview: InterviewRecord, keepStepIds?: readonly string[]): Promise<boolean>;
  deleteInterview(userId: string, id: string): Promise<boolean>;
  /** Upserts a step's state; false when the user has no such interview. */
  saveStepState(
    userId: string,
    interviewId: string,
    state: StepState,
    updatedAt: string,
  ): Promise<boolean>;
  addReply(
    userId: string,
    interviewId: string,
    reply: InterviewReply & { recordedAt: string },
  ): Promise<boolean>;
  /** Keeps a signed-out visitor's interview form under the hash of its key (expired ones go). */
  keepPendingSave(keyHash: string, fields: string, expiresAt: string, now: string): Promise<void>;
  /** The kept form, once: the row is deleted whether or not it has expired. */
  takePendingSave(keyHash: string, now: string): Promise<string | undefined>;
}

/** What a queued email is: an enquiry to an agency, or a password-reset link to an account. */
export type MailKind = 'enquiry' | 'password-reset';

/**
 * A queued email's state: `pending` (never tried), `retrying`, `sent` (the server answered 250),
 * `failed` (an enquiry after its last attempt) or `expired` (a reset link after its last attempt,
 * or whose account is gone).
 */
export type MailStatus = 'pending' | 'retrying' | 'sent' | 'failed' | 'expired';

export interface QueuedMail {
  id: string;
  kind: MailKind;
  /** The enquiry's id, or the account's id for a reset (the token is made when it is sent). */
  subjectId: string;
  status: MailStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  givenUpAt: string | null;
  lastError: string | null;
  messageId: string | null;
}

export interface NewMail {
  id: string;
  kind: MailKind;
  subjectId: string;
  createdAt: string;
}

/** The durable queue of every outgoing email. */
export interface MailQueueStore {
  /** Adds an email, due at `createdAt`. */
  enqueueMail(mail: NewMail): Promise<void>;
  findMail(id: string): Promise<QueuedMail | undefined>;
  /**
   * Takes an email that is due (pending or retrying, next attempt at or before `now`) for one
   * attempt, until `leaseUntil`; true for exactly one of several processes racing for it.
   */
  claimMail(id: string, now: string, leaseUntil: string): Promise<boolean>;
  recordMailSent(id: string, at: string, messageId: string): Promise<void>;
  /** A failed attempt: retried at `nextAttemptAt`, or given up as `giveUpStatus` when null. */
  recordMailFailure(
    id: string,
    failure: FailedAttempt & { giveUpStatus: 'failed' | 'expired' },
  ): Promise<void>;
  /** Gives an email up without an attempt (its subject is gone). */
  expireMail(id: string, at: string, reason: string): Promise<void>;
  /** Ids of emails due at `now` among `kinds`, the longest-waiting first. */
  listDueMailIds(now: string, limit: number, kinds: readonly MailKind[]): Promise<string[]>;
}
