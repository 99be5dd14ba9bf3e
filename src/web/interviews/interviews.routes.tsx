/**
 * The saved interviews' pages, working without JavaScript: /interviews (what is overdue, due
 * today and coming up across all interviews, then the interviews), /interviews/new and
 * /interviews/{id}/edit (the follow-up page's form, with the agency and the outcome), and
 * /interviews/{id} (the plan: edit and check drafts, mark steps done or skipped, record a reply or
 * the outcome, download the calendar and the emails). The same services as the API.
 */
import { escapeHtml } from '@kitajs/html';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import {
  INTERVIEW_OUTCOMES,
  isSameDraft,
  type InterviewOutcome,
} from '../../domain/accounts/interview-progress.js';
import { isDomainError, type DomainError, type Problem } from '../../domain/errors.js';
import { describeMoment } from '../../domain/followup/time.js';
import { createCsrfToken } from '../../http/auth.js';
import type { AccountContext } from '../../http/context.js';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  updateInterview,
  type InterviewView,
} from '../../services/interviews.service.js';
import type { InterviewPlanView, PlanStepView } from '../../services/interviews/plan-view.js';
import {
  getInterviewPlan,
  listAgenda,
  recordReply,
  updateInterviewStatus,
  updateStep,
  type AgendaItem,
} from '../../services/interviews/progress.js';
import { FormSection } from '../components/form-layout.js';
import { DetailsForm } from '../followup/details-form.js';
import { NotePreviewSection } from '../followup/note-previews.js';
import {
  addInterviewer,
  createEmptyForm,
  fieldId,
  readFollowUpForm,
  removeInterviewer,
  sortFormErrors,
  toFormErrors,
  toRawInput,
  type FollowUpForm,
  type FormError,
} from '../followup/followup-form.js';
import { textareaRows } from '../format.js';
import { toHtml, type LayoutUser, type SummaryError } from '../layout.js';
import { pageChrome, type PageDeps } from '../page-context.js';
import {
  AccountLayout,
  CsrfField,
  InputField,
  PostForm,
  TitledSection,
  formHas,
  formText,
  sendPage,
  signedInRoutes,
} from '../account/page-kit.js';
import { describeAgency, toInterviewBody, toFollowUpForm } from './interview-form.js';

const SECTION = '/interviews';

const OUTCOME_LABELS: Record<InterviewOutcome, string> = {
  pending: 'Waiting to hear',
  offer: 'Offer',
  rejected: 'Not successful',
  withdrawn: 'I withdrew',
  'no-reply': 'No reply',
};

const STATUS_LABELS: Record<PlanStepView['status'], string> = {
  pending: 'To do',
  done: 'Done',
  skipped: 'Skipped',
  cancelled: 'Not needed any more',
};

function moment(value: string, timeZone: string): string {
  return describeMoment(Temporal.Instant.from(value), timeZone);
}

function interviewPath(id: string): string {
  return `${SECTION}/${encodeURIComponent(id)}`;
}

/** A draft's box starts this tall and grows with the draft (up to 24 rows). */
const DRAFT_MIN_ROWS = 8;

function stepAnchor(index: number): string {
  return `step-${index + 1}`;
}

