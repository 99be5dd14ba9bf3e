/**
 * The public follow-up page: GET /follow-up (the form), POST /follow-up (plan, check my edits,
 * add or remove an interviewer), and the downloads POST /follow-up/plan.ics,
 * POST /follow-up/draft.eml?step=ID and POST /follow-up/notes (a printable page), and
 * POST /follow-up/check?step=ID, the checker's findings for one edited draft as JSON (site.js
 * shows them as a draft is typed; "Check my edits" does the same without JavaScript). Each request
 * carries the whole input as form fields; nothing is stored. No CSRF token: there is no account,
 * no cookie and no change on the server, so a forged post can only show its sender a plan. When the
 * app has accounts, the plan also offers POST /follow-up/save (followup-save.routes.ts), which
 * does need the page's CSRF token, so the plan page carries one for that form.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError, ProblemList } from '../../domain/errors.js';
import { listNotePreviews, type Draft } from '../../domain/followup/index.js';
import {
  applyDraftEdits,
  buildDraftEmailFile,
  buildPlanCalendarFile,
  checkPlanDraft,
  describePlanSteps,
  isCheckedStep,
  listNotesToWrite,
  planFollowUpFromJson,
  readDraft,
  type FollowUpDeps,
  type PlannedFollowUp,
} from '../../services/followup.service.js';
import { sendFile } from '../../http/attachment.js';
import { createCsrfToken } from '../../http/auth.js';
import { summariseStep } from '../../services/followup/index.js';
import { sendPage } from '../account/page-kit.js';
import { pageChrome, type PageDeps } from '../shared/page-context.js';
import {
  addInterviewer,
  createEmptyForm,
  readFollowUpForm,
  removeInterviewer,
  type FollowUpForm,
  type FormError,
} from './followup-form.js';
import { sortFormErrors, toFormErrors, toRawInput } from './followup-input.js';
import { renderFormPage } from './form.page.js';
import { renderNotesPage } from './notes.page.js';
import { NOTE_PREVIEW_PATH, PAGE_PATH } from './paths.js';
import { renderPlanPage, type DraftView } from './plan.page.js';

type FollowUpPageDeps = PageDeps & FollowUpDeps;

type Planning = { ok: true; planned: PlannedFollowUp } | { ok: false; errors: FormError[] };

/** Plans the form's input; problems come back placed on the form's controls. */
function planForm(deps: FollowUpDeps, form: FollowUpForm): Planning {
  const { raw, problems, rows } = toRawInput(form);
  const errors = [...problems];
  try {
    const planned = planFollowUpFromJson(deps, raw);
    if (errors.length === 0) return { ok: true, planned };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(...toFormErrors(error.problems, rows));
  }
  return { ok: false, errors: sortFormErrors(errors) };
}

/**
 * The drafts of the plan's checked steps, with the visitor's edits (when `useEdits`) in place of
 * the generated text, each with the checker's findings. An edit that cannot be read is an error
 * on its field; edits of steps no longer in the plan are dropped.
 */
function prepareDrafts(
  planned: PlannedFollowUp,
  form: FollowUpForm,
  useEdits: boolean,
): { planned: PlannedFollowUp; drafts: DraftView[]; errors: FormError[] } {
  const checked = planned.plan.steps.filter(isCheckedStep);
  const edits = new Map<string, Draft>();
  const problems = new ProblemList();
  if (useEdits) {
    for (const edit of form.drafts) {
      const index = checked.findIndex((step) => step.id === edit.stepId);
      if (index < 0) continue;
      const draft = readDraft(edit, `drafts[${index}]`, problems);
      if (draft) edits.set(edit.stepId, draft);
    }
  }
  const edited = { input: planned.input, plan: applyDraftEdits(planned.plan, edits) };
  const drafts = checked.map((step): DraftView => {
    const posted = useEdits ? form.drafts.find((edit) => edit.stepId === step.id) : undefined;
    const draft = edits.get(step.id) ?? step.draft ?? { body: '' };
    const shown = posted ?? draft;
    return {
      stepId: step.id,
      title: summariseStep(step, planned.input),
      isEmail: step.channel === 'email',
      ...(step.draft?.subject !== undefined ? { subject: shown.subject ?? '' } : {}),
      body: shown.body,
      findings: edits.has(step.id) || !posted ? checkPlanDraft(edited, step.id, draft) : [],
    };
  });
  return {
    planned: edited,
    drafts,
    errors: problems.items.map((problem) => ({ field: problem.field, message: problem.message })),
  };
}

/** The JSON answer of site.js's requests when the form has problems. */
function refuseJson(reply: FastifyReply, errors: readonly FormError[], code = 'invalid') {
  return reply.status(400).send({
    errors: errors.map((e) => ({ field: e.field, code, message: e.message })),
  });
}

