/**
 * Saved interviews and their follow-up: the planner's input with an agency and an outcome, the
 * plan merged with what the user did (steps done, skipped, their own drafts; replies and outcomes
 * cancelling check-ins), the agenda across interviews, and the files (iCalendar per interview and
 * one private feed for all, .eml drafts). Every use-case takes the owner's id: someone else's
 * interview is `not-found`, exactly like one that does not exist.
 *
 * A plan is made with `now` = when the interview was saved, and made again only when the
 * planner's input changes: steps keep their times and ids, so states and drafts stay attached.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import {
  applyStepChange,
  classifyAgendaStep,
  findEffectiveDraft,
  parseReply,
  parseStepChange,
  PROGRESS_MESSAGES,
  readAgency,
  readOutcome,
  trackPlan,
  type AgendaBucket,
  type InterviewOutcome,
  type InterviewReply,
  type StepState,
  type TrackedPlan,
  type TrackedStep,
} from '../domain/followup/interview-progress.js';
import { DomainError, ProblemList, isDomainError, type Problem } from '../domain/errors.js';
import {
  checkDraft,
  parseFollowUpInput,
  planFollowUp,
  type DraftFinding,
  type FollowUpInput,
  type FollowUpPlan,
} from '../domain/followup/index.js';
import { readDraft } from './followup.service.js';
import {
  buildDraftEml,
  getBritishSpellChecker,
  renderFeedIcs,
  renderPlanIcs,
  summariseStep,
} from './followup/index.js';
import type { Clock, InterviewRecord, InterviewStore, InterviewWithProgress } from './ports.js';

export interface InterviewsDeps {
  interviewStore: InterviewStore;
  clock: Clock;
  /** The directory, to check that an interview's agency is a listing it holds. */
  snapshot: { get(): { derived: { listings: ReadonlyMap<string, unknown> } } };
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

export type PlanStepView = TrackedStep & { title: string; findings: DraftFinding[] };

export interface InterviewPlanView extends Omit<TrackedPlan, 'steps'> {
  interviewId: string;
  /** The `now` the plan was made with: when the interview was saved. */
  plannedAt: string;
  outcome: InterviewOutcome;
  steps: PlanStepView[];
}

export interface AgendaItem {
  interviewId: string;
  role: string;
  employer: string;
  stepId: string;
  title: string;
  kind: TrackedStep['kind'];
  channel: TrackedStep['channel'];
  sendAt: string;
  due: string;
  /** The candidate's time zone, to show the times in. */
  timeZone: string;
}

export type Agenda = Record<AgendaBucket, AgendaItem[]>;

type RawObject = Record<string, unknown>;

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nowInstant(deps: { clock: Clock }): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime());
}

