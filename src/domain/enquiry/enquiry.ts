/**
 * Enquiries to agencies (Email Agency) and reveals of their contact details (Phone Number, Visit
 * Website): the vocabulary, the limits and the validation of what people type. Every problem is
 * collected and thrown at once, each naming its field.
 */
import type { Branch, Listing } from '../directory/directory.js';
import { EMPLOYMENT_TYPES, isEmploymentType, type EmploymentType } from '../directory/taxonomy.js';
import { DomainError, ProblemList } from '../errors.js';
import { isEmailAddress } from '../validation/email.js';
import { FieldReader, type TextStyle } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import { lengthOf, normaliseLine, normaliseMessage } from '../validation/text.js';
import { detectDocumentType, type DocumentType } from './document-type.js';

export type RevealKind = 'phone' | 'website';
export const REVEAL_KINDS: readonly RevealKind[] = ['phone', 'website'];

/** Who is writing: a job seeker (to the branch's candidate email) or an employer. */
export type Audience = 'candidate' | 'employer';
export const AUDIENCES: readonly { value: Audience; label: string }[] = [
  { value: 'candidate', label: 'I am looking for a job' },
  { value: 'employer', label: 'I am looking to hire staff' },
];

/**
 * Delivery status: `pending` until the first attempt, `sent` once the mail server took it,
 * `retrying` after a failed attempt with another one due, `failed` when the attempts ran out.
 */
export type EnquiryStatus = 'pending' | 'sent' | 'retrying' | 'failed';

/** The enquiry's limits and the address's (the pages' maxlength attributes read these). */
export const ENQUIRY_LIMITS = Object.freeze({ ...LIMITS.enquiry, emailLength: LIMITS.email });

const PHONE = /^\+?[0-9][0-9 ()-]{5,28}[0-9]$/;

/** A form's wording: every field names its own message when missing; non-text reads as empty. */
const FORM_STYLE: TextStyle = {
  clean: (raw) => normaliseLine(raw),
  length: lengthOf,
  required: (label) => `${label} is required`,
  notText: (label) => `${label} must be text`,
  tooLong: (label, max) => `${label} must be ${max} characters or fewer`,
  nonTextIsEmpty: true,
};

/** A company name given with a reveal: trimmed, at most 200 characters, empty -> null. */
export function normaliseRevealCompanyName(value: string | null | undefined): string | null {
  const cleaned = normaliseLine(value ?? '');
  if (cleaned === '') return null;
  if (lengthOf(cleaned) > ENQUIRY_LIMITS.companyLength) {
    throw DomainError.single(
      'too-long',
      `Company name must be ${ENQUIRY_LIMITS.companyLength} characters or fewer`,
      'companyName',
    );
  }
  return cleaned;
}

export function isAudience(value: unknown): value is Audience {
  return value === 'candidate' || value === 'employer';
}

/** The address of a branch that takes emails from this audience, or null. */
export function branchEmail(branch: Branch, audience: Audience): string | null {
  return audience === 'candidate' ? branch.candidateEmail : branch.employerEmail;
}

/** Branches that take emails from this audience, in the listing's order. */
export function listEmailableBranches(listing: Listing, audience: Audience): Branch[] {
  return listing.branches.filter((b) => branchEmail(b, audience) !== null);
}

/** What the form or the API sent, before validation (strings as typed, or absent). */
export interface RawEnquiry {
  audience?: unknown;
  branchId?: unknown;
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  company?: unknown;
  jobTitle?: unknown;
  employmentType?: unknown;
  message?: unknown;
  consent?: unknown;
}

/** A file as uploaded; `truncated` when it was cut off at the size limit. */
export interface RawFile {
  fileName: string;
  content: Uint8Array;
  truncated: boolean;
}

interface ValidFile {
  /** A safe name to attach it under, with the extension of its real type. */
  fileName: string;
  type: DocumentType;
  content: Uint8Array;
}

