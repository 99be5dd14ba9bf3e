/**
 * The planner input's objects, one reader each: the interview, the employer, the candidate, the
 * notes, the options and the recruiter. Problems go to the reader's list; what could be read is
 * returned, undefined where a problem was recorded.
 */
import type { Temporal } from 'temporal-polyfill';
import type { ProblemList } from '../errors.js';
import { FieldReader } from '../validation/field-reader.js';
import { isEmailAddress } from '../validation/email.js';
import { LIMITS } from '../validation/limits.js';
import { checkInputKeys, INPUT_CHOICES, INPUT_KEYS } from './input-keys.js';
import { readLocalDateTime, readTimeZone } from './input-time.js';
import type { FollowUpSettings } from './settings.js';
import type {
  EmployerStyle,
  InterviewFormat,
  InterviewRound,
  LinkedInAccount,
  Nation,
  Recruiter,
} from './types.js';

const LIMIT = LIMITS.followUp;
type Section = keyof typeof INPUT_KEYS;

/** The reader of an object of the input, refusing keys it does not know. */
function readSection(
  parent: FieldReader,
  key: Section,
  label: string,
  required: boolean,
): FieldReader | undefined {
  const reader = parent.child(key, label, required);
  if (reader) checkInputKeys(parent.problems, reader.object, reader.path, INPUT_KEYS[key]);
  return reader;
}

/** An email address field: the address, or undefined (absent, or a problem recorded). */
export function readEmailField(
  reader: FieldReader,
  key: string,
  label: string,
  required: boolean,
): string | undefined {
  return checkEmailForm(reader, key, reader.text(key, { required, max: LIMITS.email, label }));
}

function checkEmailForm(reader: FieldReader, key: string, email: string | undefined) {
  if (email === undefined || isEmailAddress(email)) return email;
  reader.problems.add(reader.field(key), 'invalid', `"${email}" is not an email address.`);
  return undefined;
}

/** A person's or the employer's name, always required. */
export function readName(reader: FieldReader, key: string, label: string): string | undefined {
  return reader.text(key, { required: true, max: LIMIT.nameLength, label });
}

/** Free notes over several lines; optional while reading (requireNotes asks for some later). */
export function readNote(reader: FieldReader, key: string, label: string): string | undefined {
  return reader.text(key, { required: false, max: LIMIT.notesLength, multiline: true, label });
}

interface InterviewPart {
  reader: FieldReader | undefined;
  timeZone?: string;
  startsAt?: Temporal.ZonedDateTime;
  endsAt?: Temporal.ZonedDateTime;
  format?: InterviewFormat;
  nation?: Nation;
  round: InterviewRound;
}

export function readInterview(root: FieldReader): InterviewPart {
  const interview = readSection(root, 'interview', 'The interview', true);
  if (!interview) return { reader: undefined, round: 'first' };
  const timeZone = readTimeZone(interview, 'timeZone', 'The interview’s time zone', true);
  const startsAt = readLocalDateTime(interview, 'startsAt', 'The start', timeZone);
  const endsAt = readLocalDateTime(interview, 'endsAt', 'The end', timeZone);
  const format = interview.choice('format', INPUT_CHOICES.format, {
    required: true,
    label: 'The format',
  });
  const nation = interview.choice('nation', INPUT_CHOICES.nation, {
    required: false,
    label: 'The nation',
  });
  const round =
    interview.choice('round', INPUT_CHOICES.round, { required: false, label: 'The round' }) ??
    'first';
  if (startsAt && endsAt) {
    const length = startsAt.until(endsAt, { largestUnit: 'hours' }).total('hours');
    if (length <= 0) {
      root.problems.add(
        'interview.endsAt',
        'out-of-range',
        'The interview must end after it starts.',
      );
    } else if (length > LIMIT.maxInterviewHours) {
      root.problems.add(
        'interview.endsAt',
        'out-of-range',
        `The interview lasts ${Math.round(length)} hours; check the end time (at most ${LIMIT.maxInterviewHours}).`,
      );
    }
  }
  return { reader: interview, timeZone, startsAt, endsAt, format, nation, round };
}

export function readEmployer(root: FieldReader): {
  name?: string;
  style?: EmployerStyle;
  sector?: string;
  hiringTeamEmail?: string;
} {
  const employer = readSection(root, 'employer', 'The employer', true);
  if (!employer) return {};
  const name = readName(employer, 'name', 'The employer’s name');
  const style = employer.choice('style', INPUT_CHOICES.style, {
    required: true,
    label: 'The employer’s style',
  });
  const sector = employer.text('sector', {
    required: false,
    max: LIMIT.sectorLength,
    label: 'The sector',
  });
  const hiringTeamEmail = readEmailField(
    employer,
    'hiringTeamEmail',
    'The hiring team’s email address',
    false,
  );
  return { name, style, sector, hiringTeamEmail };
}

