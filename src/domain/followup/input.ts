/**
 * Validation of the planner's input (the API body and the CLI's file). Every problem is
 * collected and thrown at once as one DomainError, each naming its field by path.
 */
import { Temporal } from 'temporal-polyfill';
import { DomainError, ProblemList, type Suggestion } from '../errors.js';
import { checkInputKeys, INPUT_KEYS } from './input-keys.js';
import { NEVER_CHANNELS, REFUSED_CHANNEL_NAMES } from './rules.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import { slugify } from './text.js';
import { describeDate } from './time.js';
import type {
  ContactChannel,
  EmployerStyle,
  FollowUpInput,
  InterviewFormat,
  InterviewRound,
  Interviewer,
  LinkedInAccount,
  Nation,
  Recruiter,
} from './types.js';

/** The limits applied to the input. */
export const INPUT_LIMITS = Object.freeze({
  nameLength: 200,
  titleLength: 200,
  sectorLength: 200,
  notesLength: 1000,
  questionLength: 300,
  questions: 10,
  postalAddressLength: 500,
  emailLength: 254,
  interviewers: 20,
  maxInterviewHours: 24,
  maxMinGapHours: 12,
  maxDecisionDays: 366,
  firstYear: 1970,
  lastYear: 2100,
});

const FORMATS: readonly InterviewFormat[] = ['in-person', 'video', 'phone'];
const ROUNDS: readonly InterviewRound[] = ['first', 'second', 'final'];
const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern-ireland'];
const STYLES: readonly EmployerStyle[] = ['fast-moving', 'traditional', 'unknown'];
const ACCOUNTS: readonly LinkedInAccount[] = ['none', 'free', 'premium'];
const CHANNELS: readonly ContactChannel[] = ['email', 'handwritten', 'linkedin'];

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|z|[+-]\d{2}:?\d{2})?$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTERVIEWER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** One-line text: every run of spaces, tabs, line breaks and control characters becomes a space. */
export function normaliseLine(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/** Multi-line text: line breaks become `\n`, other control characters go, blank runs shrink. */
export function normaliseLines(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}]/gu, (char) => (char === '\n' ? '\n' : ''))
    .split('\n')
    .map((line) => line.replace(/\s+$/u, '').replace(/^\s+/u, (lead) => lead.replace(/\s/g, ' ')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function lengthOf(text: string): number {
  return [...text].length;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Reads the fields of one object, recording problems under their paths. */
class FieldReader {
  constructor(
    readonly problems: ProblemList,
    readonly object: JsonObject,
    readonly path: string,
    readonly indexed = false,
  ) {}

  field(key: string): string {
    if (this.indexed) return `${this.path}[${key}]`;
    return this.path ? `${this.path}.${key}` : key;
  }

  text(
    key: string,
    options: { required: boolean; max: number; multiline?: boolean; label: string },
  ): string | undefined {
    const field = this.field(key);
    const raw = own(this.object, key);
    if (raw === undefined || raw === null) {
      if (options.required) this.problems.add(field, 'required', `${options.label} is required.`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.problems.add(
        field,
        'invalid',
        `${options.label} must be text, not ${describeType(raw)}.`,
      );
      return undefined;
    }
    if (raw.length > options.max * 4 + 1000) {
      this.problems.add(
        field,
        'too-long',
        `${options.label} is far too long: keep it to ${options.max} characters.`,
      );
      return undefined;
    }
    const text = options.multiline ? normaliseLines(raw) : normaliseLine(raw);
    if (text.length === 0) {
      if (options.required) this.problems.add(field, 'required', `${options.label} is required.`);
      return undefined;
    }
    const length = lengthOf(text);
    if (length > options.max) {
      this.problems.add(
        field,
        'too-long',
        `${options.label} has ${length} characters; keep it to ${options.max}.`,
      );
      return undefined;
    }
    return text;
  }

  choice<T extends string>(
    key: string,
    values: readonly T[],
    options: { required: boolean; label: string },
  ): T | undefined {
    const field = this.field(key);
    const raw = own(this.object, key);
    if (raw === undefined || raw === null) {
      if (options.required) {
        this.problems.add(field, 'required', `${options.label} is required: ${values.join(', ')}.`);
      }
      return undefined;
    }
    const value = typeof raw === 'string' ? normaliseLine(raw).toLowerCase() : undefined;
    const found = values.find((candidate) => candidate === value);
    if (!found) {
      this.problems.add(
        field,
        'not-in-list',
        `${options.label} must be one of ${values.join(', ')}.`,
        values.map((candidate) => ({ label: candidate, value: candidate })),
      );
    }
    return found;
  }

  flag(key: string, label: string): boolean | undefined {
    const raw = own(this.object, key);
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'boolean') {
      this.problems.add(this.field(key), 'invalid', `${label} must be true or false.`);
      return undefined;
    }
    return raw;
  }

  child(
    key: string,
    label: string,
    required: boolean,
    knownKeys?: readonly string[],
  ): FieldReader | undefined {
    const raw = own(this.object, key);
    const field = this.field(key);
    if (raw === undefined || raw === null) {
      if (required) this.problems.add(field, 'required', `${label} is required.`);
      return undefined;
    }
    if (!isObject(raw)) {
      this.problems.add(field, 'invalid', `${label} must be an object, not ${describeType(raw)}.`);
      return undefined;
    }
    if (knownKeys) checkInputKeys(this.problems, raw, field, knownKeys);
    return new FieldReader(this.problems, raw, field);
  }
}

/** Checks an IANA time zone name and returns its canonical spelling. */
function readTimeZone(
  reader: FieldReader,
  key: string,
  label: string,
  required: boolean,
): string | undefined {
  const text = reader.text(key, { required, max: 64, label });
  if (text === undefined) return undefined;
  const field = reader.field(key);
  if (!/^[A-Za-z]/.test(text)) {
    reader.problems.add(
      field,
      'invalid',
      `${label} must be a time zone name such as Europe/London, not an offset.`,
    );
    return undefined;
  }
  try {
    return Temporal.PlainDate.from('2026-01-01').toZonedDateTime(text).timeZoneId;
  } catch {
    reader.problems.add(
      field,
      'invalid',
      `"${text}" is not a known time zone; use a name such as Europe/London or America/New_York.`,
      [{ label: 'Europe/London', value: 'Europe/London' }],
    );
    return undefined;
  }
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  return sign * (hours * 60 + minutes) * 60_000_000_000;
}

function formatOffset(zoned: Temporal.ZonedDateTime): string {
  return zoned.offset;
}

function formatLocal(dateTime: Temporal.PlainDateTime): string {
  return dateTime.toString({ smallestUnit: 'minute' }).replace(':00.000', '');
}

/**
 * Reads a local date-time in a zone. The offset, when given, must agree with the zone; a time
 * the clocks skip (`nonexistent-time`) or repeat without an offset (`ambiguous-time`) is refused.
 */
function readLocalDateTime(
  reader: FieldReader,
  key: string,
  label: string,
  timeZone: string | undefined,
): Temporal.ZonedDateTime | undefined {
  const text = reader.text(key, { required: true, max: 40, label });
  if (text === undefined) return undefined;
  const field = reader.field(key);
  const match = LOCAL_TIME.exec(text);
  if (!match) {
    reader.problems.add(
      field,
      'invalid',
      `${label} must look like 2026-10-15T10:00 (local time), optionally with its offset.`,
    );
    return undefined;
  }
  const [, year, month, day, hour, minute, second, offset] = match;
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second ?? 0),
      },
      { overflow: 'reject' },
    );
  } catch {
    reader.problems.add(field, 'invalid', `${label} is not a real date and time.`);
    return undefined;
  }
  if (local.year < INPUT_LIMITS.firstYear || local.year > INPUT_LIMITS.lastYear) {
    reader.problems.add(
      field,
      'out-of-range',
      `${label} must fall between ${INPUT_LIMITS.firstYear} and ${INPUT_LIMITS.lastYear}.`,
    );
    return undefined;
  }
  if (!timeZone) return undefined;

  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  const at = `${formatLocal(local).slice(11)} on ${describeDate(local.toPlainDate())} ${local.year}`;
  if (!earlier.equals(later)) {
    if (!earlier.toPlainDateTime().equals(local)) {
      reader.problems.add(
        field,
        'nonexistent-time',
        `${at} does not exist in ${timeZone}: the clocks go forward then. Choose a time outside the jump.`,
        [
          {
            label: formatLocal(later.toPlainDateTime()),
            value: formatLocal(later.toPlainDateTime()),
          },
        ],
      );
      return undefined;
    }
    if (offset === undefined) {
      const choices: Suggestion[] = [earlier, later].map((zoned) => {
        const value = zoned.toString({ timeZoneName: 'never', smallestUnit: 'minute' });
        return { label: value, value };
      });
      reader.problems.add(
        field,
        'ambiguous-time',
        `${at} happens twice in ${timeZone}, because the clocks go back then: add the offset, ${formatOffset(earlier)} for the first or ${formatOffset(later)} for the second.`,
        choices,
      );
      return undefined;
    }
  }
  if (offset === undefined) return earlier;
  const wanted = parseOffset(offset);
  const chosen = [earlier, later].find((zoned) => zoned.offsetNanoseconds === wanted);
  if (!chosen) {
    reader.problems.add(
      field,
      'offset-mismatch',
      `The offset ${offset} does not match ${timeZone} at that time (${formatOffset(earlier)}); leave it out or correct it.`,
      [{ label: formatLocal(local), value: formatLocal(local) }],
    );
    return undefined;
  }
  return chosen;
}

