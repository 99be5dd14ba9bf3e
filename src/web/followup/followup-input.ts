/**
 * The follow-up form as the planner's input, and the planner's problems placed back on the form's
 * controls, in the order they appear on the page.
 */
import type { Problem } from '../../domain/errors.js';
import {
  CHECKED,
  FORM_FIELDS,
  INTERVIEWER_FIELDS,
  contactField,
  interviewerField,
  type FollowUpForm,
  type FormError,
} from './followup-form.js';

/** Whether interviewer fieldset `index` was left entirely empty (such fieldsets are skipped). */
function isBlankInterviewer(form: FollowUpForm, index: number): boolean {
  return (
    INTERVIEWER_FIELDS.every(
      (key) => (form.values[interviewerField(index, key)] ?? '').trim() === '',
    ) && form.values.contact !== String(index)
  );
}

/** What the form gives the planner, the problems only the page can see, and where each row went. */
interface FormInput {
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
function toFormField(field: string | null, rows: readonly number[]): string | null {
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
