/**
 * The Email Agency form: the candidate's message (with an optional CV and its consent) or the
 * employer's job specification. Every value is escaped; errors sit beside their fields and in the
 * summary; everything typed comes back except the file, which the page says.
 */
import { escapeHtml } from '@kitajs/html';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import { EMPLOYMENT_TYPES } from '../../domain/directory/taxonomy.js';
import { ENQUIRY_LIMITS, type Audience } from '../../domain/enquiry/enquiry.js';
import { agencyPath, officeText } from '../shared/agency-links.js';
import { TextArea } from '../components/form-fields.js';
import {
  FieldError,
  fieldAria,
  formGroupClass,
  toHtml,
  type LayoutUser,
} from '../shared/layout.js';
import type { EnquiryFormValues, FieldMessages } from './enquiry-form-values.js';
import { BranchChoice, emailPath, purposeOfAudience, summaryOf } from './enquiry-kit.js';
import { EnquiryStepLayout } from './enquiry-steps.page.js';

interface EnquiryFormProps {
  demo: boolean;
  user?: LayoutUser | null;
  listing: Listing;
  audience: Audience;
  /** The office chosen, or null when the visitor must choose again (shown in the form). */
  branch: Branch | null;
  /** Offices to choose from inside the form, when the chosen one could not be used. */
  branchChoices: Branch[];
  values: EnquiryFormValues;
  errors: FieldMessages;
  csrfToken: string;
  /** The name of the file chosen before a problem: it must be chosen again. */
  previousFileName: string | null;
  retentionDays: number;
  /** A problem with the form as a whole (expired form, too many messages). */
  formProblem: string | null;
}

function TextField(props: {
  field: keyof EnquiryFormValues;
  label: string;
  hint?: string;
  values: EnquiryFormValues;
  errors: FieldMessages;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  maxlength: number;
  narrow?: boolean;
}) {
  const error = props.errors[props.field];
  const hintId = props.hint ? `${props.field}-hint` : null;
  const value = props.values[props.field];
  return (
    <div class={formGroupClass(error)}>
      <label class="label" for={props.field}>
        {escapeHtml(props.label)}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId ?? undefined}>
          {escapeHtml(props.hint)}
        </p>
      ) : (
        ''
      )}
      <FieldError fieldId={props.field} message={error} />
      <input
        class={props.narrow ? 'input input-narrow' : 'input'}
        type={props.type ?? 'text'}
        id={props.field}
        name={props.field}
        value={typeof value === 'string' ? value : ''}
        maxlength={String(props.maxlength * 2)}
        autocomplete={props.autocomplete}
        spellcheck={props.type === 'email' || props.type === 'tel' ? 'false' : undefined}
        {...fieldAria(props.field, error, hintId)}
      />
    </div>
  );
}

const ACCEPT =
  '.pdf,.doc,.docx,.odt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

function FileField(props: {
  label: string;
  errors: FieldMessages;
  previousFileName: string | null;
}) {
  const error = props.errors.file;
  const again = props.previousFileName
    ? `You chose "${props.previousFileName}" before. Files are not kept when a form has a problem, so choose it again before you send.`
    : null;
  return (
    <div class={formGroupClass(error)}>
      <label class="label" for="file">
        {escapeHtml(props.label)}
      </label>
      <p class="hint" id="file-hint">
        A PDF, Word (DOC or DOCX) or OpenDocument text (ODT) file, up to 5 MB.
      </p>
      <FieldError fieldId="file" message={error} />
      {again ? (
        <p class="notice notice-warning" id="file-again">
          {escapeHtml(again)}
        </p>
      ) : (
        ''
      )}
      <input
        class="input"
        type="file"
        id="file"
        name="file"
        accept={ACCEPT}
        {...fieldAria('file', error, 'file-hint', again ? 'file-again' : null)}
      />
    </div>
  );
}

