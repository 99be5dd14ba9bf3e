/**
 * Following an interview up: the plan with its states, a step marked or its draft edited, a
 * draft checked as typed, a reply, the outcome, and the agenda across all the user's interviews.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import {
  applyStepChange,
  classifyAgendaStep,
  parseReply,
  parseStepChange,
  PROGRESS_MESSAGES,
  readAgency,
  readOutcome,
  type AgendaBucket,
  type InterviewReply,
  type StepState,
  type TrackedStep,
} from '../../domain/followup/interview-progress.js';
import { DomainError, ProblemList } from '../../domain/errors.js';
import {
  checkDraft,
  planFollowUp,
  type DraftFinding,
  type FollowUpPlan,
} from '../../domain/followup/index.js';
import { readDraft } from '../followup.service.js';
import { getBritishSpellChecker, summariseStep } from '../followup/index.js';
import {
  INTERVIEW_MESSAGES,
  loadOwned,
  nowInstant,
  presentInterview,
  stamp,
  type InterviewView,
  type InterviewsDeps,
} from './interviews.service.js';
import type { InterviewRecord } from '../ports.js';
import { isKnownListing } from './agencies.js';
import { isObject, outcomeAtFor } from './interview-body.js';
import {
  presentPlan,
  trackInterview,
  withEffectiveDrafts,
  type InterviewPlanView,
  type PlanStepView,
} from './plan-view.js';

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

type Agenda = Record<AgendaBucket, AgendaItem[]>;

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
