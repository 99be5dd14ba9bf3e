import { describe, expect, it } from 'vitest';
import { checkDraft } from './draft-check.js';
import { planFollowUp } from './plan.js';
import { makeInput, step, type RawInput } from './test-support.js';
import type { Draft } from './types.js';

describe('an interview through a recruitment agency', () => {
  const recruiter = {
    consultant: 'Priya Shah',
    email: 'priya@agency.example',
    phone: '0113 496 0000',
  };
  const throughAgency = (overrides: RawInput = {}) =>
    makeInput({
      recruiter,
      interviewers: [
        { name: 'Anna Clarke', email: 'anna@x.example', contact: true },
        { name: 'Ben Okafor' },
        { name: 'Tom Reed' },
      ],
      ...overrides,
    });

  it('debriefs the consultant the same day, saying that phoning them is expected', () => {
    const plan = planFollowUp(throughAgency());
    const debrief = step(plan, 'recruiter:debrief:email');
    expect(debrief).toMatchObject({
      kind: 'debrief',
      to: 'Priya Shah',
      notBefore: '2026-10-15T16:00:00+01:00',
      due: '2026-10-15T21:00:00+01:00',
      rule: 'recruiter-debrief',
    });
    expect(debrief.why).toContain(
      'The never list is about the employer: phoning your own consultant is expected.',
    );
    expect(plan.steps[1]?.id).toBe('recruiter:debrief:email');
  });

  it('thanks through the consultant those without an address, and the others directly', () => {
    const input = throughAgency();
    const plan = planFollowUp(input);
    expect(plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
      'anna-clarke:thank-you:email',
      'recruiter:thank-you:email',
    ]);
    const through = step(plan, 'recruiter:thank-you:email');
    expect(through.why).toBe(
      'There is no address for Ben Okafor and Tom Reed, so Priya Shah at the agency passes your thanks on. Anyone whose address you have is thanked directly.',
    );
    expect(through.draft?.body).toContain(
      'I would be grateful if you could pass my thanks on to Ben Okafor and Tom Reed for their time',
    );
    expect(plan.warnings.filter((w) => w.code === 'no-email-address')).toEqual([]);
  });

  it('passes the notes on to the consultant as sentences, never pasted in raw', () => {
    const plan = planFollowUp(
      throughAgency({
        notes: {
          liked: 'Flexible hours, good pension',
          fit: 'asked why I left my last job after only 18 months',
          questions: [],
        },
      }),
    );
    const body = step(plan, 'recruiter:thank-you:email').draft?.body ?? '';
    expect(body).not.toContain('I especially liked Flexible hours');
    expect(body).not.toContain('pension');
    expect(body).not.toContain('I believe asked why');
    const plain = step(planFollowUp(throughAgency()), 'recruiter:thank-you:email').draft?.body;
    expect(plain).toContain(
      'I especially liked the weekly show-and-tell where analysts present their work to the board.',
    );
  });

  it('checks the debrief for pay, complaints and pressure, but not for asking to call', () => {
    const input = throughAgency();
    const plan = planFollowUp(input);
    const codes = (text: string) =>
      checkDraft(text, { input, stepId: 'recruiter:debrief:email', plan }).map((f) => f.code);
    const base = 'Dear Priya,\n\nThank you for arranging the interview. Could we talk today?';
    expect(codes(`${base}\n\nSam`)).toEqual([]);
    expect(codes(`${base} My current employer is a nightmare.\n\nSam`)).toContain('negative');
    expect(codes(`${base} I will need your answer by Friday.\n\nSam`)).toContain('pushy');
  });

  it('exempts the names passed on only in the message that carries their thanks', () => {
    const input = throughAgency();
    const plan = planFollowUp(input);
    const through = step(plan, 'recruiter:thank-you:email').draft as Draft;
    expect(checkDraft(through, { input, stepId: 'recruiter:thank-you:email', plan })).toEqual([]);
    const toAnna = step(plan, 'anna-clarke:thank-you:email').draft as Draft;
    const codes = checkDraft(
      {
        ...toAnna,
        body: `Please thank Ben Okafor too.\n\n${toAnna.body}`,
      },
      { input, stepId: 'anna-clarke:thank-you:email', plan },
    ).map((f) => f.code);
    expect(codes).toContain('wrong-recipient');
  });

  it('sends the check-ins to the consultant, not the employer', () => {
    const plan = planFollowUp(throughAgency({ options: { secondCheckIn: true } }));
    for (const id of ['interview:check-in', 'interview:second-check-in']) {
      const checkIn = step(plan, id);
      expect(checkIn.to).toBe('Priya Shah');
      expect(checkIn.interviewerId).toBeUndefined();
      expect(checkIn.draft?.body.startsWith('Dear Priya,')).toBe(true);
      expect(checkIn.why).toContain('so the check-in goes to them rather than to');
    }
  });

  it('checks drafts to the consultant as written to them, with no asks-for-call', () => {
    const input = throughAgency();
    const plan = planFollowUp(input);
    for (const s of plan.steps.filter((x) => x.to === 'Priya Shah')) {
      expect(checkDraft(s.draft as Draft, { input, stepId: s.id, plan })).toEqual([]);
    }
    const callMe =
      'Dear Priya,\n\nThank you for arranging the interview at Brightwater Analytics. Could you give me a call?\n\nSam';
    expect(
      checkDraft(callMe, { input, stepId: 'recruiter:debrief:email', plan }).map((f) => f.code),
    ).not.toContain('asks-for-call');
    expect(
      checkDraft(callMe.replace('Priya', 'Anna'), {
        input,
        stepId: 'anna-clarke:thank-you:email',
        plan,
      }).map((f) => f.code),
    ).toContain('asks-for-call');
  });
});
