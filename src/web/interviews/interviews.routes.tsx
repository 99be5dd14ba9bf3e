/**
 * The saved interviews' pages, working without JavaScript: /interviews (what is overdue, due
 * today and coming up across all interviews, then the interviews), /interviews/new and
 * /interviews/{id}/edit (the follow-up page's form, with the agency and the outcome), and
 * /interviews/{id} (the plan: edit and check drafts, mark steps done or skipped, record a reply or
 * the outcome, download the calendar and the emails). The same services as the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { INTERVIEW_OUTCOMES, isSameDraft } from '../../domain/followup/interview-progress.js';
import { isDomainError, type DomainError } from '../../domain/errors.js';
import { createCsrfToken } from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  updateInterview,
  type InterviewView,
} from '../../services/interviews/interviews.service.js';
import {
  getInterviewPlan,
  listAgenda,
  recordReply,
  updateInterviewStatus,
  updateStep,
} from '../../services/interviews/progress.js';
import { formHas, formText, sendPage, signedInRoutes } from '../account/page-kit.js';
import {
  addInterviewer,
  createEmptyForm,
  readFollowUpForm,
  removeInterviewer,
  type FollowUpForm,
  type FormError,
} from '../followup/followup-form.js';
import { sortFormErrors, toFormErrors, toRawInput } from '../followup/followup-input.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import { DashboardPage } from './dashboard.page.js';
import { FormPage } from './form.page.js';
import { describeAgency, toInterviewBody, toFollowUpForm } from './interview-form.js';
import { SECTION, interviewPath, stepAnchor } from './paths.js';
import { PlanPage, type PlanProblems } from './plan.page.js';

/** Registers the interview pages in the scope that already has the account hooks. */
export function registerInterviewPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  const signedIn = signedInRoutes(scope);
  const services = context.interviews;
  const chrome = (reply: FastifyReply) => pageChrome(deps, reply);
  const userOf = (request: FastifyRequest) => request.account!.user.id;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  signedIn.get(SECTION, async (request, reply) => {
    const userId = userOf(request);
    return sendPage(
      reply,
      200,
      <DashboardPage
        {...chrome(reply)}
        agenda={await listAgenda(services, userId)}
        interviews={await listInterviews(services, userId)}
      />,
    );
  });

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FollowUpForm,
    errors: readonly FormError[],
    editing: InterviewView | null,
  ) {
    const agency = formText(request.body, 'agency');
    const outcomeText = formText(request.body, 'outcome');
    const outcome =
      INTERVIEW_OUTCOMES.find((value) => value === outcomeText) ?? editing?.outcome ?? 'pending';
    return sendPage(
      reply,
      status,
      <FormPage
        {...chrome(reply)}
        csrf={createCsrfToken(request, reply)}
        form={form}
        errors={sortFormErrors(errors)}
        agency={request.method === 'POST' ? agency : (editing?.agency ?? '')}
        outcome={outcome}
        editing={editing}
      />,
    );
  }

  /** Saves the posted form (new or edit), or shows it again with its problems. */
  async function saveForm(
    request: FastifyRequest,
    reply: FastifyReply,
    editing: InterviewView | null,
  ) {
    const form = readFollowUpForm(request.body);
    if (form.action.kind === 'add-interviewer') {
      return renderForm(request, reply, 200, addInterviewer(form), [], editing);
    }
    if (form.action.kind === 'remove-interviewer') {
      return renderForm(
        request,
        reply,
        200,
        removeInterviewer(form, form.action.index),
        [],
        editing,
      );
    }
    const { raw, problems, rows } = toRawInput(form);
    const body = toInterviewBody(raw, request.body, services, editing);
    const errors: FormError[] = [...problems];
    try {
      if (errors.length === 0) {
        const saved = editing
          ? await updateInterview(services, userOf(request), editing.id, body)
          : await createInterview(services, userOf(request), body);
        return reply.redirect(interviewPath(saved.id), 303);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      errors.push(
        ...toFormErrors(error.problems, rows).map((e, i) =>
          error.problems[i]?.field === 'agency' ? { ...e, field: 'agency' } : e,
        ),
      );
    }
    return renderForm(request, reply, 400, form, errors, editing);
  }

  signedIn.get(`${SECTION}/new`, (request, reply) =>
    renderForm(request, reply, 200, createEmptyForm(), [], null),
  );
  signedIn.post(`${SECTION}/new`, (request, reply) => saveForm(request, reply, null));

  signedIn.get(`${SECTION}/:id/edit`, async (request, reply) => {
    const interview = await getInterview(services, userOf(request), idOf(request));
    return renderForm(request, reply, 200, toFollowUpForm(interview), [], interview);
  });
  signedIn.post(`${SECTION}/:id/edit`, async (request, reply) => {
    const interview = await getInterview(services, userOf(request), idOf(request));
    return saveForm(request, reply, interview);
  });

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: PlanProblems = {},
  ) {
    const userId = userOf(request);
    const id = idOf(request);
    const interview = await getInterview(services, userId, id);
    const plan = await getInterviewPlan(services, userId, id);
    return sendPage(
      reply,
      status,
      <PlanPage
        {...chrome(reply)}
        csrf={createCsrfToken(request, reply)}
        interview={interview}
        {...(interview.agency ? { agencyName: describeAgency(interview.agency, services) } : {})}
        plan={plan}
        {...extra}
      />,
    );
  }

  /**
   * Runs a change, then redirects (Post/Redirect/Get) to the address it returns; a problem with
   * what was sent shows the plan again with it (an interview or step not found stays a 404).
   */
  async function changePlan(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<string>,
    shown: (error: DomainError) => PlanProblems,
  ) {
    try {
      return reply.redirect(await run(), 303);
    } catch (error) {
      if (!isDomainError(error) || error.code === 'not-found') throw error;
      return renderPlan(request, reply, 400, shown(error));
    }
  }

  signedIn.get(`${SECTION}/:id`, (request, reply) => renderPlan(request, reply, 200));

  signedIn.post(`${SECTION}/:id/steps/:stepId`, async (request, reply) => {
    const { id, stepId } = request.params as { id: string; stepId: string };
    const action = formText(request.body, 'action');
    const subject = formText(request.body, 'subject');
    const body = formText(request.body, 'body');
    const typed = { ...(subject.trim() ? { subject } : {}), body };
    return changePlan(
      request,
      reply,
      async () => {
        const plan = await getInterviewPlan(services, userOf(request), id);
        const index = plan.steps.findIndex((step) => step.id === stepId);
        const step = plan.steps[index];
        // The status buttons share the draft's form: a draft edited there is saved with them.
        const edited =
          step !== undefined &&
          formHas(request.body, 'body') &&
          !isSameDraft(step.editedDraft ?? step.draft, typed);
        const change =
          action === 'save-draft'
            ? { draft: typed }
            : action === 'reset-draft'
              ? { draft: null }
              : { status: action, ...(edited ? { draft: typed } : {}) };
        await updateStep(services, userOf(request), id, stepId, change);
        return `${interviewPath(id)}#${stepAnchor(Math.max(0, index))}`;
      },
      (error) => ({
        failed: { stepId, subject, body, error: error.problems[0]?.message ?? error.message },
      }),
    );
  });

  signedIn.post(`${SECTION}/:id/reply`, (request, reply) =>
    changePlan(
      request,
      reply,
      async () => {
        const id = idOf(request);
        const interview = await getInterview(services, userOf(request), id);
        const at = formText(request.body, 'at').trim();
        let instant = at;
        try {
          instant = Temporal.PlainDateTime.from(at)
            .toZonedDateTime(interview.candidate.timeZone)
            .toString({ timeZoneName: 'never', smallestUnit: 'second' });
        } catch {
          // Left as typed: the service says what is wrong with it.
        }
        await recordReply(services, userOf(request), id, {
          ...(at === '' ? {} : { at: instant }),
          from: formText(request.body, 'from'),
        });
        return `${interviewPath(id)}#reply`;
      },
      (error) => ({ problems: error.problems }),
    ),
  );

  signedIn.post(`${SECTION}/:id/outcome`, (request, reply) =>
    changePlan(
      request,
      reply,
      async () => {
        const id = idOf(request);
        await updateInterviewStatus(services, userOf(request), id, {
          outcome: formText(request.body, 'outcome'),
        });
        return interviewPath(id);
      },
      (error) => ({ problems: error.problems }),
    ),
  );

  signedIn.post(`${SECTION}/:id/delete`, async (request, reply) => {
    await deleteInterview(services, userOf(request), idOf(request));
    return reply.redirect(SECTION, 303);
  });
}
