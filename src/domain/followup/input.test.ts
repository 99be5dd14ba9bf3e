import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DomainError, type Problem } from '../errors.js';
import { parseFollowUpInput } from './input.js';
import { planFollowUp } from './plan.js';
import { makeRawInput, type RawInput } from './test-support.js';

const NOW = '2026-10-15T11:00:00Z';

function problemsOf(raw: unknown): Problem[] {
  try {
    parseFollowUpInput(raw, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).problems;
  }
  throw new Error('expected a DomainError');
}

function problemAt(raw: unknown, field: string): Problem | undefined {
  return problemsOf(raw).find((problem) => problem.field === field);
}

describe('parseFollowUpInput: valid input', () => {
  it('normalises times with their offsets, ids, defaults and now', () => {
    const input = parseFollowUpInput(makeRawInput({ now: undefined }), NOW);
    expect(input.interview.startsAt).toBe('2026-10-15T15:00:00+01:00');
    expect(input.interview.endsAt).toBe('2026-10-15T16:00:00+01:00');
    expect(input.candidate.timeZone).toBe('Europe/London');
    expect(input.interviewers.map((i) => i.id)).toEqual(['anna-clarke', 'ben-okafor']);
    expect(input.options).toEqual({ minGapHours: 2, secondCheckIn: false });
    expect(input.now).toBe('2026-10-15T11:00:00Z');
    expect(
      parseFollowUpInput(makeRawInput({ now: undefined }), Temporal.Instant.from(NOW)).now,
    ).toBe('2026-10-15T11:00:00Z');
  });

  it('takes `now` from the input, with an offset or as local time for the candidate', () => {
    expect(parseFollowUpInput(makeRawInput({ now: '2026-10-15T12:00:00+01:00' }), NOW).now).toBe(
      '2026-10-15T11:00:00Z',
    );
    expect(parseFollowUpInput(makeRawInput({ now: '2026-10-15T12:00' }), NOW).now).toBe(
      '2026-10-15T11:00:00Z',
    );
  });

  it('accepts an offset that agrees with the zone, and uses it to settle a repeated time', () => {
    const agreed = parseFollowUpInput(
      makeRawInput({ interview: { startsAt: '2026-10-15T15:00+01:00' } }),
      NOW,
    );
    expect(agreed.interview.startsAt).toBe('2026-10-15T15:00:00+01:00');
    const repeated = parseFollowUpInput(
      makeRawInput({
        interview: { startsAt: '2026-10-25T01:30+00:00', endsAt: '2026-10-25T02:30' },
        now: '2026-10-20T10:00:00Z',
      }),
      NOW,
    );
    expect(repeated.interview.startsAt).toBe('2026-10-25T01:30:00+00:00');
  });

  it('tidies text: line breaks in names become spaces, notes keep their lines', () => {
    const input = parseFollowUpInput(
      makeRawInput({
        role: '  Data\r\nAnalyst\u202E ',
        interviewers: [
          {
            name: 'Anna\nClarke',
            postalAddress: '1 High St\r\nLeeds\r\n\r\n\r\n\r\nLS1',
            notes: '<b>dbt</b>',
          },
        ],
      }),
      NOW,
    );
    expect(input.role).toBe('Data Analyst');
    expect(input.interviewers[0]?.name).toBe('Anna Clarke');
    expect(input.interviewers[0]?.postalAddress).toBe('1 High St\nLeeds\n\nLS1');
    expect(input.interviewers[0]?.notes).toBe('<b>dbt</b>');
  });

  it('matches enums case-insensitively and accepts emoji and 200-character names', () => {
    const name = `${'Ž'.repeat(196)}👩‍💻`;
    const input = parseFollowUpInput(
      makeRawInput({
        interview: { format: 'Video' },
        employer: { name: 'Acme 🚀', style: 'TRADITIONAL' },
        interviewers: [{ name, channel: 'Email' }],
      }),
      NOW,
    );
    expect(input.interview.format).toBe('video');
    expect(input.employer.style).toBe('traditional');
    expect(input.interviewers[0]?.channel).toBe('email');
  });
});

