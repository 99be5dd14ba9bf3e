/**
 * Accounts: sign-up, sign-in and sessions, password reset by an emailed one-time link, changes
 * of password and email, personal API tokens, the private calendar feed, favourites, export and
 * deletion. Sign-in failures look the same whether or not the address has an account (the same
 * message, and a password hash checked either way). Attempts are counted in the database, so
 * every app instance shares the limits.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readEmail } from '../domain/accounts/email.js';
import { readGivenPassword, readNewPassword } from '../domain/accounts/password-policy.js';
import { DomainError, ProblemList } from '../domain/errors.js';
import { normaliseLine } from '../domain/validation/text.js';
import {
  createToken,
  hashPassword,
  hashToken,
  isTokenShaped,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './account-secrets.js';
import type {
  AccountStore,
  Clock,
  FavouriteRecord,
  InterviewStore,
  MailAddress,
  MailQueueStore,
  Mailer,
  OutgoingMail,
  QueuedMail,
  RateLimitStore,
  UserRecord,
} from './ports.js';
import type { MailKindHandler } from './mail-queue.service.js';

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

export interface AccountsDeps {
  accountStore: AccountStore;
  rateLimitStore: RateLimitStore;
  clock: Clock;
  mailer: Mailer;
  /** Reset emails are queued here; the token is made when the email is sent. */
  mailQueue: MailQueueStore;
  /** Starts an attempt at a queued email without waiting for it (BackgroundMail.kick). */
  sendQueuedMail?: (id: string) => void;
  settings: AccountSettings;
}

export const RESET_LINK_MINUTES = 60;
export const MAX_API_TOKENS = 20;
export const API_TOKEN_NAME_LENGTH = 100;
/** Sessions and tokens record their use at most this often (a write per request is waste). */
const TOUCH_EVERY_MS = 60_000;

export const ACCOUNT_MESSAGES = Object.freeze({
  emailTaken: 'An account with this email address already exists: sign in, or reset your password.',
  invalidCredentials: 'The email address or password is not right.',
  wrongPassword: 'Your password is not right.',
  resetLinkInvalid: 'This reset link has expired or has already been used: ask for a new one.',
  resetLinkRequired: 'The reset token is missing: use the link from the email.',
  resetRequested:
    'If an account uses that address, we have sent it a link to reset the password. The link works for one hour.',
  tokenNameRequired: 'Give the token a name, such as the program that will use it.',
  tokenNameLong: `The token name has more than ${API_TOKEN_NAME_LENGTH} characters; shorten it.`,
  tooManyTokens: `You have ${MAX_API_TOKENS} tokens already: revoke one you no longer use first.`,
  tokenNotFound: 'There is no such token: it may have been revoked already.',
  accountGone: 'This account no longer exists.',
  sameEmail: 'That is already your email address.',
});

/** What a user can see of their account. */
export interface PublicUser {
  id: string;
  email: string;
  createdAt: string;
}

/** A new session: the token goes in the cookie and is never stored. */
export interface NewSession {
  token: string;
  expiresAt: string;
}

/** The account a request acts for. */
export interface Authenticated {
  user: PublicUser;
  via: 'session' | 'token';
  /** The session's id hash (sessions only): kept when the password changes. */
  sessionIdHash: string | null;
  /** A session whose expiry slid forward: the cookie should be sent again. */
  renewedUntil: string | null;
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

function presentUser(user: UserRecord): PublicUser {
  return { id: user.id, email: user.email, createdAt: user.createdAt };
}

function nowOf(deps: { clock: Clock }): Date {
  return deps.clock.now();
}

function addMinutes(date: Date, minutes: number): string {
  return new Date(date.getTime() + minutes * 60_000).toISOString();
}

function bodyOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : {};
}

/** The subjects an attempt is counted against. */
export interface AttemptSubjects {
  ip?: string;
  email?: unknown;
  userId?: string;
}

