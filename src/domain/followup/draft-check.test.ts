import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { checkDraft } from './draft-check.js';
import { measureDraftSimilarity } from './draft-text.js';
import { collectInterviewerNameWords } from './drafts.js';
import { planFollowUp } from './plan.js';
import { makeInput, type RawInput } from './test-support.js';
import type { Draft, FollowUpInput, FollowUpPlan, PlanStep } from './types.js';

function draftOf(plan: FollowUpPlan, id: string): Draft {
  const found = plan.steps.find((s) => s.id === id)?.draft;
  if (!found) throw new Error(`no draft for ${id}`);
  return found;
}

const many = (count: number, extra: RawInput = {}) =>
  Array.from({ length: count }, (_, i) => ({
    name: `Person ${String.fromCharCode(65 + i)} Jones`,
    email: `p${i}@x.example`,
    postalAddress: `${i + 1} Mill Lane\nYork YO1 ${i}AA`,
    onLinkedIn: true,
    ...extra,
  }));

const VARIED_INPUTS: [string, RawInput][] = [
  ['the sample', {}],
  ['twenty fast-moving interviewers, same notes', { interviewers: many(20) }],
  [
    'twenty traditional interviewers, same notes, premium LinkedIn',
    {
      employer: { style: 'traditional' },
      interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' },
      candidate: { linkedin: 'premium' },
      interviewers: many(20),
    },
  ],
  [
    'nobody named, sentence-style notes and a pushy question',
    {
      interviewers: [],
      notes: {
        liked: 'I loved how openly the team talked about failed experiments.',
        fit: 'I have run A/B tests at scale for three years, mostly on pricing pages.',
        questions: [
          'is the team planning to hire more engineers next year',
          'When will I hear back? ASAP please',
          'Could you call me?',
        ],
      },
    },
  ],
  [
    'unknown style with a sector, titles, honorifics and one-word notes',
    {
      employer: { name: 'University of Barchester', style: 'unknown', sector: 'Education' },
      role: 'Research Associate position',
      candidate: { linkedin: 'premium' },
      interviewers: [
        {
          name: 'Prof. Mary-Jane O’Neill',
          title: 'Director of Research',
          onLinkedIn: true,
          postalAddress: 'Old Quad\nBarchester',
          notes: 'We talked about her paper on causal inference.',
        },
        {
          name: 'Dr Ravi Kumar',
          onLinkedIn: true,
          postalAddress: 'New Quad\nBarchester',
          notes: 'cricket',
        },
      ],
    },
  ],
  [
    'video interview, long notes, emoji names',
    {
      interview: { format: 'video' },
      employer: { name: 'Rocket 🚀 Labs plc', style: 'fast-moving' },
      interviewers: [
        {
          name: 'Zoë 👩‍💻 Brand',
          onLinkedIn: true,
          notes: `the plan to ${'rebuild the data platform, team by team, '.repeat(20)}`,
        },
        { name: 'Li Wei', onLinkedIn: true, notes: 'hiring plans for the London office' },
        { name: 'Li Wei', onLinkedIn: true },
      ],
      notes: {
        liked: `The way they ${'carefully weigh every trade-off in what they build, '.repeat(15)}`,
        fit: `My experience, ${'and then more experience, '.repeat(30)}`,
        questions: [
          'What does a typical week look like?',
          'How is on-call shared?',
          'Which tools are you moving away from?',
        ],
      },
    },
  ],
  [
    'phone interview, interviewer channels, free LinkedIn, decision soon',
    {
      interview: { format: 'phone' },
      employer: { style: 'traditional' },
      decisionExpectedOn: '2026-10-16',
      interviewers: [
        {
          name: 'Anna Clarke',
          channel: 'linkedin',
          onLinkedIn: true,
          notes: 'her move from audit into data',
        },
        { name: 'Ben Okafor', channel: 'email', email: 'ben@x.example' },
        {
          name: 'Carys Evans',
          channel: 'handwritten',
          postalAddress: '2 Quay St, Cardiff',
          notes: 'rugby and the new Cardiff office',
        },
      ],
      options: { secondCheckIn: true },
    },
  ],
];

