import { describe, expect, it } from 'vitest';
import { foreignName, wholeCountry } from './gazetteer-abroad.js';

describe('names abroad', () => {
  it.each([
    ['Paris', true],
    ['Dublin', true],
    ['New York', true],
    ['Jersey', true],
    ['France', true],
    ['Saint Helier', false],
  ])('%j is abroad (major: %s)', (text, major) => {
    expect(foreignName(text)).toMatchObject({ major });
  });

  // The names abroad are normalised by scripts/build-places.mjs with its own copy of
  // normaliseName: these would not be found if the two disagreed.
  it.each([
    ['Saint-Étienne'],
    ["L'Aquila"],
    ['São Paulo'],
    ['Zürich'],
    ['Saint Anton am Arlberg'],
    ['St. Georgen am Längsee'],
    ['Bergen op Zoom'],
  ])('%j is found abroad', (text) => {
    expect(foreignName(text)).not.toBeNull();
  });

  it('does not take made-up names for places abroad', () => {
    expect(foreignName('Xqzzyville')).toBeNull();
    expect(foreignName('Manchestr')).toBeNull();
  });

  it('knows the whole country', () => {
    expect(wholeCountry('UK')).toBe('uk');
    expect(wholeCountry('United Kingdom')).toBe('uk');
    expect(wholeCountry('Great Britain')).toBe('gb');
    expect(wholeCountry('England')).toBeNull();
  });
});
