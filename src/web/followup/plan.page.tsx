/**
 * The follow-up plan: its timeline, warnings and "never" list, the drafts with the checker's
 * findings, the downloads, "Save this interview", and the form again to change the details.
 */
import { escapeHtml } from '@kitajs/html';
import type { DraftFinding, FollowUpPlan } from '../../domain/followup/index.js';
import type { PlannedFollowUp, StepSummary } from '../../services/followup.service.js';
import { NEVER_CHANNEL_LABELS, describeInterviewTime } from '../../services/followup.service.js';
import { TextArea, TextInput, attr } from '../components/form-fields.js';
import { DefaultButton } from '../components/form-layout.js';
import { OptionalRow } from '../components/text.js';
import { textareaRows } from '../shared/format.js';
import { ErrorSummary, Layout, toHtml, type LayoutUser } from '../shared/layout.js';
import { DetailsForm, indexErrors, summaryOf, type Errors } from './details-form.js';
import { fieldId, listCarriedFields, type FollowUpForm, type FormError } from './followup-form.js';
import { NotePreviewSection } from './note-previews.js';
import { DRAFTS_ANCHOR, PAGE_PATH, SAVE_PATH } from './paths.js';

/** One draft as the page shows it: the text (edited or generated) and what the checker found. */
export interface DraftView {
  stepId: string;
  title: string;
  isEmail: boolean;
  subject?: string;
  body: string;
  findings: DraftFinding[];
}

function Findings(props: { findings: readonly DraftFinding[] }) {
  if (props.findings.length === 0) {
    return (
      <div class="notice notice-success">
        <p>The checker found nothing to change.</p>
      </div>
    );
  }
  return (
    <div class="notice notice-warning">
      <p>
        <strong>
          The checker found{' '}
          {props.findings.length === 1 ? 'one thing' : <>{props.findings.length} things</>} to look
          at:
        </strong>
      </p>
      <ul>
        {props.findings.map((finding) => (
          <li>{escapeHtml(finding.message)}</li>
        ))}
      </ul>
    </div>
  );
}

function Timeline(props: {
  steps: readonly StepSummary[];
  plan: FollowUpPlan;
  drafts: readonly DraftView[];
}) {
  return (
    <ol class="card-list">
      {props.steps.map((step) => {
        const planned = props.plan.steps.find((candidate) => candidate.id === step.id);
        const draftIndex = props.drafts.findIndex((draft) => draft.stepId === step.id);
        return (
          <li class="card">
            <h3 class="card-title">
              {escapeHtml(step.when)}: {escapeHtml(step.title)}
            </h3>
            <dl class="summary-list">
              <dt>How</dt>
              <dd>{escapeHtml(step.channel)}</dd>
              <OptionalRow term="To" value={step.to} />
              <dt>When</dt>
              <dd>
                {step.window.includes(' to ') ? 'From ' : ''}
                {escapeHtml(step.window)}
              </dd>
              <OptionalRow term="Their time" value={step.employerWhen} />
              <OptionalRow
                term="Post by"
                value={step.postBy === undefined ? undefined : `${step.postBy}, first class`}
              />
              <OptionalRow term="Likely to arrive" value={step.arrivesBy} />
              <dt>Why</dt>
              <dd>{escapeHtml(step.why)}</dd>
              <dt>Reason</dt>
              <dd>{escapeHtml(step.reason)}</dd>
              <dt>Source</dt>
              <dd>{escapeHtml(step.source)}</dd>
            </dl>
            {step.kind === 'ask-timeline' && planned?.draft ? (
              <p>
                <strong>What to ask:</strong> {escapeHtml(planned.draft.body)}
              </p>
            ) : (
              ''
            )}
            {draftIndex >= 0 ? (
              <p>
                <a href={`#draft-${draftIndex}`}>The draft for this step</a>
              </p>
            ) : (
              ''
            )}
          </li>
        );
      })}
    </ol>
  );
}

function DraftCard(props: { index: number; draft: DraftView; errors: Errors }) {
  const { index, draft, errors } = props;
  const name = (key: string) => `drafts[${index}].${key}`;
  const field = (key: string) => ({
    id: fieldId(name(key)),
    name: name(key),
    error: errors.get(name(key)),
  });
  const findingsId = `draft-${index}-findings`;
  return (
    <section class="card section" id={`draft-${index}`} aria-labelledby={`draft-${index}-title`}>
      <h3 class="card-title" id={`draft-${index}-title`}>
        {escapeHtml(draft.title)}
      </h3>
      <input type="hidden" name={name('stepId')} value={attr(draft.stepId)} />
      {draft.subject !== undefined ? (
        <TextInput {...field('subject')} label="Subject" value={draft.subject} />
      ) : (
        ''
      )}
      <TextArea
        {...field('body')}
        label="Message"
        value={draft.body}
        rows={textareaRows(draft.body, 4)}
        describedBy={findingsId}
        data={{
          // site.js checks the draft as it is typed: where to post the form, where the findings go.
          'data-live-check': `${PAGE_PATH}/check?step=${encodeURIComponent(draft.stepId)}`,
          'data-live-findings': findingsId,
          'data-live-form': 'urlencoded',
          ...(draft.subject !== undefined ? { 'data-live-subject': name('subject') } : {}),
        }}
      />
      {/* The findings on "Check my edits"; site.js refreshes them as the draft is typed. */}
      <div
        id={findingsId}
        aria-live="polite"
        data-none-text="The checker found nothing to change."
        data-found-one="The checker found one thing to look at:"
        data-found-many="The checker found {n} things to look at:"
      >
        <Findings findings={draft.findings} />
      </div>
      {draft.isEmail ? (
        <button
          type="submit"
          class="button button-secondary button-small"
          formaction={attr(
            `${PAGE_PATH}/draft.eml?step=${encodeURIComponent(draft.stepId)}${DRAFTS_ANCHOR}`,
          )}
        >
          Download this email (.eml)
        </button>
      ) : (
        ''
      )}
    </section>
  );
}