export function readCandidate(root: FieldReader): {
  name?: string;
  linkedin?: LinkedInAccount;
  timeZone?: string;
} {
  const candidate = readSection(root, 'candidate', 'The candidate', true);
  if (!candidate) return { timeZone: 'Europe/London' };
  const name = readName(candidate, 'name', 'Your name');
  const linkedin = candidate.choice('linkedin', INPUT_CHOICES.linkedin, {
    required: true,
    label: 'Your LinkedIn account',
  });
  const timeZone = candidate.has('timeZone')
    ? readTimeZone(candidate, 'timeZone', 'Your time zone', false)
    : 'Europe/London';
  return { name, linkedin, timeZone };
}

interface NotesPart {
  given: boolean;
  liked?: string;
  fit?: string;
  questions: string[];
}

function readQuestions(problems: ProblemList, raw: unknown): string[] {
  const questions: string[] = [];
  if (raw === undefined || raw === null) return questions;
  if (!Array.isArray(raw)) {
    problems.add('notes.questions', 'invalid', 'The questions must be a list of text.');
    return questions;
  }
  if (raw.length > LIMIT.questions) {
    problems.add('notes.questions', 'too-many', `At most ${LIMIT.questions} questions.`);
  }
  const kept = raw.slice(0, LIMIT.questions);
  const list = FieldReader.overList(problems, kept, 'notes.questions');
  kept.forEach((_, index) => {
    const question = list.text(String(index), {
      required: true,
      max: LIMIT.questionLength,
      label: 'A question',
    });
    if (question !== undefined) questions.push(question);
  });
  return questions;
}

/** The notes; optional here, required once the interview has ended (see requireNotes). */
export function readNotes(root: FieldReader): NotesPart {
  const notes = readSection(root, 'notes', 'The notes', false);
  if (!notes) return { given: false, questions: [] };
  const liked = readNote(notes, 'liked', 'What you liked');
  const fit = readNote(notes, 'fit', 'Why you would fit');
  return {
    given: true,
    liked,
    fit,
    questions: readQuestions(root.problems, notes.value('questions')),
  };
}

/** Once the interview has ended the notes are needed: what was liked and why you would fit. */
export function requireNotes(root: FieldReader, notes: NotesPart): void {
  const { problems } = root;
  if (!notes.given) {
    if (!root.has('notes')) {
      problems.add('notes', 'required', 'The notes are required once the interview has ended.');
    }
    return;
  }
  if (notes.liked === undefined && !problems.items.some((p) => p.field === 'notes.liked')) {
    problems.add('notes.liked', 'required', 'What you liked is required.');
  }
  if (notes.fit === undefined && !problems.items.some((p) => p.field === 'notes.fit')) {
    problems.add('notes.fit', 'required', 'Why you would fit is required.');
  }
}

export function readOptions(
  root: FieldReader,
  settings: FollowUpSettings,
): { minGapHours: number; secondCheckIn: boolean } {
  const options = readSection(root, 'options', 'The options', false);
  let minGapHours = settings.minGapHours;
  if (!options) return { minGapHours, secondCheckIn: false };
  const rawGap = options.value('minGapHours');
  if (rawGap !== undefined && rawGap !== null) {
    if (typeof rawGap !== 'number' || !Number.isFinite(rawGap)) {
      root.problems.add('options.minGapHours', 'invalid', 'minGapHours must be a number of hours.');
    } else if (rawGap < 0 || rawGap > LIMIT.maxMinGapHours) {
      root.problems.add(
        'options.minGapHours',
        'out-of-range',
        `minGapHours must be between 0 and ${LIMIT.maxMinGapHours}.`,
      );
    } else {
      minGapHours = rawGap;
    }
  }
  return { minGapHours, secondCheckIn: options.flag('secondCheckIn', 'secondCheckIn') ?? false };
}

export function readRecruiter(root: FieldReader): Recruiter | undefined {
  const reader = readSection(root, 'recruiter', 'The recruiter', false);
  if (!reader) return undefined;
  const consultant = readName(reader, 'consultant', 'The consultant’s name');
  const rawEmail = reader.text('email', {
    required: true,
    max: LIMITS.email,
    label: 'The consultant’s email address',
  });
  const phone = reader.text('phone', {
    required: false,
    max: LIMIT.phoneLength,
    label: 'The consultant’s phone number',
  });
  const listing = reader.text('listing', {
    required: false,
    max: LIMIT.listingLength,
    label: 'The agency’s listing',
  });
  // The address's form is checked after the other fields, so the problems keep their order.
  const email = checkEmailForm(reader, 'email', rawEmail);
  if (phone !== undefined && !/^\+?[\d\s()-]{6,}$/.test(phone)) {
    root.problems.add(
      'recruiter.phone',
      'invalid',
      'The phone number may hold only digits, spaces, brackets, dashes and a leading +.',
    );
  }
  if (consultant === undefined || email === undefined) return undefined;
  return {
    consultant,
    email,
    ...(phone !== undefined ? { phone } : {}),
    ...(listing !== undefined ? { listing } : {}),
  };
}