/**
 * Counts an attempt at `action` against the IP, the email address (hashed: the table never holds
 * addresses) and the account; throws RateLimitedError past the limit in the window.
 */
export async function limitAttempts(
  deps: Pick<AccountsDeps, 'rateLimitStore' | 'clock' | 'settings'>,
  action: string,
  subjects: AttemptSubjects,
): Promise<void> {
  const now = nowOf(deps);
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

async function startSession(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock' | 'settings'>,
  userId: string,
): Promise<NewSession> {
  const now = nowOf(deps);
  const token = createToken('session');
  const expiresAt = addMinutes(now, deps.settings.sessionIdleDays * 24 * 60);
  await deps.accountStore.createSession({
    idHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Creates an account and signs it in; says so when the address already has an account. */
export async function signUp(
  deps: AccountsDeps,
  raw: unknown,
  context: { ip: string },
): Promise<{ user: PublicUser; session: NewSession }> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'signup', { ip: context.ip, email: body.email });
  const problems = new ProblemList();
  const email = readEmail(problems, body.email);
  const password = readNewPassword(problems, body.password, 'password', email ? { email } : {});
  problems.throwIfAny();
  if (!email || !password) throw DomainError.single('invalid', 'The sign-up is incomplete.');
  if (await deps.accountStore.findUserByEmail(email)) {
    throw DomainError.single('email-taken', ACCOUNT_MESSAGES.emailTaken, 'email');
  }
  const now = nowOf(deps).toISOString();
  const user: UserRecord = {
    id: randomUUID(),
    email,
    passwordHash: await hashPassword(password),
    createdAt: now,
    passwordChangedAt: now,
  };
  if ((await deps.accountStore.createUser(user)) === 'email-taken') {
    throw DomainError.single('email-taken', ACCOUNT_MESSAGES.emailTaken, 'email');
  }
  return { user: presentUser(user), session: await startSession(deps, user.id) };
}

/**
 * Signs in with email and password and starts a new session (never reusing one from before:
 * `previousSessionToken`, whatever it was, is ended). A wrong password and an unknown address give
 * the same error after the same work.
 */
export async function signIn(
  deps: AccountsDeps,
  raw: unknown,
  context: { ip: string; previousSessionToken?: string | undefined },
): Promise<{ user: PublicUser; session: NewSession }> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'signin', { ip: context.ip, email: body.email });
  const problems = new ProblemList();
  const email = readEmail(problems, body.email);
  const password = readGivenPassword(problems, body.password, 'password');
  problems.throwIfAny();
  if (!email || password === undefined) throw DomainError.single('invalid', 'Sign-in incomplete.');
  const user = await deps.accountStore.findUserByEmail(email);
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyDummyPassword(password);
  if (!user || !ok) {
    throw DomainError.single('invalid-credentials', ACCOUNT_MESSAGES.invalidCredentials);
  }
  if (needsRehash(user.passwordHash)) {
    await deps.accountStore.updatePasswordHash(user.id, await hashPassword(password));
  }
  if (context.previousSessionToken) {
    await deps.accountStore.deleteSession(hashToken(context.previousSessionToken));
  }
  return { user: presentUser(user), session: await startSession(deps, user.id) };
}

/** Ends the session of this token (nothing happens for an unknown one). */
export async function signOut(
  deps: Pick<AccountsDeps, 'accountStore'>,
  sessionToken: string,
): Promise<void> {
  await deps.accountStore.deleteSession(hashToken(sessionToken));
}

/**
 * The account of a session token, or undefined when it is unknown or idle for too long. Use
 * slides the expiry forward (recorded at most once a minute).
 */
