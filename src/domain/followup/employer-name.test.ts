import { describe, expect, it } from 'vitest';
import { isSameEmployer, mentionsEmployer, normaliseEmployerName } from './employer-name.js';

describe('employer names', () => {
  it.each([
    ['Hargreaves & Pollard LLP', 'hargreaves and pollard'],
    ['The Widget Company Ltd.', 'widget company'],
    ['Acme plc', 'acme'],
    ['Café Nero Limited', 'cafe nero'],
    ["King's College London", 'kings college london'],
  ])('%s -> %s', (name, key) => {
    expect(normaliseEmployerName(name)).toBe(key);
  });

  it('finds the employer as people write it', () => {
    expect(
      mentionsEmployer('I enjoyed meeting Hargreaves and Pollard.', 'Hargreaves & Pollard LLP'),
    ).toBe(true);
    expect(mentionsEmployer('at the University of Bristol.', 'University of Bristol')).toBe(true);
    expect(mentionsEmployer('at Bristol.', 'University of Bristol')).toBe(false);
    expect(isSameEmployer('Hargreaves and Pollard', 'Hargreaves & Pollard LLP')).toBe(true);
    expect(isSameEmployer('Acme Ltd', 'Acme Widgets Ltd')).toBe(false);
  });
});