describe('parseFollowUpInput: problems, by field', () => {
  it('rejects an interview that ends before it starts', () => {
    expect(
      problemAt(makeRawInput({ interview: { endsAt: '2026-10-15T14:00' } }), 'interview.endsAt')
        ?.code,
    ).toBe('out-of-range');
  });

  it('rejects unknown time zones', () => {
    expect(
      problemAt(makeRawInput({ interview: { timeZone: 'Mars/Olympus' } }), 'interview.timeZone')
        ?.code,
    ).toBe('invalid');
    expect(
      problemAt(makeRawInput({ candidate: { timeZone: 'Nowhere' } }), 'candidate.timeZone')?.code,
    ).toBe('invalid');
    expect(
      problemAt(makeRawInput({ candidate: { timeZone: '+01:00' } }), 'candidate.timeZone')?.code,
    ).toBe('invalid');
  });

  it('rejects an offset that disagrees with the zone', () => {
    const problem = problemAt(
      makeRawInput({ interview: { startsAt: '2026-10-15T15:00+02:00' } }),
      'interview.startsAt',
    );
    expect(problem?.code).toBe('offset-mismatch');
    expect(problem?.message).toContain('+01:00');
  });

  it('rejects a time the clocks skip, and a repeated time without an offset', () => {
    const skipped = problemAt(
      makeRawInput({ interview: { startsAt: '2026-03-29T01:30', endsAt: '2026-03-29T03:00' } }),
      'interview.startsAt',
    );
    expect(skipped?.code).toBe('nonexistent-time');
    expect(skipped?.suggestions?.[0]?.label).toBe('2026-03-29T02:30');
    const repeated = problemAt(
      makeRawInput({ interview: { startsAt: '2026-10-25T00:30', endsAt: '2026-10-25T01:30' } }),
      'interview.endsAt',
    );
    expect(repeated?.code).toBe('ambiguous-time');
    expect(repeated?.suggestions?.map((s) => s.label)).toEqual([
      '2026-10-25T01:30+01:00',
      '2026-10-25T01:30+00:00',
    ]);
  });

  it('rejects a decision date before the interview, or one that is not a date', () => {
    expect(
      problemAt(makeRawInput({ decisionExpectedOn: '2026-10-14' }), 'decisionExpectedOn')?.code,
    ).toBe('out-of-range');
    expect(
      problemAt(makeRawInput({ decisionExpectedOn: '2026-02-30' }), 'decisionExpectedOn')?.code,
    ).toBe('invalid');
    expect(
      problemAt(makeRawInput({ decisionExpectedOn: 20261022 }), 'decisionExpectedOn')?.code,
    ).toBe('invalid');
  });

  it('allows at most 20 interviewers', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `Person ${i}` }));
    expect(problemAt(makeRawInput({ interviewers: many }), 'interviewers')?.code).toBe('too-many');
    expect(() =>
      parseFollowUpInput(makeRawInput({ interviewers: many.slice(0, 20) }), NOW),
    ).not.toThrow();
  });

  it('rejects bad email addresses by their path', () => {
    const raw = makeRawInput({
      interviewers: [
        { name: 'A' },
        { name: 'B', email: 'b@x.example' },
        { name: 'C', email: 'not an email' },
      ],
    });
    expect(problemAt(raw, 'interviewers[2].email')?.code).toBe('invalid');
    for (const email of ['a@b', 'a@@b.com', 'a b@c.com', 'x@y.com\r\nBcc: z@w.com', '<a@b.com>']) {
      const problem = problemAt(
        makeRawInput({ interviewers: [{ name: 'A', email }] }),
        'interviewers[0].email',
      );
      // A line break inside is tidied to a space first, which is still not an address.
      expect(problem?.code).toBe('invalid');
    }
  });

  it('rejects empty and overlong names', () => {
    const long = 'n'.repeat(201);
    const problems = problemsOf(
      makeRawInput({
        employer: { name: ' ' },
        role: long,
        candidate: { name: '' },
        interviewers: [{ name: '\n\t' }, { name: long }],
      }),
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'employer.name:required',
        'role:too-long',
        'candidate.name:required',
        'interviewers[0].name:required',
        'interviewers[1].name:too-long',
      ]),
    );
  });

  it('refuses channels the planner never uses, giving the reason', () => {
    for (const channel of ['phone', 'visit', 'facebook', 'twitter', 'x', 'text', 'PHONE']) {
      const problem = problemAt(
        makeRawInput({ interviewers: [{ name: 'A', channel }] }),
        'interviewers[0].channel',
      );
      expect(problem?.code).toBe('refused-channel');
      expect(problem?.message.length).toBeGreaterThan(40);
    }
    expect(
      problemAt(
        makeRawInput({ interviewers: [{ name: 'A', channel: 'pigeon' }] }),
        'interviewers[0].channel',
      )?.code,
    ).toBe('not-in-list');
    expect(
      problemAt(
        makeRawInput({ interviewers: [{ name: 'A', channel: 'constructor' }] }),
        'interviewers[0].channel',
      )?.code,
    ).toBe('not-in-list');
  });

  it('rejects enums not in the list', () => {
    const problems = problemsOf(
      makeRawInput({
        interview: { format: 'carrier pigeon', nation: 'cornwall' },
        employer: { style: 'chaotic' },
        candidate: { linkedin: 'gold' },
      }),
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'interview.format:not-in-list',
        'interview.nation:not-in-list',
        'employer.style:not-in-list',
        'candidate.linkedin:not-in-list',
      ]),
    );
    expect(
      problems.find((p) => p.field === 'employer.style')?.suggestions?.map((s) => s.label),
    ).toEqual(['fast-moving', 'traditional', 'unknown']);
  });

  it('rejects wrong types', () => {
    const problems = problemsOf(
      makeRawInput({
        interview: 'tomorrow',
        employer: { name: 42, style: 'unknown', sector: ['legal'] },
        role: { text: 'x' },
        interviewers: [{ name: 'A', onLinkedIn: 'yes', contact: 1, id: { x: 1 } }, 'B'],
        notes: { liked: 'x', fit: 'y', questions: 'one' },
        options: { minGapHours: '2', secondCheckIn: 'no' },
        now: 12,
      }),
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'interview:invalid',
        'employer.name:invalid',
        'employer.sector:invalid',
        'role:invalid',
        'interviewers[0].onLinkedIn:invalid',
        'interviewers[0].contact:invalid',
        'interviewers[0].id:invalid',
        'interviewers[1]:invalid',
        'notes.questions:invalid',
        'options.minGapHours:invalid',
        'options.secondCheckIn:invalid',
        'now:invalid',
      ]),
    );
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      makeRawInput({
        interview: { endsAt: '2026-10-15T14:00', timeZone: 'Europe/London' },
        role: '',
        interviewers: [
          { name: 'A', email: 'nope' },
          { name: 'B', channel: 'phone' },
        ],
        decisionExpectedOn: '2020-01-01',
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'interview.endsAt',
        'role',
        'interviewers[0].email',
        'interviewers[1].channel',
        'decisionExpectedOn',
      ]),
    );
  });

  it('rejects duplicate ids, two main contacts, empty questions and out-of-range options', () => {
    const problems = problemsOf(
      makeRawInput({
        interviewers: [
          { name: 'A', id: 'same', contact: true },
          { name: 'B', id: 'same', contact: true },
          { name: 'C', id: 'bad id!' },
        ],
        notes: { liked: 'x', fit: 'y', questions: ['fine?', '   '] },
        options: { minGapHours: 48 },
      }),
    );
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'interviewers[1].id:duplicate',
        'interviewers[1].contact:invalid',
        'interviewers[2].id:invalid',
        'notes.questions[1]:required',
        'options.minGapHours:out-of-range',
      ]),
    );
  });

  it('requires what the drafts are written from once the interview has ended', () => {
    const after = '2026-10-15T17:00:00+01:00';
    const problems = problemsOf(makeRawInput({ notes: { liked: '', fit: null }, now: after }));
    expect(problems.map((p) => `${p.field}:${p.code}:${p.message}`)).toEqual([
      'notes.liked:required:What you liked is required.',
      'notes.fit:required:Why you would fit is required.',
    ]);
    expect(problemsOf({ ...makeRawInput({ now: after }), notes: undefined })).toEqual([
      {
        field: 'notes',
        code: 'required',
        message: 'The notes are required once the interview has ended.',
      },
    ]);
  });

  it('leaves the notes optional until the interview has ended', () => {
    // makeRawInput plans at 12:00 for an interview ending at 16:00.
    const input = parseFollowUpInput({ ...makeRawInput(), notes: undefined }, NOW);
    expect(input.notes).toEqual({ liked: '', fit: '', questions: [] });
    const partial = parseFollowUpInput(makeRawInput({ notes: { liked: '', fit: 'SQL' } }), NOW);
    expect(partial.notes).toMatchObject({ liked: '', fit: 'SQL' });
  });
});