export async function authenticateSession(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock' | 'settings'>,
  token: string,
): Promise<Authenticated | undefined> {
  if (!isTokenShaped('session', token)) return undefined;
  const idHash = hashToken(token);
  const session = await deps.accountStore.findSession(idHash);
  if (!session) return undefined;
  const now = nowOf(deps);
  if (session.expiresAt <= now.toISOString()) {
    await deps.accountStore.deleteSession(idHash);
    return undefined;
  }
  const user = await deps.accountStore.findUserById(session.userId);
  if (!user) return undefined;
  let renewedUntil: string | null = null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    renewedUntil = addMinutes(now, deps.settings.sessionIdleDays * 24 * 60);
    await deps.accountStore.touchSession(idHash, now.toISOString(), renewedUntil);
  }
  return { user: presentUser(user), via: 'session', sessionIdHash: idHash, renewedUntil };
}

/** Forgets sessions past their expiry and rate-limit windows that ended; returns the counts. */
export async function purgeExpiredAccountData(
  deps: Pick<AccountsDeps, 'accountStore' | 'rateLimitStore' | 'clock'>,
): Promise<{ sessions: number; rateLimits: number }> {
  const now = nowOf(deps).toISOString();
  return {
    sessions: await deps.accountStore.deleteExpiredSessions(now),
    rateLimits: await deps.rateLimitStore.deleteExpired(now),
  };
}

/** The account of a personal API token, or undefined. */
export async function authenticateApiToken(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock'>,
  token: string,
): Promise<Authenticated | undefined> {
  if (!isTokenShaped('api', token)) return undefined;
  const record = await deps.accountStore.findApiToken(hashToken(token));
  if (!record) return undefined;
  const user = await deps.accountStore.findUserById(record.userId);
  if (!user) return undefined;
  const now = nowOf(deps);
  if (
    record.lastUsedAt === null ||
    now.getTime() - new Date(record.lastUsedAt).getTime() >= TOUCH_EVERY_MS
  ) {
    await deps.accountStore.touchApiToken(record.id, now.toISOString());
  }
  return { user: presentUser(user), via: 'token', sessionIdHash: null, renewedUntil: null };
}

/** The signed-in user's account. */
export async function getAccount(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
): Promise<PublicUser> {
  const user = await deps.accountStore.findUserById(userId);
  if (!user) throw DomainError.single('unauthenticated', ACCOUNT_MESSAGES.accountGone);
  return presentUser(user);
}

/**
 * Emails a one-time link to reset the password, valid for an hour, when the address has an
 * account; answers the same either way. Only the token's hash is stored.
 */
export async function requestPasswordReset(
  deps: AccountsDeps,
  raw: unknown,
  context: { ip: string },
): Promise<{ message: string }> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'reset', { ip: context.ip, email: body.email });
  const problems = new ProblemList();
  const email = readEmail(problems, body.email);
  problems.throwIfAny();
  const user = email ? await deps.accountStore.findUserByEmail(email) : undefined;
  // Only a row naming the account is queued: the request does the same work either way, and the
  // link (its token) is made when the email is sent.
  if (user) {
    const id = randomUUID();
    await deps.mailQueue.enqueueMail({
      id,
      kind: 'password-reset',
      subjectId: user.id,
      createdAt: nowOf(deps).toISOString(),
    });
    deps.sendQueuedMail?.(id);
  }
  return { message: ACCOUNT_MESSAGES.resetRequested };
}

/**
 * How the mail queue sends a reset link: at each attempt a new one-time token for the account
 * (its hash stored, valid for an hour from then) in an email to its current address; nothing
 * when the account is gone. Earlier links stay valid until they expire.
 */
export function passwordResetMailHandler(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock' | 'settings'>,
): MailKindHandler {
  return {
    async compose(mail: QueuedMail, messageId: string): Promise<OutgoingMail | null> {
      const user = await deps.accountStore.findUserById(mail.subjectId);
      if (!user) return null;
      const now = nowOf(deps);
      const token = createToken('reset');
      await deps.accountStore.createPasswordReset({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: addMinutes(now, RESET_LINK_MINUTES),
      });
      const link = `${deps.settings.publicUrl}/reset-password?token=${token}`;
      return {
        from: deps.settings.mailFrom,
        to: { address: user.email },
        replyTo: deps.settings.mailFrom,
        subject: 'Reset your Shortlist password',
        text: [
          'Someone, probably you, asked to reset the password of your Shortlist account.',
          '',
          'Choose a new password here (the link works once, for one hour):',
          link,
          '',
          'If it was not you, ignore this email: your password stays as it is.',
          '',
          '--',
          'Shortlist',
        ].join('\n'),
        messageId,
        date: now,
        attachments: [],
      };
    },
  };
}

