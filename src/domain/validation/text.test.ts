import { describe, expect, it } from 'vitest';
import { firstValue, normaliseLine, normaliseMessage } from './text.js';

describe('text cleaning', () => {
  it('makes one line of anything, and keeps line breaks in messages only', () => {
    expect(normaliseLine('  a\r\n\tb\u2028c\u0000d  ')).toBe('a b c d');
    expect(normaliseLine('x\u202Ey')).toBe('xy');
    expect(normaliseMessage('  Hello\r\nthere\rfriend\u0007  \n\n')).toBe('Hello\nthere\nfriend');
  });

  it('replaces half a surrogate pair, and keeps whole ones', () => {
    expect(normaliseLine('a\uD800b')).toBe('a\uFFFDb');
    expect(normaliseLine('😀')).toBe('😀');
  });

  it('reads the first value of a repeated query parameter', () => {
    expect(firstValue(['a', 'b'])).toBe('a');
    expect(firstValue(3)).toBe('3');
    expect(firstValue({})).toBeUndefined();
  });
});
