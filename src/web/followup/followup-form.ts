/**
 * The follow-up page's form: its fields are named by the planner's own field paths
 * (`interview.startsAt`, `interviewers[2].email`), so a problem the planner reports lands beside
 * the control that caused it. Reads a posted form, turns it into the planner's raw input, and
 * carries it between requests as hidden fields (nothing is stored on the server).
 */
import type { Problem } from '../../domain/errors.js';

/** Interviewer fieldsets the page offers at most ("Add another interviewer" stops there). */
export const MAX_PAGE_INTERVIEWERS = 10;
/** Edited drafts read from one request at most (20 interviewers need fewer than 70). */
const MAX_DRAFTS = 100;
/** Characters kept of any one posted value: above every limit of the planner, so it still says "too long". */
const MAX_VALUE_LENGTH = 20_000;

/** The fields of one interviewer fieldset, after `interviewers[i].`. */
export const INTERVIEWER_FIELDS = [
  'name',
  'title',
  'email',
  'postalAddress',
  'onLinkedIn',
  'chair',
  'channel',
  'notes',
] as const;

/** Every field outside the interviewer fieldsets. */
export const FORM_FIELDS = [
  'interview.startsAt',
  'interview.endsAt',
  'interview.timeZone',
  'interview.format',
  'interview.round',
  'interview.nation',
  'employer.name',
  'employer.style',
  'employer.sector',
  'employer.hiringTeamEmail',
  'role',
  'candidate.name',
  'candidate.linkedin',
  'candidate.timeZone',
  'recruiter.consultant',
  'recruiter.email',
  'recruiter.phone',
  'recruiter.listing',
  'decisionExpectedOn',
  'decisionNotGiven',
  'notes.liked',
  'notes.fit',
  'notes.questions',
  'options.secondCheckIn',
  'contact',
] as const;

/** What a new, empty form starts with. */
export const FORM_DEFAULTS: Readonly<Record<string, string>> = {
  'interview.timeZone': 'Europe/London',
  'interview.format': 'in-person',
  'interview.round': 'first',
  'interview.nation': 'england',
  'candidate.timeZone': 'Europe/London',
  'employer.style': 'unknown',
};

/** The time zones offered (a posted zone not listed here is kept as an extra option). */
export const TIME_ZONES: readonly string[] = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/St_Johns',
  'America/Halifax',
  'America/Toronto',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'UTC',
];

/** A checkbox's value when ticked. */
export const CHECKED = 'yes';

export type FormAction =
  | { kind: 'plan' }
  | { kind: 'check' }
  | { kind: 'add-interviewer' }
  | { kind: 'remove-interviewer'; index: number };

/** A draft as the visitor edited it, for a step of the plan. */
export interface DraftEdit {
  stepId: string;
  subject?: string;
  body: string;
}

/** The posted form: every value as typed (by field name), how many fieldsets, the edited drafts. */
export interface FollowUpForm {
  values: Record<string, string>;
  interviewerCount: number;
  action: FormAction;
  drafts: DraftEdit[];
}

/** A problem placed on the form: `field` is a control's name, or null for the page. */
export interface FormError {
  field: string | null;
  message: string;
}

/** The name of field `key` of interviewer fieldset `index`. */
export function interviewerField(index: number, key: (typeof INTERVIEWER_FIELDS)[number]): string {
  return `interviewers[${index}].${key}`;
}

/** Where a problem with fieldset `index`'s "main contact" radio is shown. */
export function contactField(index: number): string {
  return `interviewers[${index}].contact`;
}

/** The id of the control named `name` (ids may not hold brackets or dots usefully). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

function single(value: unknown): string {
  if (Array.isArray(value)) return single(value[0]);
  // Browsers post line breaks as CRLF; the page and the planner use LF.
  return typeof value === 'string' ? value.slice(0, MAX_VALUE_LENGTH).replace(/\r\n?/g, '\n') : '';
}

function readAction(raw: unknown): FormAction {
  const value = single(raw);
  if (value === 'check') return { kind: 'check' };
  if (value === 'add-interviewer') return { kind: 'add-interviewer' };
  const remove = /^remove-interviewer-(\d{1,2})$/.exec(value);
  if (remove) return { kind: 'remove-interviewer', index: Number(remove[1]) };
  return { kind: 'plan' };
}

/** A new form with the defaults and one interviewer fieldset. */
export function createEmptyForm(): FollowUpForm {
  return {
    values: { ...FORM_DEFAULTS },
    interviewerCount: 1,
    action: { kind: 'plan' },
    drafts: [],
  };
}

