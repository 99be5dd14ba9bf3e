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
  type InterviewOutcome,
} from '../../domain/accounts/interview-progress.js';
import { isDomainError, type Problem } from '../../domain/errors.js';
import { describeMoment } from '../../domain/followup/time.js';
import { createCsrfToken, type AccountContext } from '../../http/auth.js';
import {
  createInterview,
  deleteInterview,
  getInterview,
  getInterviewPlan,
  listAgenda,
  listInterviews,
  recordReply,
  updateInterview,
  updateInterviewStatus,
  updateStep,
  type AgendaItem,
  type InterviewPlanView,
  type InterviewView,
  type PlanStepView,
} from '../../services/interviews.service.js';
import { DetailsForm } from '../followup/followup.page.js';
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
import { toHtml, type LayoutUser, type SummaryError } from '../layout.js';
import { pageChrome, type PageDeps } from '../page-context.js';
import {
  AccountLayout,
  CsrfField,
  InputField,
  formText,
  requirePageAccount,
  sendPage,
} from '../account/page-kit.js';
import {
  describeAgency,
  mergeFormInput,
  resolveAgency,
  toFollowUpForm,
  type ListingsBySlug,
} from './interview-form.js';

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
  csrf: string;
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
      <section class="section" aria-labelledby="all">
        <h2 id="all">All interviews</h2>
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
      </section>
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
    <fieldset class="fieldset section">
      <legend class="legend">
        <h2>Agency and outcome</h2>
      </legend>
      <InputField
        id="agency"
        name="agency"
        label="The agency that put you forward (optional)"
        hint="Its name as listed on Shortlist, such as Acme Driving, or the address of its page."
        value={props.agency}
        error={agencyError}
      />
      <OutcomeSelect value={props.outcome} id="outcome" />
    </fieldset>
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
      {draft ? (
        <form method="post" action={action} novalidate>
          <CsrfField token={props.csrf} />
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
            <textarea class="textarea" id={bodyId} name="body" rows="8">
              {escapeHtml(props.typed?.body ?? draft.body)}
            </textarea>
          </div>
          <Findings step={step} />
          <div class="button-row">
            <button type="submit" name="action" value="save-draft" class="button button-secondary">
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
        </form>
      ) : (
        ''
      )}
      <form method="post" action={action} class="button-row">
        <CsrfField token={props.csrf} />
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
      </form>
    </li>
  );
}

function PlanPage(props: {
  /** The name of the interview's agency, as listed. */
  agencyName?: string;
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  interview: InterviewView;
  plan: InterviewPlanView;
  failed?: { stepId: string; subject: string; body: string; error: string };
  problems?: readonly Problem[];
}): JSX.Element {
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
      <section class="section" aria-labelledby="steps">
        <h2 id="steps">The plan</h2>
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
      </section>
      <section class="section" aria-labelledby="reply">
        <h2 id="reply">They replied</h2>
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
        <form method="post" action={`${interviewPath(interview.id)}/reply`} novalidate>
          <CsrfField token={props.csrf} />
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
          <button type="submit" class="button">
            Record the reply
          </button>
        </form>
      </section>
      <section class="section" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">Outcome</h2>
        <form method="post" action={`${interviewPath(interview.id)}/outcome`}>
          <CsrfField token={props.csrf} />
          <OutcomeSelect value={interview.outcome} id="outcome" />
          <button type="submit" class="button">
            Save the outcome
          </button>
        </form>
      </section>
      <section class="section" aria-labelledby="delete">
        <h2 id="delete">Delete this interview</h2>
        <form method="post" action={`${interviewPath(interview.id)}/delete`}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button button-secondary">
            Delete it with its plan and drafts
          </button>
        </form>
      </section>
    </AccountLayout>
  );
}

