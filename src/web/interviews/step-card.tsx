/**
 * One step of a saved interview's plan: when to send it, its draft to edit and check, and the
 * buttons that mark it done, skipped or to do again.
 */
import { escapeHtml } from '@kitajs/html';
import type { PlanStepView } from '../../services/interviews/plan-view.js';
import { CsrfField, InputField } from '../account/page-kit.js';
import { Field } from '../components/form-fields.js';
import { textareaRows } from '../shared/format.js';
import { moment } from './display.js';
import { interviewPath, stepAnchor } from './paths.js';

const STATUS_LABELS: Record<PlanStepView['status'], string> = {
  pending: 'To do',
  done: 'Done',
  skipped: 'Skipped',
  cancelled: 'Not needed any more',
};

/** A draft's box starts this tall and grows with the draft (up to 24 rows). */
const DRAFT_MIN_ROWS = 8;

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

export function StepCard(props: {
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
            <Field
              id={bodyId}
              label={step.editedDraft ? 'Your draft' : 'Suggested draft'}
              error={props.typed?.error}
            >
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
            </Field>
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
