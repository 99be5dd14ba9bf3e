/**
 * The interview follow-up planner over HTTP: POST /api/followup/plan, /plan.ics, /draft.eml and
 * /check-draft. The body schemas only document (the planner validates, so its messages and field
 * paths reach the client, not a schema library's).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { sendFile } from '../http/attachment.js';
import {
  buildDraftEmailFile,
  buildPlanCalendarFile,
  checkFollowUpDraft,
  planFollowUpFromJson,
  type FollowUpDeps,
} from '../services/followup.service.js';
import {
  CheckDraftBody,
  DraftEmlQuery,
  FindingsSchema,
  InputSchema,
  PlanSchema,
} from './followup.schemas.js';
import { documented, ErrorsSchema, typesOnly } from './schemas.js';

// interviews.routes.ts still imports the example from here; it moves to ./followup.schemas.js.

const UNCHECKED_BODY = { body: Type.Unknown() };

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

export function registerFollowUpRoutes(app: FastifyInstance, deps: FollowUpDeps): void {
  app.post(
    '/api/followup/plan',
    documented(
      {
        summary: 'Plan the follow-up of one interview',
        description:
          'Returns the steps (each with its time window, channel, draft, the rule that produced it and why), the warnings and the channels never to use. Errors name each field at fault, e.g. `interview.endsAt` "The interview must end after it starts.".',
        tags: ['follow-up'],
        body: InputSchema,
        response: { 200: PlanSchema, ...ERRORS },
      },
      UNCHECKED_BODY,
    ),
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
    documented(
      {
        summary: 'The plan as a calendar file',
        description:
          'The same input as /api/followup/plan; answers an iCalendar file (`follow-up-plan.ics`) with one event and reminder per step.',
        tags: ['follow-up'],
        body: InputSchema,
        response: { 200: fileResponse('text/calendar', 'An iCalendar file'), ...ERRORS },
      },
      UNCHECKED_BODY,
    ),
    (request, reply) =>
      sendFile(reply, buildPlanCalendarFile(planFollowUpFromJson(deps, readJsonBody(request)))),
  );

  app.post(
    '/api/followup/draft.eml',
    documented(
      {
        summary: 'An email step’s draft as an .eml file',
        description:
          'The same input as /api/followup/plan, and `step`: the id of an email step of the plan. Answers an unsent message (`X-Unsent: 1`) to open in a mail program. A `step` not in the plan is a 400 on field `step` with code `not-in-plan` (it is the request that is wrong, not a missing resource); a step that is not an email is `not-an-email`.',
        tags: ['follow-up'],
        querystring: DraftEmlQuery,
        body: InputSchema,
        response: { 200: fileResponse('message/rfc822', 'An RFC 5322 message'), ...ERRORS },
      },
      { ...UNCHECKED_BODY, querystring: typesOnly(DraftEmlQuery) },
    ),
    async (request, reply) => {
      const planned = planFollowUpFromJson(deps, readJsonBody(request));
      const { step } = request.query as { step?: unknown };
      return sendFile(reply, await buildDraftEmailFile(planned, step, 'step'));
    },
  );

  app.post(
    '/api/followup/check-draft',
    documented(
      {
        summary: 'Check a draft for a step of the plan',
        description:
          'Returns every finding (empty when the draft reads well): missing thanks, name or employer, nothing from the interview, no fit, too long, a near-copy of another interviewer’s draft, pushy, asks for a call. Problems of the input are reported under `context.input.`; an unknown step is `not-in-plan` on `context.stepId`.',
        tags: ['follow-up'],
        body: CheckDraftBody,
        response: { 200: FindingsSchema, ...ERRORS },
      },
      UNCHECKED_BODY,
    ),
    (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send({ findings: checkFollowUpDraft(deps, readJsonBody(request)) }),
  );
}
