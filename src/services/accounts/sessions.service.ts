/**
 * Sign-up, sign-in and sessions. Sign-in failures look the same whether or not the address has an
 * account (the same message, and a password hash checked either way).
 */
import { randomUUID } from 'node:crypto';
import { readEmail } from '../../domain/accounts/email.js';
import { readGivenPassword, readNewPassword } from '../../domain/accounts/password-policy.js';
import { DomainError, ProblemList } from '../../domain/errors.js';
import {
  createToken,
  hashPassword,
  hashToken,
  isTokenShaped,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './secrets.js';
import {
  ACCOUNT_MESSAGES,
  addMinutes,
  bodyOf,
  limitAttempts,
  presentUser,
  type AccountsDeps,
  type PublicUser,
} from './common.js';
import type { UserRecord } from './ports.js';

/** Sessions and tokens record their use at most this often (a write per request is waste). */
export const TOUCH_EVERY_MS = 60_000;

const INVALID_CREDENTIALS = 'The email address or password is not right.';

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

export async function startSession(
  deps: Pick<AccountsDeps, 'sessionStore' | 'clock' | 'settings'>,
  userId: string,
): Promise<NewSession> {
  const now = deps.clock.now();
  const token = createToken('session');
  const expiresAt = addMinutes(now, deps.settings.sessionIdleDays * 24 * 60);
  await deps.sessionStore.createSession({
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
  if (await deps.userStore.findUserByEmail(email)) {
    throw DomainError.single('email-taken', ACCOUNT_MESSAGES.emailTaken, 'email');
  }
  const now = deps.clock.now().toISOString();
  const user: UserRecord = {
    id: randomUUID(),
    email,
    passwordHash: await hashPassword(password),
    createdAt: now,
    passwordChangedAt: now,
  };
  if ((await deps.userStore.createUser(user)) === 'email-taken') {
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
  const user = await deps.userStore.findUserByEmail(email);
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyDummyPassword(password);
  if (!user || !ok) {
    throw DomainError.single('invalid-credentials', INVALID_CREDENTIALS);
  }
  if (needsRehash(user.passwordHash)) {
    await deps.userStore.updatePasswordHash(user.id, await hashPassword(password));
  }
  if (context.previousSessionToken) {
    await deps.sessionStore.deleteSession(hashToken(context.previousSessionToken));
  }
  return { user: presentUser(user), session: await startSession(deps, user.id) };
}

/** Ends the session of this token (nothing happens for an unknown one). */
export async function signOut(
  deps: Pick<AccountsDeps, 'sessionStore'>,
  sessionToken: string,
): Promise<void> {
  await deps.sessionStore.deleteSession(hashToken(sessionToken));
}

/**
 * The account of a session token, or undefined when it is unknown or idle for too long. Use
 * slides the expiry forward (recorded at most once a minute).
 */
export async function authenticateSession(
  deps: Pick<AccountsDeps, 'sessionStore' | 'userStore' | 'clock' | 'settings'>,
  token: string,
): Promise<Authenticated | undefined> {
  if (!isTokenShaped('session', token)) return undefined;
  const idHash = hashToken(token);
  const session = await deps.sessionStore.findSession(idHash);
  if (!session) return undefined;
  const now = deps.clock.now();
  if (session.expiresAt <= now.toISOString()) {
    await deps.sessionStore.deleteSession(idHash);
    return undefined;
  }
  const user = await deps.userStore.findUserById(session.userId);
  if (!user) return undefined;
  let renewedUntil: string | null = null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    renewedUntil = addMinutes(now, deps.settings.sessionIdleDays * 24 * 60);
    await deps.sessionStore.touchSession(idHash, now.toISOString(), renewedUntil);
  }
  return { user: presentUser(user), via: 'session', sessionIdHash: idHash, renewedUntil };
}

/** Forgets sessions past their expiry and rate-limit windows that ended; returns the counts. */
export async function purgeExpiredAccountData(
  deps: Pick<AccountsDeps, 'sessionStore' | 'rateLimitStore' | 'clock'>,
): Promise<{ sessions: number; rateLimits: number }> {
  const now = deps.clock.now().toISOString();
  return {
    sessions: await deps.sessionStore.deleteExpiredSessions(now),
    rateLimits: await deps.rateLimitStore.deleteExpired(now),
  };
}
