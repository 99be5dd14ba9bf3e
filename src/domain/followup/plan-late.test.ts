import { describe, expect, it } from 'vitest';
import { checkDraft } from './draft-check.js';
import { planFollowUp } from './plan.js';
import { makeInput, step } from './test-support.js';
import type { Draft } from './types.js';

describe('planning after the time has passed', () => {
  const margaret = (now: string) =>
    makeInput({
      interview: { startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T11:00' },
      interviewers: [
        { name: 'Margaret Hale', email: 'm.hale@brightwater.example', contact: true },
        { name: 'Ben Okafor', email: 'ben@brightwater.example' },
      ],
      now,
    });

  it('combines a late thank-you and a check-in due the same day into one message', () => {
    // Thu 3 Dec, no decision date: the check-in is Thu 10 Dec, the day the plan is made.
    const input = margaret('2026-12-10T08:00:00Z');
    const plan = planFollowUp(input);
    expect(plan.steps.map((s) => s.id)).toEqual([
      'ben-okafor:thank-you:email',
      'margaret-hale:thank-you-check-in:email',
      'interview:close',
    ]);
    const combined = step(plan, 'margaret-hale:thank-you-check-in:email');
    expect(combined).toMatchObject({
      kind: 'thank-you-check-in',
      channel: 'email',
      interviewerId: 'margaret-hale',
      to: 'Margaret Hale',
      sendAt: '2026-12-10T09:30:00+00:00',
      due: '2026-12-10T17:30:00+00:00',
      rule: 'late-thank-you-check-in',
      why: 'The thank-you to Margaret Hale was due on Fri 4 Dec at 11:00, and the check-in is due now too, so they go together as one polite email: two messages on the same day would crowd them.',
    });
    expect(combined.draft).toEqual({
      subject: 'Thank you – Data Analyst at Brightwater Analytics',
      body: [
        'Dear Margaret,',
        'Thank you for your time on Thursday 3 December, and for talking to me about the Data Analyst role at Brightwater Analytics Ltd. I am sorry that this comes later than I intended.',
        'I especially liked the weekly show-and-tell where analysts present their work to the board.',
        'I would also be grateful to hear whether there is any news on the next steps, whenever you have a moment. I remain very keen on the role.',
        'Thank you again for considering me.',
        'Best wishes,\nSam Patel',
      ].join('\n\n'),
    });
    expect(checkDraft(combined.draft as Draft, { input, stepId: combined.id, plan })).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        code: 'window-passed',
        message:
          'The thank-you to Margaret Hale was due on Fri 4 Dec, by 11:00. It goes now with the check-in, as one email.',
        stepId: 'margaret-hale:thank-you-check-in:email',
      },
      {
        code: 'window-passed',
        message:
          'The thank-you to Ben Okafor was due on Fri 4 Dec, by 11:00. A late thank-you is still better than none: send it as soon as you can.',
        stepId: 'ben-okafor:thank-you:email',
      },
    ]);
  });

  it('checks the combined message like a check-in: pushy wording is found', () => {
    const input = margaret('2026-12-10T08:00:00Z');
    const plan = planFollowUp(input);
    const findings = checkDraft(
      'Dear Margaret,\n\nThank you for the interview at Brightwater Analytics. Have you made a decision yet? Call me ASAP.\n\nSam',
      { input, stepId: 'margaret-hale:thank-you-check-in:email', plan },
    );
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['pushy']));
  });

  it('checks the combined message for pay and complaints, like every message to the employer', () => {
    const input = margaret('2026-12-10T08:00:00Z');
    const plan = planFollowUp(input);
    const codes = checkDraft(
      'Dear Margaret,\n\nThank you for the interview at Brightwater Analytics. My current employer is a nightmare, and I would need £45k.\n\nKind regards,\nSam',
      { input, stepId: 'margaret-hale:thank-you-check-in:email', plan },
    ).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['negative', 'salary']));
  });

  it('keeps them apart when the check-in is not due that day', () => {
    const plan = planFollowUp(margaret('2026-12-09T08:00:00Z'));
    expect(plan.steps.map((s) => s.id)).toEqual([
      'margaret-hale:thank-you:email',
      'ben-okafor:thank-you:email',
      'interview:check-in',
      'interview:close',
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain(
      'The thank-you to Margaret Hale was due on Fri 4 Dec, by 11:00. A late thank-you is still better than none: send it as soon as you can.',
    );
  });
});