/** Registers the interview pages in the scope that already has the account hooks. */
export function registerInterviewPages(
  scope: FastifyInstance,
  deps: PageDeps,
  context: AccountContext,
): void {
  const signedIn = requirePageAccount(scope);
  const services = context.interviews;
  const chrome = (reply: FastifyReply) => pageChrome(deps, reply);
  const userOf = (request: FastifyRequest) => request.account!.user.id;
  /** The directory's listings (none before it has loaded). */
  const listingsOf = (): ListingsBySlug => {
    try {
      return deps.snapshot.get().derived.listings;
    } catch {
      return new Map();
    }
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  scope.get(SECTION, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
    const userId = userOf(request);
    return sendPage(
      reply,
      200,
      <DashboardPage
        {...chrome(reply)}
        csrf={createCsrfToken(request, reply)}
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
    const body = {
      ...(editing ? mergeFormInput(raw, editing) : raw),
      agency: resolveAgency(formText(request.body, 'agency'), listingsOf()),
      outcome: formText(request.body, 'outcome') || 'pending',
    };
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

  scope.get(`${SECTION}/new`, { schema: { hide: true }, ...signedIn }, (request, reply) =>
    renderForm(request, reply, 200, createEmptyForm(), [], null),
  );
  scope.post(`${SECTION}/new`, { schema: { hide: true }, ...signedIn }, (request, reply) =>
    saveForm(request, reply, null),
  );

  scope.get(
    `${SECTION}/:id/edit`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
      const interview = await getInterview(services, userOf(request), idOf(request));
      return renderForm(request, reply, 200, toFollowUpForm(interview), [], interview);
    },
  );
  scope.post(
    `${SECTION}/:id/edit`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
      const interview = await getInterview(services, userOf(request), idOf(request));
      return saveForm(request, reply, interview);
    },
  );

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: {
      failed?: { stepId: string; subject: string; body: string; error: string };
      problems?: Problem[];
    } = {},
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
        {...(interview.agency
          ? { agencyName: describeAgency(interview.agency, listingsOf()) }
          : {})}
        plan={plan}
        {...extra}
      />,
    );
  }

  scope.get(`${SECTION}/:id`, { schema: { hide: true }, ...signedIn }, (request, reply) =>
    renderPlan(request, reply, 200),
  );

  scope.post(
    `${SECTION}/:id/steps/:stepId`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
      const { id, stepId } = request.params as { id: string; stepId: string };
      const action = formText(request.body, 'action');
      const subject = formText(request.body, 'subject');
      const body = formText(request.body, 'body');
      const change =
        action === 'save-draft'
          ? { draft: { ...(subject.trim() ? { subject } : {}), body } }
          : action === 'reset-draft'
            ? { draft: null }
            : { status: action };
      try {
        await updateStep(services, userOf(request), id, stepId, change);
      } catch (error) {
        if (!isDomainError(error) || error.code === 'not-found') throw error;
        const message = error.problems[0]?.message ?? error.message;
        return renderPlan(request, reply, 400, {
          failed: { stepId, subject, body, error: message },
        });
      }
      const plan = await getInterviewPlan(services, userOf(request), id);
      const index = plan.steps.findIndex((step) => step.id === stepId);
      return reply.redirect(`${interviewPath(id)}#${stepAnchor(Math.max(0, index))}`, 303);
    },
  );

  scope.post(
    `${SECTION}/:id/reply`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
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
      try {
        await recordReply(services, userOf(request), id, {
          ...(at === '' ? {} : { at: instant }),
          from: formText(request.body, 'from'),
        });
      } catch (error) {
        if (!isDomainError(error) || error.code === 'not-found') throw error;
        return renderPlan(request, reply, 400, { problems: error.problems });
      }
      return reply.redirect(`${interviewPath(id)}#reply`, 303);
    },
  );

  scope.post(
    `${SECTION}/:id/outcome`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
      const id = idOf(request);
      try {
        await updateInterviewStatus(services, userOf(request), id, {
          outcome: formText(request.body, 'outcome'),
        });
      } catch (error) {
        if (!isDomainError(error) || error.code === 'not-found') throw error;
        return renderPlan(request, reply, 400, { problems: error.problems });
      }
      return reply.redirect(interviewPath(id), 303);
    },
  );

  scope.post(
    `${SECTION}/:id/delete`,
    { schema: { hide: true }, ...signedIn },
    async (request, reply) => {
      await deleteInterview(services, userOf(request), idOf(request));
      return reply.redirect(SECTION, 303);
    },
  );
}
