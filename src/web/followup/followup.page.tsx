/**
 * The public interview follow-up page (/follow-up): the form for one interview, the plan with
 * its timeline, warnings and "never" list, the drafts with the checker's findings, the download
 * buttons, and the printable page of hand-written notes. Works without JavaScript. Everything a
 * visitor typed is escaped: text with escapeHtml, attribute values with `attr` (Kita escapes only
 * quotes in attributes, so "&amp;" typed in a field would otherwise come back as "&").
 */
import { escapeHtml, type Children } from '@kitajs/html';
import { listIndustries } from '../../domain/directory/taxonomy.js';
import {
  listNotePreviews,
  type DraftFinding,
  type FollowUpInput,
  type FollowUpPlan,
} from '../../domain/followup/index.js';
import type { NoteToWrite, PlannedFollowUp, StepSummary } from '../../services/followup.service.js';
import { NEVER_CHANNEL_LABELS, describeInterviewTime } from '../../services/followup.service.js';
import { textareaRows } from '../format.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  fieldAria,
  fieldErrorId,
  toHtml,
  type LayoutUser,
} from '../layout.js';
import {
  CHECKED,
  MAX_PAGE_INTERVIEWERS,
  TIME_ZONES,
  contactField,
  fieldId,
  interviewerField,
  listCarriedFields,
  type FollowUpForm,
  type FormError,
} from './followup-form.js';

export const PAGE_PATH = '/follow-up';
/** Saves the plan's interview to the visitor's account (followup-save.routes.ts). */
export const SAVE_PATH = `${PAGE_PATH}/save`;
/**
 * Where the drafts' form (and its downloads, when a draft has a problem) brings the visitor back
 * to: the drafts, not the top of a long page.
 */
export const DRAFTS_ANCHOR = '#drafts-title';
/** site.js posts the form here as notes are typed: `{previews: NotePreview[]}`. */
export const NOTE_PREVIEW_PATH = `${PAGE_PATH}/notes-preview`;
const TITLE = 'Plan your interview follow-up';

/** An attribute value, escaped in full. */
function attr(value: string): string {
  return escapeHtml(value);
}

/** Text typed by a visitor, with its line breaks kept. */
function Lines(props: { text: string }) {
  return props.text
    .split(/\r\n?|\n/)
    .map((line) => escapeHtml(line))
    .join('<br />');
}

type Errors = ReadonlyMap<string, string>;

/** A heading at a level that depends on where the form sits (h2 alone, h3 under "Change the details"). */
function Heading(props: { level: number; id?: string; children: Children }) {
  if (props.level <= 2) return <h2 id={props.id}>{props.children}</h2>;
  if (props.level === 3) return <h3 id={props.id}>{props.children}</h3>;
  return <h4 id={props.id}>{props.children}</h4>;
}

/** A titled group of the form's fields, its title a heading at the form's level. */
export function FormSection(props: { level: number; title: string; children: Children }) {
  return (
    <fieldset class="fieldset section">
      <legend class="legend">
        <Heading level={props.level}>{escapeHtml(props.title)}</Heading>
      </legend>
      {props.children}
    </fieldset>
  );
}

/** Groups form errors by control; a control with several problems shows them all beside it. */
function indexErrors(errors: readonly FormError[]): Errors {
  const byField = new Map<string, string>();
  for (const error of errors) {
    if (error.field === null) continue;
    const before = byField.get(error.field);
    byField.set(error.field, before ? `${before} ${error.message}` : error.message);
  }
  return byField;
}

function summaryOf(errors: readonly FormError[]) {
  return errors.map((error) => ({
    fieldId: error.field === null ? 'follow-up-form' : fieldId(error.field),
    message: error.message,
  }));
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  values: Record<string, string>;
  errors: Errors;
}

function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

function Hint(props: { name: string; hint?: string | undefined }) {
  return props.hint ? (
    <p class="hint" id={hintId(props.name)}>
      {escapeHtml(props.hint)}
    </p>
  ) : (
    ''
  );
}

