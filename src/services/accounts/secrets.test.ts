import { describe, expect, it } from 'vitest';
import {
  createToken,
  hashPassword,
  hashToken,
  isTokenShaped,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './secrets.js';

describe('password hashes', () => {
  it('are scrypt with N=2^15, r=8, p=1 and a 16-byte salt, stored with the hash', async () => {
    const stored = await hashPassword('violet kettle harbour');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('violet kettle harbour', stored)).toBe(true);
    expect(await verifyPassword('violet kettle harbouR', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salt every hash: the same password twice gives two hashes', async () => {
    expect(await hashPassword('violet kettle harbour')).not.toBe(
      await hashPassword('violet kettle harbour'),
    );
  });

  it('verify with the parameters stored, and ask for a rehash when they are weaker', async () => {
    const weak = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$';
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
    expect(await verifyDummyPassword('anything')).toBe(false);
  });
});

describe('tokens', () => {
  it('carry their kind’s prefix and 256 random bits; only their SHA-256 is stored', () => {
    const token = createToken('api');
    expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    expect(isTokenShaped('api', token)).toBe(true);
    expect(isTokenShaped('session', token)).toBe(false);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(createToken('api')).not.toBe(token);
    expect(createToken('session').startsWith('sls_')).toBe(true);
    expect(createToken('reset').startsWith('slr_')).toBe(true);
    expect(createToken('feed').startsWith('slf_')).toBe(true);
  });
});
