import { describe, expect, it } from 'vitest';
import { describeAgency, resolveAgency } from './interview-form.js';

const LISTINGS = new Map([
  ['acme-driving', { listing: { name: 'Acme Driving' } }],
  ['acme-care', { listing: { name: 'Acme Care' } }],
  ['twin-a', { listing: { name: 'Twin Recruitment' } }],
  ['twin-b', { listing: { name: 'Twin Recruitment' } }],
]);

describe('the agency box of the interview form', () => {
  it('takes the slug, the address of the agency’s page or its name as listed', () => {
    expect(resolveAgency('acme-driving', LISTINGS)).toBe('acme-driving');
    expect(resolveAgency('  Acme-Driving ', LISTINGS)).toBe('acme-driving');
    expect(
      resolveAgency('https://shortlist.example/agencies/acme-care?purpose=job', LISTINGS),
    ).toBe('acme-care');
    expect(resolveAgency('/agencies/acme-care', LISTINGS)).toBe('acme-care');
    expect(resolveAgency('acme  driving', LISTINGS)).toBe('acme-driving');
    expect(resolveAgency('ACME CARE', LISTINGS)).toBe('acme-care');
  });

  it('leaves anything else as typed, for the service to report (a shared name too)', () => {
    expect(resolveAgency('', LISTINGS)).toBe('');
    expect(resolveAgency('   ', LISTINGS)).toBe('');
    expect(resolveAgency('Nobody Ltd', LISTINGS)).toBe('Nobody Ltd');
    expect(resolveAgency('Twin Recruitment', LISTINGS)).toBe('Twin Recruitment');
    expect(resolveAgency('/agencies/no-such-agency', LISTINGS)).toBe('/agencies/no-such-agency');
  });

  it('shows a saved agency by its name, or its slug when the directory no longer has it', () => {
    expect(describeAgency('acme-driving', LISTINGS)).toBe('Acme Driving');
    expect(describeAgency('gone-agency', LISTINGS)).toBe('gone-agency');
  });
});
