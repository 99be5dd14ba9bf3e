/**
 * What the app is built from (AppDeps, wired by composeApp in src/compose.ts) and what its API and
 * pages share, built once per app: the account services' deps with their background mail, and
 * the enquiry delivery with the one per-IP limiter the API and the Email Agency pages count
 * against together.
 */
import type { OperatorDetails } from '../domain/site/operator.js';
import type { AccountsDeps } from '../services/accounts/common.js';
import { passwordResetMailHandler } from '../services/accounts/password-reset.service.js';
import type { AccountStores } from '../services/accounts/ports.js';
import type { DirectorySnapshot } from '../services/directory-snapshot.service.js';
import type { DeliveryDeps } from '../services/enquiry.service.js';
import type { InterviewsDeps } from '../services/interviews/interviews.service.js';
import { BackgroundMail } from '../services/mail-queue.service.js';
import {
  SYSTEM_CLOCK,
  type AttachmentFiles,
  type Clock,
  type DirectoryStore,
  type EnquiryStore,
  type InterviewStore,
  type MailAddress,
  type Mailer,
  type MailQueueStore,
  type RateLimitStore,
} from '../services/ports.js';
import type { RequestLimit } from '../services/rate-limit.service.js';
import type { SearchIndexes } from '../services/search.service.js';
import { createLimiter, type RequestLimiter } from './rate-limits.js';

export interface AppDeps {
  directoryStore: DirectoryStore;
  snapshot: DirectorySnapshot<SearchIndexes>;
  /** The site's own address (config PUBLIC_URL), for links in downloads; never the Host header. */
  publicUrl: string;
  logger?: boolean | { level: string };
  /** Signs the favourites and CSRF cookies (config COOKIE_SECRET); a dev default when unset. */
  cookieSecret?: string;
  /** Reveals and enquiries (Email Agency): registered when the store, mailer and files are set. */
  enquiryStore?: EnquiryStore;
  mailer?: Mailer;
  attachmentFiles?: AttachmentFiles;
  /** The From of enquiry emails (config MAIL_FROM). */
  mailFrom?: MailAddress;
  /** Days an attached file is kept (config ATTACHMENT_RETENTION_DAYS), told to the sender. */
  attachmentRetentionDays?: number;
  /** Enquiries accepted per IP address in a time window; default 5 per 10 minutes. */
  enquiryRateLimit?: { max: number; windowMs: number };
  /**
   * Where enquiry and reveal limits are counted (the database, shared by every worker and
   * instance); the accounts' store when unset. Needed when `enquiryStore` is set.
   */
  rateLimitStore?: RateLimitStore;
  /** The durable queue of every email; needed with `enquiryStore` (enquiries are queued). */
  mailQueue?: MailQueueStore;
  /** Tests only (config MAIL_RETRY_SECONDS): the waits between delivery attempts, in seconds. */
  mailRetrySeconds?: readonly number[] | null;
  /** The time; the system clock when unset. */
  clock?: Clock;
  /** Accounts, sessions, API tokens and saved interviews: registered when set. */
  accounts?: AccountsAppDeps;
  /** Trust X-Forwarded-* from a reverse proxy (config TRUST_PROXY): client IP and https. */
  trustProxy?: boolean | string;
  /** Days before an enquiry's sender is erased (config ENQUIRY_RETENTION_DAYS), for /privacy. */
  enquiryRetentionDays?: number;
  /** Who runs the site (config OPERATOR_*), for /contact, /privacy and /terms; the demo's when unset. */
  operator?: OperatorDetails;
  /** Health's database check: throws `database-unavailable` (503) when it cannot serve. */
  checkDatabase?: () => Promise<void>;
}

/** What the account routes need, built by composeApp (compose.ts) from the configuration. */
export interface AccountsAppDeps extends AccountStores {
  interviewStore: InterviewStore;
  rateLimitStore: RateLimitStore;
  mailer: Mailer;
  /** The durable queue of every email (reset links here). */
  mailQueue: MailQueueStore;
  /** Tests only (config MAIL_RETRY_SECONDS): the waits between delivery attempts, in seconds. */
  mailRetrySeconds?: readonly number[] | null;
  mailFrom: MailAddress;
  /** The site's own address (config PUBLIC_URL), for links in emails and the feed. */
  publicUrl: string;
  /** Days without use after which a session ends (config SESSION_IDLE_DAYS). */
  sessionIdleDays: number;
  /** Attempts per IP and per account in a window (config AUTH_RATE_LIMIT); 10 per 15 minutes. */
  rateLimit?: { attempts: number; windowMinutes: number };
}

/** The services' deps, built once from the app's. */
export interface AccountContext {
  accounts: AccountsDeps;
  /** Attempts at reset emails started by requests, not awaited by them. */
  backgroundMail: BackgroundMail;
  interviews: InterviewsDeps;
  exports: AccountsDeps & { interviewStore: InterviewStore };
}

