/**
 * Saved interviews over HTTP: create, list, read, replace, delete; the plan with step states,
 * step changes, replies, the agenda and the files. Every route needs an account, and another
 * account's interview answers 404, exactly like one that does not exist.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  updateInterview,
} from '../services/interviews.service.js';
import { buildStepEml, renderInterviewIcs } from '../services/interviews/calendar-files.js';
import {
  checkStepDraft,
  getInterviewPlan,
  listAgenda,
  recordReply,
  updateInterviewStatus,
  updateStep,
} from '../services/interviews/progress.js';
import { accountOf, requireAccount } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import { FOLLOW_UP_INPUT_EXAMPLE } from './followup.routes.js';
import { ErrorsSchema } from './schemas.js';

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorsSchema]));

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const StepParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  stepId: Type.String({ maxLength: 300 }),
});

const InterviewBody = Type.Unknown({
  description:
    'The follow-up planner’s input (see POST /api/followup/plan; its `now` is ignored: the plan is made when the interview is saved, and again only when the planner’s input changes) plus `agency` (a listing slug from the directory, or null) and `outcome` (pending | offer | rejected | withdrawn | no-reply). On PUT, a missing agency or outcome keeps the saved one.',
  examples: [{ ...FOLLOW_UP_INPUT_EXAMPLE, agency: null, outcome: 'pending' }],
});

const InterviewReply = Type.Unknown({
  description:
    'The planner’s input (with `now` = when it was planned) plus id, agency, outcome, outcomeAt, createdAt, updatedAt and replies [{id, at, from}].',
});

const PlanReply = Type.Unknown({
  description:
    'The planner’s output {steps, warnings, never} plus interviewId, plannedAt and outcome; each step has status (pending | done | skipped | cancelled), doneAt, editedDraft (the user’s draft, when there is one), title and findings (the draft checker’s, on the draft that will be sent).',
});

const CheckBody = Type.Unknown({
  description:
    '`{draft}`: the draft as typed, `{subject?, body}` or its text. Nothing is saved: the findings are those the plan would show with this draft in place of the step’s.',
  examples: [{ draft: { subject: 'Thank you', body: 'Dear Anna, thank you for your time.' } }],
});

const FindingsReply = Type.Object({
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

type IdParamsType = { id: string };
type StepParamsType = { id: string; stepId: string };

export function registerInterviewRoutes(scope: FastifyInstance, context: AccountContext): void {
  const signedIn = requireAccount(scope);
  const deps = context.interviews;
  const tags = ['interviews'];

  scope.get(
    '/api/interviews',
    {
      ...signedIn,
      schema: {
        summary: 'My interviews, soonest first, each with its next step',
        tags,
        response: { 200: Type.Object({ interviews: Type.Array(Type.Unknown()) }), ...errors(401) },
      },
    },
    async (request) => ({ interviews: await listInterviews(deps, accountOf(request).user.id) }),
  );

  scope.post(
    '/api/interviews',
    {
      ...signedIn,
      schema: {
        summary: 'Save an interview; its follow-up is planned now',
        tags,
        body: InterviewBody,
        response: { 201: InterviewReply, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await createInterview(deps, accountOf(request).user.id, request.body);
      return reply.status(201).send(created);
    },
  );

  scope.get(
    '/api/interviews/agenda',
    {
      ...signedIn,
      schema: {
        summary: 'Pending steps across my interviews: overdue, due today and coming up',
        tags,
        response: {
          200: Type.Object({
            overdue: Type.Array(Type.Unknown()),
            today: Type.Array(Type.Unknown()),
            upcoming: Type.Array(Type.Unknown()),
          }),
          ...errors(401),
        },
      },
    },
    async (request) => listAgenda(deps, accountOf(request).user.id),
  );

  scope.get(
    '/api/interviews/:id',
    {
      ...signedIn,
      schema: {
        summary: 'One of my interviews',
        tags,
        params: IdParams,
        response: { 200: InterviewReply, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as IdParamsType;
      return getInterview(deps, accountOf(request).user.id, id);
    },
  );

  scope.put(
    '/api/interviews/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Replace an interview; planned again only when the planner’s input changed',
        tags,
        params: IdParams,
        body: InterviewBody,
        response: { 200: InterviewReply, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as IdParamsType;
      return updateInterview(deps, accountOf(request).user.id, id, request.body);
    },
  );

  scope.patch(
    '/api/interviews/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Set the outcome and/or the agency of an interview',
        description:
          'An outcome other than pending cancels the remaining check-ins; no-reply marks the close step done.',
        tags,
        params: IdParams,
        body: Type.Object({
          outcome: Type.Optional(Type.String()),
          agency: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          _csrf: Type.Optional(Type.String()),
        }),
        response: { 200: InterviewReply, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as IdParamsType;
      return updateInterviewStatus(deps, accountOf(request).user.id, id, request.body);
    },
  );

  scope.delete(
    '/api/interviews/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Delete an interview with its steps and replies',
        tags,
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as IdParamsType;
      await deleteInterview(deps, accountOf(request).user.id, id);
      return reply.status(204).send();
    },
  );

  scope.get(
    '/api/interviews/:id/plan',
    {
      ...signedIn,
      schema: {
        summary: 'The plan with each step’s status, doneAt, my edited draft and its findings',
        tags,
        params: IdParams,
        response: { 200: PlanReply, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as IdParamsType;
      return getInterviewPlan(deps, accountOf(request).user.id, id);
    },
  );

  scope.get(
    '/api/interviews/:id/plan.ics',
    {
      ...signedIn,
      schema: {
        summary: 'The pending steps of one interview as an iCalendar file',
        tags,
        params: IdParams,
        response: { 200: Type.String({ description: 'text/calendar' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as IdParamsType;
      const ics = await renderInterviewIcs(deps, accountOf(request).user.id, id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="follow-up-plan.ics"')
        .send(ics);
    },
  );

  scope.patch(
    '/api/interviews/:id/steps/:stepId',
    {
      ...signedIn,
      schema: {
        summary: 'Mark a step done, skipped or pending, or save my own draft for it',
        description:
          '`{status?: pending | done | skipped, doneAt?: instant with offset (status done; defaults to now), draft?: {subject?, body} | null (null: back to the suggested draft)}`. Steps become cancelled only through a reply or an outcome.',
        tags,
        params: StepParams,
        body: Type.Unknown(),
        response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id, stepId } = request.params as StepParamsType;
      return updateStep(deps, accountOf(request).user.id, id, stepId, request.body);
    },
  );

  scope.post(
    '/api/interviews/:id/steps/:stepId/check',
    {
      ...signedIn,
      schema: {
        summary: 'Check a draft for a step as I type it, without saving it',
        description:
          'The draft checker’s findings (empty when the draft reads well), as the plan would show them with this draft. Changes nothing; like every POST here it still takes the CSRF token (`x-csrf-token`) with the session cookie, none with a bearer token. An unknown step is 404; a step without a message is 400 `no-draft`.',
        tags,
        params: StepParams,
        body: CheckBody,
        response: { 200: FindingsReply, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, stepId } = request.params as StepParamsType;
      const findings = await checkStepDraft(
        deps,
        accountOf(request).user.id,
        id,
        stepId,
        request.body,
      );
      return reply.header('cache-control', 'no-store').send({ findings });
    },
  );

  scope.get(
    '/api/interviews/:id/steps/:stepId.eml',
    {
      ...signedIn,
      schema: {
        summary: 'An email step’s draft (my edit when there is one) as an .eml file',
        tags,
        params: StepParams,
        response: { 200: Type.String({ description: 'message/rfc822' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const { id, stepId } = request.params as StepParamsType;
      const eml = await buildStepEml(deps, accountOf(request).user.id, id, stepId);
      const name = stepId.replace(/[^A-Za-z0-9._-]+/g, '-');
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${name}.eml"`)
        .send(eml);
    },
  );

  scope.post(
    '/api/interviews/:id/replies',
    {
      ...signedIn,
      schema: {
        summary: 'Record a reply from the employer: the remaining check-ins are cancelled',
        tags,
        params: IdParams,
        body: Type.Object({
          at: Type.Optional(Type.String({ description: 'When they replied, with offset' })),
          from: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          _csrf: Type.Optional(Type.String()),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            at: Type.String(),
            from: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as IdParamsType;
      const recorded = await recordReply(deps, accountOf(request).user.id, id, request.body);
      return reply.status(201).send(recorded);
    },
  );
}
