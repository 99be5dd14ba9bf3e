/**
 * Saved interviews: the planner's input with an agency and an outcome, created, listed, read,
 * replaced and deleted. What the user does with the plan is in interviews/progress.ts, the files
 * in interviews/calendar-files.ts. Every use-case takes the owner's id: someone else's interview
 * is `not-found`, exactly like one that does not exist.
 *
 * A plan is made with `now` = when the interview was saved, and made again only when the
 * planner's input changes: steps keep their times and ids, so states and drafts stay attached.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { InterviewOutcome, InterviewReply } from '../../domain/followup/interview-progress.js';
import { DomainError } from '../../domain/errors.js';
import { planFollowUp, type FollowUpInput } from '../../domain/followup/index.js';
import { summariseStep } from '../followup/index.js';
import type { ListedAgency } from './agencies.js';
import { outcomeAtFor, parseInterview } from './interview-body.js';
import { trackInterview } from './plan-view.js';
import type { Clock, InterviewRecord, InterviewStore, InterviewWithProgress } from '../ports.js';

export interface InterviewsDeps {
  interviewStore: InterviewStore;
  clock: Clock;
  /** The directory, to check that an interview's agency is a listing it holds. */
  snapshot: { get(): { derived: { listings: ReadonlyMap<string, ListedAgency> } } };
}

export const INTERVIEW_MESSAGES = Object.freeze({
  notFound: 'There is no such interview.',
  stepNotFound: (stepId: string) => `There is no step "${stepId}" in this plan.`,
  noDraft: 'This step has no message, so it has no draft to edit.',
});

/** A saved interview as the API shows it: the planner's input plus its own fields. */
export type InterviewView = FollowUpInput & {
  id: string;
  agency: string | null;
  outcome: InterviewOutcome;
  outcomeAt: string | null;
  createdAt: string;
  updatedAt: string;
  replies: InterviewReply[];
};

export interface InterviewSummary {
  id: string;
  role: string;
  employer: string;
  startsAt: string;
  timeZone: string;
  agency: string | null;
  outcome: InterviewOutcome;
  pendingSteps: number;
  /** The first pending step by send time, or null when none is left. */
  nextStep: { id: string; title: string; sendAt: string; due: string } | null;
  updatedAt: string;
}

export function nowInstant(deps: { clock: Clock }): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime());
}

export function stamp(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

export function presentInterview(record: InterviewWithProgress): InterviewView {
  const { interview, replies } = record;
  return {
    id: interview.id,
    ...interview.input,
    agency: interview.agency,
    outcome: interview.outcome,
    outcomeAt: interview.outcomeAt,
    createdAt: interview.createdAt,
    updatedAt: interview.updatedAt,
    replies: replies.map((reply) => ({ id: reply.id, at: reply.at, from: reply.from })),
  };
}

export async function loadOwned(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<InterviewWithProgress> {
  const found = await deps.interviewStore.findInterview(userId, id);
  if (!found) throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  return found;
}

/** Saves a new interview for the user, planned now. */
export async function createInterview(
  deps: InterviewsDeps,
  userId: string,
  raw: unknown,
): Promise<InterviewView> {
  const now = nowInstant(deps);
  const parsed = parseInterview(deps, raw, now);
  const outcome = parsed.outcome ?? 'pending';
  const record: InterviewRecord = {
    id: randomUUID(),
    userId,
    input: parsed.input,
    agency: parsed.agency ?? null,
    outcome,
    outcomeAt: outcomeAtFor(undefined, outcome, stamp(now)),
    createdAt: stamp(now),
    updatedAt: stamp(now),
  };
  await deps.interviewStore.createInterview(record);
  return presentInterview({ interview: record, states: [], replies: [] });
}

/** The user's interviews, soonest first, each with its next step. */
export async function listInterviews(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
): Promise<InterviewSummary[]> {
  const records = await deps.interviewStore.listInterviews(userId);
  return records.map((record) => {
    const { tracked } = trackInterview(record);
    const pending = tracked.steps
      .filter((step) => step.status === 'pending')
      .sort((a, b) => Temporal.Instant.compare(a.sendAt, b.sendAt));
    const next = pending[0];
    const input = record.interview.input;
    return {
      id: record.interview.id,
      role: input.role,
      employer: input.employer.name,
      startsAt: input.interview.startsAt,
      timeZone: input.interview.timeZone,
      agency: record.interview.agency,
      outcome: record.interview.outcome,
      pendingSteps: pending.length,
      nextStep: next
        ? { id: next.id, title: summariseStep(next, input), sendAt: next.sendAt, due: next.due }
        : null,
      updatedAt: record.interview.updatedAt,
    };
  });
}

/** One of the user's interviews. */
export async function getInterview(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<InterviewView> {
  return presentInterview(await loadOwned(deps, userId, id));
}

/**
 * Replaces an interview's planner input (and its agency and outcome when given; left out, they
 * stay). The plan is made again, at this moment, only when the planner's input changed; states
 * of steps the new plan no longer has are forgotten.
 */
export async function updateInterview(
  deps: InterviewsDeps,
  userId: string,
  id: string,
  raw: unknown,
): Promise<InterviewView> {
  const existing = await loadOwned(deps, userId, id);
  const previous = existing.interview;
  const now = nowInstant(deps);
  // Parsed at the old planning moment first, so an unchanged input compares equal.
  const parsed = parseInterview(deps, raw, Temporal.Instant.from(previous.input.now));
  const changed = JSON.stringify(parsed.input) !== JSON.stringify(previous.input);
  const input = changed
    ? { ...parsed.input, now: now.toString({ smallestUnit: 'second' }) }
    : previous.input;
  const outcome = parsed.outcome ?? previous.outcome;
  const record: InterviewRecord = {
    ...previous,
    input,
    agency: parsed.agency === undefined ? previous.agency : parsed.agency,
    outcome,
    outcomeAt: outcomeAtFor(previous, outcome, stamp(now)),
    updatedAt: stamp(now),
  };
  const keep = changed ? planFollowUp(input).steps.map((step) => step.id) : undefined;
  if (!(await deps.interviewStore.updateInterview(record, keep))) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  }
  const states = keep ? existing.states.filter((s) => keep.includes(s.stepId)) : existing.states;
  return presentInterview({ interview: record, states, replies: existing.replies });
}

/** Deletes one of the user's interviews with its steps and replies. */
export async function deleteInterview(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<void> {
  if (!(await deps.interviewStore.deleteInterview(userId, id))) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  }
}