/**
 * Whether a reset link can still be used (known, not expired, not used yet), so the page can say
 * so before anyone types a new password. Uses nothing up.
 */
export async function isPasswordResetLinkUsable(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock'>,
  rawToken: unknown,
): Promise<boolean> {
  const token = typeof rawToken === 'string' ? rawToken.trim() : '';
  if (!isTokenShaped('reset', token)) return false;
  const reset = await deps.accountStore.findPasswordReset(hashToken(token));
  return reset !== undefined && reset.expiresAt > nowOf(deps).toISOString();
}

/**
 * Sets a new password with a reset link (once), ends every session of the account and reset
 * link, and signs in on this device with a new session.
 */
export async function resetPassword(
  deps: AccountsDeps,
  raw: unknown,
): Promise<{ user: PublicUser; session: NewSession }> {
  const body = bodyOf(raw);
  const token = typeof body.token === 'string' ? body.token.trim() : '';
  if (token === '')
    throw DomainError.single('required', ACCOUNT_MESSAGES.resetLinkRequired, 'token');
  const invalid = () =>
    DomainError.single('invalid-token', ACCOUNT_MESSAGES.resetLinkInvalid, 'token');
  if (!isTokenShaped('reset', token)) throw invalid();
  const tokenHash = hashToken(token);
  const now = nowOf(deps);
  const reset = await deps.accountStore.findPasswordReset(tokenHash);
  if (!reset || reset.expiresAt <= now.toISOString()) throw invalid();
  const user = await deps.accountStore.findUserById(reset.userId);
  if (!user) throw invalid();
  const problems = new ProblemList();
  const password = readNewPassword(problems, body.password, 'password', { email: user.email });
  problems.throwIfAny();
  if (!password) throw invalid();
  const passwordHash = await hashPassword(password);
  // Taken only now, so a password the policy refuses does not use the link up.
  if ((await deps.accountStore.takePasswordReset(tokenHash, now.toISOString())) !== user.id) {
    throw invalid();
  }
  // A reset is how someone who lost control of the account takes it back: whatever was signed in
  // or issued before (sessions, API tokens, the calendar feed) stops working.
  await deps.accountStore.replacePassword(user.id, passwordHash, now.toISOString(), null, {
    revokeCredentials: true,
  });
  return { user: presentUser(user), session: await startSession(deps, user.id) };
}

async function confirmPassword(
  deps: AccountsDeps,
  user: UserRecord,
  password: string,
  field: string,
): Promise<void> {
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw DomainError.single('wrong-password', ACCOUNT_MESSAGES.wrongPassword, field);
  }
}

async function findSignedInUser(deps: AccountsDeps, userId: string): Promise<UserRecord> {
  const user = await deps.accountStore.findUserById(userId);
  if (!user) throw DomainError.single('unauthenticated', ACCOUNT_MESSAGES.accountGone);
  return user;
}

/**
 * Changes the password (the current one is needed) and ends every other session of the account;
 * the session making the change (if any) stays signed in.
 */
export async function changePassword(
  deps: AccountsDeps,
  auth: Pick<Authenticated, 'user' | 'sessionIdHash'>,
  raw: unknown,
): Promise<void> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'confirm', { userId: auth.user.id });
  const user = await findSignedInUser(deps, auth.user.id);
  const problems = new ProblemList();
  const current = readGivenPassword(problems, body.currentPassword, 'currentPassword');
  const next = readNewPassword(problems, body.newPassword, 'newPassword', { email: user.email });
  problems.throwIfAny();
  if (current === undefined || !next) throw DomainError.single('invalid', 'Incomplete change.');
  await confirmPassword(deps, user, current, 'currentPassword');
  await deps.accountStore.replacePassword(
    user.id,
    await hashPassword(next),
    nowOf(deps).toISOString(),
    auth.sessionIdHash,
  );
}

