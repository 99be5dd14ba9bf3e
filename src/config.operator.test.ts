import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../test/config-steps.js';
import { loadConfig } from './config.js';
import { DEMO_OPERATOR } from './domain/site/operator.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/shortlist');

describe('configuration of the operator (who runs the site)', () => {
  it('defaults to a demo installation with an example address', () => {
    expect(load({}).operator).toEqual(DEMO_OPERATOR);
    expect(DEMO_OPERATOR.email).toBe('privacy@shortlist.example');
  });

  it('reads OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL and OPERATOR_COMPANY_NUMBER', () => {
    expect(
      load({
        OPERATOR_NAME: 'Example Recruitment Tools Ltd',
        OPERATOR_ADDRESS: '1 Example Street, Leeds',
        OPERATOR_EMAIL: 'hello@tools.example',
        OPERATOR_COMPANY_NUMBER: 'sc123456',
      }).operator,
    ).toEqual({
      name: 'Example Recruitment Tools Ltd',
      address: '1 Example Street, Leeds',
      email: 'hello@tools.example',
      companyNumber: 'SC123456',
      demo: false,
    });
  });

  it('names every bad operator setting at once', () => {
    expect(
      configErrorOf(() =>
        load({
          OPERATOR_EMAIL: 'not an address',
          OPERATOR_COMPANY_NUMBER: '12',
          OPERATOR_NAME: 'A\u202eB',
        }),
      ).problems,
    ).toEqual([
      'OPERATOR_NAME must be plain text of at most 200 characters',
      'OPERATOR_EMAIL must be an email address (it is "not an address")',
      'OPERATOR_COMPANY_NUMBER must be a Companies House number such as 01234567 or SC123456 (it is "12")',
    ]);
  });
});