const DEFAULT_AUTH_RATE_LIMIT = { attempts: 10, windowMinutes: 15 };

function buildAccountContext(deps: AppDeps, accounts: AccountsAppDeps): AccountContext {
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const accountsDeps: AccountsDeps = {
    userStore: accounts.userStore,
    sessionStore: accounts.sessionStore,
    apiTokenStore: accounts.apiTokenStore,
    passwordResetStore: accounts.passwordResetStore,
    calendarFeedStore: accounts.calendarFeedStore,
    favouriteStore: accounts.favouriteStore,
    rateLimitStore: accounts.rateLimitStore,
    clock,
    mailer: accounts.mailer,
    mailQueue: accounts.mailQueue,
    settings: {
      publicUrl: accounts.publicUrl.replace(/\/+$/, ''),
      mailFrom: accounts.mailFrom,
      sessionIdleDays: accounts.sessionIdleDays,
      rateLimit: accounts.rateLimit ?? DEFAULT_AUTH_RATE_LIMIT,
    },
  };
  const backgroundMail = new BackgroundMail({
    mailQueue: accounts.mailQueue,
    mailer: accounts.mailer,
    clock,
    mailFrom: accounts.mailFrom,
    handlers: { 'password-reset': passwordResetMailHandler(accountsDeps) },
    ...(accounts.mailRetrySeconds ? { retrySeconds: accounts.mailRetrySeconds } : {}),
  });
  accountsDeps.sendQueuedMail = (id) => backgroundMail.kick(id);
  return {
    accounts: accountsDeps,
    backgroundMail,
    interviews: { interviewStore: accounts.interviewStore, clock, snapshot: deps.snapshot },
    exports: { ...accountsDeps, interviewStore: accounts.interviewStore },
  };
}

/** The documented default: 5 enquiries per 10 minutes per IP address (ENQUIRY_RATE_LIMIT). */
const DEFAULT_ENQUIRY_LIMIT: RequestLimit = { max: 5, windowMs: 10 * 60_000 };
// Reveals cost nothing to send but are worth scraping: a looser limit of their own.
const REVEAL_LIMIT: RequestLimit = { max: 60, windowMs: 10 * 60_000 };

/** Reveals (Phone Number, Visit Website) and, when they can be delivered, enquiries. */
export interface ContactContext {
  enquiryStore: EnquiryStore;
  clock: Clock;
  revealLimiter: RequestLimiter;
  /** Null when the app has no mailer or attachment folder: no Email Agency then. */
  enquiries: {
    delivery: DeliveryDeps & { snapshot: AppDeps['snapshot'] };
    /** One count per IP address, shared by the API and the Email Agency pages. */
    limiter: RequestLimiter;
    attachmentRetentionDays: number;
  } | null;
}

function buildContactContext(deps: AppDeps): ContactContext | null {
  const enquiryStore = deps.enquiryStore;
  if (!enquiryStore) return null;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const rateLimitStore = deps.rateLimitStore ?? deps.accounts?.rateLimitStore;
  if (!rateLimitStore) throw new Error('Reveals and enquiries need a rate-limit store');
  const limits = { rateLimitStore, clock };
  const revealLimiter = createLimiter(limits, 'reveal', REVEAL_LIMIT, 'requests');
  if (!deps.mailer || !deps.attachmentFiles) {
    return { enquiryStore, clock, revealLimiter, enquiries: null };
  }
  const mailQueue = deps.mailQueue ?? deps.accounts?.mailQueue;
  if (!mailQueue) throw new Error('Enquiries need the mail queue');
  return {
    enquiryStore,
    clock,
    revealLimiter,
    enquiries: {
      delivery: {
        snapshot: deps.snapshot,
        enquiryStore,
        mailQueue,
        ...(deps.mailRetrySeconds ? { retrySeconds: deps.mailRetrySeconds } : {}),
        mailer: deps.mailer,
        attachmentFiles: deps.attachmentFiles,
        clock,
        mailFrom: deps.mailFrom ?? { name: 'Shortlist', address: 'enquiries@localhost' },
      },
      limiter: createLimiter(
        limits,
        'enquiry',
        deps.enquiryRateLimit ?? DEFAULT_ENQUIRY_LIMIT,
        'messages',
      ),
      attachmentRetentionDays: deps.attachmentRetentionDays ?? 90,
    },
  };
}

/** Everything the API and the pages are registered with. */
export interface AppContext {
  deps: AppDeps;
  clock: Clock;
  accounts: AccountContext | null;
  contact: ContactContext | null;
}

export function buildAppContext(deps: AppDeps): AppContext {
  return {
    deps,
    clock: deps.clock ?? SYSTEM_CLOCK,
    accounts: deps.accounts ? buildAccountContext(deps, deps.accounts) : null,
    contact: buildContactContext(deps),
  };
}
