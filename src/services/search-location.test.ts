import { describe, expect, it } from 'vitest';
import { geocodePlace } from '../domain/directory/geocode.js';
import { describeSearchLocation, ignoredNote, toSearchLocation } from './search-location.js';

describe('the searched place in words', () => {
  it.each([
    ['Newport', 'Newport, Gwent (Wales)'],
    ['Leeds', 'Leeds, West Yorkshire (England)'],
    ['Bristol', 'Bristol, England'],
    ['West Yorkshire', 'West Yorkshire (England)'],
    ['North West', 'North West (England)'],
    ['London (region)', 'London (region)'],
    ['Scotland', 'Scotland'],
    ['LS1 4AP', 'LS1 4AP'],
    ['Skye', 'Isle of Skye, Highland (Scotland)'],
  ])('%s is "%s"', (text, words) => {
    expect(describeSearchLocation(toSearchLocation(geocodePlace(text)))).toBe(words);
  });

  it('says what was left out, and nothing when nothing was', () => {
    expect(ignoredNote(toSearchLocation(geocodePlace('Xyzzy, London')))).toBe(
      'Showing agencies for London; we could not place “Xyzzy”',
    );
    expect(ignoredNote(toSearchLocation(geocodePlace('London')))).toBeNull();
  });

  it('keeps each alternative as an id and a label that resolves back to it', () => {
    const location = toSearchLocation(geocodePlace('Newport'));
    expect(location.alternatives.length).toBe(5);
    for (const a of location.alternatives) expect(geocodePlace(a.label).id).toBe(a.id);
  });
});
