/**
 * The follow-up page's form: its fields are named by the planner's own field paths
 * (`interview.startsAt`, `interviewers[2].email`), so a problem the planner reports lands beside
 * the control that caused it. Reads a posted form, adds or removes an interviewer fieldset, and
 * carries the form between requests as hidden fields (nothing is stored on the server);
 * followup-input.ts turns it into the planner's raw input.
 */

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
const FORM_DEFAULTS: Readonly<Record<string, string>> = {
  'interview.timeZone': 'Europe/London',
  'interview.format': 'in-person',
  'interview.round': 'first',
  'interview.nation': 'england',
  'candidate.timeZone': 'Europe/London',
  'employer.style': 'unknown',
};

/** A checkbox's value when ticked. */
export const CHECKED = 'yes';

type FormAction =
  | { kind: 'plan' }
  | { kind: 'check' }
  | { kind: 'add-interviewer' }
  | { kind: 'remove-interviewer'; index: number };

/** A draft as the visitor edited it, for a step of the plan. */
interface DraftEdit {
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
