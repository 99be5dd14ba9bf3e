import { describe, expect, it } from 'vitest';
import { checkDraft } from './draft-check.js';
import { planFollowUp } from './plan.js';
import { makeInput, step, type RawInput } from './test-support.js';
import type { Draft } from './types.js';

describe('panels', () => {
  const panel = (employer: RawInput, chairEmail: boolean) =>
    makeInput({
      employer,
      interviewers: [
        {
          name: 'Margaret Hale',
          chair: true,
          contact: true,
          ...(chairEmail ? { email: 'm.hale@brightwater.example' } : {}),
        },
        { name: 'Tom Reed' },
        { name: 'Aisha Khan', title: 'HR Partner' },
      ],
    });

  it('thanks the panel through the chair when nobody else has an address', () => {
    const input = panel({}, true);
    const plan = planFollowUp(input);
    expect(plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
      'margaret-hale:thank-you:email',
    ]);
    const thanks = step(plan, 'margaret-hale:thank-you:email');
    expect(thanks.why).toContain(
      'There is no address for Tom Reed and Aisha Khan, so this one email thanks the whole panel through Margaret Hale and asks for the thanks to be passed on.',
    );
    expect(thanks.draft?.body).toContain(
      '\n\nI would be grateful if you could pass my thanks on to Tom Reed and Aisha Khan as well.\n\n',
    );
    expect(checkDraft(thanks.draft as Draft, { input, stepId: thanks.id, plan })).toEqual([]);
    expect(plan.warnings.filter((w) => w.code === 'no-email-address')).toEqual([]);
  });

  it('thanks the panel through the hiring team’s address when the chair has none', () => {
    const input = panel({ hiringTeamEmail: 'jobs@brightwater.example' }, false);
    const plan = planFollowUp(input);
    expect(plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
      'hiring-team:thank-you:email',
    ]);
    const thanks = step(plan, 'hiring-team:thank-you:email');
    expect(thanks).toMatchObject({ to: 'the hiring team', rule: 'thank-you-panel' });
    expect(thanks.draft?.body).toContain(
      'I would be grateful if you could pass my thanks on to everyone on the panel: Margaret Hale, Tom Reed and Aisha Khan.',
    );
    expect(checkDraft(thanks.draft as Draft, { input, stepId: thanks.id, plan })).toEqual([]);
  });

  it('writes to each person as before when they have addresses, or nobody can carry it', () => {
    const none = planFollowUp(panel({}, false));
    expect(none.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
      'margaret-hale:thank-you:email',
      'tom-reed:thank-you:email',
      'aisha-khan:thank-you:email',
    ]);
    const addressed = planFollowUp(
      makeInput({
        interviewers: [
          { name: 'Margaret Hale', chair: true, email: 'm@x.example' },
          { name: 'Tom Reed', email: 't@x.example' },
        ],
      }),
    );
    expect(addressed.steps.filter((s) => s.kind === 'thank-you')).toHaveLength(2);
    expect(addressed.steps.every((s) => !s.draft?.body.includes('pass my thanks on'))).toBe(true);
  });
});
