/**
 * The form for one interview, filled with what was typed, errors beside their fields: the public
 * follow-up page's, and the saved interviews' pages' (src/web/interviews), which post it
 * elsewhere with a CSRF token and fields of their own.
 */
import { escapeHtml, type Children } from '@kitajs/html';
import { listIndustries } from '../../domain/directory/taxonomy.js';
import {
  CheckField,
  RadioFieldset,
  Select,
  TextArea,
  TextInput,
  attr,
} from '../components/form-fields.js';
import { DefaultButton, FormSection, Heading } from '../components/form-layout.js';
import type { SummaryError } from '../shared/layout.js';
import {
  CHECKED,
  MAX_PAGE_INTERVIEWERS,
  contactField,
  fieldId,
  interviewerField,
  type FollowUpForm,
  type FormError,
} from './followup-form.js';
import {
  CANDIDATE_SPECS,
  CONTACT_HINT,
  DECISION_SPECS,
  EMPLOYER_SPECS,
  EMPLOYER_STYLE_SPECS,
  INTERVIEWER_AFTER_CONTACT_SPECS,
  INTERVIEWER_SPECS,
  INTERVIEW_SPECS,
  NOTES_SPECS,
  RECRUITER_SPECS,
  SECTORS_LIST,
  type FieldSpec,
  type InterviewerSpec,
} from './form-fields.js';
import { NOTE_PREVIEW_PATH, PAGE_PATH } from './paths.js';

export type Errors = ReadonlyMap<string, string>;

/** Groups form errors by control; a control with several problems shows them all beside it. */
export function indexErrors(errors: readonly FormError[]): Errors {
  const byField = new Map<string, string>();
  for (const error of errors) {
    if (error.field === null) continue;
    const before = byField.get(error.field);
    byField.set(error.field, before ? `${before} ${error.message}` : error.message);
  }
  return byField;
}

/** The error summary's entries: each links to its control, or to the form for the page's own. */
export function summaryOf(
  errors: readonly FormError[],
  idOf: (field: string) => string = fieldId,
): SummaryError[] {
  return errors.map((error) => ({
    fieldId: error.field === null ? 'follow-up-form' : idOf(error.field),
    message: error.message,
  }));
}

/** The form's values and its errors, which every field reads by its name. */
interface FormState {
  values: Record<string, string>;
  errors: Errors;
}

/** The field of `spec`, named `name` (the spec's own name unless given). */
function SpecField(props: { spec: FieldSpec; name?: string; state: FormState }) {
  const { spec, state } = props;
  const name = props.name ?? spec.name;
  const common = {
    id: fieldId(name),
    name,
    label: spec.label,
    hint: spec.hint,
    error: state.errors.get(name),
    value: state.values[name] ?? '',
  };
  switch (spec.kind) {
    case 'text':
      return (
        <TextInput {...common} type={spec.type} autocomplete={spec.autocomplete} list={spec.list} />
      );
    case 'textarea':
      return <TextArea {...common} rows={spec.rows} />;
    case 'select':
      return <Select {...common} choices={spec.choices} />;
    case 'radios':
      return <RadioFieldset {...common} choices={spec.choices} />;
    case 'checkbox':
      return (
        <CheckField
          {...common}
          type="checkbox"
          value={CHECKED}
          checked={common.value === CHECKED}
        />
      );
  }
}

function Fields<Spec extends FieldSpec>(props: {
  specs: readonly Spec[];
  state: FormState;
  /** The name of a spec's field, when it is not the spec's own (an interviewer's). */
  nameOf?: (spec: Spec) => string;
}) {
  return (
    <>
      {props.specs.map((spec) => (
        <SpecField spec={spec} name={props.nameOf?.(spec)} state={props.state} />
      ))}
    </>
  );
}

function InterviewerFieldset(props: {
  index: number;
  count: number;
  level: number;
  /** Where the form posts (the remove button comes back to the people met). */
  action: string;
  state: FormState;
}) {
  const { index, state } = props;
  const nameOf = (spec: InterviewerSpec) => interviewerField(index, spec.name);
  const contact = contactField(index);
  return (
    <div class="card section" id={`interviewer-${index + 1}`}>
      <fieldset class="fieldset">
        <legend class="legend">
          <Heading level={props.level}>Interviewer {index + 1}</Heading>
        </legend>
        <Fields specs={INTERVIEWER_SPECS} state={state} nameOf={nameOf} />
        <CheckField
          type="radio"
          id={fieldId(contact)}
          name="contact"
          value={String(index)}
          checked={state.values.contact === String(index)}
          label="Main contact"
          hint={CONTACT_HINT}
          error={state.errors.get(contact)}
        />
        <Fields specs={INTERVIEWER_AFTER_CONTACT_SPECS} state={state} nameOf={nameOf} />
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
  const state: FormState = { values, errors: indexErrors(props.errors) };
  const action = props.action ?? PAGE_PATH;
  return (
    <form method="post" action={action} novalidate id="follow-up-form" class="section">
      {/* No CSRF token: the page is public, needs no account, stores nothing and changes nothing. */}
      <DefaultButton value="plan" label={props.submitLabel} />
      <input type="hidden" name="interviewerCount" value={String(interviewerCount)} />
      {(props.hidden ?? []).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}

      <FormSection level={level} title="The interview">
        <Fields specs={INTERVIEW_SPECS} state={state} />
      </FormSection>

      <FormSection level={level} title="The employer and the role">
        <Fields specs={EMPLOYER_SPECS} state={state} />
        <datalist id={SECTORS_LIST}>
          {listIndustries().map((industry) => (
            <option value={attr(industry.name)}></option>
          ))}
        </datalist>
        <Fields specs={EMPLOYER_STYLE_SPECS} state={state} />
      </FormSection>

      <FormSection level={level} title="You">
        <Fields specs={CANDIDATE_SPECS} state={state} />
      </FormSection>

      <FormSection level={level} title="Through a recruitment agency (optional)">
        <p class="hint">
          Fill this in when an agency arranged the interview: you debrief the consultant the same
          day, they pass on thanks to anyone you have no address for, and the check-ins go to them.
        </p>
        <Fields specs={RECRUITER_SPECS} state={state} />
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
            action={action}
            state={state}
          />
        ))}
        {interviewerCount < MAX_PAGE_INTERVIEWERS ? (
          <button
            type="submit"
            name="action"
            value="add-interviewer"
            formaction={attr(`${action}#interviewer-${interviewerCount + 1}`)}
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
        <Fields specs={DECISION_SPECS} state={state} />
      </FormSection>

      <FormSection level={level} title="Your notes from the interview">
        <Fields specs={NOTES_SPECS} state={state} />
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
