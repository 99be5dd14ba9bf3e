import { describe, expect, it } from 'vitest';
import { parseFollowUpInput } from '../../domain/followup/index.js';
import { makeRawInput } from '../../domain/followup/test-support.js';
import { toRawInput } from '../followup/followup-input.js';
import { describeAgency, resolveAgency, toFollowUpForm } from './interview-form.js';

const LISTINGS = {
  snapshot: {
    get: () => ({
      derived: {
        listings: new Map([
          ['acme-driving', { listing: { name: 'Acme Driving' } }],
          ['acme-care', { listing: { name: 'Acme Care' } }],
          ['twin-a', { listing: { name: 'Twin Recruitment' } }],
          ['twin-b', { listing: { name: 'Twin Recruitment' } }],
        ]),
      },
    }),
  },
};

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

describe('a saved interview in the form', () => {
  it('carries the round, your time zone, the recruiter, the chair and the team address back', () => {
    const input = parseFollowUpInput(
      makeRawInput({
        interview: { round: 'final' },
        candidate: { timeZone: 'America/New_York' },
        employer: { hiringTeamEmail: 'jobs@brightwater.example' },
        recruiter: {
          consultant: 'Priya Shah',
          email: 'priya@agency.example',
          phone: '0113 496 0000',
        },
        interviewers: [{ name: 'Margaret Hale', chair: true }, { name: 'Tom Reed' }],
      }),
      '2026-10-15T11:00:00Z',
    );
    const form = toFollowUpForm(input);
    expect(form.values).toMatchObject({
      'interview.round': 'final',
      'candidate.timeZone': 'America/New_York',
      'employer.hiringTeamEmail': 'jobs@brightwater.example',
      'recruiter.consultant': 'Priya Shah',
      'recruiter.email': 'priya@agency.example',
      'recruiter.phone': '0113 496 0000',
      'interviewers[0].chair': 'yes',
    });
    const again = parseFollowUpInput(toRawInput(form).raw, '2026-10-15T11:00:00Z');
    expect(again.interview.round).toBe('final');
    expect(again.recruiter).toEqual(input.recruiter);
    expect(again.employer.hiringTeamEmail).toBe('jobs@brightwater.example');
    expect(again.interviewers.map((i) => i.chair ?? false)).toEqual([true, false]);
    expect(again.candidate.timeZone).toBe('America/New_York');
  });
});