export interface ValidEnquiry {
  audience: Audience;
  branch: Branch;
  /** The branch's address for this audience. */
  recipient: string;
  name: string;
  email: string;
  phone: string | null;
  /** Employers only. */
  company: string | null;
  jobTitle: string | null;
  employmentType: EmploymentType | null;
  message: string;
  file: ValidFile | null;
  /** True when the candidate ticked the box to share the CV with this agency. */
  consent: boolean;
}

const ACCEPTED_FILES = 'a PDF, Word (DOC or DOCX) or OpenDocument text (ODT) document';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isTicked(value: unknown): boolean {
  return (
    value === true || (typeof value === 'string' && ['on', 'yes', 'true', '1'].includes(value))
  );
}

/** A name to attach a file under: the uploaded name without its path or odd characters. */
export function safeAttachmentName(uploaded: string, type: DocumentType): string {
  const base = normaliseLine(uploaded.split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const short = [...base].slice(0, ENQUIRY_LIMITS.fileNameLength - 6).join('');
  return `${short === '' ? 'attachment' : short}.${type.extension}`;
}

/** Checks an uploaded file: its content must be an accepted document of at most 5 MB. */
function checkFile(file: RawFile, problems: ProblemList): ValidFile | null {
  if (file.truncated || file.content.byteLength > ENQUIRY_LIMITS.fileBytes) {
    problems.add('file', 'too-large', 'The file must be 5 MB or smaller');
    return null;
  }
  if (file.content.byteLength === 0) {
    problems.add('file', 'invalid', 'The file is empty: choose the document again');
    return null;
  }
  const type = detectDocumentType(file.content);
  if (!type) {
    problems.add(
      'file',
      'unsupported-file',
      `The file must be ${ACCEPTED_FILES}; this file is none of those, whatever its name`,
    );
    return null;
  }
  return { fileName: safeAttachmentName(file.fileName, type), type, content: file.content };
}

interface LineRule {
  field: keyof RawEnquiry;
  label: string;
  max: number;
  /** The message when it is left empty; null for an optional field. */
  missing: string | null;
}

function readLine(raw: RawEnquiry, rule: LineRule, problems: ProblemList): string | null {
  const reader = new FieldReader(problems, { ...raw }, '', FORM_STYLE);
  const { field, label, max, missing } = rule;
  return reader.text(field, { required: missing ?? false, max, label }) ?? null;
}

/** Picks the branch: the one named, or the only one that takes this audience's emails. */
function chooseBranch(
  listing: Listing,
  audience: Audience | null,
  branchId: unknown,
  problems: ProblemList,
): Branch | null {
  const id = typeof branchId === 'string' ? branchId.trim() : '';
  if (!audience) return null;
  const open = listEmailableBranches(listing, audience);
  const who = audience === 'candidate' ? 'job seekers' : 'employers';
  if (open.length === 0) {
    problems.add('audience', 'no-email', `${listing.name} does not take emails from ${who}`);
    return null;
  }
  if (id === '') {
    if (open.length === 1) return open[0] ?? null;
    problems.add('branchId', 'required', 'Choose the office you want to contact');
    return null;
  }
  const branch = listing.branches.find((b) => b.id === id);
  if (!branch) {
    problems.add('branchId', 'not-in-list', 'Choose one of the offices listed');
    return null;
  }
  if (!branchEmail(branch, audience)) {
    problems.add(
      'branchId',
      'no-email',
      `${branch.name} (${branch.postcode}) does not take emails from ${who}: choose another office`,
    );
    return null;
  }
  return branch;
}

/**
 * Validates an enquiry to a listing; returns it cleaned (single-line fields without line breaks,
 * the file's type known from its content) or throws a DomainError naming every bad field.
 */
export function validateEnquiry(
  listing: Listing,
  raw: RawEnquiry,
  rawFile: RawFile | null,
): ValidEnquiry {
  const problems = new ProblemList();
  const audience = isAudience(raw.audience) ? raw.audience : null;
  if (!audience) {
    problems.add(
      'audience',
      raw.audience === undefined || raw.audience === '' ? 'required' : 'not-in-list',
      'Choose whether you are looking for a job or looking to hire staff',
    );
  }
  const branch = chooseBranch(listing, audience, raw.branchId, problems);
  const employer = audience === 'employer';
  const name = readLine(
    raw,
    {
      field: 'name',
      label: employer ? 'Contact name' : 'Your name',
      max: ENQUIRY_LIMITS.nameLength,
      missing: employer ? 'Enter the name of the person to contact' : 'Enter your name',
    },
    problems,
  );
  const email = readLine(
    raw,
    {
      field: 'email',
      label: 'Email address',
      max: LIMITS.email,
      missing: 'Enter your email address',
    },
    problems,
  );
  // A line break in the raw address would be removed by normaliseLine; refuse it instead.
  if (email !== null && (!isEmailAddress(email) || /\s/.test(text(raw.email).trim()))) {
    problems.add(
      'email',
      'invalid',
      'Enter an email address in the correct format, like name@example.com',
    );
  }
  const phone = readLine(
    raw,
    {
      field: 'phone',
      label: 'Telephone number',
      max: ENQUIRY_LIMITS.phoneLength,
      missing: employer ? 'Enter a telephone number' : null,
    },
    problems,
  );
  if (phone !== null && !PHONE.test(phone)) {
    problems.add(
      'phone',
      'invalid',
      'Enter a telephone number using digits, like 01632 960 001 or +44 7700 900 982',
    );
  }
  let company: string | null = null;
  let jobTitle: string | null = null;
  let employmentType: EmploymentType | null = null;
  if (employer) {
    company = readLine(
      raw,
      {
        field: 'company',
        label: 'Company name',
        max: ENQUIRY_LIMITS.companyLength,
        missing: 'Enter your company name',
      },
      problems,
    );
    jobTitle = readLine(
      raw,
      {
        field: 'jobTitle',
        label: 'Job title',
        max: ENQUIRY_LIMITS.jobTitleLength,
        missing: 'Enter the job title',
      },
      problems,
    );
    const type = text(raw.employmentType).trim();
    if (isEmploymentType(type)) employmentType = type;
    else
      problems.add(
        'employmentType',
        type === '' ? 'required' : 'not-in-list',
        `Choose the employment type: ${EMPLOYMENT_TYPES.map((t) => t.label).join(', ')}`,
      );
  }
  const message = normaliseMessage(text(raw.message));
  if (message === '') {
    problems.add(
      'message',
      'required',
      employer ? 'Enter a message describing the job' : 'Enter your message',
    );
  } else if (lengthOf(message) > ENQUIRY_LIMITS.messageLength) {
    problems.add(
      'message',
      'too-long',
      `Message must be ${ENQUIRY_LIMITS.messageLength.toLocaleString('en-GB')} characters or fewer (it has ${lengthOf(message).toLocaleString('en-GB')})`,
    );
  }
  const file = rawFile ? checkFile(rawFile, problems) : null;
  const consent = !employer && isTicked(raw.consent);
  if (!employer && rawFile && !consent) {
    problems.add(
      'consent',
      'required',
      `Tick the box to agree to share your CV with ${listing.name} only, or send your message without a CV`,
    );
  }
  problems.throwIfAny();
  // Every value below was checked above: no problem means each one is present.
  if (!audience || !branch || name === null || email === null) {
    throw DomainError.single('invalid', 'The enquiry is not valid');
  }
  return {
    audience,
    branch,
    recipient: branchEmail(branch, audience) ?? '',
    name,
    email,
    phone,
    company,
    jobTitle,
    employmentType,
    message,
    file,
    consent: consent && file !== null,
  };
}
