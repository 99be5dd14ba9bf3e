/**
 * The one test of an email address's form: a local part of at most 64 characters without
 * spaces, quotes, brackets or separators, then a domain with a dot and a top-level part of two
 * or more characters. Configuration (MAIL_FROM, OPERATOR_EMAIL) also allows a domain without a
 * dot, such as `localhost`, for a mail server on the same machine.
 */
const LOCAL = String.raw`[^\s@<>()[\]\\,;:"]{1,64}`;
const LABEL = String.raw`[^\s@<>()[\]\\,;:"]+`;

const EMAIL = new RegExp(String.raw`^${LOCAL}@${LABEL}\.[^\s@<>()[\]\\,;:".]{2,}$`, 'u');
const LOCAL_EMAIL = new RegExp(String.raw`^${LOCAL}@${LABEL}$`, 'u');

export function isEmailAddress(text: string, options: { dotlessDomain?: boolean } = {}): boolean {
  return (options.dotlessDomain ? LOCAL_EMAIL : EMAIL).test(text);
}
