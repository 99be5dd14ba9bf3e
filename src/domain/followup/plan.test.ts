import { describe, expect, it } from 'vitest';
import { checkDraft } from './draft-check.js';
import { parseFollowUpInput } from './input.js';
import { planFollowUp } from './plan.js';
import { FOLLOW_UP_RULES } from './rules.js';
import { checkInOn, interviewEnding, makeInput, makeRawInput, step } from './test-support.js';
import { NOTE_PLACEHOLDERS } from './upcoming.js';
import type { Draft } from './types.js';

describe('worked examples', () => {
  it('ends Thu 15 Oct 2026 16:00 BST: not before 18:00, due Fri 16:00, sent Fri 09:00', () => {
    const plan = planFollowUp(interviewEnding('2026-10-15T16:00'));
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.notBefore).toBe('2026-10-15T18:00:00+01:00');
    expect(thanks.due).toBe('2026-10-16T16:00:00+01:00');
    expect(thanks.sendAt).toBe('2026-10-16T09:00:00+01:00');
    expect(thanks.rule).toBe('thank-you-fast-moving-email');
  });

  it('ends Sat 24 Oct 2026 15:00 BST: due Sun 25 Oct 14:00 GMT, after the clocks go back', () => {
    const plan = planFollowUp(interviewEnding('2026-10-24T15:00'));
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.due).toBe('2026-10-25T14:00:00+00:00');
    expect(thanks.notBefore).toBe('2026-10-24T17:00:00+01:00');
    // No working hours in the window: send at the start of it.
    expect(thanks.sendAt).toBe(thanks.notBefore);
  });

  it('traditional, ends Fri 16 Oct 2026 16:00: post by Sat 12:00, arrives by Mon 19 Oct', () => {
    const plan = planFollowUp(
      interviewEnding('2026-10-16T16:00', {
        employer: { style: 'traditional' },
        interviewers: [{ name: 'Anna Clarke', postalAddress: '1 High Street\nLeeds LS1 1AA' }],
      }),
    );
    const note = step(plan, 'anna-clarke:thank-you:handwritten');
    expect(note.postBy).toBe('2026-10-17T12:00:00+01:00');
    expect(note.arrivesBy).toBe('2026-10-19');
    expect(note.rule).toBe('thank-you-traditional-note');
    expect(plan.steps.filter((s) => s.kind === 'thank-you')).toHaveLength(1);
    expect(plan.warnings).toEqual([
      expect.objectContaining({ code: 'no-email-address', stepId: 'interview:check-in' }),
    ]);
  });

  it('interview Mon 12 Oct 2026, decision Wed 14 Oct: check-in Fri 16 Oct 09:30', () => {
    expect(checkInOn('2026-10-12', 'england', '2026-10-14')).toBe('2026-10-16T09:30:00+01:00');
  });

  it('interview Tue 19 May 2026, decision Fri 22 May: check-in Wed 27 May (25 May is a holiday)', () => {
    expect(checkInOn('2026-05-19', 'england', '2026-05-22')).toBe('2026-05-27T09:30:00+01:00');
  });

  it('interview Tue 28 Jul 2026, decision Fri 31 Jul: Wed 5 Aug in Scotland, Tue 4 Aug in England', () => {
    expect(checkInOn('2026-07-28', 'scotland', '2026-07-31')).toBe('2026-08-05T09:30:00+01:00');
    expect(checkInOn('2026-07-28', 'england', '2026-07-31')).toBe('2026-08-04T09:30:00+01:00');
  });

  it('interview Mon 2 Nov 2026, no decision date: check-in Mon 9 Nov', () => {
    expect(checkInOn('2026-11-02', 'england', null)).toBe('2026-11-09T09:30:00+00:00');
  });
});

describe('an upcoming interview', () => {
  const upcoming = () =>
    parseFollowUpInput(
      { ...makeRawInput({ now: '2026-10-15T09:00:00+01:00' }), notes: undefined },
      '2026-10-15T08:00:00Z',
    );

  it('plans without notes: the drafts mark where they go, and the plan says to add them after', () => {
    const input = upcoming();
    const plan = planFollowUp(input);
    const thanks = step(plan, 'ben-okafor:thank-you:email');
    expect(thanks.draft?.body).toContain(NOTE_PLACEHOLDERS.liked);
    expect(thanks.draft?.body).toContain(NOTE_PLACEHOLDERS.fit);
    expect(plan.warnings).toContainEqual({
      code: 'add-notes-after',
      message:
        'The interview has not happened yet. Once it ends (Thu 15 Oct, 16:00), add what you liked and why you would fit and plan again: the drafts mark where they go.',
    });
    for (const s of plan.steps.filter((x) => x.draft && x.kind !== 'ask-timeline')) {
      expect(checkDraft(s.draft as Draft, { input, stepId: s.id, plan })).toEqual([]);
    }
  });

  it('names only the note still missing, and says nothing once both are given', () => {
    const input = parseFollowUpInput(
      makeRawInput({ notes: { liked: 'the team', fit: '' }, now: '2026-10-15T09:00:00+01:00' }),
      '2026-10-15T08:00:00Z',
    );
    const plan = planFollowUp(input);
    expect(plan.warnings.find((w) => w.code === 'add-notes-after')?.message).toBe(
      'The interview has not happened yet. Once it ends (Thu 15 Oct, 16:00), add why you would fit and plan again: the drafts mark where it goes.',
    );
    expect(planFollowUp(makeInput()).warnings.map((w) => w.code)).not.toContain('add-notes-after');
  });
});

