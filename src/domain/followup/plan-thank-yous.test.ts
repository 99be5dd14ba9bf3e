import { describe, expect, it } from 'vitest';
import { planFollowUp } from './plan.js';
import { interviewEnding, makeInput, step, type RawInput } from './test-support.js';

describe('channels', () => {
  const thankYouChannels = (overrides: RawInput) =>
    planFollowUp(makeInput(overrides))
      .steps.filter((s) => s.kind === 'thank-you' && s.interviewerId === 'anna-clarke')
      .map((s) => `${s.channel}:${s.rule}`);
  const withAddress = [
    { name: 'Anna Clarke', email: 'anna@x.example', postalAddress: '1 High St, Leeds' },
  ];
  const early = { startsAt: '2026-10-15T12:00', endsAt: '2026-10-15T13:00' };

  it('emails fast-moving employers', () => {
    expect(thankYouChannels({ interviewers: withAddress })).toEqual([
      'email:thank-you-fast-moving-email',
    ]);
  });

  it('writes to traditional employers, adding an email when the decision is within 3 working days', () => {
    const traditional = {
      employer: { style: 'traditional' },
      interviewers: withAddress,
      interview: early,
    };
    expect(thankYouChannels({ ...traditional, decisionExpectedOn: '2026-10-30' })).toEqual([
      'handwritten:thank-you-traditional-note',
    ]);
    // Interview Thu 15 Oct: Fri 16 (1), Mon 19 (2), Tue 20 (3) -> within; Wed 21 (4) -> not.
    expect(thankYouChannels({ ...traditional, decisionExpectedOn: '2026-10-20' })).toEqual([
      'handwritten:thank-you-traditional-note',
      'email:thank-you-quick-decision-email',
    ]);
    expect(thankYouChannels({ ...traditional, decisionExpectedOn: '2026-10-21' })).toEqual([
      'handwritten:thank-you-traditional-note',
    ]);
    expect(thankYouChannels({ ...traditional, decisionExpectedOn: '2026-10-15' })).toContain(
      'email:thank-you-quick-decision-email',
    );
  });

  it('does not add the quick-decision email when the interviewer asked for a note', () => {
    expect(
      thankYouChannels({
        interviewers: [{ ...withAddress[0], channel: 'handwritten' }],
        interview: early,
        // Within 3 working days, but the note (posted Fri 16, arriving Sat 17) is in time.
        decisionExpectedOn: '2026-10-19',
      }),
    ).toEqual(['handwritten:thank-you-requested-handwritten']);
  });

  it('uses the sector when the style is unknown, matching slugs case-insensitively', () => {
    const bySector = (sector: string | null) =>
      thankYouChannels({
        employer: { style: 'unknown', sector },
        interviewers: withAddress,
        interview: early,
      });
    expect(bySector('legal')).toEqual(['handwritten:thank-you-sector-traditional-note']);
    expect(bySector('FinancialServices')).toEqual([
      'handwritten:thank-you-sector-traditional-note',
    ]);
    expect(bySector('Financial Services')).toEqual([
      'handwritten:thank-you-sector-traditional-note',
    ]);
    expect(bySector('IT')).toEqual(['email:thank-you-sector-fast-moving-email']);
    expect(bySector('Media & PR')).toEqual(['email:thank-you-sector-fast-moving-email']);
    expect(bySector('retail')).toEqual(['email:thank-you-default-email']);
    expect(bySector('Government / Public Sector')).toEqual([
      'handwritten:thank-you-sector-traditional-note',
    ]);
    expect(bySector('Accounting & Finance')).toEqual([
      'handwritten:thank-you-sector-traditional-note',
    ]);
    expect(bySector('legal/conveyancing')).toEqual([
      'handwritten:thank-you-sector-traditional-note',
    ]);
    expect(bySector('mediapr')).toEqual(['email:thank-you-sector-fast-moving-email']);
    expect(bySector(null)).toEqual(['email:thank-you-default-email']);
  });

  it('ignores the sector when the style is known', () => {
    expect(
      thankYouChannels({
        employer: { style: 'fast-moving', sector: 'legal' },
        interviewers: withAddress,
      }),
    ).toEqual(['email:thank-you-fast-moving-email']);
  });

  it('falls back to email, with a warning, when a note has no postal address', () => {
    const plan = planFollowUp(makeInput({ employer: { style: 'traditional' }, interview: early }));
    const anna = plan.steps.filter(
      (s) => s.interviewerId === 'anna-clarke' && s.kind === 'thank-you',
    );
    expect(anna.map((s) => `${s.channel}:${s.rule}`)).toEqual(['email:handwritten-needs-address']);
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'no-postal-address', stepId: 'anna-clarke:thank-you:email' }),
    );
  });

  it('posts a note by the first collection day after the interview day, with no duplicate email', () => {
    const note = (end: string, nation = 'england') => {
      const plan = planFollowUp(
        interviewEnding(end, {
          interview: { nation },
          employer: { style: 'traditional' },
          interviewers: withAddress,
          now: `${end.slice(0, 10)}T06:00:00Z`,
        }),
      );
      expect(plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.id)).toEqual([
        'anna-clarke:thank-you:handwritten',
      ]);
      const found = step(plan, 'anna-clarke:thank-you:handwritten');
      expect(found.due).toBe(found.postBy);
      expect(found.sendAt).toBe(found.notBefore);
      return [found.postBy, found.arrivesBy];
    };
    // Ends Thu 16:45: not the 17:00 collection fifteen minutes later, but Friday's.
    expect(note('2026-10-15T16:45')).toEqual(['2026-10-16T17:00:00+01:00', '2026-10-17']);
    // Ends Thu 12:00: still Friday's collection (written that evening or the next day).
    expect(note('2026-10-15T12:00')).toEqual(['2026-10-16T17:00:00+01:00', '2026-10-17']);
    // Ends Sat: no Sunday collection, so Monday's; arrives Tuesday.
    expect(note('2026-10-17T12:00')).toEqual(['2026-10-19T17:00:00+01:00', '2026-10-20']);
    // Ends Thu 2 Apr 2026: Good Friday has no collection; Easter Monday is a holiday in England
    // (delivery Tuesday) but not in Scotland (delivery Monday).
    expect(note('2026-04-02T12:00')).toEqual(['2026-04-04T12:00:00+01:00', '2026-04-07']);
    expect(note('2026-04-02T12:00', 'scotland')).toEqual([
      '2026-04-04T12:00:00+01:00',
      '2026-04-06',
    ]);
    // Ends Fri 31 Jul 2026: Saturday's collection; Monday 3 Aug is a holiday only in Scotland.
    expect(note('2026-07-31T12:00')).toEqual(['2026-08-01T12:00:00+01:00', '2026-08-03']);
    expect(note('2026-07-31T12:00', 'scotland')).toEqual([
      '2026-08-01T12:00:00+01:00',
      '2026-08-04',
    ]);
  });

  it('says when to write and post the note, with the rule’s reason', () => {
    const plan = planFollowUp(
      interviewEnding('2026-10-15T16:00', {
        employer: { style: 'traditional' },
        interviewers: withAddress,
      }),
    );
    expect(step(plan, 'anna-clarke:thank-you:handwritten').why).toBe(
      'Brightwater Analytics Ltd is a traditional employer, where a brief hand-written note sent first class stands out and stays on the desk. Write it the same evening or the next day, and post it first class by Fri 16 Oct, 17:00, the last collection on the first collection day after the interview; it should arrive by Saturday 17 October.',
    );
  });

  it('adds an email, and warns, when the note will arrive after the decision date', () => {
    const plan = planFollowUp(
      interviewEnding('2026-10-16T16:00', {
        employer: { style: 'traditional' },
        interviewers: [{ ...withAddress[0], channel: 'handwritten' }],
        decisionExpectedOn: '2026-10-16',
      }),
    );
    expect(
      plan.steps.filter((s) => s.kind === 'thank-you').map((s) => `${s.channel}:${s.rule}`),
    ).toEqual([
      'handwritten:thank-you-requested-handwritten',
      'email:handwritten-arrives-after-decision',
    ]);
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({
        code: 'note-arrives-after-decision',
        stepId: 'anna-clarke:thank-you:handwritten',
      }),
    );
  });

  it('keeps the draft and warns when an email has no address', () => {
    const plan = planFollowUp(makeInput({ interviewers: [{ name: 'Anna Clarke' }] }));
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.draft?.body).toContain('Anna');
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'no-email-address', stepId: 'anna-clarke:thank-you:email' }),
    );
  });

  it('honours an interviewer’s own channel, and falls back to email without a LinkedIn account', () => {
    const linkedIn = {
      name: 'Anna Clarke',
      email: 'a@x.example',
      channel: 'linkedin',
      onLinkedIn: true,
    };
    const plan = planFollowUp(makeInput({ interviewers: [linkedIn] }));
    expect(step(plan, 'anna-clarke:thank-you:linkedin').rule).toBe('thank-you-requested-linkedin');
    expect(plan.steps.some((s) => s.kind === 'linkedin-invite')).toBe(false);

    const none = planFollowUp(
      makeInput({ interviewers: [linkedIn], candidate: { linkedin: 'none' } }),
    );
    expect(step(none, 'anna-clarke:thank-you:email').rule).toBe(
      'thank-you-requested-linkedin-no-account',
    );
    expect(none.warnings).toContainEqual(expect.objectContaining({ code: 'no-linkedin-account' }));
  });
});