/** Reads `now`: an instant with its offset, or a local time in the candidate's zone. */
function readNow(value: unknown, timeZone: string): Temporal.Instant | null {
  if (value instanceof Temporal.Instant) return value;
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim();
  const match = LOCAL_TIME.exec(text);
  if (!match) {
    try {
      return Temporal.Instant.from(text);
    } catch {
      return null;
    }
  }
  try {
    if (match[7] !== undefined)
      return Temporal.Instant.from(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Temporal.PlainDateTime.from(text, { overflow: 'reject' })
      .toZonedDateTime(timeZone)
      .toInstant();
  } catch {
    return null;
  }
}

/** Reads the interviewers; returns them with ids resolved (given, else slugs). */
function readInterviewers(problems: ProblemList, raw: unknown): Interviewer[] {
  if (raw === undefined || raw === null) {
    problems.add('interviewers', 'required', 'List the interviewers (an empty list is fine).');
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.add(
      'interviewers',
      'invalid',
      `The interviewers must be a list, not ${describeType(raw)}.`,
    );
    return [];
  }
  if (raw.length > INPUT_LIMITS.interviewers) {
    problems.add(
      'interviewers',
      'too-many',
      `There are ${raw.length} interviewers; at most ${INPUT_LIMITS.interviewers} are planned for.`,
    );
  }
  const read: (Omit<Interviewer, 'id'> & { id?: string })[] = [];
  const givenIds = new Map<string, number>();
  let contactAt = -1;
  let chairAt = -1;
  raw.slice(0, INPUT_LIMITS.interviewers).forEach((item: unknown, index) => {
    const path = `interviewers[${index}]`;
    if (!isObject(item)) {
      problems.add(
        path,
        'invalid',
        `Each interviewer must be an object, not ${describeType(item)}.`,
      );
      return;
    }
    checkInputKeys(problems, item, path, INPUT_KEYS.interviewer);
    const reader = new FieldReader(problems, item, path);
    const name = reader.text('name', {
      required: true,
      max: INPUT_LIMITS.nameLength,
      label: 'The interviewer’s name',
    });
    const title = reader.text('title', {
      required: false,
      max: INPUT_LIMITS.titleLength,
      label: 'The job title',
    });
    const notes = reader.text('notes', {
      required: false,
      max: INPUT_LIMITS.notesLength,
      multiline: true,
      label: 'The notes',
    });
    const postalAddress = reader.text('postalAddress', {
      required: false,
      max: INPUT_LIMITS.postalAddressLength,
      multiline: true,
      label: 'The postal address',
    });
    const onLinkedIn = reader.flag('onLinkedIn', 'onLinkedIn');
    const contact = reader.flag('contact', 'contact');
    const chair = reader.flag('chair', 'chair');
    if (chair === true) {
      if (chairAt >= 0) {
        problems.add(
          `${path}.chair`,
          'invalid',
          `Only one interviewer can chair the panel; interviewers[${chairAt}] already does.`,
        );
      } else {
        chairAt = index;
      }
    }

    let id: string | undefined;
    const rawId = own(item, 'id');
    if (rawId !== undefined && rawId !== null) {
      if (typeof rawId !== 'string' && typeof rawId !== 'number') {
        problems.add(`${path}.id`, 'invalid', 'The id must be text.');
      } else if (!INTERVIEWER_ID.test(String(rawId))) {
        problems.add(
          `${path}.id`,
          'invalid',
          'The id may hold only letters, digits, dots, dashes and underscores (at most 64).',
        );
      } else if (givenIds.has(String(rawId))) {
        problems.add(
          `${path}.id`,
          'duplicate',
          `The id "${String(rawId)}" is already used by interviewers[${givenIds.get(String(rawId))}].`,
        );
      } else {
        id = String(rawId);
        givenIds.set(id, index);
      }
    }

    let email: string | undefined;
    const rawEmail = reader.text('email', {
      required: false,
      max: INPUT_LIMITS.emailLength,
      label: 'The email address',
    });
    if (rawEmail !== undefined) {
      if (EMAIL.test(rawEmail)) email = rawEmail;
      else problems.add(`${path}.email`, 'invalid', `"${rawEmail}" is not an email address.`);
    }

    let channel: ContactChannel | undefined;
    const rawChannel = own(item, 'channel');
    if (rawChannel !== undefined && rawChannel !== null) {
      const value = typeof rawChannel === 'string' ? normaliseLine(rawChannel).toLowerCase() : '';
      const refused = REFUSED_CHANNEL_NAMES[value];
      if (
        typeof rawChannel === 'string' &&
        refused &&
        Object.prototype.hasOwnProperty.call(REFUSED_CHANNEL_NAMES, value)
      ) {
        const entry = NEVER_CHANNELS.find((never) => never.channel === refused);
        problems.add(
          `${path}.channel`,
          'refused-channel',
          `Shortlist never plans a follow-up by ${value === 'x' ? 'X (Twitter)' : value}: ${entry?.why ?? ''}`.trim(),
          CHANNELS.map((candidate) => ({ label: candidate, value: candidate })),
        );
      } else {
        channel = CHANNELS.find((candidate) => candidate === value);
        if (!channel) {
          problems.add(
            `${path}.channel`,
            'not-in-list',
            `The channel must be one of ${CHANNELS.join(', ')}.`,
            CHANNELS.map((candidate) => ({ label: candidate, value: candidate })),
          );
        }
      }
    }

    if (contact === true) {
      if (contactAt >= 0) {
        problems.add(
          `${path}.contact`,
          'invalid',
          `Only one interviewer can be the main contact; interviewers[${contactAt}] already is.`,
        );
      } else {
        contactAt = index;
      }
    }

    if (name === undefined) return;
    read.push({
      name,
      onLinkedIn: onLinkedIn ?? false,
      contact: contact === true && contactAt === index,
      ...(chair === true && chairAt === index ? { chair: true } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(postalAddress !== undefined ? { postalAddress } : {}),
      ...(channel !== undefined ? { channel } : {}),
      ...(notes !== undefined ? { notes } : {}),
    });
  });

  const used = new Set(givenIds.keys());
  return read.map((interviewer) => {
    if (interviewer.id !== undefined) return { ...interviewer, id: interviewer.id };
    const base = slugify(interviewer.name) || 'interviewer';
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return { ...interviewer, id };
  });
}

/**
 * Validates a raw JSON value as the planner's input and returns it normalised. Throws one
 * DomainError listing every problem; never throws anything else.
 */
export function parseFollowUpInput(
  raw: unknown,
  fallbackNow: Temporal.Instant | string,
  settings: FollowUpSettings = DEFAULT_SETTINGS,
): FollowUpInput {
  try {
    return readInput(raw, fallbackNow, settings);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw DomainError.single('invalid', 'The follow-up input could not be read.', null);
  }
}

function readInput(
  raw: unknown,
  fallbackNow: Temporal.Instant | string,
  settings: FollowUpSettings,
): FollowUpInput {
  if (!isObject(raw)) {
    throw DomainError.single(
      'invalid',
      `The follow-up input must be a JSON object, not ${describeType(raw)}.`,
      null,
    );
  }
  const problems = new ProblemList();
  checkInputKeys(problems, raw, '', INPUT_KEYS.root);
  const root = new FieldReader(problems, raw, '');

  const interview = root.child('interview', 'The interview', true, INPUT_KEYS.interview);
  const timeZone = interview
    ? readTimeZone(interview, 'timeZone', 'The interview’s time zone', true)
    : undefined;
  const startsAt = interview
    ? readLocalDateTime(interview, 'startsAt', 'The start', timeZone)
    : undefined;
  const endsAt = interview
    ? readLocalDateTime(interview, 'endsAt', 'The end', timeZone)
    : undefined;
  const format = interview?.choice('format', FORMATS, { required: true, label: 'The format' });
  const nation = interview?.choice('nation', NATIONS, { required: false, label: 'The nation' });
  const round =
    interview?.choice('round', ROUNDS, { required: false, label: 'The round' }) ?? 'first';
  if (startsAt && endsAt) {
    const length = startsAt.until(endsAt, { largestUnit: 'hours' }).total('hours');
    if (length <= 0) {
      problems.add('interview.endsAt', 'out-of-range', 'The interview must end after it starts.');
    } else if (length > INPUT_LIMITS.maxInterviewHours) {
      problems.add(
        'interview.endsAt',
        'out-of-range',
        `The interview lasts ${Math.round(length)} hours; check the end time (at most ${INPUT_LIMITS.maxInterviewHours}).`,
      );
    }
  }

  const employer = root.child('employer', 'The employer', true, INPUT_KEYS.employer);
  const employerName = employer?.text('name', {
    required: true,
    max: INPUT_LIMITS.nameLength,
    label: 'The employer’s name',
  });
  const style = employer?.choice('style', STYLES, {
    required: true,
    label: 'The employer’s style',
  });
  const sector = employer?.text('sector', {
    required: false,
    max: INPUT_LIMITS.sectorLength,
    label: 'The sector',
  });

  let hiringTeamEmail: string | undefined;
  const rawTeamEmail = employer?.text('hiringTeamEmail', {
    required: false,
    max: INPUT_LIMITS.emailLength,
    label: 'The hiring team’s email address',
  });
  if (rawTeamEmail !== undefined) {
    if (EMAIL.test(rawTeamEmail)) hiringTeamEmail = rawTeamEmail;
    else {
      problems.add(
        'employer.hiringTeamEmail',
        'invalid',
        `"${rawTeamEmail}" is not an email address.`,
      );
    }
  }

  const role = root.text('role', {
    required: true,
    max: INPUT_LIMITS.nameLength,
    label: 'The role',
  });

  const candidate = root.child('candidate', 'The candidate', true, INPUT_KEYS.candidate);
  const candidateName = candidate?.text('name', {
    required: true,
    max: INPUT_LIMITS.nameLength,
    label: 'Your name',
  });
  const linkedin = candidate?.choice('linkedin', ACCOUNTS, {
    required: true,
    label: 'Your LinkedIn account',
  });
  const candidateZone =
    candidate &&
    own(candidate.object, 'timeZone') !== undefined &&
    own(candidate.object, 'timeZone') !== null
      ? readTimeZone(candidate, 'timeZone', 'Your time zone', false)
      : 'Europe/London';

  const interviewers = readInterviewers(problems, own(raw, 'interviewers'));

  let decisionExpectedOn: string | null = null;
  const rawDecision = own(raw, 'decisionExpectedOn');
  if (rawDecision !== undefined && rawDecision !== null) {
    const match = typeof rawDecision === 'string' ? PLAIN_DATE.exec(rawDecision.trim()) : null;
    let date: Temporal.PlainDate | undefined;
    if (match) {
      try {
        date = Temporal.PlainDate.from(rawDecision as string, { overflow: 'reject' });
      } catch {
        date = undefined;
      }
    }
    if (!date) {
      problems.add(
        'decisionExpectedOn',
        'invalid',
        'The decision date must look like 2026-10-22, or be null.',
      );
    } else if (startsAt && Temporal.PlainDate.compare(date, startsAt.toPlainDate()) < 0) {
      problems.add(
        'decisionExpectedOn',
        'out-of-range',
        'The decision date is before the interview; check it, or leave it empty.',
      );
    } else if (
      startsAt &&
      Temporal.PlainDate.compare(
        date,
        startsAt.toPlainDate().add({ days: INPUT_LIMITS.maxDecisionDays }),
      ) > 0
    ) {
      problems.add(
        'decisionExpectedOn',
        'out-of-range',
        'The decision date is more than a year after the interview.',
      );
    } else {
      decisionExpectedOn = date.toString();
    }
  }

  // Notes are optional until the interview has ended (checked once `now` is known).
  const notes = root.child('notes', 'The notes', false, INPUT_KEYS.notes);
  const liked = notes?.text('liked', {
    required: false,
    max: INPUT_LIMITS.notesLength,
    multiline: true,
    label: 'What you liked',
  });
  const fit = notes?.text('fit', {
    required: false,
    max: INPUT_LIMITS.notesLength,
    multiline: true,
    label: 'Why you would fit',
  });
  const questions: string[] = [];
  const rawQuestions = notes ? own(notes.object, 'questions') : undefined;
  if (rawQuestions !== undefined && rawQuestions !== null) {
    if (!Array.isArray(rawQuestions)) {
      problems.add('notes.questions', 'invalid', 'The questions must be a list of text.');
    } else {
      if (rawQuestions.length > INPUT_LIMITS.questions) {
        problems.add('notes.questions', 'too-many', `At most ${INPUT_LIMITS.questions} questions.`);
      }
      const list = new FieldReader(
        problems,
        { ...rawQuestions.slice(0, INPUT_LIMITS.questions) },
        'notes.questions',
        true,
      );
      rawQuestions.slice(0, INPUT_LIMITS.questions).forEach((_, index) => {
        const question = list.text(String(index), {
          required: true,
          max: INPUT_LIMITS.questionLength,
          label: 'A question',
        });
        if (question !== undefined) questions.push(question);
      });
    }
  }

  const options = root.child('options', 'The options', false, INPUT_KEYS.options);
  let minGapHours = settings.minGapHours;
  let secondCheckIn = false;
  if (options) {
    const rawGap = own(options.object, 'minGapHours');
    if (rawGap !== undefined && rawGap !== null) {
      if (typeof rawGap !== 'number' || !Number.isFinite(rawGap)) {
        problems.add('options.minGapHours', 'invalid', 'minGapHours must be a number of hours.');
      } else if (rawGap < 0 || rawGap > INPUT_LIMITS.maxMinGapHours) {
        problems.add(
          'options.minGapHours',
          'out-of-range',
          `minGapHours must be between 0 and ${INPUT_LIMITS.maxMinGapHours}.`,
        );
      } else {
        minGapHours = rawGap;
      }
    }
    secondCheckIn = options.flag('secondCheckIn', 'secondCheckIn') ?? false;
  }

  let recruiter: Recruiter | undefined;
  const recruiterReader = root.child('recruiter', 'The recruiter', false, INPUT_KEYS.recruiter);
  if (recruiterReader) {
    const consultant = recruiterReader.text('consultant', {
      required: true,
      max: INPUT_LIMITS.nameLength,
      label: 'The consultant’s name',
    });
    const rawEmail = recruiterReader.text('email', {
      required: true,
      max: INPUT_LIMITS.emailLength,
      label: 'The consultant’s email address',
    });
    const phone = recruiterReader.text('phone', {
      required: false,
      max: 40,
      label: 'The consultant’s phone number',
    });
    const listing = recruiterReader.text('listing', {
      required: false,
      max: 200,
      label: 'The agency’s listing',
    });
    let email: string | undefined;
    if (rawEmail !== undefined) {
      if (EMAIL.test(rawEmail)) email = rawEmail;
      else problems.add('recruiter.email', 'invalid', `"${rawEmail}" is not an email address.`);
    }
    if (phone !== undefined && !/^\+?[\d\s()-]{6,}$/.test(phone)) {
      problems.add(
        'recruiter.phone',
        'invalid',
        'The phone number may hold only digits, spaces, brackets, dashes and a leading +.',
      );
    }
    if (consultant !== undefined && email !== undefined) {
      recruiter = {
        consultant,
        email,
        ...(phone !== undefined ? { phone } : {}),
        ...(listing !== undefined ? { listing } : {}),
      };
    }
  }

  const zoneForNow = candidateZone ?? 'Europe/London';
  const rawNow = own(raw, 'now');
  let now: Temporal.Instant | null = null;
  if (rawNow !== undefined && rawNow !== null) {
    now = readNow(rawNow, zoneForNow);
    if (!now) {
      problems.add(
        'now',
        'invalid',
        '"now" must be a date-time such as 2026-10-15T12:00:00+01:00.',
      );
    }
  } else {
    now = readNow(fallbackNow, zoneForNow);
    if (!now)
      throw DomainError.single(
        'invalid',
        'The current time given to the planner is not valid.',
        'now',
      );
  }

  const upcoming =
    now !== null && endsAt !== undefined && Temporal.Instant.compare(now, endsAt.toInstant()) < 0;
  if (!upcoming && (endsAt !== undefined || !interview)) {
    const rawNotes = own(raw, 'notes');
    if (!notes && (rawNotes === undefined || rawNotes === null)) {
      problems.add('notes', 'required', 'The notes are required once the interview has ended.');
    } else if (notes) {
      if (liked === undefined && !problems.items.some((p) => p.field === 'notes.liked')) {
        problems.add('notes.liked', 'required', 'What you liked is required.');
      }
      if (fit === undefined && !problems.items.some((p) => p.field === 'notes.fit')) {
        problems.add('notes.fit', 'required', 'Why you would fit is required.');
      }
    }
  }

  problems.throwIfAny();
  if (
    !interview ||
    !timeZone ||
    !startsAt ||
    !endsAt ||
    !format ||
    !employerName ||
    !style ||
    !role ||
    !candidateName ||
    !linkedin ||
    !candidateZone ||
    (!upcoming && (!liked || !fit)) ||
    !now
  ) {
    // Every missing value above has recorded a problem; this guards the types.
    throw DomainError.single('invalid', 'The follow-up input is incomplete.', null);
  }

  const show = (zoned: Temporal.ZonedDateTime) =>
    zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return {
    interview: {
      startsAt: show(startsAt),
      endsAt: show(endsAt),
      timeZone,
      format,
      ...(nation ? { nation } : {}),
      round,
    },
    employer: {
      name: employerName,
      style,
      ...(sector ? { sector } : {}),
      ...(hiringTeamEmail ? { hiringTeamEmail } : {}),
    },
    role,
    candidate: { name: candidateName, linkedin, timeZone: candidateZone },
    interviewers,
    decisionExpectedOn,
    // Empty until the interview has ended and the notes are added (the plan says so).
    notes: { liked: liked ?? '', fit: fit ?? '', questions },
    ...(recruiter ? { recruiter } : {}),
    now: now.toString({ smallestUnit: 'second' }),
    options: { minGapHours, secondCheckIn },
  };
}
