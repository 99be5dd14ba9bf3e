/**
 * Email addresses of accounts: one normal form for storing and comparing (trimmed, NFC, lower
 * case), so "Sam@Example.COM " and "sam@example.com" are the same account.
 */
import type { ProblemList } from '../errors.js';
import { isEmailAddress } from '../validation/email.js';
import { LIMITS } from '../validation/limits.js';

export const EMAIL_MESSAGES = Object.freeze({
  required: 'Enter your email address.',
  notText: 'The email address must be text.',
  tooLong: `The email address is too long: at most ${LIMITS.email} characters.`,
  invalid: 'Enter an email address like name@example.com.',
  invisible:
    'The email address contains a control or invisible character (such as a zero-width space or a text-direction mark): type it again without it.',
});

// Control (Cc), format (Cf: zero-width, bidi embeddings and isolates, soft hyphen...) and the
// line and paragraph separators: invisible in an address, so they only make look-alikes.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The stored form of an address: trimmed, NFC, lower case. Does not validate. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/**
 * Reads an email field: the normalised address, or undefined with a problem recorded under
 * `field` (required, invalid, too-long).
 */
export function readEmail(
  problems: ProblemList,
  raw: unknown,
  field = 'email',
): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    problems.add(field, 'required', EMAIL_MESSAGES.required);
    return undefined;
  }
  if (typeof raw !== 'string') {
    problems.add(field, 'invalid', EMAIL_MESSAGES.notText);
    return undefined;
  }
  if (INVISIBLE.test(raw)) {
    problems.add(field, 'invalid-character', EMAIL_MESSAGES.invisible);
    return undefined;
  }
  const email = normaliseEmail(raw);
  if (email.length > LIMITS.email) {
    problems.add(field, 'too-long', EMAIL_MESSAGES.tooLong);
    return undefined;
  }
  if (!isEmailAddress(email)) {
    problems.add(field, 'invalid', EMAIL_MESSAGES.invalid);
    return undefined;
  }
  return email;
}
