/**
 * The follow-up form's fields, section by section: their names (the planner's field paths),
 * labels, hints and choices. details-form.tsx lays them out.
 */
import type { Choice } from '../components/form-fields.js';
import type { INTERVIEWER_FIELDS } from './followup-form.js';

interface SpecBase {
  name: string;
  label: string;
  hint?: string;
}

export type FieldSpec =
  | (SpecBase & {
      kind: 'text';
      type?: 'email' | 'date' | 'datetime-local';
      autocomplete?: string;
      list?: string;
    })
  | (SpecBase & { kind: 'textarea'; rows: number })
  | (SpecBase & { kind: 'select' | 'radios'; choices: readonly Choice[] })
  | (SpecBase & { kind: 'checkbox' });

/** A field of an interviewer fieldset: its name is the key after `interviewers[i].`. */
export type InterviewerSpec = FieldSpec & { name: (typeof INTERVIEWER_FIELDS)[number] };

/** The time zones offered (a posted zone not listed here is kept as an extra option). */
const TIME_ZONES: readonly string[] = [
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

const ZONES: readonly Choice[] = TIME_ZONES.map((zone) => ({
  value: zone,
  label: zone.replace(/_/g, ' '),
}));

export const INTERVIEW_SPECS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'interview.startsAt',
    label: 'Start',
    hint: 'The date and local time where the interview takes place.',
    type: 'datetime-local',
  },
  { kind: 'text', name: 'interview.endsAt', label: 'End', type: 'datetime-local' },
  {
    kind: 'select',
    name: 'interview.timeZone',
    label: 'Time zone of the interview',
    choices: ZONES,
  },
  {
    kind: 'radios',
    name: 'interview.format',
    label: 'How was it held?',
    choices: [
      { value: 'in-person', label: 'In person' },
      { value: 'video', label: 'Video call' },
      { value: 'phone', label: 'Phone call' },
    ],
  },
  {
    kind: 'radios',
    name: 'interview.round',
    label: 'Which interview was it?',
    hint: 'Only the wording changes: after a second or final interview you thank them for seeing you again.',
    choices: [
      { value: 'first', label: 'First interview' },
      { value: 'second', label: 'Second interview' },
      { value: 'final', label: 'Final interview' },
    ],
  },
  {
    kind: 'select',
    name: 'interview.nation',
    label: 'Where are you posting from?',
    hint: 'Bank holidays and post collections differ between the four nations.',
    choices: [
      { value: 'england', label: 'England' },
      { value: 'wales', label: 'Wales' },
      { value: 'scotland', label: 'Scotland' },
      { value: 'northern-ireland', label: 'Northern Ireland' },
      { value: '', label: 'Not given (the bank holidays all four nations share)' },
    ],
  },
];

/** The id of the sectors' datalist, which follows these fields. */
export const SECTORS_LIST = 'follow-up-sectors';

export const EMPLOYER_SPECS: readonly FieldSpec[] = [
  { kind: 'text', name: 'employer.name', label: 'Employer', autocomplete: 'organization' },
  { kind: 'text', name: 'role', label: 'Role you were interviewed for' },
  {
    kind: 'text',
    name: 'employer.sector',
    label: 'Sector (optional)',
    hint: 'Choose from the list or type your own, for example Legal or IT.',
    list: SECTORS_LIST,
  },
  {
    kind: 'text',
    name: 'employer.hiringTeamEmail',
    label: 'Hiring team’s email address (optional)',
    hint: 'A shared address such as recruitment@…: used to thank a panel when nobody else has an address.',
    type: 'email',
  },
];

/** After the sectors' datalist. */
export const EMPLOYER_STYLE_SPECS: readonly FieldSpec[] = [
  {
    kind: 'radios',
    name: 'employer.style',
    label: 'What kind of employer is it?',
    hint: 'It decides between an email and a hand-written note.',
    choices: [
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
    ],
  },
];

export const CANDIDATE_SPECS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'candidate.name',
    label: 'Your name',
    hint: 'Used to sign your messages.',
    autocomplete: 'name',
  },
  {
    kind: 'radios',
    name: 'candidate.linkedin',
    label: 'Your LinkedIn account',
    choices: [
      { value: 'none', label: 'I am not on LinkedIn' },
      { value: 'free', label: 'A free LinkedIn account' },
      { value: 'premium', label: 'A paid (Premium) LinkedIn account' },
    ],
  },
  {
    kind: 'select',
    name: 'candidate.timeZone',
    label: 'Your time zone',
    hint: 'Outside the UK, the thank-yous go by email, at times when you are awake and they are at work.',
    choices: ZONES,
  },
];