/** Reads a posted form body; unknown fields are ignored and nothing here ever throws. */
export function readFollowUpForm(body: unknown): FollowUpForm {
  const raw: Record<string, unknown> =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const get = (name: string) =>
    Object.prototype.hasOwnProperty.call(raw, name) ? single(raw[name]) : '';
  const count = Number.parseInt(get('interviewerCount'), 10);
  const interviewerCount = Number.isInteger(count)
    ? Math.min(Math.max(count, 1), MAX_PAGE_INTERVIEWERS)
    : 1;
  const values: Record<string, string> = {};
  for (const name of FORM_FIELDS) {
    const value = get(name);
    if (value !== '') values[name] = value;
  }
  for (let index = 0; index < interviewerCount; index += 1) {
    for (const key of INTERVIEWER_FIELDS) {
      const value = get(interviewerField(index, key));
      if (value !== '') values[interviewerField(index, key)] = value;
    }
  }
  const drafts: DraftEdit[] = [];
  for (let index = 0; index < MAX_DRAFTS; index += 1) {
    const stepId = get(`drafts[${index}].stepId`);
    if (stepId === '') continue;
    const subject = get(`drafts[${index}].subject`);
    drafts.push({
      stepId,
      body: get(`drafts[${index}].body`),
      ...(Object.prototype.hasOwnProperty.call(raw, `drafts[${index}].subject`) ? { subject } : {}),
    });
  }
  return { values, interviewerCount, action: readAction(raw.action), drafts };
}

/** Whether interviewer fieldset `index` was left entirely empty (such fieldsets are skipped). */
function isBlankInterviewer(form: FollowUpForm, index: number): boolean {
  return (
    INTERVIEWER_FIELDS.every(
      (key) => (form.values[interviewerField(index, key)] ?? '').trim() === '',
    ) && form.values.contact !== String(index)
  );
}

/** The form with one more interviewer fieldset (up to MAX_PAGE_INTERVIEWERS). */
export function addInterviewer(form: FollowUpForm): FollowUpForm {
  return { ...form, interviewerCount: Math.min(form.interviewerCount + 1, MAX_PAGE_INTERVIEWERS) };
}

/** The form without interviewer fieldset `index`; later fieldsets move up, the contact with them. */
export function removeInterviewer(form: FollowUpForm, index: number): FollowUpForm {
  if (index < 0 || index >= form.interviewerCount) return form;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form.values)) {
    const match = /^interviewers\[(\d+)\]\.(.+)$/.exec(name);
    if (!match) {
      values[name] = value;
      continue;
    }
    const at = Number(match[1]);
    if (at === index) continue;
    values[`interviewers[${at > index ? at - 1 : at}].${match[2]}`] = value;
  }
  const contact = form.values.contact;
  if (contact !== undefined && /^\d+$/.test(contact)) {
    const at = Number(contact);
    if (at === index) delete values.contact;
    else values.contact = String(at > index ? at - 1 : at);
  }
  return { ...form, values, interviewerCount: Math.max(form.interviewerCount - 1, 1) };
}

/** What the form gives the planner, the problems only the page can see, and where each row went. */
export interface FormInput {
  raw: Record<string, unknown>;
  problems: FormError[];
  /** For each interviewer of `raw`, the index of the fieldset it came from. */
  rows: number[];
}

/** Turns the form into the planner's raw input; empty fields are left out so the planner names them. */
export function toRawInput(form: FollowUpForm): FormInput {
  const value = (name: string): string | undefined => {
    const text = form.values[name];
    return text === undefined || text.trim() === '' ? undefined : text;
  };
  const problems: FormError[] = [];

  const rows: number[] = [];
  const interviewers: Record<string, unknown>[] = [];
  for (let index = 0; index < form.interviewerCount; index += 1) {
    if (isBlankInterviewer(form, index)) continue;
    const field = (key: (typeof INTERVIEWER_FIELDS)[number]) => value(interviewerField(index, key));
    rows.push(index);
    interviewers.push({
      name: field('name') ?? '',
      title: field('title'),
      email: field('email'),
      postalAddress: field('postalAddress'),
      onLinkedIn: field('onLinkedIn') === CHECKED,
      chair: field('chair') === CHECKED,
      contact: form.values.contact === String(index),
      channel: field('channel'),
      notes: field('notes'),
    });
  }

  const notGiven = value('decisionNotGiven') === CHECKED;
  const decisionOn = value('decisionExpectedOn');
  let decisionExpectedOn: string | null = null;
  if (notGiven && decisionOn !== undefined) {
    problems.push({
      field: 'decisionExpectedOn',
      message: 'Enter the date they gave, or tick “They did not give a date”, not both.',
    });
  } else if (!notGiven && decisionOn === undefined) {
    problems.push({
      field: 'decisionExpectedOn',
      message: 'Enter the date they expect to decide, or tick “They did not give a date”.',
    });
  } else if (decisionOn !== undefined) {
    decisionExpectedOn = decisionOn.trim();
  }

  const questions = (value('notes.questions') ?? '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const raw: Record<string, unknown> = {
    interview: {
      startsAt: value('interview.startsAt'),
      endsAt: value('interview.endsAt'),
      timeZone: value('interview.timeZone'),
      format: value('interview.format'),
      nation: value('interview.nation'),
      round: value('interview.round'),
    },
    employer: {
      name: value('employer.name'),
      style: value('employer.style'),
      sector: value('employer.sector'),
      hiringTeamEmail: value('employer.hiringTeamEmail'),
    },
    role: value('role'),
    candidate: {
      name: value('candidate.name'),
      linkedin: value('candidate.linkedin'),
      timeZone: value('candidate.timeZone'),
    },
    interviewers,
    decisionExpectedOn,
    notes: { liked: value('notes.liked'), fit: value('notes.fit'), questions },
    options: { secondCheckIn: value('options.secondCheckIn') === CHECKED },
  };
  // Through an agency: only when any of its fields is filled in.
  const recruiter = {
    consultant: value('recruiter.consultant'),
    email: value('recruiter.email'),
    phone: value('recruiter.phone'),
    listing: value('recruiter.listing'),
  };
  if (Object.values(recruiter).some((part) => part !== undefined && part.trim() !== '')) {
    raw.recruiter = recruiter;
  }
  return { raw, problems, rows };
}