/** A fieldset's aria-describedby: its hint and its error (aria-invalid belongs on controls). */
function describedBy(
  id: string,
  hint: string | undefined,
  name: string,
  error: string | undefined,
): string | undefined {
  const ids = [hint ? hintId(name) : '', error ? fieldErrorId(id) : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function groupClass(error: string | undefined): string {
  return error ? 'form-group form-group-error' : 'form-group';
}

function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'date' | 'datetime-local';
    autocomplete?: string;
    list?: string;
  },
) {
  const id = fieldId(props.name);
  const error = props.errors.get(props.name);
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {escapeHtml(props.label)}
      </label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError fieldId={id} message={error} />
      <input
        class="input"
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={attr(props.values[props.name] ?? '')}
        autocomplete={props.autocomplete}
        list={props.list}
        spellcheck={props.type === 'email' ? 'false' : undefined}
        {...fieldAria(id, error, props.hint ? hintId(props.name) : null)}
      />
    </div>
  );
}

function TextArea(
  props: FieldProps & {
    rows?: number;
    describedBy?: string;
    /** site.js checks the draft as it is typed: where to post the form, where the findings go. */
    live?: { url: string; findingsId: string; subjectName?: string };
  },
) {
  const id = fieldId(props.name);
  const error = props.errors.get(props.name);
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {escapeHtml(props.label)}
      </label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError fieldId={id} message={error} />
      <textarea
        class="textarea"
        id={id}
        name={props.name}
        rows={String(props.rows ?? 4)}
        {...fieldAria(id, error, props.hint ? hintId(props.name) : null, props.describedBy)}
        {...(props.live
          ? {
              'data-live-check': props.live.url,
              'data-live-findings': props.live.findingsId,
              'data-live-form': 'urlencoded',
              ...(props.live.subjectName ? { 'data-live-subject': props.live.subjectName } : {}),
            }
          : {})}
      >
        {/* A newline first: the parser drops one after <textarea>, so a typed one survives. */}
        {'\n' + escapeHtml(props.values[props.name] ?? '')}
      </textarea>
    </div>
  );
}

interface Choice {
  value: string;
  label: string;
  hint?: string;
}

function SelectField(props: FieldProps & { choices: readonly Choice[] }) {
  const id = fieldId(props.name);
  const error = props.errors.get(props.name);
  const current = props.values[props.name] ?? '';
  const choices = props.choices.some((choice) => choice.value === current)
    ? props.choices
    : [...props.choices, { value: current, label: current }];
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {escapeHtml(props.label)}
      </label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError fieldId={id} message={error} />
      <select
        class="select"
        id={id}
        name={props.name}
        {...fieldAria(id, error, props.hint ? hintId(props.name) : null)}
      >
        {choices.map((choice) => (
          <option value={attr(choice.value)} selected={choice.value === current}>
            {escapeHtml(choice.label)}
          </option>
        ))}
      </select>
    </div>
  );
}

