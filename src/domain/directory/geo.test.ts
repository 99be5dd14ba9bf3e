import { describe, expect, it } from 'vitest';
import { distanceMiles } from './geo.js';

describe('distanceMiles', () => {
  it('measures distance by haversine in miles', () => {
    // Leeds to York: 35.5 km as the crow flies.
    expect(distanceMiles(53.7965, -1.5479, 53.959, -1.0815)).toBeCloseTo(22.07, 2);
  });
});
