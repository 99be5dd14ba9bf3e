import { describe, expect, it } from 'vitest';
import { planFollowUp } from './plan.js';
import { FOLLOW_UP_RULES } from './rules.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { interviewEnding, makeInput, step } from './test-support.js';

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
