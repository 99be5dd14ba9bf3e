/**
 * What every account use-case shares: its deps and settings, the user as shown, the attempt
 * limits (counted in the database, so every app instance shares them), and the checks that the
 * signed-in account still exists and that its password was given.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { verifyPassword } from './secrets.js';
import type { Clock, MailAddress, MailQueueStore, Mailer, RateLimitStore } from '../ports.js';
import type { AccountStores, UserRecord } from './ports.js';

export interface AccountSettings {
  /** The site's address for links in emails and the calendar feed, without a trailing slash. */
  publicUrl: string;
  /** The sender of account emails (password reset). */
  mailFrom: MailAddress;
  /** A session ends after this many days without use (sliding). */
  sessionIdleDays: number;
  /** Sign-up, sign-in, reset requests and password confirmations, per IP and per account. */
  rateLimit: { attempts: number; windowMinutes: number };
}

/** Each use-case picks the stores of its concern from these. */
export interface AccountsDeps extends AccountStores {
  rateLimitStore: RateLimitStore;
  clock: Clock;
  mailer: Mailer;
  /** Reset emails are queued here; the token is made when the email is sent. */
  mailQueue: MailQueueStore;
  /** Starts an attempt at a queued email without waiting for it (BackgroundMail.kick). */
  sendQueuedMail?: (id: string) => void;
  settings: AccountSettings;
}

export const ACCOUNT_MESSAGES = Object.freeze({
  emailTaken: 'An account with this email address already exists: sign in, or reset your password.',
  wrongPassword: 'Your password is not right.',
  accountGone: 'This account no longer exists.',
});

/** What a user can see of their account. */
export interface PublicUser {
  id: string;
  email: string;
  createdAt: string;
}

export function presentUser(user: UserRecord): PublicUser {
  return { id: user.id, email: user.email, createdAt: user.createdAt };
}

export function addMinutes(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}

export function bodyOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : {};
}

/** Thrown when too many attempts were made; says when to try again. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super([
      {
        field: null,
        code: 'rate-limited',
        message: `Too many attempts: please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      },
    ]);
    this.name = 'RateLimitedError';
  }
}

/**
 * Counts an attempt at `action` against the IP, the email address (hashed: the table never holds
 * addresses) and the account; throws RateLimitedError past the limit in the window.
 */
export async function limitAttempts(
  deps: Pick<AccountsDeps, 'rateLimitStore' | 'clock' | 'settings'>,
  action: string,
  subjects: { ip?: string; email?: unknown; userId?: string },
): Promise<void> {
  const now = deps.clock.now();
  const { attempts, windowMinutes } = deps.settings.rateLimit;
  const keys: string[] = [];
  if (subjects.ip) keys.push(`${action}:ip:${subjects.ip}`);
  if (typeof subjects.email === 'string' && subjects.email.trim() !== '') {
    const email = subjects.email.normalize('NFC').trim().toLowerCase();
    keys.push(`${action}:email:${createHash('sha256').update(email).digest('hex')}`);
  }
  if (subjects.userId) keys.push(`${action}:user:${subjects.userId}`);
  let retryAfterMs = 0;
  let startedWindow = false;
  for (const key of keys) {
    const { count, resetAt } = await deps.rateLimitStore.hit(
      key,
      now.toISOString(),
      addMinutes(now, windowMinutes),
    );
    if (count === 1) startedWindow = true;
    if (count > attempts) {
      retryAfterMs = Math.max(retryAfterMs, new Date(resetAt).getTime() - now.getTime());
    }
  }
  // Old windows are forgotten when a new one starts: at most once per key and window.
  if (startedWindow) await deps.rateLimitStore.deleteExpired(now.toISOString());
  if (retryAfterMs > 0) throw new RateLimitedError(Math.ceil(retryAfterMs / 1000));
}

/** The signed-in user's record; `unauthenticated` when the account was deleted meanwhile. */
export async function requireSignedInUser(
  deps: Pick<AccountsDeps, 'userStore'>,
  userId: string,
): Promise<UserRecord> {
  const user = await deps.userStore.findUserById(userId);
  if (!user) throw DomainError.single('unauthenticated', ACCOUNT_MESSAGES.accountGone);
  return user;
}

/** Throws `wrong-password` on `field` unless the password is the user's. */
export async function confirmPassword(
  user: UserRecord,
  password: string,
  field: string,
): Promise<void> {
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw DomainError.single('wrong-password', ACCOUNT_MESSAGES.wrongPassword, field);
  }
}