function RadioGroup(props: FieldProps & { choices: readonly Choice[] }) {
  const id = fieldId(props.name);
  const error = props.errors.get(props.name);
  const current = props.values[props.name] ?? '';
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, props.hint, props.name, error)}>
        <legend class="legend">{escapeHtml(props.label)}</legend>
        <Hint name={props.name} hint={props.hint} />
        <FieldError fieldId={id} message={error} />
        <div class="radios checkboxes-stacked">
          {props.choices.map((choice, index) => (
            <label class="radio">
              <input
                type="radio"
                id={index === 0 ? id : `${id}-${choice.value}`}
                name={props.name}
                value={attr(choice.value)}
                checked={choice.value === current}
              />
              <span>
                {escapeHtml(choice.label)}
                {choice.hint ? <span class="hint"> {escapeHtml(choice.hint)}</span> : ''}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Checkbox(props: FieldProps) {
  const id = fieldId(props.name);
  const error = props.errors.get(props.name);
  return (
    <div class={groupClass(error)}>
      <FieldError fieldId={id} message={error} />
      <label class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value={CHECKED}
          checked={props.values[props.name] === CHECKED}
          {...fieldAria(id, error, props.hint ? hintId(props.name) : null)}
        />
        <span>{escapeHtml(props.label)}</span>
      </label>
      <Hint name={props.name} hint={props.hint} />
    </div>
  );
}

const FORMATS: readonly Choice[] = [
  { value: 'in-person', label: 'In person' },
  { value: 'video', label: 'Video call' },
  { value: 'phone', label: 'Phone call' },
];
const ROUNDS: readonly Choice[] = [
  { value: 'first', label: 'First interview' },
  { value: 'second', label: 'Second interview' },
  { value: 'final', label: 'Final interview' },
];
const NATIONS: readonly Choice[] = [
  { value: 'england', label: 'England' },
  { value: 'wales', label: 'Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
  { value: '', label: 'Not given (the bank holidays all four nations share)' },
];
const STYLES: readonly Choice[] = [
  {
    value: 'fast-moving',
    label: 'Fast-moving',
    hint: '(tech, start-ups, e-commerce, digital media)',
  },
  {
    value: 'traditional',
    label: 'Traditional',
    hint: '(law, banking, finance, the public sector, old family firms)',
  },
  { value: 'unknown', label: 'Not sure', hint: '(the sector decides)' },
];
const ACCOUNTS: readonly Choice[] = [
  { value: 'none', label: 'I am not on LinkedIn' },
  { value: 'free', label: 'A free LinkedIn account' },
  { value: 'premium', label: 'A paid (Premium) LinkedIn account' },
];
const CHANNELS: readonly Choice[] = [
  { value: '', label: 'No preference: let the plan choose' },
  { value: 'email', label: 'Email' },
  { value: 'handwritten', label: 'A hand-written note' },
  { value: 'linkedin', label: 'LinkedIn' },
];

/**
 * A submit button first in the form, for the Enter key: browsers submit with the first button,
 * which would otherwise be "Add another interviewer" or a download.
 */
function DefaultButton(props: { value: string; label: string }) {
  return (
    <button
      type="submit"
      name="action"
      value={props.value}
      class="visually-hidden"
      tabindex="-1"
      aria-hidden="true"
    >
      {escapeHtml(props.label)}
    </button>
  );
}

function InterviewerFieldset(props: {
  index: number;
  count: number;
  level: number;
  /** Where the form posts (the remove button comes back to the people met). */
  action: string;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { index, values, errors } = props;
  const field = (key: Parameters<typeof interviewerField>[1]) => interviewerField(index, key);
  const contactId = fieldId(contactField(index));
  const contactError = errors.get(contactField(index));
  return (
    <div class="card section" id={`interviewer-${index + 1}`}>
      <fieldset class="fieldset">
        <legend class="legend">
          <Heading level={props.level}>Interviewer {index + 1}</Heading>
        </legend>
        <TextField
          name={field('name')}
          label="Name"
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <TextField
          name={field('title')}
          label="Job title (optional)"
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <TextField
          name={field('email')}
          label="Email address (optional)"
          hint="The interview invitation often has it."
          type="email"
          values={values}
          errors={errors}
          autocomplete="off"
        />
        <TextArea
          name={field('postalAddress')}
          label="Postal address (optional)"
          hint="Needed for a hand-written note. One line per line of the address."
          rows={4}
          values={values}
          errors={errors}
        />
        <Checkbox
          name={field('onLinkedIn')}
          label="They are on LinkedIn"
          values={values}
          errors={errors}
        />
        <Checkbox
          name={field('chair')}
          label="They chaired the panel"
          hint="When the others have no address, one email to the chair thanks the whole panel and asks for the thanks to be passed on."
          values={values}
          errors={errors}
        />
        <div class={groupClass(contactError)}>
          <FieldError fieldId={contactId} message={contactError} />
          <label class="radio">
            <input
              type="radio"
              id={contactId}
              name="contact"
              value={String(index)}
              checked={values.contact === String(index)}
              {...fieldAria(contactId, contactError, `${contactId}-hint`)}
            />
            <span>Main contact</span>
          </label>
          <p class="hint" id={`${contactId}-hint`}>
            The person you will check in with about the decision. When nobody is chosen, it is the
            first interviewer.
          </p>
        </div>
        <SelectField
          name={field('channel')}
          label="How they would like to hear from you (optional)"
          choices={CHANNELS}
          values={values}
          errors={errors}
        />
        <TextArea
          name={field('notes')}
          label="What you talked about with them (optional)"
          hint="Makes their note personal. Write a phrase (“the new Leeds office”) or what they did (“asked about my dissertation”); “her” and “his” become “your”."
          rows={3}
          values={values}
          errors={errors}
        />
        {props.count > 1 ? (
          <button
            type="submit"
            name="action"
            value={`remove-interviewer-${index}`}
            formaction={attr(`${props.action}#interviewers-title`)}
            class="button button-secondary button-small"
          >
            Remove interviewer {index + 1}
          </button>
        ) : (
          ''
        )}
      </fieldset>
    </div>
  );
}

/**
 * The form for one interview, filled with what was typed, errors beside their fields. Also used
 * by the saved interviews' pages (src/web/interviews), which post it elsewhere with a CSRF token
 * and fields of their own.
 */
export function DetailsForm(props: {
  form: FollowUpForm;
  errors: readonly FormError[];
  submitLabel: string;
  /** The level of the form's section headings. */
  level: number;
  /** Where the form posts; this page's own address by default. */
  action?: string;
  /** Extra hidden fields ([name, value]), such as a CSRF token. */
  hidden?: readonly (readonly [string, string])[];
  /** Extra fields (rendered JSX), placed before the submit button. */
  extra?: Children;
  /** With JavaScript, show how each note will read as it is typed (the public page). */
  livePreview?: boolean;
}) {
  const level = props.level;
  const { values, interviewerCount } = props.form;
  const errors = indexErrors(props.errors);
  const notGiven = 'decisionNotGiven';
  return (
    <form
      method="post"
      action={props.action ?? PAGE_PATH}
      novalidate
      id="follow-up-form"
      class="section"
    >
      {/* No CSRF token: the page is public, needs no account, stores nothing and changes nothing. */}
      <DefaultButton value="plan" label={props.submitLabel} />
      <input type="hidden" name="interviewerCount" value={String(interviewerCount)} />
      {(props.hidden ?? []).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}

      <FormSection level={level} title="The interview">
        <TextField
          name="interview.startsAt"
          label="Start"
          hint="The date and local time where the interview takes place."
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <TextField
          name="interview.endsAt"
          label="End"
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <SelectField
          name="interview.timeZone"
          label="Time zone of the interview"
          choices={TIME_ZONES.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="interview.format"
          label="How was it held?"
          choices={FORMATS}
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="interview.round"
          label="Which interview was it?"
          hint="Only the wording changes: after a second or final interview you thank them for seeing you again."
          choices={ROUNDS}
          values={values}
          errors={errors}
        />
        <SelectField
          name="interview.nation"
          label="Where are you posting from?"
          hint="Bank holidays and post collections differ between the four nations."
          choices={NATIONS}
          values={values}
          errors={errors}
        />
      </FormSection>

      <FormSection level={level} title="The employer and the role">
        <TextField
          name="employer.name"
          label="Employer"
          values={values}
          errors={errors}
          autocomplete="organization"
        />
        <TextField
          name="role"
          label="Role you were interviewed for"
          values={values}
          errors={errors}
        />
        <TextField
          name="employer.sector"
          label="Sector (optional)"
          hint="Choose from the list or type your own, for example Legal or IT."
          list="follow-up-sectors"
          values={values}
          errors={errors}
        />
        <TextField
          name="employer.hiringTeamEmail"
          label="Hiring team’s email address (optional)"
          hint="A shared address such as recruitment@…: used to thank a panel when nobody else has an address."
          type="email"
          values={values}
          errors={errors}
        />
        <datalist id="follow-up-sectors">
          {listIndustries().map((industry) => (
            <option value={attr(industry.name)}></option>
          ))}
        </datalist>
        <RadioGroup
          name="employer.style"
          label="What kind of employer is it?"
          hint="It decides between an email and a hand-written note."
          choices={STYLES}
          values={values}
          errors={errors}
        />
      </FormSection>

      <FormSection level={level} title="You">
        <TextField
          name="candidate.name"
          label="Your name"
          hint="Used to sign your messages."
          values={values}
          errors={errors}
          autocomplete="name"
        />
        <RadioGroup
          name="candidate.linkedin"
          label="Your LinkedIn account"
          choices={ACCOUNTS}
          values={values}
          errors={errors}
        />
        <SelectField
          name="candidate.timeZone"
          label="Your time zone"
          hint="Outside the UK, the thank-yous go by email, at times when you are awake and they are at work."
          choices={TIME_ZONES.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
          values={values}
          errors={errors}
        />
      </FormSection>

      <FormSection level={level} title="Through a recruitment agency (optional)">
        <p class="hint">
          Fill this in when an agency arranged the interview: you debrief the consultant the same
          day, they pass on thanks to anyone you have no address for, and the check-ins go to them.
        </p>
        <TextField
          name="recruiter.consultant"
          label="Consultant’s name"
          values={values}
          errors={errors}
        />
        <TextField
          name="recruiter.email"
          label="Consultant’s email address"
          type="email"
          values={values}
          errors={errors}
        />
        <TextField
          name="recruiter.phone"
          label="Consultant’s phone number (optional)"
          hint="Phoning your own consultant is expected; it is the employer you do not ring."
          values={values}
          errors={errors}
        />
        <TextField
          name="recruiter.listing"
          label="Agency (optional)"
          hint="Its name as listed on Shortlist, if it is there."
          values={values}
          errors={errors}
        />
      </FormSection>

      <section class="section" aria-labelledby="interviewers-title">
        <Heading level={level} id="interviewers-title">
          The people you met
        </Heading>
        <p class="hint">
          Each person gets their own thank-you. Leave a box empty to skip it; with nobody named, the
          plan writes to the hiring team.
        </p>
        {Array.from({ length: interviewerCount }, (_, index) => (
          <InterviewerFieldset
            index={index}
            count={interviewerCount}
            level={level + 1}
            action={props.action ?? PAGE_PATH}
            values={values}
            errors={errors}
          />
        ))}
        {interviewerCount < MAX_PAGE_INTERVIEWERS ? (
          <button
            type="submit"
            name="action"
            value="add-interviewer"
            formaction={attr(`${props.action ?? PAGE_PATH}#interviewer-${interviewerCount + 1}`)}
            class="button button-secondary"
          >
            Add another interviewer
          </button>
        ) : (
          <p class="hint">
            The page takes {MAX_PAGE_INTERVIEWERS} interviewers; the API takes up to 20.
          </p>
        )}
      </section>

      <FormSection level={level} title="The decision">
        <TextField
          name="decisionExpectedOn"
          label="When did they say they would decide?"
          type="date"
          values={values}
          errors={errors}
        />
        <Checkbox
          name={notGiven}
          label="They did not give a date"
          values={values}
          errors={errors}
        />
        <Checkbox
          name="options.secondCheckIn"
          label="Plan a second, last check-in if the first gets no answer"
          values={values}
          errors={errors}
        />
      </FormSection>

      <FormSection level={level} title="Your notes from the interview">
        <TextArea
          name="notes.liked"
          label="What you liked about the employer or the role"
          hint="A phrase reads best: “the mentoring scheme for trainees”. Pay and benefits are left out of the drafts. Optional until the interview has ended: the drafts mark where it will go."
          rows={3}
          values={values}
          errors={errors}
        />
        <TextArea
          name="notes.fit"
          label="Why you would fit the role"
          hint="For example “five years running payroll for 400 staff” or “I led a team of five”. Optional until the interview has ended."
          rows={3}
          values={values}
          errors={errors}
        />
        <TextArea
          name="notes.questions"
          label="Questions that have come up since (optional)"
          hint="One per line, at most 10, as you would ask them: “How are seats allocated?” Each goes to one interviewer."
          rows={3}
          values={values}
          errors={errors}
        />
        {props.livePreview ? (
          <div
            id="note-preview-live"
            class="notice notice-info"
            aria-live="polite"
            data-note-preview-url={NOTE_PREVIEW_PATH}
            hidden
          ></div>
        ) : (
          ''
        )}
      </FormSection>

      {props.extra ?? ''}
      <div class="form-actions">
        <button type="submit" name="action" value="plan" class="button">
          {escapeHtml(props.submitLabel)}
        </button>
      </div>
    </form>
  );
}

/** The page with the form only: first visit, "add another interviewer", or errors. */
export function renderFormPage(props: {
  form: FollowUpForm;
  errors: readonly FormError[];
  demo: boolean;
  user?: LayoutUser | null;
}): string {
  return toHtml(
    <Layout
      title={props.errors.length > 0 ? `Error: ${TITLE}` : TITLE}
      demo={props.demo}
      user={props.user}
      current={PAGE_PATH}
    >
      <h1 class="page-title">{escapeHtml(TITLE)}</h1>
      <p class="lede">
        Tell us about one interview and get a plan: a thank-you to each person at the right time and
        by the right channel, one polite check-in, drafts to edit, and a calendar file. No account
        needed, and nothing you type is kept.
      </p>
      <ErrorSummary errors={summaryOf(props.errors)} />
      <DetailsForm
        form={props.form}
        errors={props.errors}
        submitLabel="Make my plan"
        level={2}
        livePreview
      />
    </Layout>,
  );
}

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
              {step.to !== undefined ? (
                <>
                  <dt>To</dt>
                  <dd>{escapeHtml(step.to)}</dd>
                </>
              ) : (
                ''
              )}
              <dt>When</dt>
              <dd>
                {step.window.includes(' to ') ? 'From ' : ''}
                {escapeHtml(step.window)}
              </dd>
              {step.employerWhen !== undefined ? (
                <>
                  <dt>Their time</dt>
                  <dd>{escapeHtml(step.employerWhen)}</dd>
                </>
              ) : (
                ''
              )}
              {step.postBy !== undefined ? (
                <>
                  <dt>Post by</dt>
                  <dd>{escapeHtml(step.postBy)}, first class</dd>
                </>
              ) : (
                ''
              )}
              {step.arrivesBy !== undefined ? (
                <>
                  <dt>Likely to arrive</dt>
                  <dd>{escapeHtml(step.arrivesBy)}</dd>
                </>
              ) : (
                ''
              )}
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
  const values: Record<string, string> = {
    [name('body')]: draft.body,
    ...(draft.subject !== undefined ? { [name('subject')]: draft.subject } : {}),
  };
  const findingsId = `draft-${index}-findings`;
  return (
    <section class="card section" id={`draft-${index}`} aria-labelledby={`draft-${index}-title`}>
      <h3 class="card-title" id={`draft-${index}-title`}>
        {escapeHtml(draft.title)}
      </h3>
      <input type="hidden" name={name('stepId')} value={attr(draft.stepId)} />
      {draft.subject !== undefined ? (
        <TextField name={name('subject')} label="Subject" values={values} errors={errors} />
      ) : (
        ''
      )}
      <TextArea
        name={name('body')}
        label="Message"
        rows={textareaRows(draft.body, 4)}
        values={values}
        errors={errors}
        describedBy={findingsId}
        live={{
          url: `${PAGE_PATH}/check?step=${encodeURIComponent(draft.stepId)}`,
          findingsId,
          ...(draft.subject !== undefined ? { subjectName: name('subject') } : {}),
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
/** A readable name for a note's field ("What you liked", "About Anna Clarke"). */
function describeNoteField(field: string, input: FollowUpInput): string {
  if (field === 'notes.liked') return 'What you liked';
  if (field === 'notes.fit') return 'Why you would fit';
  const question = /^notes\.questions\[(\d+)\]$/.exec(field);
  if (question) return `Question ${Number(question[1]) + 1}`;
  const interviewer = /^interviewers\[(\d+)\]\.notes$/.exec(field);
  const name = interviewer ? input.interviewers[Number(interviewer[1])]?.name : undefined;
  return name ? `About ${name}` : field;
}

/** Each note and the sentence it becomes in the drafts (or its gap, or why it is left out). */
export function NotePreviewSection(props: { input: FollowUpInput }) {
  const previews = listNotePreviews(props.input);
  if (previews.length === 0) return '';
  return (
    <section class="section" aria-labelledby="note-preview-title">
      <h2 id="note-preview-title">How your notes will read</h2>
      <p class="hint">
        Each note becomes a sentence in the drafts. A gap marked "[Finish this: …]" is yours to
        write before you send; a note about pay or a complaint is left out.
      </p>
      <dl class="note-previews">
        {previews.map((preview) => (
          <>
            <dt>
              {escapeHtml(describeNoteField(preview.field, props.input))}: "
              {escapeHtml(preview.note)}"
            </dt>
            <dd class={`note-preview note-preview-${preview.status}`}>
              {escapeHtml(preview.text)}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

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

/** The printable page of hand-written notes: who, where, when to post, and the text to copy. */
export function renderNotesPage(props: {
  planned: PlannedFollowUp;
  notes: readonly NoteToWrite[];
  demo: boolean;
  user?: LayoutUser | null;
}): string {
  const { input } = props.planned;
  return toHtml(
    <Layout
      title="Notes to write by hand"
      demo={props.demo}
      user={props.user}
      current={PAGE_PATH}
      noindex
    >
      <h1 class="page-title">Notes to write by hand</h1>
      <p class="lede">
        After the {escapeHtml(input.role)} interview at {escapeHtml(input.employer.name)}.
      </p>
      <p class="print-hide">
        Print this page, or copy each note onto a card in your own hand. Post each one first class
        by its time. Your browser’s Back button returns to your plan.
      </p>
      {props.notes.length === 0 ? <p>This plan has no hand-written notes.</p> : ''}
      {props.notes.map((note) => (
        <article class="card section">
          <h2>To {escapeHtml(note.recipient)}</h2>
          {note.title ? <p class="muted">{escapeHtml(note.title)}</p> : ''}
          {note.address.length > 0 ? (
            <address class="section">
              <Lines text={note.address.join('\n')} />
            </address>
          ) : (
            <p class="muted">No postal address was given: add it before posting.</p>
          )}
          <dl class="summary-list">
            {note.postBy ? (
              <>
                <dt>Post by</dt>
                <dd>{escapeHtml(note.postBy)}, first class</dd>
              </>
            ) : (
              ''
            )}
            {note.arrivesBy ? (
              <>
                <dt>Likely to arrive</dt>
                <dd>{escapeHtml(note.arrivesBy)}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
          <div class="prose">
            {note.body.split(/\n{2,}/).map((paragraph) => (
              <p>
                <Lines text={paragraph} />
              </p>
            ))}
          </div>
        </article>
      ))}
    </Layout>,
  );
}