describe('parseFollowUpInput: hostile values never throw anything but DomainError', () => {
  const huge = 'x'.repeat(5_000_000);
  const hostile: unknown[] = [
    null,
    undefined,
    [],
    [1, 2],
    0,
    -1,
    Number.NaN,
    true,
    '',
    '{}',
    huge,
    '😀',
    '<script>alert(1)</script>',
    'a\r\nb',
    {},
    Object.create(null),
    { interview: null, employer: [], role: 7, candidate: true, interviewers: 'x', notes: 0 },
  ];
  it.each(hostile.map((value, index) => [index, value]))('top-level value #%i', (_, value) => {
    expect(() => parseFollowUpInput(value, NOW)).toThrow(DomainError);
  });

  const fields: [string, unknown][] = [
    ['role', huge],
    ['role', '😀'.repeat(201)],
    ['now', huge],
    ['now', { epoch: 1 }],
    ['decisionExpectedOn', '+275760-09-13'],
    ['decisionExpectedOn', '9999-12-31'],
    [
      'interview',
      {
        startsAt: '9999-12-31T23:59',
        endsAt: '+275760-09-13T00:00',
        timeZone: 'Europe/London',
        format: 'video',
      },
    ],
    [
      'interview',
      { startsAt: '2026-10-15T10:00', endsAt: '2026-10-15T11:00', timeZone: huge, format: 'video' },
    ],
    [
      'interview',
      {
        startsAt: '2026-13-45T25:61',
        endsAt: '2026-10-15T11:00:60',
        timeZone: 'UTC',
        format: 'video',
      },
    ],
    [
      'interview',
      {
        startsAt: '1900-01-01T10:00',
        endsAt: '1900-01-01T11:00',
        timeZone: 'UTC',
        format: 'video',
      },
    ],
    ['interviewers', Array.from({ length: 10_000 }, () => ({ name: huge }))],
    ['interviewers', [null, [], 5, 'x', { name: ['a'] }, { name: 'ok', email: huge }]],
    [
      'interviewers',
      [
        { name: 'a', postalAddress: { street: 1 } },
        { name: 'b', notes: 5 },
      ],
    ],
    [
      'notes',
      { liked: huge, fit: '\u0000\u0001', questions: Array.from({ length: 50 }, () => 'q?') },
    ],
    ['notes', { liked: 'x', fit: 'y', questions: [null, 5, {}, huge] }],
    ['options', { minGapHours: Infinity }],
    ['options', []],
  ];
  it.each(fields)('field %s', (key, value) => {
    expect(() => parseFollowUpInput(makeRawInput({ [key]: value }), NOW)).toThrow(DomainError);
  });

  it('keeps HTML as plain text and treats a null time zone as absent', () => {
    const input = parseFollowUpInput(
      makeRawInput({
        role: '<img src=x onerror=alert(1)>',
        candidate: { name: 'a', linkedin: 'free', timeZone: null },
      }),
      NOW,
    );
    expect(input.role).toBe('<img src=x onerror=alert(1)>');
    expect(input.candidate.timeZone).toBe('Europe/London');
  });

  it('survives random mutations of a valid input', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values: unknown[] = [
      null,
      0,
      -5,
      1e308,
      true,
      '',
      ' ',
      '\r\n',
      '😀',
      'x'.repeat(300),
      [],
      {},
      [null],
      { a: 1 },
      '2026-10-15T10:00',
      'Europe/London',
      'email',
      'phone',
    ];
    const mutate = (node: unknown, depth: number): unknown => {
      if (depth > 3 || random() < 0.3) return values[Math.floor(random() * values.length)];
      if (Array.isArray(node))
        return node.map((item) => (random() < 0.5 ? mutate(item, depth + 1) : item));
      if (node && typeof node === 'object') {
        const copy: RawInput = {};
        for (const [key, value] of Object.entries(node)) {
          copy[key] = random() < 0.4 ? mutate(value, depth + 1) : value;
        }
        return copy;
      }
      return node;
    };
    let planned = 0;
    for (let round = 0; round < 400; round += 1) {
      const raw = mutate(makeRawInput(), 0);
      try {
        const input = parseFollowUpInput(raw, NOW);
        planFollowUp(input);
        planned += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
      }
    }
    // Some mutations stay valid, and those must plan without throwing.
    expect(planned).toBeGreaterThan(10);
  });
});