/** The control a planner problem belongs to (null: the page as a whole). */
export function toFormField(field: string | null, rows: readonly number[]): string | null {
  if (field === null) return null;
  const interviewer = /^interviewers\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (interviewer) {
    const row = rows[Number(interviewer[1])];
    if (row === undefined) return null;
    const key = interviewer[2];
    if (key === 'contact') return contactField(row);
    const known = INTERVIEWER_FIELDS.find((candidate) => candidate === key);
    return interviewerField(row, known ?? 'name');
  }
  if (field === 'interviewers') return interviewerField(0, 'name');
  if (field.startsWith('notes.questions')) return 'notes.questions';
  if ((FORM_FIELDS as readonly string[]).includes(field)) return field;
  return null;
}

/** The controls in page order, for listing problems in the order they appear. */
const PAGE_ORDER: readonly string[] = [
  'interview.startsAt',
  'interview.endsAt',
  'interview.timeZone',
  'interview.format',
  'interview.round',
  'interview.nation',
  'employer.name',
  'role',
  'employer.sector',
  'employer.style',
  'employer.hiringTeamEmail',
  'candidate.name',
  'candidate.linkedin',
  'candidate.timeZone',
  'recruiter.consultant',
  'recruiter.email',
  'recruiter.phone',
  'recruiter.listing',
  'interviewers',
  'decisionExpectedOn',
  'decisionNotGiven',
  'options.secondCheckIn',
  'notes.liked',
  'notes.fit',
  'notes.questions',
];
const INTERVIEWER_ORDER: readonly string[] = [
  'name',
  'title',
  'email',
  'postalAddress',
  'onLinkedIn',
  'chair',
  'contact',
  'channel',
  'notes',
];

function rankField(field: string | null): number {
  if (field === null) return -1;
  const interviewer = /^interviewers\[(\d+)\]\.(\w+)$/.exec(field);
  if (interviewer) {
    const within = INTERVIEWER_ORDER.indexOf(interviewer[2] ?? '') + 1;
    return PAGE_ORDER.indexOf('interviewers') + (Number(interviewer[1]) * 10 + within) / 1000;
  }
  const at = PAGE_ORDER.indexOf(field);
  return at < 0 ? PAGE_ORDER.length : at;
}

/** Problems in the order their controls appear on the page (the summary reads top to bottom). */
export function sortFormErrors(errors: readonly FormError[]): FormError[] {
  return errors
    .map((error, index) => ({ error, index, rank: rankField(error.field) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ error }) => error);
}

/**
 * What the page says when a choice is missing or unknown: the planner's message lists the API's
 * values ("none, free, premium"), which are not what the page's radios and lists show.
 */
const CHOICE_MESSAGES: Readonly<Record<string, string>> = {
  'candidate.linkedin': 'Choose your LinkedIn account, or “I am not on LinkedIn”.',
  'interview.format': 'Choose how the interview was held.',
  'interview.round': 'Choose which interview this was.',
  'interview.nation': 'Choose where you are posting from.',
  'employer.style': 'Choose what kind of employer it is.',
};

/**
 * Planner problems placed on the form's controls; those of an interviewer say which one
 * ("Interviewer 2: ..."), as the summary lists them all together.
 */
export function toFormErrors(problems: readonly Problem[], rows: readonly number[]): FormError[] {
  return problems.map((problem) => {
    const field = toFormField(problem.field, rows);
    const row = field === null ? null : /^interviewers\[(\d+)\]/.exec(field);
    const choice =
      field !== null && (problem.code === 'required' || problem.code === 'not-in-list')
        ? CHOICE_MESSAGES[field]
        : undefined;
    const message = choice ?? problem.message;
    return {
      field,
      message: row ? `Interviewer ${Number(row[1]) + 1}: ${message}` : message,
    };
  });
}

/**
 * The form's values as hidden fields ([name, value] pairs), so that a second form on the page
 * (the drafts, the downloads) posts the same input again.
 */
export function listCarriedFields(form: FollowUpForm): [string, string][] {
  return [
    ['interviewerCount', String(form.interviewerCount)],
    ...Object.entries(form.values).filter(([, value]) => value !== ''),
  ];
}
