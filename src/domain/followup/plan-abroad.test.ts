import { describe, expect, it } from 'vitest';
import { planFollowUp } from './plan.js';
import { makeInput, step, type RawInput } from './test-support.js';

describe('a candidate outside the UK', () => {
  const abroad = (timeZone: string, overrides: RawInput = {}) =>
    planFollowUp(
      makeInput({
        candidate: { timeZone },
        employer: { style: 'traditional' },
        interviewers: [
          {
            name: 'Anna Clarke',
            email: 'anna@x.example',
            postalAddress: '1 High St',
            contact: true,
          },
        ],
        now: '2026-10-15T08:00:00Z',
        ...overrides,
      }),
    );

  it('sends an email instead of a note, with the reason', () => {
    const plan = abroad('America/New_York');
    expect(plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
      'anna-clarke:thank-you:email',
    ]);
    expect(step(plan, 'anna-clarke:thank-you:email').rule).toBe('handwritten-abroad');
    expect(plan.warnings).toContainEqual({
      code: 'abroad-no-note',
      message:
        'You are outside the UK, so a first-class note to Anna Clarke is not possible: the thank-you goes by email instead.',
      stepId: 'anna-clarke:thank-you:email',
    });
  });

  it('sends inside both their waking hours and the employer’s working hours, showing both', () => {
    const plan = abroad('America/New_York');
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    // Fri 16 Oct: the employer works 09:00-17:30 London (04:00-12:30 New York); 08:00 New York
    // is the first moment both are about.
    expect(thanks.sendAt).toBe('2026-10-16T08:00:00-04:00');
    expect(thanks.employerSendAt).toBe('2026-10-16T13:00:00+01:00');
    expect(thanks.why).toContain(
      'You are outside the UK: Fri 16 Oct at 08:00 your time is Fri 16 Oct at 13:00 for Brightwater Analytics Ltd (Europe/London), inside both your waking hours and their working hours.',
    );
    // The check-in is not at 04:30 their time.
    const checkIn = step(plan, 'interview:check-in');
    expect(checkIn.sendAt).toBe('2026-10-22T08:00:00-04:00');
    expect(checkIn.employerSendAt).toBe('2026-10-22T13:00:00+01:00');
    expect(plan.warnings.map((w) => w.code)).not.toContain('scheduled-send');
  });

  it('uses the employer’s 09:00 by scheduled send, with a warning, when the hours never meet', () => {
    const plan = abroad('Pacific/Auckland');
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.employerSendAt).toBe('2026-10-16T09:00:00+01:00');
    expect(thanks.sendAt).toBe('2026-10-16T21:00:00+13:00');
    expect(step(plan, 'interview:check-in').employerSendAt).toBe('2026-10-22T09:00:00+01:00');
    expect(plan.warnings).toContainEqual({
      code: 'scheduled-send',
      message:
        "The thank-you to Anna Clarke: your waking hours (08:00 to 21:00, Pacific/Auckland) and Brightwater Analytics Ltd's working hours (09:00 to 17:30, Europe/London) do not meet, so schedule it in your mail app for Fri 16 Oct at 09:00 their time (Fri 16 Oct at 21:00 yours).",
      stepId: 'anna-clarke:thank-you:email',
    });
    expect(plan.warnings.filter((w) => w.code === 'scheduled-send')).toHaveLength(2);
  });

  it('treats UK zone names other than Europe/London as the UK', () => {
    for (const zone of ['Europe/Belfast', 'GB']) {
      const plan = abroad(zone);
      expect(plan.steps.map((s) => s.id)).toContain('anna-clarke:thank-you:handwritten');
      expect(plan.steps.every((s) => s.employerSendAt === undefined)).toBe(true);
    }
  });
});
