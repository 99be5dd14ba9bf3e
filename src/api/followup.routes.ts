/**
 * The interview follow-up planner over HTTP: POST /api/followup/plan, /plan.ics, /draft.eml and
 * /check-draft. The body schemas only document (the planner validates, so its messages and field
 * paths reach the client, not a schema library's).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import {
  buildDraftEmailFile,
  buildPlanCalendarFile,
  checkFollowUpDraft,
  planFollowUpFromJson,
  type FollowUpDeps,
  type FollowUpFile,
} from '../services/followup.service.js';
import { ErrorsSchema } from './schemas.js';

/** A valid input, shown in the OpenAPI document. */
export const FOLLOW_UP_INPUT_EXAMPLE = {
  interview: {
    startsAt: '2026-10-15T15:00',
    endsAt: '2026-10-15T16:00',
    timeZone: 'Europe/London',
    format: 'in-person',
    nation: 'england',
  },
  employer: { name: 'Brightwater Analytics Ltd', style: 'fast-moving', sector: 'IT' },
  role: 'Data Analyst',
  candidate: { name: 'Sam Patel', linkedin: 'free' },
  interviewers: [
    {
      name: 'Anna Clarke',
      title: 'Head of Data',
      email: 'anna.clarke@brightwater.example',
      onLinkedIn: true,
      contact: true,
      notes: 'the move of the reporting stack to dbt and Snowflake',
    },
    { name: 'Ben Okafor', title: 'Senior Analyst', email: 'ben@brightwater.example' },
  ],
  decisionExpectedOn: '2026-10-22',
  notes: {
    liked: 'the weekly show-and-tell where analysts present their work to the board',
    fit: 'three years building retail dashboards in SQL and Python',
    questions: ['How do analysts split their time between projects and ad-hoc requests?'],
  },
};

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

const InputSchema = Type.Unknown({
  description: INPUT_DESCRIPTION,
  examples: [FOLLOW_UP_INPUT_EXAMPLE],
});

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

const PlanSchema = Type.Object({
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

const FindingsSchema = Type.Object({
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

const CheckDraftBody = Type.Unknown({
  description:
    '`{draft, context: {input, stepId}}`: `draft` is the text, or `{subject?, body}`; `input` as for /api/followup/plan (its problems are reported under `context.input.`).',
  examples: [
    {
      draft: { subject: 'Thank you', body: 'Dear Anna, thank you for your time on Thursday.' },
      context: { input: FOLLOW_UP_INPUT_EXAMPLE, stepId: 'anna-clarke:thank-you:email' },
    },
  ],
});

const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: { type: 'string' } } },
});

const ERRORS = { 400: ErrorsSchema, 415: ErrorsSchema };

/**
 * The JSON body of a request: a problem (400, in the shared shape) when there is none or it is
 * not JSON. Fastify itself answers malformed JSON and unknown media types in the same shape.
 */
function readJsonBody(request: FastifyRequest): unknown {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (request.body === undefined || request.body === null) {
    throw DomainError.single(
      'required',
      'The request has no body: send the follow-up input as JSON, with content-type: application/json.',
      null,
    );
  }
  if (!/^application\/(?:[\w.+-]+\+)?json$/.test(type)) {
    throw DomainError.single(
      'not-json',
      'The body must be JSON, sent with content-type: application/json.',
      null,
    );
  }
  return request.body;
}

function sendFile(reply: FastifyReply, file: FollowUpFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.content);
}

export function registerFollowUpRoutes(app: FastifyInstance, deps: FollowUpDeps): void {
  app.post(
    '/api/followup/plan',
    {
      schema: {
        summary: 'Plan the follow-up of one interview',
        description:
          'Returns the steps (each with its time window, channel, draft, the rule that produced it and why), the warnings and the channels never to use. Errors name each field at fault, e.g. `interview.endsAt` "The interview must end after it starts.".',
        tags: ['follow-up'],
        body: InputSchema,
        response: { 200: PlanSchema, ...ERRORS },
      },
    },
    (request, reply) => {
      const { plan } = planFollowUpFromJson(deps, readJsonBody(request));
      // Serialised here so the steps keep the planner's field order (the schema only documents).
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(plan));
    },
  );

  app.post(
    '/api/followup/plan.ics',
    {
      schema: {
        summary: 'The plan as a calendar file',
        description:
          'The same input as /api/followup/plan; answers an iCalendar file (`follow-up-plan.ics`) with one event and reminder per step.',
        tags: ['follow-up'],
        body: InputSchema,
        response: { 200: fileResponse('text/calendar', 'An iCalendar file'), ...ERRORS },
      },
    },
    (request, reply) =>
      sendFile(reply, buildPlanCalendarFile(planFollowUpFromJson(deps, readJsonBody(request)))),
  );

  app.post(
    '/api/followup/draft.eml',
    {
      schema: {
        summary: 'An email step’s draft as an .eml file',
        description:
          'The same input as /api/followup/plan, and `step`: the id of an email step of the plan. Answers an unsent message (`X-Unsent: 1`) to open in a mail program. A `step` not in the plan is a 400 on field `step` with code `not-in-plan` (it is the request that is wrong, not a missing resource); a step that is not an email is `not-an-email`.',
        tags: ['follow-up'],
        querystring: Type.Object(
          {
            step: Type.Optional(
              Type.String({ description: 'A step id, e.g. anna-clarke:thank-you:email' }),
            ),
          },
          { additionalProperties: true },
        ),
        body: InputSchema,
        response: { 200: fileResponse('message/rfc822', 'An RFC 5322 message'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const planned = planFollowUpFromJson(deps, readJsonBody(request));
      const { step } = request.query as { step?: unknown };
      return sendFile(reply, await buildDraftEmailFile(planned, step, 'step'));
    },
  );

  app.post(
    '/api/followup/check-draft',
    {
      schema: {
        summary: 'Check a draft for a step of the plan',
        description:
          'Returns every finding (empty when the draft reads well): missing thanks, name or employer, nothing from the interview, no fit, too long, a near-copy of another interviewer’s draft, pushy, asks for a call. Problems of the input are reported under `context.input.`; an unknown step is `not-in-plan` on `context.stepId`.',
        tags: ['follow-up'],
        body: CheckDraftBody,
        response: { 200: FindingsSchema, ...ERRORS },
      },
    },
    (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send({ findings: checkFollowUpDraft(deps, readJsonBody(request)) }),
  );
}
