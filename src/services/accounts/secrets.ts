/**
 * The secrets of accounts: password hashes (scrypt from node:crypto, parameters and salt stored
 * with the hash) and random tokens (session ids, API tokens, reset links, calendar feeds), of which
 * only a SHA-256 hash is ever stored.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 uses 32 MiB and about 0.1 s per hash on one core. */
const SCRYPT_PARAMS = Object.freeze({
  N: 2 ** 15,
  r: 8,
  p: 1,
  keyLength: 32,
  saltBytes: 16,
});

/** Token prefixes, so a leaked token is recognisable (secret scanners, support). */
const TOKEN_PREFIXES = Object.freeze({
  session: 'sls_',
  api: 'sl_',
  reset: 'slr_',
  feed: 'slf_',
});
type TokenKind = keyof typeof TOKEN_PREFIXES;

function deriveKey(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function scryptOptions(N: number, r: number, p: number): ScryptOptions {
  // Node refuses when 128 * N * r reaches maxmem; leave room above the 32 MiB it needs.
  return { N, r, p, maxmem: 128 * N * r * 2 };
}

/** Hashes a password: `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltBytes } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await deriveKey(password, salt, keyLength, scryptOptions(N, r, p));
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return undefined;
  const parsed = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(parsed).every((value) => Number.isInteger(value) && value > 0)) {
    return undefined;
  }
  return { ...parsed, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** True when the password matches the stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await deriveKey(
    password,
    parsed.salt,
    parsed.key.length,
    scryptOptions(parsed.N, parsed.r, parsed.p),
  );
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than today's (rehash at next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.N < SCRYPT_PARAMS.N ||
    parsed.r < SCRYPT_PARAMS.r ||
    parsed.p < SCRYPT_PARAMS.p ||
    parsed.key.length < SCRYPT_PARAMS.keyLength
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Does the work of checking a password against an account that does not exist, so a sign-in
 * for an unknown address takes as long as one for a known address. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A new random token of a kind: its prefix and 32 random bytes in base64url (256 bits). */
export function createToken(kind: TokenKind): string {
  return `${TOKEN_PREFIXES[kind]}${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 hex digest of a token: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when the text has the shape of a token of this kind (cheap check before a lookup). */
export function isTokenShaped(kind: TokenKind, token: string): boolean {
  const prefix = TOKEN_PREFIXES[kind];
  return token.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(prefix.length));
}
