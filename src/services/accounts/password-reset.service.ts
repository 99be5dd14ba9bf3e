/** Password reset by an emailed one-time link; only the link token's hash is ever stored. */
import { randomUUID } from 'node:crypto';
import { readEmail } from '../../domain/accounts/email.js';
import { readNewPassword } from '../../domain/accounts/password-policy.js';
import { DomainError, ProblemList } from '../../domain/errors.js';
import { createToken, hashPassword, hashToken, isTokenShaped } from './secrets.js';
import type { MailKindHandler } from '../mail-queue.service.js';
import type { OutgoingMail, QueuedMail } from '../ports.js';
import {
  addMinutes,
  bodyOf,
  limitAttempts,
  presentUser,
  type AccountsDeps,
  type PublicUser,
} from './common.js';
import { startSession, type NewSession } from './sessions.service.js';

const RESET_LINK_MINUTES = 60;

export const RESET_MESSAGES = Object.freeze({
  resetLinkInvalid: 'This reset link has expired or has already been used: ask for a new one.',
  resetLinkRequired: 'The reset token is missing: use the link from the email.',
  resetRequested:
    'If an account uses that address, we have sent it a link to reset the password. The link works for one hour.',
});

/**
 * Emails a one-time link to reset the password, valid for an hour, when the address has an
 * account; answers the same either way.
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
  const user = email ? await deps.userStore.findUserByEmail(email) : undefined;
  // Only a row naming the account is queued: the request does the same work either way, and the
  // link (its token) is made when the email is sent.
  if (user) {
    const id = randomUUID();
    await deps.mailQueue.enqueueMail({
      id,
      kind: 'password-reset',
      subjectId: user.id,
      createdAt: deps.clock.now().toISOString(),
    });
    deps.sendQueuedMail?.(id);
  }
  return { message: RESET_MESSAGES.resetRequested };
}

/**
 * How the mail queue sends a reset link: at each attempt a new one-time token for the account
 * (its hash stored, valid for an hour from then) in an email to its current address; nothing
 * when the account is gone. Earlier links stay valid until they expire.
 */
export function passwordResetMailHandler(
  deps: Pick<AccountsDeps, 'userStore' | 'passwordResetStore' | 'clock' | 'settings'>,
): MailKindHandler {
  return {
    async compose(mail: QueuedMail, messageId: string): Promise<OutgoingMail | null> {
      const user = await deps.userStore.findUserById(mail.subjectId);
      if (!user) return null;
      const now = deps.clock.now();
      const token = createToken('reset');
      await deps.passwordResetStore.createPasswordReset({
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
  deps: Pick<AccountsDeps, 'passwordResetStore' | 'clock'>,
  rawToken: unknown,
): Promise<boolean> {
  const token = typeof rawToken === 'string' ? rawToken.trim() : '';
  if (!isTokenShaped('reset', token)) return false;
  const reset = await deps.passwordResetStore.findPasswordReset(hashToken(token));
  return reset !== undefined && reset.expiresAt > deps.clock.now().toISOString();
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
  if (token === '') throw DomainError.single('required', RESET_MESSAGES.resetLinkRequired, 'token');
  const invalid = () =>
    DomainError.single('invalid-token', RESET_MESSAGES.resetLinkInvalid, 'token');
  if (!isTokenShaped('reset', token)) throw invalid();
  const tokenHash = hashToken(token);
  const now = deps.clock.now();
  const reset = await deps.passwordResetStore.findPasswordReset(tokenHash);
  if (!reset || reset.expiresAt <= now.toISOString()) throw invalid();
  const user = await deps.userStore.findUserById(reset.userId);
  if (!user) throw invalid();
  const problems = new ProblemList();
  const password = readNewPassword(problems, body.password, 'password', { email: user.email });
  problems.throwIfAny();
  if (!password) throw invalid();
  const passwordHash = await hashPassword(password);
  // Taken only now, so a password the policy refuses does not use the link up.
  if ((await deps.passwordResetStore.takePasswordReset(tokenHash, now.toISOString())) !== user.id) {
    throw invalid();
  }
  // A reset is how someone who lost control of the account takes it back: whatever was signed in
  // or issued before (sessions, API tokens, the calendar feed) stops working.
  await deps.userStore.replacePassword(user.id, passwordHash, now.toISOString(), null, {
    revokeCredentials: true,
  });
  return { user: presentUser(user), session: await startSession(deps, user.id) };
}
