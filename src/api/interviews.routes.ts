/**
 * Saved interviews over HTTP: create, list, read, replace, delete; the plan with step states,
 * step changes, replies, the agenda and the files. Every route needs an account, and another
 * account's interview answers 404, exactly like one that does not exist.
 */
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
import { errors, NoContent } from './accounts.schemas.js';
import {
  AgendaReply,
  CheckBody,
  EmlReply,
  FindingsReply,
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
        response: { 200: InterviewsReply, ...errors(401) },
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
          200: AgendaReply,
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
        body: StatusBody,
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
        response: { 204: NoContent, ...errors(401, 403, 404) },
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
        response: { 200: IcsReply, ...errors(401, 404) },
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
        body: StepBody,
        response: { 200: StepReply, ...errors(400, 401, 403, 404) },
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
        response: { 200: EmlReply, ...errors(401, 404) },
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
        body: ReplyBody,
        response: {
          201: ReplyRecorded,
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