export const RECRUITER_SPECS: readonly FieldSpec[] = [
  { kind: 'text', name: 'recruiter.consultant', label: 'Consultant’s name' },
  {
    kind: 'text',
    name: 'recruiter.email',
    label: 'Consultant’s email address',
    type: 'email',
  },
  {
    kind: 'text',
    name: 'recruiter.phone',
    label: 'Consultant’s phone number (optional)',
    hint: 'Phoning your own consultant is expected; it is the employer you do not ring.',
  },
  {
    kind: 'text',
    name: 'recruiter.listing',
    label: 'Agency (optional)',
    hint: 'Its name as listed on Shortlist, if it is there.',
  },
];

/** The fields of an interviewer fieldset before its "Main contact" radio. */
export const INTERVIEWER_SPECS: readonly InterviewerSpec[] = [
  { kind: 'text', name: 'name', label: 'Name', autocomplete: 'off' },
  { kind: 'text', name: 'title', label: 'Job title (optional)', autocomplete: 'off' },
  {
    kind: 'text',
    name: 'email',
    label: 'Email address (optional)',
    hint: 'The interview invitation often has it.',
    type: 'email',
    autocomplete: 'off',
  },
  {
    kind: 'textarea',
    name: 'postalAddress',
    label: 'Postal address (optional)',
    hint: 'Needed for a hand-written note. One line per line of the address.',
    rows: 4,
  },
  { kind: 'checkbox', name: 'onLinkedIn', label: 'They are on LinkedIn' },
  {
    kind: 'checkbox',
    name: 'chair',
    label: 'They chaired the panel',
    hint: 'When the others have no address, one email to the chair thanks the whole panel and asks for the thanks to be passed on.',
  },
];

export const CONTACT_HINT =
  'The person you will check in with about the decision. When nobody is chosen, it is the first interviewer.';

/** The fields of an interviewer fieldset after its "Main contact" radio. */
export const INTERVIEWER_AFTER_CONTACT_SPECS: readonly InterviewerSpec[] = [
  {
    kind: 'select',
    name: 'channel',
    label: 'How they would like to hear from you (optional)',
    choices: [
      { value: '', label: 'No preference: let the plan choose' },
      { value: 'email', label: 'Email' },
      { value: 'handwritten', label: 'A hand-written note' },
      { value: 'linkedin', label: 'LinkedIn' },
    ],
  },
  {
    kind: 'textarea',
    name: 'notes',
    label: 'What you talked about with them (optional)',
    hint: 'Makes their note personal. Write a phrase (“the new Leeds office”) or what they did (“asked about my dissertation”); “her” and “his” become “your”.',
    rows: 3,
  },
];

export const DECISION_SPECS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'decisionExpectedOn',
    label: 'When did they say they would decide?',
    type: 'date',
  },
  { kind: 'checkbox', name: 'decisionNotGiven', label: 'They did not give a date' },
  {
    kind: 'checkbox',
    name: 'options.secondCheckIn',
    label: 'Plan a second, last check-in if the first gets no answer',
  },
];

export const NOTES_SPECS: readonly FieldSpec[] = [
  {
    kind: 'textarea',
    name: 'notes.liked',
    label: 'What you liked about the employer or the role',
    hint: 'A phrase reads best: “the mentoring scheme for trainees”. Pay and benefits are left out of the drafts. Optional until the interview has ended: the drafts mark where it will go.',
    rows: 3,
  },
  {
    kind: 'textarea',
    name: 'notes.fit',
    label: 'Why you would fit the role',
    hint: 'For example “five years running payroll for 400 staff” or “I led a team of five”. Optional until the interview has ended.',
    rows: 3,
  },
  {
    kind: 'textarea',
    name: 'notes.questions',
    label: 'Questions that have come up since (optional)',
    hint: 'One per line, at most 10, as you would ask them: “How are seats allocated?” Each goes to one interviewer.',
    rows: 3,
  },
];