function AgendaList(props: { title: string; id: string; items: readonly AgendaItem[] }) {
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {escapeHtml(props.title)} ({props.items.length})
      </h2>
      {props.items.length === 0 ? (
        <p class="muted">Nothing.</p>
      ) : (
        <ul class="card-list">
          {props.items.map((item) => (
            <li class="card">
              <p class="card-title">
                <a
                  href={`${interviewPath(item.interviewId)}#step-${encodeURIComponent(item.stepId)}`}
                >
                  {escapeHtml(item.title)}
                </a>
              </p>
              <p class="card-meta">
                {escapeHtml(`${item.role} at ${item.employer}`)}: send{' '}
                {escapeHtml(moment(item.sendAt, item.timeZone))}, by{' '}
                {escapeHtml(moment(item.due, item.timeZone))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DashboardPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  agenda: Record<'overdue' | 'today' | 'upcoming', AgendaItem[]>;
  interviews: Awaited<ReturnType<typeof listInterviews>>;
}): JSX.Element {
  return (
    <AccountLayout title="Your interviews" demo={props.demo} user={props.user} current={SECTION}>
      <h1 class="page-title">Your interviews</h1>
      <div class="button-row">
        <a class="button" href={`${SECTION}/new`}>
          Add an interview
        </a>
      </div>
      <AgendaList title="Overdue" id="overdue" items={props.agenda.overdue} />
      <AgendaList title="Due today" id="today" items={props.agenda.today} />
      <AgendaList title="Coming up" id="upcoming" items={props.agenda.upcoming} />
      <TitledSection id="all" title="All interviews">
        {props.interviews.length === 0 ? (
          <p>
            No interviews yet. <a href={`${SECTION}/new`}>Add your first one</a>.
          </p>
        ) : (
          <ul class="card-list">
            {props.interviews.map((interview) => (
              <li class="card">
                <p class="card-title">
                  <a href={interviewPath(interview.id)}>
                    {escapeHtml(`${interview.role} at ${interview.employer}`)}
                  </a>
                </p>
                <p class="card-meta">
                  {escapeHtml(moment(interview.startsAt, interview.timeZone))} ·{' '}
                  {escapeHtml(OUTCOME_LABELS[interview.outcome])} ·{' '}
                  {escapeHtml(
                    interview.nextStep ? `Next: ${interview.nextStep.title}` : 'Nothing left to do',
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
    </AccountLayout>
  );
}

function OutcomeSelect(props: { value: InterviewOutcome; id: string }) {
  return (
    <div class="form-group">
      <label class="label" for={props.id}>
        Outcome
      </label>
      <select class="select" id={props.id} name="outcome">
        {INTERVIEW_OUTCOMES.map((outcome) => (
          <option value={outcome} selected={outcome === props.value}>
            {escapeHtml(OUTCOME_LABELS[outcome])}
          </option>
        ))}
      </select>
    </div>
  );
}

function FormPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  form: FollowUpForm;
  errors: readonly FormError[];
  agency: string;
  outcome: InterviewOutcome;
  editing: InterviewView | null;
}): JSX.Element {
  const title = props.editing ? 'Edit the interview' : 'Add an interview';
  const agencyError = props.errors.find((e) => e.field === 'agency')?.message;
  const summary: SummaryError[] = props.errors.map((error) => ({
    fieldId:
      error.field === 'agency'
        ? 'agency'
        : error.field === null
          ? 'follow-up-form'
          : fieldId(error.field),
    message: error.message,
  }));
  const extra = (
    <FormSection level={2} title="Agency and outcome">
      <InputField
        id="agency"
        name="agency"
        label="The agency that put you forward (optional)"
        hint="Its name as listed on Shortlist, such as Acme Driving, or the address of its page."
        value={props.agency}
        error={agencyError}
      />
      <OutcomeSelect value={props.outcome} id="outcome" />
    </FormSection>
  );
  return (
    <AccountLayout
      title={title}
      demo={props.demo}
      user={props.user}
      current={SECTION}
      errors={summary}
    >
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {props.editing
          ? 'Changing the details makes a new plan from now; steps you marked stay marked when the new plan has them.'
          : 'Tell us about the interview: we plan the follow-up, and keep it with your account.'}
      </p>
      <DetailsForm
        form={props.form}
        errors={props.errors.filter((error) => error.field !== 'agency')}
        submitLabel={props.editing ? 'Save the changes' : 'Save and plan'}
        level={2}
        action={props.editing ? `${interviewPath(props.editing.id)}/edit` : `${SECTION}/new`}
        hidden={[['_csrf', props.csrf]]}
        extra={toHtml(extra)}
      />
    </AccountLayout>
  );
}

function Findings(props: { step: PlanStepView }) {
  if (props.step.findings.length === 0) return '';
  return (
    <div class="notice notice-warning">
      <p>The checker found:</p>
      <ul>
        {props.step.findings.map((finding) => (
          <li safe>{finding.message}</li>
        ))}
      </ul>
    </div>
  );
}

function StepCard(props: {
  interviewId: string;
  step: PlanStepView;
  index: number;
  timeZone: string;
  csrf: string;
  /** What the user typed, when saving it failed. */
  typed?: { subject: string; body: string; error: string } | undefined;
}) {
  const { step } = props;
  const action = `${interviewPath(props.interviewId)}/steps/${encodeURIComponent(step.id)}`;
  const draft = step.editedDraft ?? step.draft;
  const bodyId = `${stepAnchor(props.index)}-body`;
  const subjectId = `${stepAnchor(props.index)}-subject`;
  const findingsId = `${stepAnchor(props.index)}-findings`;
  const body = props.typed?.body ?? draft?.body ?? '';
  return (
    <li class="card" id={stepAnchor(props.index)}>
      <span id={`step-${step.id}`}></span>
      <h3 class="card-title">{escapeHtml(step.title)}</h3>
      <p class="card-meta">
        <span class="badge">{escapeHtml(STATUS_LABELS[step.status])}</span>{' '}
        {escapeHtml(
          step.status === 'done' && step.doneAt
            ? `Done ${moment(step.doneAt, props.timeZone)}`
            : `From ${moment(step.notBefore, props.timeZone)}; send ${moment(step.sendAt, props.timeZone)}; by ${moment(step.due, props.timeZone)}`,
        )}
      </p>
      <p safe>{step.why}</p>
      <p class="hint">
        <span safe>{`Reason: ${step.reason}`}</span> <span safe>{`Source: ${step.source}`}</span>
      </p>
      {/*
        One form: the status buttons carry the draft as typed, so marking a step done keeps (and
        saves) edits that were not saved yet.
      */}
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrf} />
        {draft ? (
          <>
            {step.channel === 'email' ? (
              <InputField
                id={subjectId}
                name="subject"
                label="Subject"
                value={props.typed?.subject ?? draft.subject ?? ''}
              />
            ) : (
              ''
            )}
            <div class={props.typed ? 'form-group form-group-error' : 'form-group'}>
              <label class="label" for={bodyId}>
                {step.editedDraft ? 'Your draft' : 'Suggested draft'}
              </label>
              {props.typed ? (
                <p class="field-error" id={`${bodyId}-error`}>
                  <span class="visually-hidden">Error: </span>
                  {escapeHtml(props.typed.error)}
                </p>
              ) : (
                ''
              )}
              <textarea
                class="textarea"
                id={bodyId}
                name="body"
                rows={String(textareaRows(body, DRAFT_MIN_ROWS))}
                data-live-check={`/api/interviews/${encodeURIComponent(props.interviewId)}/steps/${encodeURIComponent(step.id)}/check`}
                data-live-findings={findingsId}
              >
                {escapeHtml(body)}
              </textarea>
            </div>
            {/*
              The checker's findings on submit; site.js, when it runs, refreshes them as the draft
              is typed (POST .../check), hence aria-live.
            */}
            <div
              id={findingsId}
              aria-live="polite"
              data-found-text="The checker found:"
              data-none-text="The checker found nothing to change."
            >
              <Findings step={step} />
            </div>
            <div class="button-row">
              <button
                type="submit"
                name="action"
                value="save-draft"
                class="button button-secondary"
              >
                Save and check my draft
              </button>
              {step.editedDraft ? (
                <button type="submit" name="action" value="reset-draft" class="button button-link">
                  Go back to the suggested draft
                </button>
              ) : (
                ''
              )}
              {step.channel === 'email' ? (
                <a
                  class="button button-link"
                  href={`/api/interviews/${encodeURIComponent(props.interviewId)}/steps/${encodeURIComponent(step.id)}.eml`}
                >
                  Download the email (.eml)
                </a>
              ) : (
                ''
              )}
            </div>
          </>
        ) : (
          ''
        )}
        <div class="button-row">
          {step.status !== 'done' ? (
            <button type="submit" name="action" value="done" class="button button-small">
              Mark done
            </button>
          ) : (
            ''
          )}
          {step.status !== 'skipped' && step.status !== 'done' ? (
            <button
              type="submit"
              name="action"
              value="skipped"
              class="button button-secondary button-small"
            >
              Skip
            </button>
          ) : (
            ''
          )}
          {step.status === 'done' || step.status === 'skipped' ? (
            <button
              type="submit"
              name="action"
              value="pending"
              class="button button-secondary button-small"
            >
              Back to to-do
            </button>
          ) : (
            ''
          )}
        </div>
      </form>
    </li>
  );
}

/** What the plan page shows besides the plan: a draft that could not be saved, or problems. */
interface PlanProblems {
  failed?: { stepId: string; subject: string; body: string; error: string };
  problems?: readonly Problem[];
}

function PlanPage(
  props: {
    /** The name of the interview's agency, as listed. */
    agencyName?: string;
    demo: boolean;
    user?: LayoutUser | null;
    csrf: string;
    interview: InterviewView;
    plan: InterviewPlanView;
  } & PlanProblems,
): JSX.Element {
  const { interview, plan } = props;
  const zone = interview.candidate.timeZone;
  const title = `${interview.role} at ${interview.employer.name}`;
  const problems = props.problems ?? [];
  const summary: SummaryError[] = [
    ...(props.failed
      ? [
          {
            fieldId: `${stepAnchor(plan.steps.findIndex((s) => s.id === props.failed?.stepId))}-body`,
            message: props.failed.error,
          },
        ]
      : []),
    ...problems.map((problem) => ({
      fieldId: problem.field === 'outcome' ? 'outcome' : 'reply-at',
      message: problem.message,
    })),
  ];
  return (
    <AccountLayout
      title={title}
      demo={props.demo}
      user={props.user}
      current={SECTION}
      errors={summary}
    >
      <p>
        <a href={SECTION}>Your interviews</a>
      </p>
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {escapeHtml(moment(interview.interview.startsAt, interview.interview.timeZone))} ·{' '}
        {escapeHtml(OUTCOME_LABELS[interview.outcome])}
        {interview.agency ? (
          <>
            {' '}
            · through{' '}
            <a href={`/agencies/${encodeURIComponent(interview.agency)}`} safe>
              {props.agencyName ?? interview.agency}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <div class="button-row">
        <a
          class="button button-secondary"
          href={`/api/interviews/${encodeURIComponent(interview.id)}/plan.ics`}
        >
          Download the calendar (.ics)
        </a>
        <a class="button button-secondary" href={`${interviewPath(interview.id)}/edit`}>
          Edit the details
        </a>
      </div>
      {plan.warnings.length > 0 ? (
        <div class="notice notice-warning">
          <ul>
            {plan.warnings.map((warning) => (
              <li safe>{warning.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <NotePreviewSection input={interview} />
      <TitledSection id="steps" title="The plan">
        <ol class="card-list">
          {plan.steps.map((step, index) => (
            <StepCard
              interviewId={interview.id}
              step={step}
              index={index}
              timeZone={zone}
              csrf={props.csrf}
              typed={props.failed?.stepId === step.id ? props.failed : undefined}
            />
          ))}
        </ol>
      </TitledSection>
      <TitledSection id="reply" title="They replied">
        <p>Recording a reply stops the check-ins: there is no need to chase.</p>
        {interview.replies.length > 0 ? (
          <ul>
            {interview.replies.map((reply) => (
              <li>
                {escapeHtml(moment(reply.at, zone))}
                {reply.from ? escapeHtml(`, from ${reply.from}`) : ''}
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
        <PostForm
          action={`${interviewPath(interview.id)}/reply`}
          csrf={props.csrf}
          submit="Record the reply"
        >
          <InputField
            id="reply-at"
            name="at"
            label="When did they reply?"
            type="datetime-local"
            hint={`Your local time (${zone}).`}
            error={problems.find((p) => p.field === 'at')?.message}
          />
          <InputField
            id="reply-from"
            name="from"
            label="Who replied (optional)"
            error={problems.find((p) => p.field === 'from')?.message}
          />
        </PostForm>
      </TitledSection>
      <TitledSection id="outcome-heading" title="Outcome">
        <PostForm
          action={`${interviewPath(interview.id)}/outcome`}
          csrf={props.csrf}
          submit="Save the outcome"
        >
          <OutcomeSelect value={interview.outcome} id="outcome" />
        </PostForm>
      </TitledSection>
      <TitledSection id="delete" title="Delete this interview">
        <PostForm
          action={`${interviewPath(interview.id)}/delete`}
          csrf={props.csrf}
          submit="Delete it with its plan and drafts"
          buttonClass="button button-secondary"
        />
      </TitledSection>
    </AccountLayout>
  );
}

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
