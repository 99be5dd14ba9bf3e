/**
 * The follow-up API's schemas. The input's schema states exactly what the planner checks (its
 * keys, choices, required fields and limits come from the same tables); the planner validates,
 * so its messages and field paths reach the client, not a schema library's.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { INPUT_CHOICES } from '../domain/followup/input-keys.js';
import { SAMPLE_FOLLOW_UP_INPUT } from '../domain/followup/sample-input.js';
import { LIMITS } from '../domain/validation/limits.js';

const LIMIT = LIMITS.followUp;

const INPUT_DESCRIPTION = [
  'One interview: `interview {startsAt, endsAt (local times such as 2026-10-15T15:00, optionally',
  'with an offset that must agree with the zone), timeZone (IANA), format (in-person | video |',
  'phone), nation? (england | wales | scotland | northern-ireland; without it, the bank holidays',
  'all four share), round? (first | second | final; wording only)}`, `employer {name, style',
  '(fast-moving | traditional | unknown), sector?, hiringTeamEmail?}`, `role`, `candidate {name, linkedin (none |',
  'free | premium), timeZone? (outside Europe/London: no note, send times inside both your waking',
  'hours and their working hours)}`, `interviewers` (0-20: `{name, title?, email?,',
  'postalAddress?, onLinkedIn?, contact?, chair?, channel? (email | handwritten | linkedin),',
  'notes?, id?}`), `decisionExpectedOn` (YYYY-MM-DD or null), `notes {liked, fit, questions?}` (optional',
  'until the interview has ended), `recruiter? {consultant, email, phone?, listing?}` (an agency',
  'arranged it), `options? {minGapHours?, secondCheckIn?}` and `now?` (defaults',
  'to the server clock). Any other key is a 400 `unknown-field` naming it, with suggestions',
  '(`decisionDate` -> `decisionExpectedOn`). Every problem is reported at once with its path,',
  'e.g. `interview.endsAt`, `interviewers[2].email`.',
].join(' ');

const ChannelSchema = Type.Union([
  Type.Literal('email'),
  Type.Literal('handwritten'),
  Type.Literal('linkedin'),
]);
const DraftSchema = Type.Object({ subject: Type.Optional(Type.String()), body: Type.String() });
const InstantSchema = Type.String({ description: 'YYYY-MM-DDTHH:mm:ss±HH:MM, candidate’s zone' });

const PlanStepSchema = Type.Object({
  id: Type.String({ description: '`<interviewerId>:<kind>:<channel>` or `interview:<kind>`' }),
  kind: Type.Union([
    Type.Literal('thank-you'),
    Type.Literal('linkedin-invite'),
    Type.Literal('check-in'),
    Type.Literal('second-check-in'),
    Type.Literal('ask-timeline'),
    Type.Literal('close'),
    Type.Literal('thank-you-check-in'),
    Type.Literal('debrief'),
  ]),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  interviewerId: Type.Optional(Type.String()),
  to: Type.Optional(Type.String({ description: 'A name, or "the hiring team"' })),
  notBefore: InstantSchema,
  due: InstantSchema,
  sendAt: InstantSchema,
  employerSendAt: Type.Optional(
    Type.String({
      description:
        'Candidates outside the UK: the send time in the employer’s (the interview’s) zone',
    }),
  ),
  postBy: Type.Optional(InstantSchema),
  arrivesBy: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
  draft: Type.Optional(DraftSchema),
  rule: Type.String({
    description: 'The id of the rule that produced the step (for machines; not shown to people)',
  }),
  why: Type.String({ description: 'Why this step, for this interview' }),
  reason: Type.String({ description: 'Why the rule exists, in general terms' }),
  source: Type.String({ description: 'Where the rule comes from' }),
});

export const PlanSchema = Type.Object({
  steps: Type.Array(PlanStepSchema),
  warnings: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      stepId: Type.Optional(Type.String()),
    }),
  ),
  never: Type.Array(
    Type.Object({
      channel: Type.Union([
        Type.Literal('phone'),
        Type.Literal('visit'),
        Type.Literal('facebook'),
        Type.Literal('twitter'),
        Type.Literal('text'),
      ]),
      why: Type.String(),
    }),
  ),
});

export const FindingsSchema = Type.Object({
  findings: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      stepId: Type.String(),
      count: Type.Optional(Type.Integer()),
      limit: Type.Optional(Type.Integer()),
    }),
  ),
});

const text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });
const choice = (values: readonly string[], description?: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    description ? { description } : {},
  );
const object = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });
const LOCAL_TIME =
  'A local time such as 2026-10-15T15:00, optionally with an offset that must agree with the zone';
const EMAIL = 'An email address';

const InterviewerSchema = object({
  id: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      description: 'Default: from the name',
    }),
  ),
  name: text(LIMIT.nameLength),
  title: Type.Optional(text(LIMIT.titleLength)),
  email: Type.Optional(text(LIMITS.email, EMAIL)),
  postalAddress: Type.Optional(text(LIMIT.postalAddressLength)),
  onLinkedIn: Type.Optional(Type.Boolean()),
  contact: Type.Optional(Type.Boolean({ description: 'The main contact; at most one' })),
  chair: Type.Optional(Type.Boolean({ description: 'Chairs the panel; at most one' })),
  channel: Type.Optional(choice(INPUT_CHOICES.channel)),
  notes: Type.Optional(text(LIMIT.notesLength, 'What you talked about with them')),
});

/** The planner's input: what parseFollowUpInput accepts, key by key. */
export const FollowUpInputSchema = object({
  interview: object({
    startsAt: text(LIMIT.dateTimeLength, LOCAL_TIME),
    endsAt: text(
      LIMIT.dateTimeLength,
      `${LOCAL_TIME}; after the start, at most ${LIMIT.maxInterviewHours} hours`,
    ),
    timeZone: text(LIMIT.timeZoneLength, 'An IANA time zone such as Europe/London'),
    format: choice(INPUT_CHOICES.format),
    nation: Type.Optional(
      choice(INPUT_CHOICES.nation, 'Without it, the bank holidays all four nations share'),
    ),
    round: Type.Optional(choice(INPUT_CHOICES.round, 'Wording only; default first')),
  }),
  employer: object({
    name: text(LIMIT.nameLength),
    style: choice(INPUT_CHOICES.style),
    sector: Type.Optional(text(LIMIT.sectorLength)),
    hiringTeamEmail: Type.Optional(text(LIMITS.email, EMAIL)),
  }),
  role: text(LIMIT.nameLength),
  candidate: object({
    name: text(LIMIT.nameLength),
    linkedin: choice(INPUT_CHOICES.linkedin),
    timeZone: Type.Optional(
      text(
        LIMIT.timeZoneLength,
        'Default Europe/London; outside it, send times fall inside both your waking hours and their working hours',
      ),
    ),
  }),
  interviewers: Type.Array(InterviewerSchema, {
    maxItems: LIMIT.interviewers,
    description: 'An empty list is fine',
  }),
  decisionExpectedOn: Type.Optional(
    Type.Union([Type.String({ format: 'date' }), Type.Null()], {
      description: `YYYY-MM-DD, from the interview's day to ${LIMIT.maxDecisionDays} days after; or null`,
    }),
  ),
  notes: Type.Optional(
    object({
      liked: Type.Optional(text(LIMIT.notesLength, 'Required once the interview has ended')),
      fit: Type.Optional(text(LIMIT.notesLength, 'Required once the interview has ended')),
      questions: Type.Optional(
        Type.Array(text(LIMIT.questionLength), { maxItems: LIMIT.questions }),
      ),
    }),
  ),
  recruiter: Type.Optional(
    object({
      consultant: text(LIMIT.nameLength),
      email: text(LIMITS.email, EMAIL),
      phone: Type.Optional(text(LIMIT.phoneLength)),
      listing: Type.Optional(text(LIMIT.listingLength)),
    }),
  ),
  options: Type.Optional(
    object({
      minGapHours: Type.Optional(Type.Number({ minimum: 0, maximum: LIMIT.maxMinGapHours })),
      secondCheckIn: Type.Optional(Type.Boolean()),
    }),
  ),
  now: Type.Optional(Type.String({ description: 'Default: the server clock' })),
});

