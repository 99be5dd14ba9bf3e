/**
 * The password policy: at least 12 characters, at most 256, and not a common password, nor a
 * common password with digits or symbols around it, nor a short pattern repeated, nor built on
 * the account's email address or the site's name. Length is counted in characters (code points)
 * of the NFC form, which is also the form that is hashed.
 */
import type { ProblemList } from '../errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

/** Words that make a password guessable on this site whoever the user is. */
const SITE_WORDS = ['shortlist'];

export const PASSWORD_MESSAGES = Object.freeze({
  required: 'Enter a password.',
  notText: 'The password must be text.',
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`,
  common:
    'This password is too common and easy to guess: three or four random words make a strong one.',
  personal: 'Do not build your password on your email address or the name of this site.',
});

/** The form a password is checked and hashed in. */
function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

function lengthOf(text: string): number {
  return [...text].length;
}

/** Where the leading and trailing runs without letters end and start. */
function findLetterSpan(text: string): { first: number; last: number } {
  const chars = [...text];
  const isLetter = (char: string) => /\p{L}/u.test(char);
  let first = 0;
  while (first < chars.length && !isLetter(chars[first] ?? '')) first += 1;
  // Without any letter, every part of the text may be the word and the rest its padding.
  if (first === chars.length) return { first, last: 0 };
  let last = chars.length;
  while (last > first && !isLetter(chars[last - 1] ?? '')) last -= 1;
  return { first, last };
}

/**
 * True when `text` is one of `words` with only digits, spaces or symbols before or after it
 * ("password1234", "!!qwertyuiop12", "123456789012").
 */
function isWordWithPadding(text: string, words: ReadonlySet<string>): boolean {
  const chars = [...text];
  const { first, last } = findLetterSpan(text);
  const longest = Math.max(0, ...[...words].map((word) => word.length));
  for (let start = 0; start <= first; start += 1) {
    for (let end = Math.max(last, start + 1); end <= chars.length; end += 1) {
      if (end - start > longest) break;
      if (words.has(chars.slice(start, end).join(''))) return true;
    }
  }
  return false;
}

/** True when the text is a shorter unit repeated ("abcabcabcabc", "passwordpassword"). */
function isRepeatedUnit(text: string): boolean {
  const match = /^(.+?)\1+$/su.exec(text);
  if (!match?.[1]) return false;
  const unit = match[1];
  return lengthOf(unit) <= 4 || COMMON_PASSWORDS.has(unit);
}

/** True for a common password, or one with digits or symbols added, or a short pattern repeated. */
export function isCommonPassword(password: string): boolean {
  const lower = normalisePassword(password).toLowerCase();
  return (
    COMMON_PASSWORDS.has(lower) ||
    isWordWithPadding(lower, COMMON_PASSWORDS) ||
    isRepeatedUnit(lower)
  );
}

/** True when the password is the email address, its local part or the site's name, padded. */
function isPersonalPassword(password: string, email?: string): boolean {
  const lower = normalisePassword(password).toLowerCase();
  const words = new Set(SITE_WORDS);
  if (email) {
    const address = email.toLowerCase();
    if (lower.includes(address)) return true;
    const local = address.split('@')[0] ?? '';
    if (local.length >= 3) words.add(local);
  }
  return isWordWithPadding(lower, words);
}

type PasswordFault = 'too-short' | 'too-long' | 'personal-password' | 'common-password';

const FAULT_MESSAGES: Record<PasswordFault, string> = {
  'too-short': PASSWORD_MESSAGES.tooShort,
  'too-long': PASSWORD_MESSAGES.tooLong,
  'personal-password': PASSWORD_MESSAGES.personal,
  'common-password': PASSWORD_MESSAGES.common,
};

/**
 * Reads a password under `field`: the NFC form of non-empty text in which `findFault` finds
 * nothing, else undefined with the problem recorded. The readers differ only in their faults.
 */
function readPassword(
  problems: ProblemList,
  raw: unknown,
  field: string,
  findFault: (text: string) => PasswordFault | null,
): string | undefined {
  if (raw === undefined || raw === null || raw === '') {
    problems.add(field, 'required', PASSWORD_MESSAGES.required);
    return undefined;
  }
  if (typeof raw !== 'string') {
    problems.add(field, 'invalid', PASSWORD_MESSAGES.notText);
    return undefined;
  }
  const fault = findFault(raw);
  if (fault !== null) {
    problems.add(field, fault, FAULT_MESSAGES[fault]);
    return undefined;
  }
  return normalisePassword(raw);
}

/**
 * Reads a new password under `field`: the NFC form when it meets the policy, else undefined with
 * the problem recorded (required, too-short, too-long, common-password, personal-password).
 */
export function readNewPassword(
  problems: ProblemList,
  raw: unknown,
  field: string,
  context: { email?: string } = {},
): string | undefined {
  return readPassword(problems, raw, field, (text) => {
    const password = normalisePassword(text);
    const length = lengthOf(password);
    if (length < PASSWORD_MIN_LENGTH) return 'too-short';
    if (length > PASSWORD_MAX_LENGTH) return 'too-long';
    if (isPersonalPassword(password, context.email)) return 'personal-password';
    return isCommonPassword(password) ? 'common-password' : null;
  });
}

/**
 * Reads a password given to prove who someone is (sign-in, confirmations): any non-empty text up
 * to a bound, in NFC. The policy is not applied: old passwords must keep working.
 */
export function readGivenPassword(
  problems: ProblemList,
  raw: unknown,
  field: string,
): string | undefined {
  // Longer than any password the policy accepts: refuse before hashing megabytes.
  return readPassword(problems, raw, field, (text) =>
    text.length > PASSWORD_MAX_LENGTH * 4 ? 'too-long' : null,
  );
}