function stamp(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

function isKnownListing(deps: InterviewsDeps): (slug: string) => boolean {
  return (slug) => {
    try {
      return deps.snapshot.get().derived.listings.has(slug);
    } catch {
      return false;
    }
  };
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
function parseInterview(
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

function presentInterview(record: InterviewWithProgress): InterviewView {
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

function trackInterview(record: InterviewWithProgress): {
  plan: FollowUpPlan;
  tracked: TrackedPlan;
} {
  const plan = planFollowUp(record.interview.input);
  const tracked = trackPlan(plan, {
    outcome: record.interview.outcome,
    outcomeAt: record.interview.outcomeAt,
    replies: record.replies,
    states: record.states,
  });
  return { plan, tracked };
}

/** The plan with each step's draft replaced by the user's edit, where there is one. */
function withEffectiveDrafts(tracked: TrackedPlan): FollowUpPlan {
  return {
    warnings: tracked.warnings,
    never: tracked.never,
    steps: tracked.steps.map(({ status: _s, doneAt: _d, editedDraft: _e, ...step }, index) => {
      const draft = findEffectiveDraft(tracked.steps[index]!);
      return draft ? { ...step, draft } : step;
    }),
  };
}

async function loadOwned(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<InterviewWithProgress> {
  const found = await deps.interviewStore.findInterview(userId, id);
  if (!found) throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  return found;
}

function outcomeAtFor(
  previous: Pick<InterviewRecord, 'outcome' | 'outcomeAt'> | undefined,
  outcome: InterviewOutcome,
  now: string,
): string | null {
  if (outcome === 'pending') return null;
  if (previous && previous.outcome === outcome) return previous.outcomeAt;
  return now;
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

/** Sets the outcome and/or the agency only (`{outcome?, agency?}`); the plan is not remade. */
export async function updateInterviewStatus(
  deps: InterviewsDeps,
  userId: string,
  id: string,
  raw: unknown,
): Promise<InterviewView> {
  if (!isObject(raw)) throw DomainError.single('invalid', PROGRESS_MESSAGES.bodyObject);
  const existing = await loadOwned(deps, userId, id);
  const previous = existing.interview;
  const problems = new ProblemList();
  const outcome = raw.outcome === undefined ? previous.outcome : readOutcome(problems, raw.outcome);
  const agency =
    raw.agency === undefined
      ? previous.agency
      : readAgency(problems, raw.agency, isKnownListing(deps));
  if (problems.isEmpty && raw.outcome === undefined && raw.agency === undefined) {
    problems.add(null, 'required', 'Send outcome, agency or both.');
  }
  problems.throwIfAny();
  const now = stamp(nowInstant(deps));
  const record: InterviewRecord = {
    ...previous,
    agency,
    outcome,
    outcomeAt: outcomeAtFor(previous, outcome, now),
    updatedAt: now,
  };
  if (!(await deps.interviewStore.updateInterview(record))) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  }
  return presentInterview({ ...existing, interview: record });
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

function presentPlan(record: InterviewWithProgress): InterviewPlanView {
  const { tracked } = trackInterview(record);
  const effective = withEffectiveDrafts(tracked);
  const input = record.interview.input;
  return {
    interviewId: record.interview.id,
    plannedAt: input.now,
    outcome: record.interview.outcome,
    warnings: tracked.warnings,
    never: tracked.never,
    steps: tracked.steps.map((step) => {
      const draft = findEffectiveDraft(step);
      return {
        ...step,
        title: summariseStep(step, input),
        findings: draft
          ? checkDraft(draft, {
              input,
              stepId: step.id,
              plan: effective,
              spelling: getBritishSpellChecker(),
            })
          : [],
      };
    }),
  };
}

/** The interview's plan: the planner's steps with their states, edited drafts and findings. */
export async function getInterviewPlan(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<InterviewPlanView> {
  return presentPlan(await loadOwned(deps, userId, id));
}

/**
 * Changes one step: its status (pending, done, skipped), when it was done, or the user's own
 * draft (null goes back to the planner's). Returns the step as the plan now shows it.
 */
export async function updateStep(
  deps: InterviewsDeps,
  userId: string,
  id: string,
  stepId: string,
  raw: unknown,
): Promise<PlanStepView> {
  const record = await loadOwned(deps, userId, id);
  const planned = planFollowUp(record.interview.input).steps.find((step) => step.id === stepId);
  if (!planned)
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.stepNotFound(stepId), 'stepId');
  const change = parseStepChange(raw);
  if (change.draft !== undefined && change.draft !== null && !planned.draft) {
    throw DomainError.single('no-draft', INTERVIEW_MESSAGES.noDraft, 'draft');
  }
  const current: StepState = record.states.find((state) => state.stepId === stepId) ?? {
    stepId,
    status: 'pending',
    doneAt: null,
    draft: null,
  };
  const now = nowInstant(deps);
  const next = applyStepChange(current, change, now);
  if (!(await deps.interviewStore.saveStepState(userId, id, next, stamp(now)))) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  }
  const states = [...record.states.filter((state) => state.stepId !== stepId), next];
  const view = presentPlan({ ...record, states });
  return view.steps.find((step) => step.id === stepId)!;
}

/**
 * Checks a draft as typed for one step of the user's interview, without saving anything: the
 * checker's findings against the plan with the user's other drafts (`{draft: {subject?, body} |
 * text}`, as for the stateless checker). For the plan page's live findings.
 */
export async function checkStepDraft(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
  stepId: string,
  raw: unknown,
): Promise<DraftFinding[]> {
  const record = await loadOwned(deps, userId, id);
  const { tracked } = trackInterview(record);
  const step = tracked.steps.find((candidate) => candidate.id === stepId);
  if (!step) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.stepNotFound(stepId), 'stepId');
  }
  if (!step.draft) throw DomainError.single('no-draft', INTERVIEW_MESSAGES.noDraft, 'draft');
  if (!isObject(raw)) {
    throw DomainError.single('invalid', 'The request must be a JSON object {draft}.', null);
  }
  const problems = new ProblemList();
  const draft = readDraft(raw.draft, 'draft', problems);
  problems.throwIfAny();
  if (!draft) throw DomainError.single('invalid', 'The draft could not be checked.', 'draft');
  const effective = withEffectiveDrafts(tracked);
  const plan: FollowUpPlan = {
    ...effective,
    steps: effective.steps.map((planned) =>
      planned.id === stepId ? { ...planned, draft } : planned,
    ),
  };
  return checkDraft(draft, {
    input: record.interview.input,
    stepId,
    plan,
    spelling: getBritishSpellChecker(),
  });
}

/** Records a reply from the employer: the remaining check-ins (and the close) are cancelled. */
export async function recordReply(
  deps: InterviewsDeps,
  userId: string,
  id: string,
  raw: unknown,
): Promise<InterviewReply> {
  await loadOwned(deps, userId, id);
  const now = nowInstant(deps);
  const reply = { id: randomUUID(), ...parseReply(raw, now) };
  if (!(await deps.interviewStore.addReply(userId, id, { ...reply, recordedAt: stamp(now) }))) {
    throw DomainError.single('not-found', INTERVIEW_MESSAGES.notFound);
  }
  return reply;
}

/** The steps still to do of a tracked plan, with the user's drafts, as a plan. */
function pendingPlan(tracked: TrackedPlan): FollowUpPlan {
  const effective = withEffectiveDrafts(tracked);
  return {
    ...effective,
    steps: effective.steps.filter((_, index) => tracked.steps[index]?.status === 'pending'),
  };
}

/** The calendar file of one interview: its pending steps, with the user's drafts. */
export async function renderInterviewIcs(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
): Promise<string> {
  const record = await loadOwned(deps, userId, id);
  return renderPlanIcs(pendingPlan(trackInterview(record).tracked), record.interview.input);
}

/** A step's email draft (the user's edit when there is one) as an .eml file. */
export async function buildStepEml(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
  id: string,
  stepId: string,
): Promise<Buffer> {
  const record = await loadOwned(deps, userId, id);
  const plan = withEffectiveDrafts(trackInterview(record).tracked);
  return buildDraftEml(plan, record.interview.input, stepId);
}

/** How often calendar apps are asked to fetch the feed again. */
const FEED_REFRESH = 'PT1H';

/** One iCalendar document with the pending steps of all the user's interviews. */
export async function renderCalendarFeed(
  deps: Pick<InterviewsDeps, 'interviewStore'>,
  userId: string,
): Promise<string> {
  const records = await deps.interviewStore.listInterviews(userId);
  const plans = records.map((record) => ({
    plan: pendingPlan(trackInterview(record).tracked),
    input: record.interview.input,
  }));
  return renderFeedIcs(plans, FEED_REFRESH);
}

/**
 * What needs doing across all the user's interviews at `now`: pending steps overdue, due today
 * and coming up (each in the candidate's time zone), soonest first.
 */
export async function listAgenda(
  deps: Pick<InterviewsDeps, 'interviewStore' | 'clock'>,
  userId: string,
): Promise<Agenda> {
  const now = nowInstant(deps);
  const agenda: Agenda = { overdue: [], today: [], upcoming: [] };
  for (const record of await deps.interviewStore.listInterviews(userId)) {
    const input = record.interview.input;
    for (const step of trackInterview(record).tracked.steps) {
      if (step.status !== 'pending') continue;
      agenda[classifyAgendaStep(step, now, input.candidate.timeZone)].push({
        interviewId: record.interview.id,
        role: input.role,
        employer: input.employer.name,
        stepId: step.id,
        title: summariseStep(step, input),
        kind: step.kind,
        channel: step.channel,
        sendAt: step.sendAt,
        due: step.due,
        timeZone: input.candidate.timeZone,
      });
    }
  }
  for (const items of Object.values(agenda)) {
    items.sort(
      (a, b) =>
        Temporal.Instant.compare(a.sendAt, b.sendAt) || a.interviewId.localeCompare(b.interviewId),
    );
  }
  return agenda;
}