export const InputSchema = Type.Object(FollowUpInputSchema.properties, {
  additionalProperties: false,
  description: INPUT_DESCRIPTION,
  examples: [SAMPLE_FOLLOW_UP_INPUT],
});

const DraftTextSchema = Type.Object(
  {
    subject: Type.Optional(Type.String({ maxLength: LIMITS.draft.subjectLength })),
    body: Type.String({ maxLength: LIMITS.draft.bodyLength }),
  },
  { additionalProperties: true },
);

export const CheckDraftBody = Type.Object(
  {
    draft: Type.Union([Type.String({ maxLength: LIMITS.draft.bodyLength }), DraftTextSchema]),
    context: Type.Object({ input: FollowUpInputSchema, stepId: Type.String() }),
  },
  {
    description:
      '`draft` is the text, or `{subject?, body}`; `input` as for /api/followup/plan (its problems are reported under `context.input.`).',
    examples: [
      {
        draft: { subject: 'Thank you', body: 'Dear Anna, thank you for your time on Thursday.' },
        context: { input: SAMPLE_FOLLOW_UP_INPUT, stepId: 'anna-clarke:thank-you:email' },
      },
    ],
  },
);

export const DraftEmlQuery = Type.Object(
  { step: Type.String({ description: 'A step id, e.g. anna-clarke:thank-you:email' }) },
  { additionalProperties: true },
);