describe('parseFollowUpInput: unknown keys', () => {
  it('refuses a misspelt key instead of planning as if it were absent, saying what was meant', () => {
    const raw = { ...makeRawInput(), decisionDate: '2026-10-22' };
    expect(problemsOf(raw)).toEqual([
      {
        field: 'decisionDate',
        code: 'unknown-field',
        message: '"decisionDate" is not a field of the input. Did you mean "decisionExpectedOn"?',
        suggestions: [{ label: 'decisionExpectedOn', value: 'decisionExpectedOn' }],
      },
    ]);
  });

  it('checks every object: interview, employer, candidate, interviewers, notes, options', () => {
    const raw = makeRawInput({
      interview: { start: '2026-10-15T15:00' },
      employer: { Name: 'x' },
      candidate: { timezone: 'Europe/London' },
      interviewers: [{ name: 'Anna Clarke', emial: 'anna@example.com' }],
      notes: { likes: 'x' },
      options: { secondCheckin: true, colour: 'red' },
    });
    expect(
      problemsOf(raw)
        .filter((p) => p.code === 'unknown-field')
        .map((p) => [p.field, p.message]),
    ).toEqual([
      ['interview.start', '"start" is not a field of the input. Did you mean "startsAt"?'],
      ['employer.Name', '"Name" is not a field of the input. Did you mean "name"?'],
      ['candidate.timezone', '"timezone" is not a field of the input. Did you mean "timeZone"?'],
      ['interviewers[0].emial', '"emial" is not a field of the input. Did you mean "email"?'],
      ['notes.likes', '"likes" is not a field of the input. Did you mean "liked"?'],
      [
        'options.secondCheckin',
        '"secondCheckin" is not a field of the input. Did you mean "secondCheckIn"?',
      ],
      [
        'options.colour',
        '"colour" is not a field of the input. The fields here are: minGapHours, secondCheckIn.',
      ],
    ]);
  });

  it('accepts every documented key', () => {
    const raw = makeRawInput({
      interview: { round: 'second' },
      options: { minGapHours: 3, secondCheckIn: true },
    });
    expect(parseFollowUpInput(raw, NOW).interview.round).toBe('second');
    expect(parseFollowUpInput(makeRawInput(), NOW).interview.round).toBe('first');
    expect(problemAt(makeRawInput({ interview: { round: 'third' } }), 'interview.round')).toEqual({
      field: 'interview.round',
      code: 'not-in-list',
      message: 'The round must be one of first, second, final.',
      suggestions: ['first', 'second', 'final'].map((v) => ({ label: v, value: v })),
    });
  });
});

