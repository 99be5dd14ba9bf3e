/**
 * The Email Agency pages: step 1 (who you are, and which office when several take emails), the
 * candidate form (message + optional CV with consent) and the employer form (job
 * specification), and the confirmation. Every value is escaped; errors sit beside their fields
 * and in the summary; everything typed comes back except the file, which the page says.
 */
import { escapeHtml } from '@kitajs/html';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import { EMPLOYMENT_TYPES } from '../../domain/directory/taxonomy.js';
import {
  AUDIENCES,
  ENQUIRY_LIMITS,
  branchEmail,
  type Audience,
  type EnquiryStatus,
} from '../../domain/enquiry/enquiry.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  fieldAria,
  fieldErrorId,
  toHtml,
  type LayoutUser,
  type PageChrome,
  type SummaryError,
} from '../layout.js';

export type Purpose = 'job' | 'staff';

export function audienceOfPurpose(purpose: Purpose | null): Audience | null {
  return purpose === 'job' ? 'candidate' : purpose === 'staff' ? 'employer' : null;
}

export function purposeOfAudience(audience: Audience): Purpose {
  return audience === 'candidate' ? 'job' : 'staff';
}

export function agencyPath(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}`;
}

export function emailPath(slug: string): string {
  return `${agencyPath(slug)}/email`;
}

/** What was typed into the form, as strings, to give it back unchanged. */
export interface EnquiryFormValues {
  audience: string;
  branchId: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  jobTitle: string;
  employmentType: string;
  message: string;
  consent: boolean;
}

export const EMPTY_VALUES: EnquiryFormValues = {
  audience: '',
  branchId: '',
  name: '',
  email: '',
  phone: '',
  company: '',
  jobTitle: '',
  employmentType: '',
  message: '',
  consent: false,
};

/** Field -> message; the first problem of each field. */
export type FieldMessages = Partial<Record<string, string>>;

const FIELD_ORDER = [
  'audience',
  'purpose',
  'branchId',
  'branch',
  'company',
  'name',
  'jobTitle',
  'email',
  'phone',
  'employmentType',
  'message',
  'file',
  'consent',
];

function summaryOf(errors: FieldMessages, fieldIds: Record<string, string> = {}): SummaryError[] {
  const fields = Object.keys(errors).sort(
    (a, b) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99),
  );
  return fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: fieldIds[field] ?? field, message }] : [];
  });
}

function groupClass(message: string | undefined): string {
  return message ? 'form-group form-group-error' : 'form-group';
}

function Breadcrumbs(props: { listing: Listing; here: string }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <a href="/">Agency Search</a> <span aria-hidden="true">›</span>{' '}
      <a href={agencyPath(props.listing.slug)}>{escapeHtml(props.listing.name)}</a>{' '}
      <span aria-hidden="true">›</span> <span aria-current="page">{escapeHtml(props.here)}</span>
    </nav>
  );
}

function officeText(branch: Branch): string {
  return `${branch.name}, ${branch.address}, ${branch.postcode}`;
}

/** The offices of a listing that take emails from anyone. */
export function listContactableBranches(listing: Listing): Branch[] {
  return listing.branches.filter((b) => b.candidateEmail !== null || b.employerEmail !== null);
}

function branchNote(branch: Branch): string | null {
  if (!branch.candidateEmail) return 'Takes emails from employers only';
  if (!branch.employerEmail) return 'Takes emails from job seekers only';
  return null;
}

function BranchChoice(props: {
  name: string;
  branches: Branch[];
  selected: string;
  error: string | undefined;
  legend: string;
}) {
  const fieldId = props.name;
  return (
    <div class={groupClass(props.error)}>
      <fieldset class="fieldset" aria-describedby={props.error ? fieldErrorId(fieldId) : undefined}>
        <legend class="legend">{escapeHtml(props.legend)}</legend>
        <FieldError fieldId={fieldId} message={props.error} />
        <div class="radios checkboxes-stacked">
          {props.branches.map((b, i) => {
            const id = i === 0 ? fieldId : `${fieldId}-${i + 1}`;
            const note = branchNote(b);
            return (
              <label class="radio" for={id}>
                <input
                  type="radio"
                  id={id}
                  name={props.name}
                  value={b.id}
                  checked={props.selected === b.id}
                />
                <span>
                  {escapeHtml(officeText(b))}
                  {note ? (
                    <>
                      {' '}
                      <span class="muted">({escapeHtml(note)})</span>
                    </>
                  ) : (
                    ''
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface ChooseStepProps {
  demo: boolean;
  user?: LayoutUser | null;
  listing: Listing;
  branches: Branch[];
  purpose: Purpose | null;
  branchId: string;
  errors: FieldMessages;
}

/** Step 1: "I am looking for a job" / "I am looking to hire staff", and the office. */
export function renderChooseStep(props: ChooseStepProps): string {
  const { listing, errors } = props;
  const title = `Email ${listing.name}`;
  const hasErrors = Object.keys(errors).length > 0;
  return toHtml(
    <Layout
      title={hasErrors ? `Error: ${title}` : title}
      demo={props.demo}
      user={props.user}
      noindex
    >
      <Breadcrumbs listing={listing} here="Email Agency" />
      <ErrorSummary errors={summaryOf(errors)} />
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <form method="get" action={emailPath(listing.slug)} class="panel prose" novalidate>
        <input type="hidden" name="step" value="1" />
        <div class={groupClass(errors.purpose)}>
          <fieldset
            class="fieldset"
            aria-describedby={errors.purpose ? fieldErrorId('purpose') : undefined}
          >
            <legend class="legend">Who are you?</legend>
            <FieldError fieldId="purpose" message={errors.purpose} />
            <div class="radios checkboxes-stacked">
              {AUDIENCES.map((a, i) => {
                const purpose = purposeOfAudience(a.value);
                const id = i === 0 ? 'purpose' : `purpose-${purpose}`;
                return (
                  <label class="radio" for={id}>
                    <input
                      type="radio"
                      id={id}
                      name="purpose"
                      value={purpose}
                      checked={props.purpose === purpose}
                    />
                    {escapeHtml(a.label)}
                  </label>
                );
              })}
            </div>
          </fieldset>
        </div>
        {props.branches.length > 1 ? (
          <BranchChoice
            name="branch"
            branches={props.branches}
            selected={props.branchId}
            error={errors.branch}
            legend="Which office do you want to email?"
          />
        ) : (
          ''
        )}
        <div class="form-actions">
          <button type="submit" class="button">
            Continue
          </button>
          <a href={agencyPath(listing.slug)}>Back to {escapeHtml(listing.name)}</a>
        </div>
      </form>
    </Layout>,
  );
}

/** A listing none of whose offices takes email. */
export function renderNoEmail(props: PageChrome & { listing: Listing }): string {
  const { listing } = props;
  const title = `Email ${listing.name}`;
  return toHtml(
    <Layout title={title} demo={props.demo} user={props.user} noindex>
      <Breadcrumbs listing={listing} here="Email Agency" />
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {escapeHtml(listing.name)} has no email address listed, so it cannot be emailed through
        Shortlist.
      </p>
      <p>
        <a href={agencyPath(listing.slug)}>
          See {escapeHtml(listing.name)}'s telephone numbers and website
        </a>
      </p>
    </Layout>,
  );
}

export interface EnquiryFormProps {
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
    <div class={groupClass(error)}>
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
    <div class={groupClass(error)}>
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
  const hasErrors = summary.length > 0;
  const to = branch
    ? `${branch.name}, ${branch.address}, ${branch.postcode}`
    : 'the office you choose below';
  const changeUrl = `${emailPath(listing.slug)}?change=1&purpose=${purposeOfAudience(audience)}${branch ? `&branch=${encodeURIComponent(branch.id)}` : ''}`;
  const consentError = errors.consent;
  return toHtml(
    <Layout
      title={hasErrors ? `Error: ${title}` : title}
      demo={props.demo}
      user={props.user}
      noindex
    >
      <Breadcrumbs listing={listing} here="Email Agency" />
      <ErrorSummary errors={summary} />
      <h1 class="page-title">{escapeHtml(title)}</h1>
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
        {candidate ? (
          ''
        ) : (
          <TextField
            field="company"
            label="Company name"
            values={values}
            errors={errors}
            autocomplete="organization"
            maxlength={ENQUIRY_LIMITS.companyLength}
          />
        )}
        <TextField
          field="name"
          label={candidate ? 'Your name' : 'Contact name'}
          values={values}
          errors={errors}
          autocomplete="name"
          maxlength={ENQUIRY_LIMITS.nameLength}
        />
        {candidate ? (
          ''
        ) : (
          <TextField
            field="jobTitle"
            label="Job title"
            hint="The job you are hiring for"
            values={values}
            errors={errors}
            maxlength={ENQUIRY_LIMITS.jobTitleLength}
          />
        )}
        <TextField
          field="email"
          label={candidate ? 'Your email address' : 'Email address'}
          hint="The agency replies to this address"
          type="email"
          values={values}
          errors={errors}
          autocomplete="email"
          maxlength={ENQUIRY_LIMITS.emailLength}
        />
        <TextField
          field="phone"
          label={candidate ? 'Telephone number (optional)' : 'Telephone number'}
          type="tel"
          values={values}
          errors={errors}
          autocomplete="tel"
          maxlength={ENQUIRY_LIMITS.phoneLength}
        />
        {candidate ? (
          ''
        ) : (
          <div class={groupClass(errors.employmentType)}>
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
        <div class={groupClass(errors.message)}>
          <label class="label" for="message">
            {candidate ? 'Your message' : 'About the job'}
          </label>
          <p class="hint" id="message-hint">
            {candidate
              ? 'Say what work you are looking for, where, and when you could start. Up to 5,000 characters.'
              : 'Describe the job: duties, hours, pay, location and start date. Up to 5,000 characters.'}
          </p>
          <FieldError fieldId="message" message={errors.message} />
          <textarea
            class="textarea"
            id="message"
            name="message"
            rows="10"
            {...fieldAria('message', errors.message, 'message-hint')}
          >
            {'\n'}
            {escapeHtml(values.message)}
          </textarea>
        </div>
        <FileField
          label={candidate ? 'Your CV (optional)' : 'Job specification file (optional)'}
          errors={errors}
          previousFileName={props.previousFileName}
        />
        {candidate ? (
          <div class={groupClass(consentError)}>
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
    </Layout>,
  );
}

/** The confirmation: sent, or queued while delivery is retried (or, in the end, failed). */
export function renderSentPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  listing: { slug: string; name: string } | null;
  agencyName: string;
  status: EnquiryStatus;
}): string {
  const { agencyName, status } = props;
  const sent = status === 'sent';
  const failed = status === 'failed';
  const heading = sent
    ? `Your message has been sent to ${agencyName}`
    : failed
      ? `Your message to ${agencyName} could not be delivered`
      : `Your message to ${agencyName} is queued`;
  return toHtml(
    <Layout
      title={sent ? 'Message sent' : failed ? 'Message not delivered' : 'Message queued'}
      demo={props.demo}
      user={props.user}
      noindex
    >
      <div
        class={
          sent ? 'notice notice-success' : failed ? 'notice notice-warning' : 'notice notice-info'
        }
        role="status"
      >
        <h1 class="page-title">{escapeHtml(heading)}</h1>
      </div>
      <p class="lede">
        {sent
          ? 'The agency replies to you directly, by email or telephone.'
          : failed
            ? "We tried to deliver it several times over two days, but the agency's mail server did not accept it. You could telephone the agency instead."
            : "The agency's mail server could not be reached just now. Your message is stored safely and we keep trying to send it for up to two days: you do not need to send it again."}
      </p>
      <ul>
        {props.listing ? (
          <li>
            <a href={agencyPath(props.listing.slug)}>Back to {escapeHtml(props.listing.name)}</a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href="/">Search for more agencies</a>
        </li>
      </ul>
    </Layout>,
  );
}

/** The audience an office takes emails from (to explain a refused choice). */
export function takesEmailFrom(branch: Branch, audience: Audience): boolean {
  return branchEmail(branch, audience) !== null;
}
