/**
 * The account itself: what it shows, changes of password and email (the password is needed for
 * each), the export of everything held about the user, and deletion.
 */
import { readEmail } from '../../domain/accounts/email.js';
import { readGivenPassword, readNewPassword } from '../../domain/accounts/password-policy.js';
import { DomainError, ProblemList } from '../../domain/errors.js';
import { hashPassword } from './secrets.js';
import { presentInterview } from '../interviews/interviews.service.js';
import type { InterviewStore } from '../ports.js';
import { presentApiToken } from './api-tokens.service.js';
import {
  ACCOUNT_MESSAGES,
  bodyOf,
  confirmPassword,
  limitAttempts,
  presentUser,
  requireSignedInUser,
  type AccountsDeps,
  type PublicUser,
} from './common.js';
import type { Authenticated } from './sessions.service.js';

/** What a change needs: the stores of the account and the attempt limits. */
type ChangeDeps = Pick<AccountsDeps, 'userStore' | 'rateLimitStore' | 'clock' | 'settings'>;

/**
 * What every change begins with: the body, the limit on password confirmations (checked before
 * anything is read), and the account, which may have been deleted meanwhile.
 */
async function startChange(deps: ChangeDeps, userId: string, raw: unknown) {
  const body = bodyOf(raw);
  await limitAttempts(deps, 'confirm', { userId });
  return { body, user: await requireSignedInUser(deps, userId), problems: new ProblemList() };
}

/** The signed-in user's account. */
export async function getAccount(
  deps: Pick<AccountsDeps, 'userStore'>,
  userId: string,
): Promise<PublicUser> {
  return presentUser(await requireSignedInUser(deps, userId));
}

/**
 * Changes the password (the current one is needed) and ends every other session of the account;
 * the session making the change (if any) stays signed in.
 */
export async function changePassword(
  deps: ChangeDeps,
  auth: Pick<Authenticated, 'user' | 'sessionIdHash'>,
  raw: unknown,
): Promise<void> {
  const { body, user, problems } = await startChange(deps, auth.user.id, raw);
  const current = readGivenPassword(problems, body.currentPassword, 'currentPassword');
  const next = readNewPassword(problems, body.newPassword, 'newPassword', { email: user.email });
  problems.throwIfAny();
  if (current === undefined || !next) throw DomainError.single('invalid', 'Incomplete change.');
  await confirmPassword(user, current, 'currentPassword');
  await deps.userStore.replacePassword(
    user.id,
    await hashPassword(next),
    deps.clock.now().toISOString(),
    auth.sessionIdHash,
  );
}

/** Changes the account's email address; the password is needed. */
export async function changeEmail(
  deps: ChangeDeps,
  auth: Pick<Authenticated, 'user'>,
  raw: unknown,
): Promise<PublicUser> {
  const { body, user, problems } = await startChange(deps, auth.user.id, raw);
  const email = readEmail(problems, body.email);
  const password = readGivenPassword(problems, body.password, 'password');
  problems.throwIfAny();
  if (!email || password === undefined) throw DomainError.single('invalid', 'Incomplete change.');
  await confirmPassword(user, password, 'password');
  if (email === user.email)
    throw DomainError.single('invalid', 'That is already your email address.', 'email');
  if ((await deps.userStore.updateEmail(user.id, email)) === 'email-taken') {
    throw DomainError.single('email-taken', ACCOUNT_MESSAGES.emailTaken, 'email');
  }
  return presentUser({ ...user, email });
}

/** Everything Shortlist holds about the user, as one JSON document ("Download my data"). */
export async function exportAccount(
  deps: Pick<
    AccountsDeps,
    | 'userStore'
    | 'sessionStore'
    | 'apiTokenStore'
    | 'calendarFeedStore'
    | 'favouriteStore'
    | 'clock'
  > & { interviewStore: InterviewStore },
  userId: string,
): Promise<Record<string, unknown>> {
  const user = await requireSignedInUser(deps, userId);
  const [sessions, tokens, feed, favourites, interviews] = await Promise.all([
    deps.sessionStore.listSessions(userId),
    deps.apiTokenStore.listApiTokens(userId),
    deps.calendarFeedStore.findCalendarFeed(userId),
    deps.favouriteStore.listFavourites(userId),
    deps.interviewStore.listInterviews(userId),
  ]);
  return {
    format: 'shortlist-account-export',
    version: 1,
    exportedAt: deps.clock.now().toISOString(),
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
    // The export keeps each reply whole (with when it was recorded), where the API shows less.
    interviews: interviews.map((record) => ({
      ...presentInterview(record),
      replies: record.replies,
      steps: record.states,
    })),
  };
}

/** Deletes the account and everything it owns, in one transaction; the password is needed. */
export async function deleteAccount(deps: ChangeDeps, userId: string, raw: unknown): Promise<void> {
  const { body, user, problems } = await startChange(deps, userId, raw);
  const password = readGivenPassword(problems, body.password, 'password');
  problems.throwIfAny();
  if (password === undefined) throw DomainError.single('invalid', 'Incomplete request.');
  await confirmPassword(user, password, 'password');
  await deps.userStore.deleteUser(user.id);
}
