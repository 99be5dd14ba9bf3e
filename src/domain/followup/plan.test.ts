import { describe, expect, it } from 'vitest';
import { checkDraft } from './draft-check.js';
import { parseFollowUpInput } from './input.js';
import { planFollowUp } from './plan.js';
import { FOLLOW_UP_RULES } from './rules.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { makeInput, makeRawInput, type RawInput } from './test-support.js';
import { NOTE_PLACEHOLDERS } from './upcoming.js';
import type { Draft, FollowUpPlan, PlanStep } from './types.js';

function step(plan: FollowUpPlan, id: string): PlanStep {
  const found = plan.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}; have ${plan.steps.map((s) => s.id).join(', ')}`);
  return found;
}

/** An interview of one hour ending at `end` (local), with only the given overrides. */
function interviewEnding(end: string, overrides: RawInput = {}, zone = 'Europe/London') {
  const [date, time] = end.split('T') as [string, string];
  const hour = Number(time.slice(0, 2)) - 1;
  const start = `${date}T${String(hour).padStart(2, '0')}${time.slice(2)}`;
  return makeInput({
    ...overrides,
    interview: {
      startsAt: start,
      endsAt: end,
      timeZone: zone,
      ...(overrides.interview ?? {}),
    },
  });
}

function checkInOn(date: string, nation: string, decision: string | null): string {
  const plan = planFollowUp(
    makeInput({
      interview: { startsAt: `${date}T10:00`, endsAt: `${date}T11:00`, nation },
      decisionExpectedOn: decision,
      now: `${date}T08:00:00Z`,
    }),
  );
  return step(plan, 'interview:check-in').sendAt;
}

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

describe('clock changes', () => {
  it('keeps the 24 elapsed hours across the spring change', () => {
    const plan = planFollowUp(interviewEnding('2026-03-28T15:00', { now: '2026-03-28T09:00:00Z' }));
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.due).toBe('2026-03-29T16:00:00+01:00');
    expect(thanks.notBefore).toBe('2026-03-28T17:00:00+00:00');
  });

  it('keeps check-ins at 09:30 local on either side of a change', () => {
    const plan = planFollowUp(
      makeInput({
        interview: { startsAt: '2026-10-21T10:00', endsAt: '2026-10-21T11:00' },
        decisionExpectedOn: '2026-10-23',
        options: { secondCheckIn: true },
      }),
    );
    expect(step(plan, 'interview:check-in').sendAt).toBe('2026-10-27T09:30:00+00:00');
    expect(step(plan, 'interview:second-check-in').sendAt).toBe('2026-11-05T09:30:00+00:00');
  });
});

describe('Christmas and New Year by nation', () => {
  const checkIn = (nation?: string) => {
    const plan = planFollowUp(
      makeInput({
        interview: {
          startsAt: '2026-12-23T10:00',
          endsAt: '2026-12-23T11:00',
          ...(nation ? { nation } : { nation: null }),
        },
        now: '2026-12-23T08:00:00Z',
      }),
    );
    return step(plan, 'interview:check-in').sendAt.slice(0, 10);
  };

  it('skips 25 and 28 December and 1 January in England, Wales and Northern Ireland', () => {
    expect(checkIn('england')).toBe('2027-01-04');
    expect(checkIn('wales')).toBe('2027-01-04');
    expect(checkIn('northern-ireland')).toBe('2027-01-04');
  });

  it('also skips Monday 4 January 2027 in Scotland (2 January falls on a Saturday)', () => {
    expect(checkIn('scotland')).toBe('2027-01-05');
  });

  it('skips the bank holidays all nations share when the nation is not given', () => {
    expect(checkIn()).toBe('2027-01-04');
  });

  it('knows that 2 January 2026 is a working day in England but not in Scotland', () => {
    const plan = (nation: string) =>
      planFollowUp(
        makeInput({
          interview: { startsAt: '2025-12-31T10:00', endsAt: '2025-12-31T11:00', nation },
          now: '2025-12-31T08:00:00Z',
        }),
      );
    expect(step(plan('england'), 'interview:check-in').sendAt).toBe('2026-01-08T09:30:00+00:00');
    expect(step(plan('scotland'), 'interview:check-in').sendAt).toBe('2026-01-09T09:30:00+00:00');
  });

  it('posts a Christmas Eve note that arrives after the holidays', () => {
    const plan = planFollowUp(
      interviewEnding('2026-12-24T12:00', {
        employer: { style: 'traditional' },
        interviewers: [{ name: 'Anna Clarke', postalAddress: '1 High Street, Leeds' }],
        now: '2026-12-24T08:00:00Z',
      }),
    );
    const note = step(plan, 'anna-clarke:thank-you:handwritten');
    // No collection on Christmas Day, Boxing Day (Saturday), Sunday or Monday 28 (substitute).
    expect(note.postBy).toBe('2026-12-29T17:00:00+00:00');
    expect(note.due).toBe(note.postBy);
    expect(note.arrivesBy).toBe('2026-12-30');
    // Written once home, the same evening.
    expect(note.sendAt).toBe(note.notBefore);
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

describe('the Christmas shutdown', () => {
  const dates = (
    date: string,
    options: { nation?: string; decision?: string | null; second?: boolean } = {},
    settings = DEFAULT_SETTINGS,
  ) => {
    const plan = planFollowUp(
      makeInput({
        interview: {
          startsAt: `${date}T10:00`,
          endsAt: `${date}T11:00`,
          nation: options.nation ?? 'england',
        },
        decisionExpectedOn: options.decision ?? null,
        options: { secondCheckIn: options.second ?? false },
        now: `${date}T08:00:00Z`,
      }),
      settings,
    );
    return plan.steps
      .filter((s) => ['check-in', 'second-check-in', 'close'].includes(s.kind))
      .map((s) => `${s.kind} ${s.sendAt.slice(0, 10)}`);
  };

  it('moves a check-in due inside 24 Dec to 1 Jan to the first working day after, by nation', () => {
    // Fri 18 Dec + 5 working days is Tue 29 Dec: moved to Mon 4 Jan (Tue 5 Jan in Scotland).
    expect(dates('2026-12-18')).toEqual(['check-in 2027-01-04', 'close 2027-01-18']);
    expect(dates('2026-12-18', { nation: 'scotland' })).toEqual([
      'check-in 2027-01-05',
      'close 2027-01-19',
    ]);
    // A decision on Tue 22 Dec + 2 working days is Christmas Eve itself.
    expect(dates('2026-12-15', { decision: '2026-12-22' })).toEqual([
      'check-in 2027-01-04',
      'close 2027-01-18',
    ]);
  });

  it('moves a second check-in or a close that falls inside, later steps keeping their gaps', () => {
    expect(dates('2026-12-10', { decision: '2026-12-14', second: true })).toEqual([
      'check-in 2026-12-16',
      'second-check-in 2027-01-04',
      'close 2027-01-18',
    ]);
    // Thu 3 Dec: check-in Thu 10 Dec; the close, 10 working days later, would be 24 Dec.
    expect(dates('2026-12-03')).toEqual(['check-in 2026-12-10', 'close 2027-01-04']);
  });

  it('says why, with the shutdown rule’s reason and source', () => {
    const plan = planFollowUp(
      makeInput({
        interview: { startsAt: '2026-12-18T10:00', endsAt: '2026-12-18T11:00' },
        now: '2026-12-18T08:00:00Z',
      }),
    );
    const checkIn = step(plan, 'interview:check-in');
    const rule = FOLLOW_UP_RULES.find((r) => r.id === 'christmas-shutdown');
    expect(checkIn.why).toBe(
      'No decision date was given, so a polite email to Anna Clarke goes 5 working days after the interview. It would fall between Christmas Eve and New Year’s Day, when most offices are closed or short-staffed, so it waits until Monday 4 January, the first working day after; any later step keeps its working-day gap from it.',
    );
    expect(checkIn.reason).toContain(rule?.reason ?? 'missing');
    expect(checkIn.source).toContain(rule?.source ?? 'missing');
    expect(step(plan, 'interview:close').why).not.toContain('Christmas');
  });

  it('is a setting: without a shutdown the dates stay', () => {
    expect(dates('2026-12-18', {}, { ...DEFAULT_SETTINGS, shutdown: null })).toEqual([
      'check-in 2026-12-29',
      'close 2027-01-13',
    ]);
  });
});

describe('another time zone', () => {
  const input = () =>
    interviewEnding(
      '2026-10-15T16:00',
      { interview: { nation: null }, candidate: { timeZone: 'Europe/London' } },
      'America/New_York',
    );

  it('times emails for the New York recipient and writes instants in London time', () => {
    const plan = planFollowUp(input());
    const thanks = step(plan, 'anna-clarke:thank-you:email');
    expect(thanks.notBefore).toBe('2026-10-15T23:00:00+01:00');
    expect(thanks.due).toBe('2026-10-16T21:00:00+01:00');
    expect(thanks.sendAt).toBe('2026-10-16T14:00:00+01:00');
    expect(step(plan, 'interview:check-in').sendAt).toBe('2026-10-22T14:30:00+01:00');
  });

  it('follows the week when the UK and the US change clocks on different dates', () => {
    const plan = planFollowUp(
      makeInput({
        interview: {
          startsAt: '2026-10-20T10:00',
          endsAt: '2026-10-20T11:00',
          timeZone: 'America/New_York',
          nation: null,
        },
        decisionExpectedOn: '2026-10-23',
        now: '2026-10-20T08:00:00Z',
      }),
    );
    // Tue 27 Oct 09:30 EDT is 13:30 UTC, and London is on GMT by then.
    expect(step(plan, 'interview:check-in').sendAt).toBe('2026-10-27T13:30:00+00:00');
  });

  it('posts by the UK collection times in the candidate’s zone', () => {
    const plan = planFollowUp(
      interviewEnding(
        '2026-10-16T11:00',
        {
          interview: { nation: null },
          employer: { style: 'traditional' },
          interviewers: [{ name: 'Anna Clarke', postalAddress: '1 Main St, Boston' }],
        },
        'America/New_York',
      ),
    );
    // Window: Fri 18:00 to Sat 16:00 London time; the Saturday collection is at noon.
    expect(step(plan, 'anna-clarke:thank-you:handwritten').postBy).toBe(
      '2026-10-17T12:00:00+01:00',
    );
  });
});

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
    expect(late.warnings).toContainEqual({
      code: 'send-time-passed',
      message:
        'The suggested time for the thank-you to Anna Clarke (Fri 16 Oct, 09:00) has passed: send it now, before Fri 16 Oct, 16:00.',
      stepId: 'anna-clarke:thank-you:email',
    });
    expect(late.warnings).toContainEqual({
      code: 'send-time-passed',
      message:
        'The suggested time for the thank-you to Ben Okafor (Fri 16 Oct, 09:00) has passed: send it now, before Fri 16 Oct, 16:00.',
      stepId: 'ben-okafor:thank-you:email',
    });
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
