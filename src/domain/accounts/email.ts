/**
 * Email addresses of accounts: one normal form for storing and comparing (trimmed, NFC, lower
 * case), so "Sam@Example.COM " and "sam@example.com" are the same account.
 */
import type { ProblemList } from '../errors.js';

export const EMAIL_MAX_LENGTH = 254;

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

export const EMAIL_MESSAGES = Object.freeze({
  required: 'Enter your email address.',
  notText: 'The email address must be text.',
  tooLong: `The email address is too long: at most ${EMAIL_MAX_LENGTH} characters.`,
  invalid: 'Enter an email address like name@example.com.',
  invisible:
    'The email address contains a control or invisible character (such as a zero-width space or a text-direction mark): type it again without it.',
});

// Control (Cc), format (Cf: zero-width, bidi embeddings and isolates, soft hyphen...) and the
// line and paragraph separators: invisible in an address, so they only make look-alikes.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** True when the text holds a control, format or bidi character. */
export function hasInvisibleCharacter(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The stored form of an address: trimmed, NFC, lower case. Does not validate. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/** True when the text (already normalised) looks like a deliverable address. */
export function isEmailAddress(email: string): boolean {
  return email.length <= EMAIL_MAX_LENGTH && !INVISIBLE.test(email) && EMAIL.test(email);
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
  if (hasInvisibleCharacter(raw)) {
    problems.add(field, 'invalid-character', EMAIL_MESSAGES.invisible);
    return undefined;
  }
  const email = normaliseEmail(raw);
  if (email.length > EMAIL_MAX_LENGTH) {
    problems.add(field, 'too-long', EMAIL_MESSAGES.tooLong);
    return undefined;
  }
  if (!EMAIL.test(email)) {
    problems.add(field, 'invalid', EMAIL_MESSAGES.invalid);
    return undefined;
  }
  return email;
}
