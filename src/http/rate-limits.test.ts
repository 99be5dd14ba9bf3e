import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JANE_ASKS } from '../../test/enquiry-bodies.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { TEST_DATABASES } from '../../test/databases.js';
import { fixedClock } from '../../test/enquiries.js';
import { acmeYorkDirectory } from '../../test/acme-directory.js';

const directory = acmeYorkDirectory({ website: 'https://acme.example/' });

const candidate = { ...JANE_ASKS, branchId: 'acme-york' };

describe.each(TEST_DATABASES)('limits shared by every worker on $name', (database) => {
  // Two apps over one database: two workers, or two instances.
  let first: TestApp;
  let second: TestApp;
  beforeEach(async () => {
    const clock = fixedClock('2026-11-26T09:00:00.000Z');
    first = await buildTestApp(directory, { clock }, {}, { database });
    second = await buildTestApp(directory, { clock }, {}, { db: first.db });
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  const send = (t: TestApp, url: string, payload: object, ip = '203.0.113.9') =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

  it('counts enquiries from one IP address across both: the sixth in 10 minutes is refused', async () => {
    const url = '/api/agencies/acme-driving/enquiries';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await send(i % 2 === 0 ? first : second, url, candidate)).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await send(first, url, candidate);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('600');
    // Another address has its own count.
    expect((await send(second, url, candidate, '203.0.113.10')).statusCode).toBe(201);
  });

  it('counts reveals across both: 60 in 10 minutes, then 429', async () => {
    const url = '/api/agencies/acme-driving/reveals';
    for (let i = 0; i < 60; i += 1) {
      const res = await send(i % 2 === 0 ? first : second, url, { kind: 'website' });
      expect(res.statusCode).toBe(200);
    }
    const refused = await send(second, url, { kind: 'website' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      errors: [
        {
          field: null,
          code: 'rate-limited',
          message:
            'You have sent 60 requests in 10 minutes, the most we accept from one connection: please wait 10 minutes and try again',
        },
      ],
    });
  });
});

describe('ENQUIRY_RATE_LIMIT', () => {
  it('sets how many enquiries one IP address may send in 10 minutes', async () => {
    const t = await buildTestApp(directory, {
      clock: fixedClock('2026-11-26T09:00:00.000Z'),
      enquiryRateLimit: { max: 2, windowMs: 10 * 60_000 },
    });
    try {
      const url = '/api/agencies/acme-driving/enquiries';
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await t.app.inject({ method: 'POST', url, payload: candidate })).statusCode);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await t.close();
    }
  });
});
