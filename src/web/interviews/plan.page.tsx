/**
 * /interviews/{id}: the plan (edit and check drafts, mark steps done or skipped), a reply, the
 * outcome, the downloads, and deleting the interview.
 */
import { escapeHtml } from '@kitajs/html';
import type { Problem } from '../../domain/errors.js';
import type { InterviewView } from '../../services/interviews/interviews.service.js';
import type { InterviewPlanView } from '../../services/interviews/plan-view.js';
import { AccountLayout, InputField, PostForm, TitledSection } from '../account/page-kit.js';
import { NotePreviewSection } from '../followup/note-previews.js';
import type { LayoutUser, SummaryError } from '../shared/layout.js';
import { OUTCOME_LABELS, OutcomeSelect, moment } from './display.js';
import { SECTION, interviewPath, stepAnchor } from './paths.js';
import { StepCard } from './step-card.js';

/** What the plan page shows besides the plan: a draft that could not be saved, or problems. */
export interface PlanProblems {
  failed?: { stepId: string; subject: string; body: string; error: string };
  problems?: readonly Problem[];
}

export function PlanPage(
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