describe('the round', () => {
  const thankYous = (round: string | undefined, format = 'in-person') =>
    planFollowUp(
      makeInput({
        interview: { ...(round ? { round } : {}), format },
        interviewers: [
          { name: 'Anna Clarke', email: 'anna@x.example', onLinkedIn: true, contact: true },
          { name: 'Ben Okafor', email: 'ben@x.example' },
        ],
      }),
    ).steps.filter((s) => s.kind === 'thank-you' || s.kind === 'linkedin-invite');

  it('thanks them for seeing you again after a second or final interview', () => {
    for (const round of ['second', 'final']) {
      for (const s of thankYous(round)) expect(s.draft?.body).toMatch(/for seeing me again/);
    }
    for (const s of thankYous('final', 'video')) {
      expect(s.draft?.body).toMatch(/for speaking with me again/);
    }
  });

  it('changes nothing else: a first interview (the default) keeps its wording and steps', () => {
    const first = thankYous(undefined);
    expect(first.every((s) => !/\bagain\b/.test(s.draft?.body.split('\n\n')[1] ?? ''))).toBe(true);
    expect(thankYous('second').map((s) => [s.id, s.sendAt])).toEqual(
      first.map((s) => [s.id, s.sendAt]),
    );
  });
});

describe('recipients and ids', () => {
  it('thanks the hiring team when nobody is named', () => {
    const plan = planFollowUp(makeInput({ interviewers: [] }));
    const thanks = step(plan, 'hiring-team:thank-you:email');
    expect(thanks.to).toBe('the hiring team');
    expect(thanks.interviewerId).toBeUndefined();
    expect(thanks.draft?.body).toContain('hiring team');
    expect(step(plan, 'interview:check-in').to).toBe('the hiring team');
    expect(plan.warnings.map((w) => w.code)).toEqual(['no-email-address', 'no-email-address']);
  });

  it('uses given ids, else slugs of names with -2, -3 for repeats', () => {
    const plan = planFollowUp(
      makeInput({
        interviewers: [
          { name: 'Alex Smith' },
          { name: 'Alex Smith' },
          { name: 'Zoë O’Brien' },
          { name: 'Someone', id: 'alex-smith-3' },
          { name: 'Alex Smith' },
          { name: '山田 太郎' },
        ],
      }),
    );
    const ids = plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.interviewerId);
    expect(ids).toEqual([
      'alex-smith',
      'alex-smith-2',
      'zoe-o-brien',
      'alex-smith-3',
      'alex-smith-4',
      'interviewer',
    ]);
  });

  it('is deterministic for the same input', () => {
    const input = makeInput({ options: { secondCheckIn: true } });
    expect(JSON.stringify(planFollowUp(input))).toBe(JSON.stringify(planFollowUp(input)));
  });

  it('says which rule produced each step, and why, citing only known rules', () => {
    const plan = planFollowUp(makeInput({ options: { secondCheckIn: true } }));
    const ids = new Set(FOLLOW_UP_RULES.map((rule) => rule.id));
    for (const s of plan.steps) {
      expect(ids.has(s.rule)).toBe(true);
      const rule = FOLLOW_UP_RULES.find((r) => r.id === s.rule);
      expect(s.reason).toBe(rule?.reason);
      expect(s.source).toBe(rule?.source);
      expect(s.why).toMatch(/^[A-Z"].+[.]$/s);
      expect(s.why).not.toMatch(/\{[a-zA-Z]+\}/);
    }
    for (const w of plan.warnings) expect(w.message).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('lists the channels never used, each with a reason', () => {
    const plan = planFollowUp(makeInput());
    expect(plan.never.map((n) => n.channel)).toEqual([
      'phone',
      'visit',
      'facebook',
      'twitter',
      'text',
    ]);
    for (const n of plan.never) expect(n.why.length).toBeGreaterThan(20);
  });

  it('warns when planning after a send time or a due time, naming each step', () => {
    const late = planFollowUp(makeInput({ now: '2026-10-16T10:00:00+01:00' }));
    for (const [name, id] of [
      ['Anna Clarke', 'anna-clarke'],
      ['Ben Okafor', 'ben-okafor'],
    ]) {
      expect(late.warnings).toContainEqual({
        code: 'send-time-passed',
        message: `The suggested time for the thank-you to ${name} (Fri 16 Oct, 09:00) has passed: send it now, before Fri 16 Oct, 16:00.`,
        stepId: `${id}:thank-you:email`,
      });
    }
    const later = planFollowUp(makeInput({ now: '2026-10-17T10:00:00+01:00' }));
    expect(later.warnings).toContainEqual({
      code: 'window-passed',
      message:
        'The thank-you to Anna Clarke was due on Fri 16 Oct, by 16:00. A late thank-you is still better than none: send it as soon as you can.',
      stepId: 'anna-clarke:thank-you:email',
    });
    const messages = later.warnings.map((w) => w.message);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('rules data', () => {
  it('is serialisable, with unique ids, a reason and a source each', () => {
    const copy = JSON.parse(JSON.stringify(FOLLOW_UP_RULES)) as typeof FOLLOW_UP_RULES;
    expect(copy).toEqual(FOLLOW_UP_RULES);
    expect(new Set(FOLLOW_UP_RULES.map((r) => r.id)).size).toBe(FOLLOW_UP_RULES.length);
    for (const rule of FOLLOW_UP_RULES) {
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(10);
    }
  });

  it('drives the plan: a custom rule set changes it', () => {
    const noClose = FOLLOW_UP_RULES.filter((rule) => rule.id !== 'close-no-reply');
    const plan = planFollowUp(makeInput(), undefined, noClose);
    expect(plan.steps.some((s) => s.kind === 'close')).toBe(false);
  });
});
