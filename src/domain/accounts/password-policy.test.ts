import { describe, expect, it } from 'vitest';
import { ProblemList } from '../errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { EMAIL_MESSAGES, normaliseEmail, readEmail } from './email.js';
import {
  PASSWORD_MESSAGES,
  isCommonPassword,
  readGivenPassword,
  readNewPassword,
} from './password-policy.js';

function readNew(raw: unknown, email?: string) {
  const problems = new ProblemList();
  const password = readNewPassword(problems, raw, 'password', email ? { email } : {});
  return { password, problems: problems.items };
}

describe('the password policy', () => {
  it('ships about a thousand common passwords, lower case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(990);
    expect(COMMON_PASSWORDS.has('password')).toBe(true);
    expect(COMMON_PASSWORDS.has('qwertyuiop')).toBe(true);
    expect([...COMMON_PASSWORDS].every((word) => word === word.toLowerCase())).toBe(true);
  });

  it.each([
    ['correct horse battery', true],
    ['Tr0ub4dor&3xyz', true],
    ['my football team', true],
    ['ünïcødé pässwörd', true],
  ])('accepts %j', (password, accepted) => {
    expect(readNew(password).password !== undefined).toBe(accepted);
  });

  it.each([
    [undefined, 'required', PASSWORD_MESSAGES.required],
    ['', 'required', PASSWORD_MESSAGES.required],
    [12345678901234, 'invalid', PASSWORD_MESSAGES.notText],
    ['short pass1', 'too-short', 'Use at least 12 characters for your password.'],
    ['x'.repeat(257), 'too-long', 'Use at most 256 characters for your password.'],
    ['password1234', 'common-password', PASSWORD_MESSAGES.common],
    ['PASSWORD1234', 'common-password', PASSWORD_MESSAGES.common],
    ['qwertyuiop12', 'common-password', PASSWORD_MESSAGES.common],
    ['!!football2024', 'common-password', PASSWORD_MESSAGES.common],
    ['123456789012', 'common-password', PASSWORD_MESSAGES.common],
    ['aaaaaaaaaaaa', 'common-password', PASSWORD_MESSAGES.common],
    ['abcdabcdabcd', 'common-password', PASSWORD_MESSAGES.common],
    ['passwordpassword', 'common-password', PASSWORD_MESSAGES.common],
    ['shortlist2026!', 'personal-password', PASSWORD_MESSAGES.personal],
  ])('refuses %j: %s', (raw, code, message) => {
    expect(readNew(raw).problems).toEqual([{ field: 'password', code, message }]);
  });

  it('counts characters, not UTF-16 units: 12 emoji are 12 characters', () => {
    expect(readNew('🙂🙃😀😁😂🤣😃😄😅😆😉😊').password).toBe('🙂🙃😀😁😂🤣😃😄😅😆😉😊');
    expect(readNew('🙂🙃😀😁😂🤣').problems[0]?.code).toBe('too-short');
  });

  it('refuses a password built on the account’s email address', () => {
    expect(readNew('sam.patel2024!!', 'sam.patel@example.com').problems[0]?.code).toBe(
      'personal-password',
    );
    expect(readNew('I am sam.patel@example.com', 'sam.patel@example.com').problems[0]?.code).toBe(
      'personal-password',
    );
    expect(readNew('sam.patel2024!!', 'other@example.com').password).toBe('sam.patel2024!!');
  });

  it('hashes the NFC form, so the same password typed two ways matches', () => {
    const composed = 'caf\u00e9 au lait bowl';
    const decomposed = 'cafe\u0301 au lait bowl';
    expect(readNew(decomposed).password).toBe(composed);
  });

  it('does not apply the policy to a password given to sign in', () => {
    const problems = new ProblemList();
    expect(readGivenPassword(problems, 'short', 'password')).toBe('short');
    expect(readGivenPassword(problems, '', 'password')).toBeUndefined();
    expect(problems.items).toEqual([
      { field: 'password', code: 'required', message: PASSWORD_MESSAGES.required },
    ]);
  });

  it('treats a common word inside letters as fine (only padding with digits and symbols counts)', () => {
    expect(isCommonPassword('dragonfly meadow')).toBe(false);
    expect(isCommonPassword('dragon!!!!!!')).toBe(true);
  });
});

describe('email addresses', () => {
  it('normalises for comparing: trimmed, lower case, NFC', () => {
    expect(normaliseEmail('  Sam.Patel@Example.COM ')).toBe('sam.patel@example.com');
  });

  it.each([
    [undefined, 'required', EMAIL_MESSAGES.required],
    ['  ', 'required', EMAIL_MESSAGES.required],
    [42, 'invalid', EMAIL_MESSAGES.notText],
    ['sam', 'invalid', 'Enter an email address like name@example.com.'],
    ['sam@example', 'invalid', EMAIL_MESSAGES.invalid],
    ['sam patel@example.com', 'invalid', EMAIL_MESSAGES.invalid],
    [`${'a'.repeat(250)}@example.com`, 'too-long', EMAIL_MESSAGES.tooLong],
  ])('refuses %j', (raw, code, message) => {
    const problems = new ProblemList();
    expect(readEmail(problems, raw)).toBeUndefined();
    expect(problems.items).toEqual([{ field: 'email', code, message }]);
  });
});
