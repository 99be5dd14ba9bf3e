import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { planFollowUp } from './plan.js';
import { makeInput } from './test-support.js';
import {
  PROGRESS_MESSAGES,
  applyStepChange,
  classifyAgendaStep,
  isSameDraft,
  parseReply,
  parseStepChange,
  trackPlan,
  type InterviewProgress,
  type StepState,
} from './interview-progress.js';

const NOW = Temporal.Instant.from('2026-10-15T11:00:00Z');
const plan = planFollowUp(makeInput({ options: { secondCheckIn: true } }));
const statusOf = (progress: Partial<InterviewProgress>) =>
  Object.fromEntries(
    trackPlan(plan, {
      outcome: 'pending',
      outcomeAt: null,
      replies: [],
      states: [],
      ...progress,
    }).steps.map((step) => [step.id, [step.status, step.doneAt]]),
  );

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.problems;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('trackPlan', () => {
  it('has the planner’s steps, all pending, when nothing happened yet', () => {
    expect(plan.steps.map((s) => s.id)).toEqual([
      'interview:ask-timeline',
      'anna-clarke:thank-you:email',
      'ben-okafor:thank-you:email',
      'anna-clarke:linkedin-invite:linkedin',
      'interview:check-in',
      'interview:second-check-in',
      'interview:close',
    ]);
    expect(Object.values(statusOf({}))).toEqual(plan.steps.map(() => ['pending', null]));
  });

  it('keeps what the user set, and their edited draft beside the planner’s', () => {
    const states: StepState[] = [
      {
        stepId: 'anna-clarke:thank-you:email',
        status: 'done',
        doneAt: '2026-10-15T18:30:00Z',
        draft: { subject: 'Thank you', body: 'Dear Anna, thank you.' },
      },
      { stepId: 'ben-okafor:thank-you:email', status: 'skipped', doneAt: null, draft: null },
    ];
    const tracked = trackPlan(plan, { outcome: 'pending', outcomeAt: null, replies: [], states });
    expect(tracked.steps[1]).toMatchObject({
      status: 'done',
      doneAt: '2026-10-15T18:30:00Z',
      editedDraft: { subject: 'Thank you', body: 'Dear Anna, thank you.' },
      draft: plan.steps[1]!.draft,
    });
    expect(tracked.steps[2]).toMatchObject({ status: 'skipped', doneAt: null });
    expect(tracked.steps[2]).not.toHaveProperty('editedDraft');
  });

  it('cancels the check-ins and the close once the employer replied', () => {
    expect(
      statusOf({ replies: [{ id: 'r1', at: '2026-10-19T10:00:00Z', from: 'Anna Clarke' }] }),
    ).toEqual({
      'interview:ask-timeline': ['pending', null],
      'anna-clarke:thank-you:email': ['pending', null],
      'ben-okafor:thank-you:email': ['pending', null],
      'anna-clarke:linkedin-invite:linkedin': ['pending', null],
      'interview:check-in': ['cancelled', null],
      'interview:second-check-in': ['cancelled', null],
      'interview:close': ['cancelled', null],
    });
  });

  it('closes the application as done at the outcome for no-reply, cancelled for the others', () => {
    const at = '2026-11-02T09:00:00.000Z';
    expect(statusOf({ outcome: 'no-reply', outcomeAt: at })['interview:close']).toEqual([
      'done',
      at,
    ]);
    for (const outcome of ['offer', 'rejected', 'withdrawn'] as const) {
      const statuses = statusOf({ outcome, outcomeAt: at });
      expect(statuses['interview:close']).toEqual(['cancelled', null]);
      expect(statuses['interview:check-in']).toEqual(['cancelled', null]);
      expect(statuses['interview:second-check-in']).toEqual(['cancelled', null]);
      expect(statuses['interview:ask-timeline']).toEqual(['cancelled', null]);
      expect(statuses['anna-clarke:thank-you:email']).toEqual(['pending', null]);
    }
  });

  it('never cancels a step the user already marked done', () => {
    const statuses = statusOf({
      outcome: 'offer',
      outcomeAt: '2026-11-02T09:00:00.000Z',
      states: [
        {
          stepId: 'interview:check-in',
          status: 'done',
          doneAt: '2026-10-27T09:00:00Z',
          draft: null,
        },
      ],
    });
    expect(statuses['interview:check-in']).toEqual(['done', '2026-10-27T09:00:00Z']);
  });
});