describe('LinkedIn invitations', () => {
  it('invites each interviewer on LinkedIn once the thank-you has gone, due a week later', () => {
    const plan = planFollowUp(makeInput());
    const invite = step(plan, 'anna-clarke:linkedin-invite:linkedin');
    expect(invite.notBefore).toBe(step(plan, 'anna-clarke:thank-you:email').sendAt);
    expect(invite.sendAt).toBe(invite.notBefore);
    expect(invite.due).toBe('2026-10-23T09:00:00+01:00');
    expect(plan.steps.some((s) => s.id === 'ben-okafor:linkedin-invite:linkedin')).toBe(false);
  });

  it('sends none when the candidate has no LinkedIn', () => {
    const plan = planFollowUp(makeInput({ candidate: { linkedin: 'none' } }));
    expect(plan.steps.some((s) => s.kind === 'linkedin-invite')).toBe(false);
  });

  it('keeps notes within 200 characters (free) or 300 (premium)', () => {
    const long = 'x'.repeat(0) + 'the '.repeat(1) + 'long story about data '.repeat(30);
    for (const [linkedin, limit] of [
      ['free', 200],
      ['premium', 300],
    ] as const) {
      const plan = planFollowUp(
        makeInput({
          candidate: { linkedin },
          interviewers: [
            { name: 'Anna Clarke', onLinkedIn: true, notes: long },
            { name: 'Ben Okafor', onLinkedIn: true },
          ],
        }),
      );
      for (const invite of plan.steps.filter((s) => s.kind === 'linkedin-invite')) {
        expect(invite.draft?.body.length).toBeLessThanOrEqual(limit);
        expect(invite.draft?.body).not.toMatch(/\s$/);
      }
    }
  });
});