describe('parseFollowUpInput: panels', () => {
  it('reads the chair and the hiring team’s address, refusing two chairs and a bad address', () => {
    const input = parseFollowUpInput(
      makeRawInput({
        employer: { hiringTeamEmail: 'jobs@brightwater.example' },
        interviewers: [{ name: 'Margaret Hale', chair: true }, { name: 'Tom Reed' }],
      }),
      NOW,
    );
    expect(input.employer.hiringTeamEmail).toBe('jobs@brightwater.example');
    expect(input.interviewers.map((i) => i.chair ?? false)).toEqual([true, false]);
    const problems = problemsOf(
      makeRawInput({
        employer: { hiringTeamEmail: 'jobs' },
        interviewers: [
          { name: 'A', chair: true },
          { name: 'B', chair: true },
        ],
      }),
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['employer.hiringTeamEmail', '"jobs" is not an email address.'],
      [
        'interviewers[1].chair',
        'Only one interviewer can chair the panel; interviewers[0] already does.',
      ],
    ]);
  });
});

describe('parseFollowUpInput: recruiter', () => {
  it('reads the consultant, and names each problem', () => {
    const input = parseFollowUpInput(
      makeRawInput({ recruiter: { consultant: 'Priya Shah', email: 'priya@agency.example' } }),
      NOW,
    );
    expect(input.recruiter).toEqual({ consultant: 'Priya Shah', email: 'priya@agency.example' });
    expect(
      problemsOf(
        makeRawInput({ recruiter: { name: 'Priya', email: 'nope', phone: 'call me' } }),
      ).map((p) => [p.field, p.message]),
    ).toEqual([
      ['recruiter.name', '"name" is not a field of the input. Did you mean "consultant"?'],
      ['recruiter.consultant', 'The consultant’s name is required.'],
      ['recruiter.email', '"nope" is not an email address.'],
      [
        'recruiter.phone',
        'The phone number may hold only digits, spaces, brackets, dashes and a leading +.',
      ],
    ]);
  });
});