describe('step changes', () => {
  const pending: StepState = { stepId: 's', status: 'pending', doneAt: null, draft: null };

  it('marks done now unless told when, and clears doneAt for any other status', () => {
    const done = applyStepChange(pending, parseStepChange({ status: 'done' }), NOW);
    expect(done).toEqual({
      stepId: 's',
      status: 'done',
      doneAt: '2026-10-15T11:00:00Z',
      draft: null,
    });
    expect(
      applyStepChange(
        pending,
        parseStepChange({ status: 'done', doneAt: '2026-10-15T19:05:00+01:00' }),
        NOW,
      ).doneAt,
    ).toBe('2026-10-15T18:05:00Z');
    expect(applyStepChange(done, parseStepChange({ status: 'skipped' }), NOW)).toMatchObject({
      status: 'skipped',
      doneAt: null,
    });
  });

  it('keeps the draft unless one is sent; null goes back to the planner’s', () => {
    const edited = applyStepChange(
      pending,
      parseStepChange({ draft: { subject: ' Thanks ', body: 'Dear Anna,\r\n\r\nThank you.  ' } }),
      NOW,
    );
    expect(edited.draft).toEqual({ subject: 'Thanks', body: 'Dear Anna,\n\nThank you.' });
    expect(applyStepChange(edited, parseStepChange({ status: 'done' }), NOW).draft).toEqual(
      edited.draft,
    );
    expect(applyStepChange(edited, parseStepChange({ draft: null }), NOW).draft).toBeNull();
  });

  it.each([
    [{}, null, 'required', PROGRESS_MESSAGES.emptyChange],
    [{ status: 'cancelled' }, 'status', 'not-in-list', PROGRESS_MESSAGES.cancelledByHand],
    [
      { status: 'finished' },
      'status',
      'not-in-list',
      'The status must be one of pending, done, skipped.',
    ],
    [
      { status: 'done', doneAt: 'yesterday' },
      'doneAt',
      'invalid',
      'doneAt must be a date and time with its offset, such as 2026-10-20T09:30:00+01:00.',
    ],
    [{ draft: 'hello' }, 'draft', 'invalid', PROGRESS_MESSAGES.draftObject],
    [{ draft: { body: '  ' } }, 'draft.body', 'required', PROGRESS_MESSAGES.draftBody],
    // One limit for a draft everywhere: what "check my edits" accepts can be saved.
    [
      { draft: { body: 'x'.repeat(10_001) } },
      'draft.body',
      'too-long',
      'The draft has more than 10000 characters; shorten it.',
    ],
  ])('refuses %j', (raw, field, code, message) => {
    expect(problemsOf(() => parseStepChange(raw))).toEqual([{ field, code, message }]);
  });

  it('saves a draft as long as "check my edits" accepts: 10,000 characters, a 300-character subject', () => {
    const change = parseStepChange({
      draft: { subject: 's'.repeat(300), body: 'x'.repeat(10_000) },
    });
    expect(change.draft?.body).toHaveLength(10_000);
    expect(change.draft?.subject).toHaveLength(300);
  });

  it('refuses doneAt on a step that is not done', () => {
    expect(
      problemsOf(() =>
        applyStepChange(pending, parseStepChange({ doneAt: '2026-10-15T10:00:00Z' }), NOW),
      ),
    ).toEqual([{ field: 'doneAt', code: 'invalid', message: PROGRESS_MESSAGES.doneAtWithoutDone }]);
  });
});

describe('isSameDraft', () => {
  const current = { subject: 'Thank you', body: 'Dear Anna,\n\nThank you.\n\nSam' };

  it('sees a draft sent back as it was shown (CRLF, spaces at line ends, a blank subject) as no edit', () => {
    expect(
      isSameDraft(current, {
        subject: ' Thank you ',
        body: 'Dear Anna,  \r\n\r\nThank you.\r\n\r\nSam\r\n',
      }),
    ).toBe(true);
    expect(isSameDraft({ body: 'Hello' }, { subject: '  ', body: 'Hello' })).toBe(true);
  });

  it('sees a changed body or subject, or a step without a draft, as an edit', () => {
    expect(isSameDraft(current, { ...current, body: `${current.body} Bye.` })).toBe(false);
    expect(isSameDraft(current, { ...current, subject: 'Thanks' })).toBe(false);
    expect(isSameDraft(current, { body: current.body })).toBe(false);
    expect(isSameDraft(undefined, { body: 'Hello' })).toBe(false);
  });
});

describe('replies', () => {
  it('reads when and from whom', () => {
    expect(parseReply({ at: '2026-10-15T10:30:00+01:00', from: ' Anna  Clarke ' }, NOW)).toEqual({
      at: '2026-10-15T09:30:00Z',
      from: 'Anna Clarke',
    });
    expect(parseReply({ at: '2026-10-15T11:04:00Z' }, NOW)).toEqual({
      at: '2026-10-15T11:04:00Z',
      from: null,
    });
  });

  it.each([
    [{}, 'at', 'required', 'Say when the employer replied (at).'],
    [{ at: '2026-10-16T09:00:00Z' }, 'at', 'out-of-range', 'The reply cannot be in the future.'],
    [{ at: '2026-10-15T09:00:00Z', from: 42 }, 'from', 'invalid', PROGRESS_MESSAGES.replyFromText],
  ])('refuses %j', (raw, field, code, message) => {
    expect(problemsOf(() => parseReply(raw, NOW))).toEqual([{ field, code, message }]);
  });
});

describe('the agenda', () => {
  const step = { sendAt: '2026-10-16T09:00:00+01:00', due: '2026-10-16T16:00:00+01:00' };
  it.each([
    ['2026-10-15T12:00:00Z', 'upcoming'],
    ['2026-10-15T23:30:00Z', 'today'], // 00:30 on the 16th in London
    ['2026-10-16T14:59:00Z', 'today'],
    ['2026-10-16T15:01:00Z', 'overdue'],
  ])('at %s the step is %s', (now, bucket) => {
    expect(classifyAgendaStep(step, Temporal.Instant.from(now), 'Europe/London')).toBe(bucket);
  });
});
