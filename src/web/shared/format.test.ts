import { describe, expect, it } from 'vitest';
import { formatWholeMiles, textareaRows } from './format.js';

describe('textareaRows', () => {
  it('gives a line a row (one spare), about 60 characters a row, within the bounds', () => {
    expect(textareaRows('Hello', 8)).toBe(8);
    expect(textareaRows('Hello', 1)).toBe(2);
    expect(textareaRows(Array.from({ length: 12 }, () => 'line').join('\n'), 8)).toBe(13);
    expect(textareaRows(Array.from({ length: 12 }, () => 'line').join('\r\n'), 8)).toBe(13);
    expect(textareaRows('x'.repeat(121), 1)).toBe(4);
    expect(textareaRows('line\n'.repeat(100), 8)).toBe(24);
    expect(textareaRows('line\n'.repeat(100), 4, 10)).toBe(10);
  });
});

describe('formatWholeMiles', () => {
  it('rounds once to whole miles', () => {
    expect(formatWholeMiles(0)).toBe('less than a mile');
    expect(formatWholeMiles(0.49)).toBe('less than a mile');
    expect(formatWholeMiles(0.5)).toBe('1 mile');
    expect(formatWholeMiles(1.49)).toBe('1 mile');
    expect(formatWholeMiles(2.1)).toBe('2 miles');
    // 12.46 is 12, though 12.46 rounded to tenths first (12.5) would give 13.
    expect(formatWholeMiles(12.46)).toBe('12 miles');
  });
});
