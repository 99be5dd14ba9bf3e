/** TypeBox schemas of the saved-interview routes. */
import { Type } from '@sinclair/typebox';
import { SAMPLE_FOLLOW_UP_INPUT } from '../domain/followup/sample-input.js';

export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const StepParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  stepId: Type.String({ maxLength: 300 }),
});

export const InterviewBody = Type.Unknown({
  description:
    'The follow-up planner’s input (see POST /api/followup/plan; its `now` is ignored: the plan is made when the interview is saved, and again only when the planner’s input changes) plus `agency` (a listing slug from the directory, or null) and `outcome` (pending | offer | rejected | withdrawn | no-reply). On PUT, a missing agency or outcome keeps the saved one.',
  examples: [{ ...SAMPLE_FOLLOW_UP_INPUT, agency: null, outcome: 'pending' }],
});

export const InterviewReply = Type.Unknown({
  description:
    'The planner’s input (with `now` = when it was planned) plus id, agency, outcome, outcomeAt, createdAt, updatedAt and replies [{id, at, from}].',
});

export const PlanReply = Type.Unknown({
  description:
    'The planner’s output {steps, warnings, never} plus interviewId, plannedAt and outcome; each step has status (pending | done | skipped | cancelled), doneAt, editedDraft (the user’s draft, when there is one), title and findings (the draft checker’s, on the draft that will be sent).',
});

export const CheckBody = Type.Unknown({
  description:
    '`{draft}`: the draft as typed, `{subject?, body}` or its text. Nothing is saved: the findings are those the plan would show with this draft in place of the step’s.',
  examples: [{ draft: { subject: 'Thank you', body: 'Dear Anna, thank you for your time.' } }],
});

export const InterviewsReply = Type.Object({ interviews: Type.Array(Type.Unknown()) });

export const AgendaReply = Type.Object({
  overdue: Type.Array(Type.Unknown()),
  today: Type.Array(Type.Unknown()),
  upcoming: Type.Array(Type.Unknown()),
});

export const StatusBody = Type.Object({
  outcome: Type.Optional(Type.String()),
  agency: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  _csrf: Type.Optional(Type.String()),
});

export const IcsReply = Type.String({ description: 'text/calendar' });

export const StepBody = Type.Unknown();
export const StepReply = Type.Unknown();

export const EmlReply = Type.String({ description: 'message/rfc822' });

export const ReplyBody = Type.Object({
  at: Type.Optional(Type.String({ description: 'When they replied, with offset' })),
  from: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  _csrf: Type.Optional(Type.String()),
});

export const ReplyRecorded = Type.Object({
  id: Type.String(),
  at: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
});