/** Changes the account's email address; the password is needed. */
export async function changeEmail(
  deps: AccountsDeps,
  auth: Pick<Authenticated, 'user'>,
  raw: unknown,
): Promise<PublicUser> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'confirm', { userId: auth.user.id });
  const user = await findSignedInUser(deps, auth.user.id);
  const problems = new ProblemList();
  const email = readEmail(problems, body.email);
  const password = readGivenPassword(problems, body.password, 'password');
  problems.throwIfAny();
  if (!email || password === undefined) throw DomainError.single('invalid', 'Incomplete change.');
  await confirmPassword(deps, user, password, 'password');
  if (email === user.email)
    throw DomainError.single('invalid', ACCOUNT_MESSAGES.sameEmail, 'email');
  if ((await deps.accountStore.updateEmail(user.id, email)) === 'email-taken') {
    throw DomainError.single('email-taken', ACCOUNT_MESSAGES.emailTaken, 'email');
  }
  return presentUser({ ...user, email });
}

export interface PresentedApiToken {
  id: string;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a personal API token; the token itself is returned this once and never again. */
export async function createApiToken(
  deps: AccountsDeps,
  userId: string,
  raw: unknown,
): Promise<PresentedApiToken & { token: string }> {
  const body = bodyOf(raw);
  const name = typeof body.name === 'string' ? normaliseLine(body.name) : '';
  if (name === '') throw DomainError.single('required', ACCOUNT_MESSAGES.tokenNameRequired, 'name');
  if ([...name].length > API_TOKEN_NAME_LENGTH) {
    throw DomainError.single('too-long', ACCOUNT_MESSAGES.tokenNameLong, 'name');
  }
  if ((await deps.accountStore.listApiTokens(userId)).length >= MAX_API_TOKENS) {
    throw DomainError.single('too-many', ACCOUNT_MESSAGES.tooManyTokens);
  }
  const token = createToken('api');
  const record = {
    id: randomUUID(),
    userId,
    name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, 8),
    createdAt: nowOf(deps).toISOString(),
    lastUsedAt: null,
  };
  await deps.accountStore.createApiToken(record);
  return { ...presentApiToken(record), token };
}

function presentApiToken(record: PresentedApiToken): PresentedApiToken {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
  };
}

/** The user's API tokens (never the tokens themselves), oldest first. */
export async function listApiTokens(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
): Promise<PresentedApiToken[]> {
  return (await deps.accountStore.listApiTokens(userId)).map(presentApiToken);
}

/** Revokes one of the user's tokens; `not-found` for anyone else's or an unknown id. */
export async function revokeApiToken(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
  id: string,
): Promise<void> {
  if (!(await deps.accountStore.deleteApiToken(userId, id))) {
    throw DomainError.single('not-found', ACCOUNT_MESSAGES.tokenNotFound);
  }
}

/** The address of a calendar feed for its token. */
export function calendarFeedUrl(
  settings: Pick<AccountSettings, 'publicUrl'>,
  token: string,
): string {
  return `${settings.publicUrl}/api/feed.ics?token=${token}`;
}

/**
 * Creates the user's private calendar feed, replacing (and so revoking) any earlier one. The
 * address carries the token and is shown this once.
 */
export async function createCalendarFeed(
  deps: AccountsDeps,
  userId: string,
): Promise<{ url: string; createdAt: string }> {
  const token = createToken('feed');
  const createdAt = nowOf(deps).toISOString();
  await deps.accountStore.replaceCalendarFeed({ userId, tokenHash: hashToken(token), createdAt });
  return { url: calendarFeedUrl(deps.settings, token), createdAt };
}