/** The plan page: timeline, warnings, never list, editable drafts, downloads, and the form again. */
export function renderPlanPage(props: {
  form: FollowUpForm;
  planned: PlannedFollowUp;
  steps: readonly StepSummary[];
  drafts: readonly DraftView[];
  errors: readonly FormError[];
  checked: boolean;
  /** The CSRF token for "Save this interview to your account"; no such form when null. */
  saveCsrf?: string | null;
  demo: boolean;
  user?: LayoutUser | null;
}): string {
  const { input, plan } = props.planned;
  const errors = indexErrors(props.errors);
  const findingCount = props.drafts.reduce((sum, draft) => sum + draft.findings.length, 0);
  const hasNotes = plan.steps.some((step) => step.channel === 'handwritten' && step.draft);
  const title = `Your follow-up plan`;
  return toHtml(
    <Layout
      title={props.errors.length > 0 ? `Error: ${title}` : title}
      demo={props.demo}
      user={props.user}
      current={PAGE_PATH}
    >
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        For the {escapeHtml(input.role)} interview at {escapeHtml(input.employer.name)},{' '}
        {escapeHtml(describeInterviewTime(input))} ({escapeHtml(input.interview.timeZone)}). Times
        below are in {escapeHtml(input.candidate.timeZone)}.
      </p>

      {plan.warnings.length > 0 ? (
        <section class="section notice notice-warning" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Worth knowing</h2>
          <ul>
            {plan.warnings.map((warning) => (
              <li>{escapeHtml(warning.message)}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      <NotePreviewSection input={input} />

      <section class="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline steps={props.steps} plan={plan} drafts={props.drafts} />
      </section>

      <section class="section" aria-labelledby="never-title">
        <h2 id="never-title">Never</h2>
        <ul>
          {plan.never.map((entry) => (
            <li>
              <strong>{escapeHtml(NEVER_CHANNEL_LABELS[entry.channel])}:</strong>{' '}
              {escapeHtml(entry.why)}
            </li>
          ))}
        </ul>
      </section>

      <section class="section" aria-labelledby="drafts-title">
        <h2 id="drafts-title">Your drafts</h2>
        <p>
          Edit them in your own words, then check them again. The downloads below use the text as it
          is in these boxes.
        </p>
        {/* Here, not at the top: "Check my edits" comes back to this section (DRAFTS_ANCHOR). */}
        <ErrorSummary errors={summaryOf(props.errors)} />
        {props.checked && props.errors.length === 0 ? (
          <p class="notice notice-info" role="status" safe>
            {findingCount === 0
              ? 'We checked your edits: the checker found nothing to change.'
              : `We checked your edits: the checker found ${findingCount === 1 ? 'one thing' : `${findingCount} things`} to look at.`}
          </p>
        ) : (
          ''
        )}
        <form method="post" action={`${PAGE_PATH}${DRAFTS_ANCHOR}`} novalidate id="drafts-form">
          {/* No CSRF token: the page is public, needs no account, stores nothing and changes nothing. */}
          <DefaultButton value="check" label="Check my edits" />
          {listCarriedFields(props.form).map(([name, value]) => (
            <input type="hidden" name={attr(name)} value={attr(value)} />
          ))}
          {props.drafts.map((draft, index) => (
            <DraftCard index={index} draft={draft} errors={errors} />
          ))}
          <div class="form-actions section">
            <button type="submit" name="action" value="check" class="button">
              Check my edits
            </button>
          </div>
          <h3>Downloads</h3>
          <div class="button-row">
            <button
              type="submit"
              class="button button-secondary"
              formaction={`${PAGE_PATH}/plan.ics${DRAFTS_ANCHOR}`}
            >
              Add the plan to your calendar (.ics)
            </button>
            {hasNotes ? (
              <button
                type="submit"
                class="button button-secondary"
                formaction={`${PAGE_PATH}/notes${DRAFTS_ANCHOR}`}
              >
                Printable page for your hand-written notes
              </button>
            ) : (
              ''
            )}
          </div>
        </form>
      </section>

      {props.saveCsrf ? (
        <section class="section" aria-labelledby="save-title">
          <h2 id="save-title">Keep this interview</h2>
          <p>
            {props.user
              ? 'Save it to your account to keep the plan and mark its steps done as you go.'
              : 'Save it to your account to keep the plan and mark its steps done as you go; you will be asked to sign in or sign up first.'}
          </p>
          <form method="post" action={SAVE_PATH} novalidate>
            <input type="hidden" name="_csrf" value={attr(props.saveCsrf)} />
            {listCarriedFields(props.form).map(([name, value]) => (
              <input type="hidden" name={attr(name)} value={attr(value)} />
            ))}
            <button type="submit" class="button button-secondary">
              Save this interview to your account
            </button>
          </form>
        </section>
      ) : (
        ''
      )}

      <section class="section" aria-labelledby="details-title">
        <h2 id="details-title">Change the details</h2>
        <p class="hint">A new plan writes new drafts: download or copy your edits first.</p>
        <DetailsForm
          form={props.form}
          errors={[]}
          submitLabel="Make a new plan"
          level={3}
          livePreview
        />
      </section>
    </Layout>,
  );
}