describe('generated drafts', () => {
  it.each(VARIED_INPUTS)('come out clean from checkDraft: %s', (_, overrides) => {
    const input = makeInput(overrides);
    const plan = planFollowUp(input);
    const drafted = plan.steps.filter((s) => s.draft);
    expect(drafted.length).toBeGreaterThan(0);
    for (const step of drafted) {
      // A gap is left on purpose where a note cannot safely become a sentence.
      const findings = checkDraft(step.draft as Draft, { input, stepId: step.id, plan }).filter(
        (finding) => finding.code !== 'unfinished-gap',
      );
      expect({ step: step.id, findings }).toEqual({ step: step.id, findings: [] });
    }
  });

  it('never gives two interviewers the same text, even with the same notes', () => {
    const input = makeInput({ interviewers: many(20) });
    const plan = planFollowUp(input);
    const names = collectInterviewerNameWords(input);
    for (const channel of ['email', 'linkedin'] as const) {
      const drafts = plan.steps
        .filter((s) => s.channel === channel && s.kind !== 'check-in')
        .map((s) => s.draft as Draft);
      expect(new Set(drafts.map((d) => d.body)).size).toBe(drafts.length);
      for (let i = 0; i < drafts.length; i += 1) {
        for (let j = i + 1; j < drafts.length; j += 1) {
          expect(
            measureDraftSimilarity(drafts[i] as Draft, drafts[j] as Draft, names),
          ).toBeLessThan(0.8);
        }
      }
    }
  });

  it('differs in substance when the interviewers’ notes differ', () => {
    const plan = planFollowUp(
      makeInput({
        interviewers: [
          { name: 'Anna Clarke', notes: 'the migration to Snowflake' },
          { name: 'Ben Okafor', notes: 'mentoring junior analysts' },
        ],
      }),
    );
    const anna = draftOf(plan, 'anna-clarke:thank-you:email').body;
    const ben = draftOf(plan, 'ben-okafor:thank-you:email').body;
    expect(anna).toContain('Snowflake');
    expect(anna).not.toContain('mentoring junior analysts');
    expect(ben).toContain('mentoring junior analysts');
    expect(ben).not.toContain('Snowflake');
  });

  it('writes from the name, title, role, employer and notes', () => {
    const plan = planFollowUp(makeInput());
    const email = draftOf(plan, 'anna-clarke:thank-you:email');
    expect(email.subject).toBeTruthy();
    expect(email.body).toMatch(/^(Hi|Hello|Dear) Anna,/);
    expect(email.body).toContain('Head of Data');
    expect(email.body).toContain('Data Analyst');
    expect(email.body).toContain('Brightwater Analytics');
    expect(email.body).toContain('dbt and Snowflake');
    expect(email.body).toContain('retail dashboards');
    expect(email.body).toContain('Sam Patel');
    expect(email.body).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('greets formally in traditional firms ("Dear Dr Kumar") and leaves out pushy questions', () => {
    const plan = planFollowUp(
      makeInput({
        employer: { style: 'traditional' },
        interviewers: [{ name: 'Dr Ravi Kumar', email: 'r@x.example' }],
        notes: {
          liked: 'the library',
          fit: 'my archive work',
          questions: ['When can I expect to hear?'],
        },
      }),
    );
    const email = draftOf(plan, 'dr-ravi-kumar:thank-you:email');
    expect(email.body.startsWith('Dear Dr Kumar,')).toBe(true);
    expect(email.body).not.toContain('expect to hear');
  });

  it('cuts LinkedIn notes at a word boundary to fit the limit', () => {
    const plan = planFollowUp(
      makeInput({
        interviewers: [
          {
            name: 'Anna Clarke',
            onLinkedIn: true,
            notes: `${'extraordinarily '.repeat(30)}detailed plans`,
          },
        ],
      }),
    );
    const note = draftOf(plan, 'anna-clarke:linkedin-invite:linkedin').body;
    expect(note.length).toBeLessThanOrEqual(200);
    expect(note).toMatch(/(extraordinarily|\.|…)[.…]?(\s\S.*)?$/);
    expect(note).not.toMatch(/extraordinaril(?!y)/);
  });
});

describe('checkDraft', () => {
  const input: FollowUpInput = makeInput({
    employer: { style: 'fast-moving' },
    candidate: { linkedin: 'free' },
  });
  const plan = planFollowUp(input);
  const check = (draft: Draft | string, stepId = 'anna-clarke:thank-you:email') =>
    checkDraft(draft, { input, stepId });
  const codes = (draft: Draft | string, stepId?: string) => check(draft, stepId).map((f) => f.code);
  const good =
    'Hi Anna,\n\nThank you for meeting me about the Data Analyst role at Brightwater Analytics. ' +
    'I enjoyed hearing about the move to dbt and Snowflake, and the weekly show-and-tell. ' +
    'My three years building retail dashboards would help me contribute quickly.\n\nBest wishes,\nSam';

  it('finds nothing wrong with a good draft', () => {
    expect(check({ subject: 'Thank you', body: good })).toEqual([]);
  });

  it('finds a missing thank-you', () => {
    expect(codes(good.replace('Thank you for meeting', 'It was good meeting'))).toEqual([
      'missing-thanks',
    ]);
  });

  it('finds a missing name', () => {
    expect(codes(good.replace('Hi Anna', 'Hi there'))).toEqual(['missing-recipient-name']);
    expect(codes(good.replace('Hi Anna', 'Dear Ms Clarke'))).toEqual([]);
  });

  it('finds a missing employer', () => {
    expect(codes(good.replace('at Brightwater Analytics', 'at your firm'))).toEqual([
      'missing-employer',
    ]);
  });

  it('finds a draft with nothing from the interview', () => {
    const vague =
      'Hi Anna, thank you for meeting me about the Data Analyst role at Brightwater Analytics. ' +
      'I would bring my retail dashboards experience. Best, Sam';
    expect(codes(vague)).toEqual(['not-specific']);
  });

  it('finds a draft that never says why you would fit', () => {
    const noFit =
      'Hi Anna, thank you for meeting me about the Data Analyst role at Brightwater Analytics. ' +
      'I enjoyed hearing about dbt and Snowflake. Best, Sam';
    expect(codes(noFit)).toEqual(['no-fit']);
  });

  it('finds drafts that are too long, by channel', () => {
    const long = check(`${good} ${'More words here. '.repeat(100)}`);
    expect(long).toEqual([expect.objectContaining({ code: 'too-long', count: 345, limit: 300 })]);
    const invite = check(
      `Hi Anna, thank you for the talk at Brightwater about dbt and Snowflake. ${'x'.repeat(150)}`,
      'anna-clarke:linkedin-invite:linkedin',
    );
    expect(invite).toEqual([expect.objectContaining({ code: 'too-long', limit: 200 })]);

    const traditional = makeInput({
      employer: { style: 'traditional' },
      interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' },
      interviewers: [{ name: 'Anna Clarke', postalAddress: '1 High St' }],
    });
    const note = checkDraft(`${good} ${'Another sentence here. '.repeat(40)}`, {
      input: traditional,
      stepId: 'anna-clarke:thank-you:handwritten',
    });
    expect(note).toEqual([expect.objectContaining({ code: 'too-long', limit: 150 })]);
  });

  it('finds a near-copy of another interviewer’s draft (names aside)', () => {
    const bens = draftOf(plan, 'ben-okafor:thank-you:email');
    const copy = { ...bens, body: bens.body.replace(/\bBen\b/g, 'Anna') };
    expect(codes(copy)).toContain('duplicate');
    expect(codes(draftOf(plan, 'anna-clarke:thank-you:email'))).toEqual([]);
  });

  it('finds pushy phrases, and decision questions only in thank-yous', () => {
    expect(codes(`${good} Please reply ASAP.`)).toEqual(['pushy']);
    expect(codes(`${good} I expect to hear from you soon.`)).toEqual(['pushy']);
    expect(codes(`${good} When can I expect to hear about the decision?`)).toEqual(['pushy']);
    expect(codes(`${good} Please let me know whether I was successful.`)).toEqual(['pushy']);

    const checkIn = draftOf(plan, 'interview:check-in');
    expect(codes(checkIn, 'interview:check-in')).toEqual([]);
    expect(
      codes(
        { ...checkIn, body: `${checkIn.body} When can I expect to hear?` },
        'interview:check-in',
      ),
    ).toEqual([]);
    expect(
      codes({ ...checkIn, body: `${checkIn.body} I need an answer ASAP.` }, 'interview:check-in'),
    ).toEqual(['pushy']);
  });

  it('finds requests for a call or a visit', () => {
    expect(codes(`${good} Feel free to give me a call.`)).toEqual(['asks-for-call']);
    expect(codes(`${good} I could pop in next week.`)).toEqual(['asks-for-call']);
    expect(codes(`${good} Thanks for the video call.`)).toEqual([]);
  });

  it('reports several findings at once, each naming the step', () => {
    const findings = check('Hello. Call me ASAP.');
    expect(findings.map((f) => f.code)).toEqual([
      'missing-thanks',
      'missing-recipient-name',
      'missing-employer',
      'not-specific',
      'no-fit',
      'pushy',
      'asks-for-call',
    ]);
    for (const finding of findings) expect(finding.stepId).toBe('anna-clarke:thank-you:email');
  });

  it('does not check reminders that are not messages', () => {
    const withAsk = makeInput({ now: '2026-10-14T09:00:00+01:00' });
    expect(checkDraft('anything', { input: withAsk, stepId: 'interview:ask-timeline' })).toEqual(
      [],
    );
    expect(checkDraft('anything', { input: withAsk, stepId: 'interview:close' })).toEqual([]);
  });

  it('throws a not-found DomainError for an unknown step', () => {
    try {
      check(good, 'nobody:thank-you:email');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems[0]).toMatchObject({
        code: 'not-found',
        field: 'stepId',
      });
    }
  });

  it('gives the same findings whether or not the plan is passed in', () => {
    const step = plan.steps.find((s) => s.id === 'ben-okafor:thank-you:email') as PlanStep;
    const draft = { body: `${step.draft?.body ?? ''} ASAP` };
    expect(checkDraft(draft, { input, stepId: step.id, plan })).toEqual(
      checkDraft(draft, { input, stepId: step.id }),
    );
  });
});

describe('drafts written for each person', () => {
  it('gives the hand-written note its own wording, not the email’s sentences', () => {
    const input = makeInput({
      employer: { name: 'Coutts & Co', style: 'traditional', sector: 'banking' },
      decisionExpectedOn: '2026-10-16',
      interviewers: [
        {
          name: 'Mr James Whitmore',
          title: 'Director',
          postalAddress: '440 Strand\nLondon',
          email: 'jw@coutts.example',
          contact: true,
          notes: 'the history of the Strand office',
        },
      ],
    });
    const plan = planFollowUp(input);
    const note = plan.steps.find((s) => s.channel === 'handwritten')?.draft?.body ?? '';
    const email = plan.steps.find((s) => s.kind === 'thank-you' && s.channel === 'email')?.draft
      ?.body;
    expect(note).not.toBe('');
    const sentences = (text: string) =>
      text.split(/(?<=[.!?])\s+|\n+/).filter((line) => line.split(' ').length > 4);
    const shared = sentences(note).filter((line) => sentences(email ?? '').includes(line));
    expect(shared).toEqual([]);
    expect(note).toMatch(/^Dear Mr Whitmore,/);
    expect(note).toMatch(/Yours sincerely,\nSam Patel$/);
  });

  it('asks each question of one interviewer only, and closes as it greets', () => {
    const input = makeInput({
      interviewers: [
        { name: 'Anna Clarke', email: 'a@x.example', contact: true },
        { name: 'Ben Okafor', email: 'b@x.example' },
        { name: 'Carys Evans', email: 'c@x.example' },
      ],
      notes: {
        liked: 'the team',
        fit: 'three years of SQL',
        questions: ['How big is the team?', 'salary band?'],
      },
    });
    const plan = planFollowUp(input);
    const bodies = plan.steps.filter((s) => s.kind === 'thank-you').map((s) => s.draft?.body ?? '');
    expect(bodies.filter((body) => body.includes('How big is the team?'))).toHaveLength(1);
    expect(bodies.some((body) => /salary/i.test(body))).toBe(false);
    for (const body of bodies) expect(body).toMatch(/Best wishes,\nSam Patel$/);
    expect(plan.warnings.map((w) => w.message)).toContain(
      'Your note "salary band?" is not in the drafts: it is about pay, benefits, holiday or notice: leave that until they make you an offer.',
    );
  });

  it('never says "meet" or "in person" for a video interview', () => {
    const plan = planFollowUp(makeInput({ interview: { format: 'video' } }));
    for (const step of plan.steps) {
      expect(step.draft?.body ?? '').not.toMatch(/\bmeet(?:ing)? (?:me|you)\b|in person/i);
    }
  });
});