/** Whether the user has a calendar feed, and since when. */
export async function getCalendarFeed(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
): Promise<{ active: boolean; createdAt: string | null }> {
  const feed = await deps.accountStore.findCalendarFeed(userId);
  return { active: feed !== undefined, createdAt: feed?.createdAt ?? null };
}

/** Revokes the calendar feed: its address stops working at once. */
export async function revokeCalendarFeed(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
): Promise<void> {
  await deps.accountStore.deleteCalendarFeed(userId);
}

/** The owner of a calendar feed token, or undefined (unknown or revoked). */
export async function findCalendarFeedOwner(
  deps: Pick<AccountsDeps, 'accountStore'>,
  token: string,
): Promise<string | undefined> {
  if (!isTokenShaped('feed', token)) return undefined;
  return (await deps.accountStore.findCalendarFeedByHash(hashToken(token)))?.userId;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Moves favourites kept without an account (the cookie's listing slugs) into the account; slugs
 * already there stay as they were. Returns the account's favourites after the merge.
 */
export async function mergeFavourites(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock'>,
  userId: string,
  slugs: readonly string[],
): Promise<FavouriteRecord[]> {
  const valid = slugs.filter((slug) => SLUG.test(slug));
  await deps.accountStore.addFavourites(userId, valid, nowOf(deps).toISOString());
  return deps.accountStore.listFavourites(userId);
}

/** The account's favourites, in the order they were added. */
export async function listFavourites(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
): Promise<FavouriteRecord[]> {
  return deps.accountStore.listFavourites(userId);
}

/** Removes a favourite from the account; true when it was there. */
export async function removeFavourite(
  deps: Pick<AccountsDeps, 'accountStore'>,
  userId: string,
  slug: string,
): Promise<boolean> {
  return deps.accountStore.removeFavourite(userId, slug);
}

/** Everything Shortlist holds about the user, as one JSON document ("Download my data"). */
export async function exportAccount(
  deps: Pick<AccountsDeps, 'accountStore' | 'clock'> & { interviewStore: InterviewStore },
  userId: string,
): Promise<Record<string, unknown>> {
  const user = await deps.accountStore.findUserById(userId);
  if (!user) throw DomainError.single('unauthenticated', ACCOUNT_MESSAGES.accountGone);
  const [sessions, tokens, feed, favourites, interviews] = await Promise.all([
    deps.accountStore.listSessions(userId),
    deps.accountStore.listApiTokens(userId),
    deps.accountStore.findCalendarFeed(userId),
    deps.accountStore.listFavourites(userId),
    deps.interviewStore.listInterviews(userId),
  ]);
  return {
    format: 'shortlist-account-export',
    version: 1,
    exportedAt: nowOf(deps).toISOString(),
    account: {
      id: user.id,
      email: user.email,
      createdAt: user.createdAt,
      passwordChangedAt: user.passwordChangedAt,
    },
    sessions: sessions.map((s) => ({
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
    })),
    apiTokens: tokens.map(presentApiToken),
    calendarFeed: feed ? { createdAt: feed.createdAt } : null,
    favourites,
    interviews: interviews.map(({ interview, states, replies }) => ({
      id: interview.id,
      ...interview.input,
      agency: interview.agency,
      outcome: interview.outcome,
      outcomeAt: interview.outcomeAt,
      createdAt: interview.createdAt,
      updatedAt: interview.updatedAt,
      replies,
      steps: states,
    })),
  };
}

/** Deletes the account and everything it owns, in one transaction; the password is needed. */
export async function deleteAccount(
  deps: AccountsDeps,
  userId: string,
  raw: unknown,
): Promise<void> {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'confirm', { userId });
  const user = await findSignedInUser(deps, userId);
  const problems = new ProblemList();
  const password = readGivenPassword(problems, body.password, 'password');
  problems.throwIfAny();
  if (password === undefined) throw DomainError.single('invalid', 'Incomplete request.');
  await confirmPassword(deps, user, password, 'password');
  await deps.accountStore.deleteUser(user.id);
}
