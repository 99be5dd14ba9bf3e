import { describe, expect, it } from 'vitest';
import { closeMatches } from './gazetteer-index.js';

describe('closeMatches', () => {
  it('finds close spellings, closest and most populous first', () => {
    expect(closeMatches('Manchestr')[0]?.id).toBe('town:manchester');
    expect(closeMatches('Birmingam')[0]?.id).toBe('town:birmingham');
    expect(closeMatches('ab')).toEqual([]);
  });
});
