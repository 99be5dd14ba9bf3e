/**
 * Validation of the planner's input (the API body and the CLI's file), stage by stage: the keys,
 * each object (input-sections.ts), the interviewers (input-interviewers.ts), the times
 * (input-time.ts), then what depends on `now`. Every problem is collected and thrown at once as
 * one DomainError, each naming its field by path.
 */
import { Temporal } from 'temporal-polyfill';
import { DomainError, ProblemList } from '../errors.js';
import { FieldReader } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import { describeType, isObject } from '../validation/text.js';
import { readInterviewers } from './input-interviewers.js';
import { checkInputKeys, INPUT_KEYS } from './input-keys.js';
import {
  readCandidate,
  readEmployer,
  readInterview,
  readNotes,
  readOptions,
  readRecruiter,
  requireNotes,
} from './input-sections.js';
import { readDecisionDate, readNow } from './input-time.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import type { FollowUpInput } from './types.js';

// interview-progress.ts still imports these from here; it moves to ../validation/text.js.

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

/** `now` from the input, else the caller's; the caller's must be valid. */
function readCurrentTime(
  root: FieldReader,
  fallbackNow: Temporal.Instant | string,
  timeZone: string,
): Temporal.Instant | null {
  if (!root.has('now')) {
    const now = readNow(fallbackNow, timeZone);
    if (!now) {
      throw DomainError.single(
        'invalid',
        'The current time given to the planner is not valid.',
        'now',
      );
    }
    return now;
  }
  const now = readNow(root.value('now'), timeZone);
  if (!now) {
    root.problems.add(
      'now',
      'invalid',
      '"now" must be a date-time such as 2026-10-15T12:00:00+01:00.',
    );
  }
  return now;
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

  const interview = readInterview(root);
  const employer = readEmployer(root);
  const role = root.text('role', {
    required: true,
    max: LIMITS.followUp.nameLength,
    label: 'The role',
  });
  const candidate = readCandidate(root);
  const interviewers = readInterviewers(problems, root.value('interviewers'));
  const decisionExpectedOn = readDecisionDate(
    problems,
    root.value('decisionExpectedOn'),
    interview.startsAt,
  );
  const notes = readNotes(root);
  const options = readOptions(root, settings);
  const recruiter = readRecruiter(root);
  const now = readCurrentTime(root, fallbackNow, candidate.timeZone ?? 'Europe/London');

  const { startsAt, endsAt, timeZone, format, nation, round } = interview;
  const upcoming =
    now !== null && endsAt !== undefined && Temporal.Instant.compare(now, endsAt.toInstant()) < 0;
  if (!upcoming && (endsAt !== undefined || !interview.reader)) requireNotes(root, notes);

  problems.throwIfAny();
  const { liked, fit, questions } = notes;
  if (
    !timeZone ||
    !startsAt ||
    !endsAt ||
    !format ||
    !employer.name ||
    !employer.style ||
    !role ||
    !candidate.name ||
    !candidate.linkedin ||
    !candidate.timeZone ||
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
      name: employer.name,
      style: employer.style,
      ...(employer.sector ? { sector: employer.sector } : {}),
      ...(employer.hiringTeamEmail ? { hiringTeamEmail: employer.hiringTeamEmail } : {}),
    },
    role,
    candidate: {
      name: candidate.name,
      linkedin: candidate.linkedin,
      timeZone: candidate.timeZone,
    },
    interviewers,
    decisionExpectedOn,
    // Empty until the interview has ended and the notes are added (the plan says so).
    notes: { liked: liked ?? '', fit: fit ?? '', questions },
    ...(recruiter ? { recruiter } : {}),
    now: now.toString({ smallestUnit: 'second' }),
    options,
  };
}