/** Registers the follow-up page and its downloads. */
export function registerFollowUpPages(app: FastifyInstance, deps: FollowUpPageDeps): void {
  const page = (reply: FastifyReply) => pageChrome(deps, reply);

  const showPlan = (
    reply: FastifyReply,
    form: FollowUpForm,
    planned: PlannedFollowUp,
    checked: boolean,
  ) => {
    const prepared = prepareDrafts(planned, form, checked);
    return sendPage(
      reply,
      prepared.errors.length > 0 ? 400 : 200,
      renderPlanPage({
        form,
        planned: prepared.planned,
        steps: describePlanSteps(prepared.planned),
        drafts: prepared.drafts,
        errors: prepared.errors,
        checked,
        saveCsrf: deps.accountDeps ? createCsrfToken(reply.request, reply) : null,
        ...page(reply),
      }),
    );
  };

  /** Plans a posted form for a download: the plan with the edited drafts, or a page with errors. */
  const planDownload = (
    reply: FastifyReply,
    body: unknown,
  ): { planned: PlannedFollowUp } | { sent: FastifyReply } => {
    const form = readFollowUpForm(body);
    const planning = planForm(deps, form);
    if (!planning.ok) {
      return {
        sent: sendPage(
          reply,
          400,
          renderFormPage({ form, errors: planning.errors, ...page(reply) }),
        ),
      };
    }
    const prepared = prepareDrafts(planning.planned, form, true);
    if (prepared.errors.length > 0) return { sent: showPlan(reply, form, planning.planned, true) };
    return { planned: prepared.planned };
  };

  app.get(PAGE_PATH, { schema: { hide: true } }, (_request, reply) =>
    sendPage(reply, 200, renderFormPage({ form: createEmptyForm(), errors: [], ...page(reply) })),
  );

  app.post(PAGE_PATH, { schema: { hide: true } }, (request, reply) => {
    const form = readFollowUpForm(request.body);
    const action = form.action;
    if (action.kind === 'add-interviewer' || action.kind === 'remove-interviewer') {
      const next =
        action.kind === 'add-interviewer'
          ? addInterviewer(form)
          : removeInterviewer(form, action.index);
      return sendPage(reply, 200, renderFormPage({ form: next, errors: [], ...page(reply) }));
    }
    const planning = planForm(deps, form);
    if (!planning.ok) {
      return sendPage(
        reply,
        400,
        renderFormPage({ form, errors: planning.errors, ...page(reply) }),
      );
    }
    return showPlan(reply, form, planning.planned, action.kind === 'check');
  });

  app.post(`${PAGE_PATH}/check`, { schema: { hide: true } }, (request, reply) => {
    reply.header('cache-control', 'no-store');
    const form = readFollowUpForm(request.body);
    const planning = planForm(deps, form);
    if (!planning.ok) return refuseJson(reply, planning.errors);
    const prepared = prepareDrafts(planning.planned, form, true);
    if (prepared.errors.length > 0) return refuseJson(reply, prepared.errors);
    const step = (request.query as Record<string, unknown>).step;
    const draft = prepared.drafts.find((candidate) => candidate.stepId === step);
    if (!draft) {
      return refuseJson(
        reply,
        [{ field: 'step', message: 'There is no such draft in this plan.' }],
        'not-in-plan',
      );
    }
    return reply.send({ findings: draft.findings });
  });

  app.post(NOTE_PREVIEW_PATH, { schema: { hide: true } }, (request, reply) => {
    reply.header('cache-control', 'no-store');
    const planning = planForm(deps, readFollowUpForm(request.body));
    if (!planning.ok) return refuseJson(reply, planning.errors);
    return reply.send({ previews: listNotePreviews(planning.planned.input) });
  });

  app.post(`${PAGE_PATH}/plan.ics`, { schema: { hide: true } }, (request, reply) => {
    const result = planDownload(reply, request.body);
    if ('sent' in result) return result.sent;
    return sendFile(reply, buildPlanCalendarFile(result.planned));
  });

  app.post(`${PAGE_PATH}/draft.eml`, { schema: { hide: true } }, async (request, reply) => {
    const result = planDownload(reply, request.body);
    if ('sent' in result) return result.sent;
    const step = (request.query as Record<string, unknown>).step;
    return sendFile(reply, await buildDraftEmailFile(result.planned, step, 'step'));
  });

  app.post(`${PAGE_PATH}/notes`, { schema: { hide: true } }, (request, reply) => {
    const result = planDownload(reply, request.body);
    if ('sent' in result) return result.sent;
    return sendPage(
      reply,
      200,
      renderNotesPage({
        planned: result.planned,
        notes: listNotesToWrite(result.planned),
        ...page(reply),
      }),
    );
  });
}
