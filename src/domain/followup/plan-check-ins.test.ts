import { describe, expect, it } from 'vitest';
import { planFollowUp } from './plan.js';
import { makeInput, step } from './test-support.js';

describe('the decision', () => {
  it('asks for the timeline when there is no decision date and the interview is ahead', () => {
    const plan = planFollowUp(makeInput({ now: '2026-10-14T09:00:00+01:00' }));
    const ask = step(plan, 'interview:ask-timeline');
    expect(ask).toMatchObject({
      channel: null,
      notBefore: '2026-10-14T09:00:00+01:00',
      due: '2026-10-15T15:00:00+01:00',
      sendAt: '2026-10-15T15:00:00+01:00',
      rule: 'ask-timeline',
    });
    expect(plan.steps[0]?.id).toBe('interview:ask-timeline');
  });

  it('does not ask once the interview has started, or when a date is known', () => {
    expect(
      planFollowUp(makeInput({ now: '2026-10-15T17:00:00+01:00' })).steps.some(
        (s) => s.kind === 'ask-timeline',
      ),
    ).toBe(false);
    expect(
      planFollowUp(
        makeInput({ now: '2026-10-14T09:00:00+01:00', decisionExpectedOn: '2026-10-20' }),
      ).steps.some((s) => s.kind === 'ask-timeline'),
    ).toBe(false);
  });

  it('checks in with the main contact, else the first interviewer', () => {
    const plan = planFollowUp(
      makeInput({
        interviewers: [
          { name: 'Ben Okafor', email: 'ben@x.example' },
          { name: 'Anna Clarke', contact: true },
        ],
      }),
    );
    expect(step(plan, 'interview:check-in')).toMatchObject({
      interviewerId: 'anna-clarke',
      to: 'Anna Clarke',
    });
    const first = planFollowUp(
      makeInput({ interviewers: [{ name: 'Ben Okafor' }, { name: 'Anna Clarke' }] }),
    );
    expect(step(first, 'interview:check-in').interviewerId).toBe('ben-okafor');
  });

  it('plans a second check-in only when asked, then the close', () => {
    const one = planFollowUp(makeInput({ decisionExpectedOn: '2026-10-20' }));
    expect(one.steps.map((s) => s.id).filter((id) => id.startsWith('interview:'))).toEqual([
      'interview:check-in',
      'interview:close',
    ]);
    // Check-in Thu 22 Oct; close 10 working days later: Thu 5 Nov.
    expect(step(one, 'interview:check-in').sendAt).toBe('2026-10-22T09:30:00+01:00');
    expect(step(one, 'interview:close')).toMatchObject({
      channel: null,
      notBefore: '2026-11-05T09:30:00+00:00',
      due: '2026-11-05T09:30:00+00:00',
      sendAt: '2026-11-05T09:30:00+00:00',
    });
    expect(step(one, 'interview:close').draft).toBeUndefined();

    const two = planFollowUp(
      makeInput({ decisionExpectedOn: '2026-10-20', options: { secondCheckIn: true } }),
    );
    // Second check-in 7 working days after Thu 22 Oct: Mon 2 Nov; close 10 later: Mon 16 Nov.
    expect(step(two, 'interview:second-check-in')).toMatchObject({
      sendAt: '2026-11-02T09:30:00+00:00',
      due: '2026-11-02T17:30:00+00:00',
      channel: 'email',
    });
    expect(step(two, 'interview:close').sendAt).toBe('2026-11-16T09:30:00+00:00');
    expect(step(two, 'interview:close').why).toContain('no reply');
  });
});