/** Step 2: the candidate's message or the employer's job specification. */
export function renderEnquiryForm(props: EnquiryFormProps): string {
  const { listing, audience, branch, values, errors } = props;
  const candidate = audience === 'candidate';
  const title = candidate ? `Email ${listing.name}` : `Send ${listing.name} a job specification`;
  const summary = summaryOf(errors);
  if (props.formProblem) summary.unshift({ fieldId: 'message', message: props.formProblem });
  const to = branch ? officeText(branch) : 'the office you choose below';
  const changeUrl = `${emailPath(listing.slug)}?change=1&purpose=${purposeOfAudience(audience)}${branch ? `&branch=${encodeURIComponent(branch.id)}` : ''}`;
  const consentError = errors.consent;
  return toHtml(
    <EnquiryStepLayout chrome={props} listing={listing} title={title} errors={summary}>
      <p class="lede">
        To: {escapeHtml(to)}
        {branch ? (
          <>
            {' '}
            <a href={changeUrl}>
              Change<span class="visually-hidden"> who you are or the office</span>
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <p>
        {candidate
          ? 'The agency receives your message by email and replies to you directly, at the email address you give.'
          : 'The agency receives your job specification by email and replies to you directly, at the email address you give.'}
      </p>
      <form
        method="post"
        action={emailPath(listing.slug)}
        enctype="multipart/form-data"
        class="panel prose"
        novalidate
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="audience" value={audience} />
        {branch ? <input type="hidden" name="branchId" value={branch.id} /> : ''}
        {!branch && props.branchChoices.length > 0 ? (
          <BranchChoice
            name="branchId"
            branches={props.branchChoices}
            selected={values.branchId}
            error={errors.branchId}
            legend="Which office do you want to email?"
          />
        ) : (
          ''
        )}
        {[
          candidate
            ? null
            : {
                field: 'company' as const,
                label: 'Company name',
                autocomplete: 'organization',
                maxlength: ENQUIRY_LIMITS.companyLength,
              },
          {
            field: 'name' as const,
            label: candidate ? 'Your name' : 'Contact name',
            autocomplete: 'name',
            maxlength: ENQUIRY_LIMITS.nameLength,
          },
          candidate
            ? null
            : {
                field: 'jobTitle' as const,
                label: 'Job title',
                hint: 'The job you are hiring for',
                maxlength: ENQUIRY_LIMITS.jobTitleLength,
              },
          {
            field: 'email' as const,
            label: candidate ? 'Your email address' : 'Email address',
            hint: 'The agency replies to this address',
            type: 'email' as const,
            autocomplete: 'email',
            maxlength: ENQUIRY_LIMITS.emailLength,
          },
          {
            field: 'phone' as const,
            label: candidate ? 'Telephone number (optional)' : 'Telephone number',
            type: 'tel' as const,
            autocomplete: 'tel',
            maxlength: ENQUIRY_LIMITS.phoneLength,
          },
        ].map((text) => (text ? <TextField {...text} values={values} errors={errors} /> : ''))}
        {candidate ? (
          ''
        ) : (
          <div class={formGroupClass(errors.employmentType)}>
            <label class="label" for="employmentType">
              Employment type
            </label>
            <FieldError fieldId="employmentType" message={errors.employmentType} />
            <select
              class="select"
              id="employmentType"
              name="employmentType"
              {...fieldAria('employmentType', errors.employmentType)}
            >
              <option value="">Choose the employment type</option>
              {EMPLOYMENT_TYPES.map((t) => (
                <option value={t.value} selected={values.employmentType === t.value}>
                  {escapeHtml(t.label)}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextArea
          id="message"
          name="message"
          label={candidate ? 'Your message' : 'About the job'}
          hint={
            candidate
              ? 'Say what work you are looking for, where, and when you could start. Up to 5,000 characters.'
              : 'Describe the job: duties, hours, pay, location and start date. Up to 5,000 characters.'
          }
          rows={10}
          value={values.message}
          error={errors.message}
        />
        <FileField
          label={candidate ? 'Your CV (optional)' : 'Job specification file (optional)'}
          errors={errors}
          previousFileName={props.previousFileName}
        />
        {candidate ? (
          <div class={formGroupClass(consentError)}>
            <FieldError fieldId="consent" message={consentError} />
            <p class="hint" id="consent-hint">
              Needed only when you attach a CV. Shortlist sends it with this one email and deletes
              its own copy after {props.retentionDays} days.
            </p>
            <label class="checkbox" for="consent">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                value="yes"
                checked={values.consent}
                {...fieldAria('consent', consentError, 'consent-hint')}
              />
              <span>
                I agree that Shortlist shares my CV with {escapeHtml(listing.name)} only, and with
                no other agency or employer.
              </span>
            </label>
          </div>
        ) : (
          ''
        )}
        <p class="hint">
          What you send goes to {escapeHtml(listing.name)} only. The{' '}
          <a href="/privacy">privacy notice</a> says what Shortlist keeps, and for how long.
        </p>
        <div class="form-actions">
          <button type="submit" class="button">
            {candidate ? 'Send message' : 'Send job specification'}
          </button>
          <a href={agencyPath(listing.slug)}>Cancel</a>
        </div>
      </form>
    </EnquiryStepLayout>,
  );
}
