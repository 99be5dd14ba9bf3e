/**
 * Saved interviews over HTTP: create, list, read, replace, delete; the plan with step states,
 * step changes, replies, the agenda and the files. Every route needs an account, and another
 * account's interview answers 404, exactly like one that does not exist.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  updateInterview,
} from '../services/interviews/interviews.service.js';
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
import { errors, NoContent } from './accounts.schemas.js';
// The draft checker answers alike for a saved interview's step and an unsaved plan's.
import { FindingsSchema } from './followup.schemas.js';
import {
  AgendaReply,
  CheckBody,
  EmlReply,
  IcsReply,
  IdParams,
  InterviewBody,
  InterviewReply,
  InterviewsReply,
  PlanReply,
  ReplyBody,
  ReplyRecorded,
  StatusBody,
  StepBody,
  StepParams,
  StepReply,
} from './interviews.schemas.js';

type IdParamsType = { id: string };
type StepParamsType = { id: string; stepId: string };

/** A handler given the signed-in account's user id and the route's parameters. */
function withAccount<Params>(
  run: (
    userId: string,
    params: Params,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>,
) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    run(accountOf(request).user.id, request.params as Params, request, reply);
}

export function registerInterviewRoutes(scope: FastifyInstance, context: AccountContext): void {
  const signedIn = requireAccount(scope);
  const deps = context.interviews;
  const tags = ['interviews'];
  /** A route's options: an account needed, documented under the interviews tag. */
  const signedInRoute = (schema: FastifySchema) => ({ ...signedIn, schema: { ...schema, tags } });

  scope.get(
    '/api/interviews',
    signedInRoute({
      summary: 'My interviews, soonest first, each with its next step',
      response: { 200: InterviewsReply, ...errors(401) },
    }),
    withAccount(async (userId) => ({ interviews: await listInterviews(deps, userId) })),
  );

  scope.post(
    '/api/interviews',
    signedInRoute({
      summary: 'Save an interview; its follow-up is planned now',
      body: InterviewBody,
      response: { 201: InterviewReply, ...errors(400, 401, 403) },
    }),
    withAccount(async (userId, _params, request, reply) => {
      const created = await createInterview(deps, userId, request.body);
      return reply.status(201).send(created);
    }),
  );

  scope.get(
    '/api/interviews/agenda',
    signedInRoute({
      summary: 'Pending steps across my interviews: overdue, due today and coming up',
      response: {
        200: AgendaReply,
        ...errors(401),
      },
    }),
    withAccount((userId) => listAgenda(deps, userId)),
  );

  scope.get(
    '/api/interviews/:id',
    signedInRoute({
      summary: 'One of my interviews',
      params: IdParams,
      response: { 200: InterviewReply, ...errors(401, 404) },
    }),
    withAccount<IdParamsType>((userId, { id }) => getInterview(deps, userId, id)),
  );

  scope.put(
    '/api/interviews/:id',
    signedInRoute({
      summary: 'Replace an interview; planned again only when the planner’s input changed',
      params: IdParams,
      body: InterviewBody,
      response: { 200: InterviewReply, ...errors(400, 401, 403, 404) },
    }),
    withAccount<IdParamsType>((userId, { id }, request) =>
      updateInterview(deps, userId, id, request.body),
    ),
  );

  scope.patch(
    '/api/interviews/:id',
    signedInRoute({
      summary: 'Set the outcome and/or the agency of an interview',
      description:
        'An outcome other than pending cancels the remaining check-ins; no-reply marks the close step done.',
      params: IdParams,
      body: StatusBody,
      response: { 200: InterviewReply, ...errors(400, 401, 403, 404) },
    }),
    withAccount<IdParamsType>((userId, { id }, request) =>
      updateInterviewStatus(deps, userId, id, request.body),
    ),
  );

  scope.delete(
    '/api/interviews/:id',
    signedInRoute({
      summary: 'Delete an interview with its steps and replies',
      params: IdParams,
      response: { 204: NoContent, ...errors(401, 403, 404) },
    }),
    withAccount<IdParamsType>(async (userId, { id }, _request, reply) => {
      await deleteInterview(deps, userId, id);
      return reply.status(204).send();
    }),
  );

  scope.get(
    '/api/interviews/:id/plan',
    signedInRoute({
      summary: 'The plan with each step’s status, doneAt, my edited draft and its findings',
      params: IdParams,
      response: { 200: PlanReply, ...errors(401, 404) },
    }),
    withAccount<IdParamsType>((userId, { id }) => getInterviewPlan(deps, userId, id)),
  );

  scope.get(
    '/api/interviews/:id/plan.ics',
    signedInRoute({
      summary: 'The pending steps of one interview as an iCalendar file',
      params: IdParams,
      response: { 200: IcsReply, ...errors(401, 404) },
    }),
    withAccount<IdParamsType>(async (userId, { id }, _request, reply) => {
      const ics = await renderInterviewIcs(deps, userId, id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="follow-up-plan.ics"')
        .send(ics);
    }),
  );

  scope.patch(
    '/api/interviews/:id/steps/:stepId',
    signedInRoute({
      summary: 'Mark a step done, skipped or pending, or save my own draft for it',
      description:
        '`{status?: pending | done | skipped, doneAt?: instant with offset (status done; defaults to now), draft?: {subject?, body} | null (null: back to the suggested draft)}`. Steps become cancelled only through a reply or an outcome.',
      params: StepParams,
      body: StepBody,
      response: { 200: StepReply, ...errors(400, 401, 403, 404) },
    }),
    withAccount<StepParamsType>((userId, { id, stepId }, request) =>
      updateStep(deps, userId, id, stepId, request.body),
    ),
  );

  scope.post(
    '/api/interviews/:id/steps/:stepId/check',
    signedInRoute({
      summary: 'Check a draft for a step as I type it, without saving it',
      description:
        'The draft checker’s findings (empty when the draft reads well), as the plan would show them with this draft. Changes nothing; like every POST here it still takes the CSRF token (`x-csrf-token`) with the session cookie, none with a bearer token. An unknown step is 404; a step without a message is 400 `no-draft`.',
      params: StepParams,
      body: CheckBody,
      response: { 200: FindingsSchema, ...errors(400, 401, 403, 404) },
    }),
    withAccount<StepParamsType>(async (userId, { id, stepId }, request, reply) => {
      const findings = await checkStepDraft(deps, userId, id, stepId, request.body);
      return reply.header('cache-control', 'no-store').send({ findings });
    }),
  );

  scope.get(
    '/api/interviews/:id/steps/:stepId.eml',
    signedInRoute({
      summary: 'An email step’s draft (my edit when there is one) as an .eml file',
      params: StepParams,
      response: { 200: EmlReply, ...errors(401, 404) },
    }),
    withAccount<StepParamsType>(async (userId, { id, stepId }, _request, reply) => {
      const eml = await buildStepEml(deps, userId, id, stepId);
      const name = stepId.replace(/[^A-Za-z0-9._-]+/g, '-');
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${name}.eml"`)
        .send(eml);
    }),
  );

  scope.post(
    '/api/interviews/:id/replies',
    signedInRoute({
      summary: 'Record a reply from the employer: the remaining check-ins are cancelled',
      params: IdParams,
      body: ReplyBody,
      response: {
        201: ReplyRecorded,
        ...errors(400, 401, 403, 404),
      },
    }),
    withAccount<IdParamsType>(async (userId, { id }, request, reply) => {
      const recorded = await recordReply(deps, userId, id, request.body);
      return reply.status(201).send(recorded);
    }),
  );
}
