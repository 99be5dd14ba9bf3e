/** What a posted interview body holds: the planner's input, an agency and an outcome. */
import { type Temporal } from 'temporal-polyfill';
import {
  PROGRESS_MESSAGES,
  readAgency,
  readOutcome,
  type InterviewOutcome,
} from '../../domain/followup/interview-progress.js';
import { DomainError, ProblemList, isDomainError, type Problem } from '../../domain/errors.js';
import { parseFollowUpInput, type FollowUpInput } from '../../domain/followup/index.js';
import type { InterviewsDeps } from './interviews.service.js';
import { isKnownListing } from './agencies.js';
import type { InterviewRecord } from '../ports.js';

type RawObject = Record<string, unknown>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ParsedInterview {
  input: FollowUpInput;
  agency: string | null | undefined;
  outcome: InterviewOutcome | undefined;
}

/**
 * Validates an interview body: the planner's input (its `now` is ignored: the plan is made at
 * `plannedAt`) plus `agency` and `outcome`. Every problem is reported at once.
 */
export function parseInterview(
  deps: InterviewsDeps,
  raw: unknown,
  plannedAt: Temporal.Instant,
): ParsedInterview {
  if (!isObject(raw)) {
    throw DomainError.single('invalid', PROGRESS_MESSAGES.bodyObject);
  }
  // The read-only fields of the interview as GET shows it are ignored, so that it can be sent
  // back as it came; any other key the planner does not know is a 400 (unknown-field).
  const {
    agency: rawAgency,
    outcome: rawOutcome,
    now: _now,
    id: _id,
    outcomeAt: _outcomeAt,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    replies: _replies,
    ...plannerInput
  } = raw;
  const extras = new ProblemList();
  const agency =
    rawAgency === undefined ? undefined : readAgency(extras, rawAgency, isKnownListing(deps));
  const outcome = rawOutcome === undefined ? undefined : readOutcome(extras, rawOutcome);
  let input: FollowUpInput | undefined;
  let problems: Problem[] = [];
  try {
    input = parseFollowUpInput(plannerInput, plannedAt);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problems = error.problems;
  }
  problems = [...problems, ...extras.items];
  if (problems.length > 0 || !input) throw new DomainError(problems);
  return { input, agency, outcome };
}

export function outcomeAtFor(
  previous: Pick<InterviewRecord, 'outcome' | 'outcomeAt'> | undefined,
  outcome: InterviewOutcome,
  now: string,
): string | null {
  if (outcome === 'pending') return null;
  if (previous && previous.outcome === outcome) return previous.outcomeAt;
  return now;
}
