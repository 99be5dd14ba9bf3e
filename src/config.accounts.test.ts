import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../test/config-steps.js';
import { loadConfig } from './config.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/shortlist');

describe('configuration of accounts', () => {
  it('defaults: the local address, 14 idle days, 10 attempts per 15 minutes, no proxy', () => {
    expect(load({ PORT: '8080' })).toMatchObject({
      publicUrl: 'http://localhost:8080',
      sessionIdleDays: 14,
      authRateLimit: 10,
      trustProxy: false,
    });
  });

  it('reads PUBLIC_URL (without its trailing slash), SESSION_IDLE_DAYS, AUTH_RATE_LIMIT, TRUST_PROXY', () => {
    expect(
      load({
        PUBLIC_URL: 'https://shortlist.example/',
        SESSION_IDLE_DAYS: '30',
        AUTH_RATE_LIMIT: '5',
        TRUST_PROXY: 'true',
      }),
    ).toMatchObject({
      publicUrl: 'https://shortlist.example',
      sessionIdleDays: 30,
      authRateLimit: 5,
      trustProxy: true,
    });
  });

  it('reports every bad value at once', () => {
    expect(
      configErrorOf(() =>
        load({ PUBLIC_URL: 'ftp://x', SESSION_IDLE_DAYS: '0', TRUST_PROXY: 'maybe' }),
      ).problems,
    ).toEqual([
      'PUBLIC_URL must be the site\'s address, such as https://shortlist.example (it is "ftp://x")',
      'SESSION_IDLE_DAYS must be a whole number from 1 to 365 (it is "0")',
      'TRUST_PROXY must be true or false (it is "maybe")',
    ]);
  });
});
