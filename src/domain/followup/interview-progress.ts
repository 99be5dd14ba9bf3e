/**
 * What happened after a saved interview: the outcome, the replies and each step's state, merged
 * with the planner's steps, and the agenda across interviews (overdue, due today, coming up).
 * Also the validation of the edits (outcome, agency, a step's change, a reply). Pure: `now` comes
 * in as an argument.
 */
import { Temporal } from 'temporal-polyfill';
import { DomainError, ProblemList } from '../errors.js';
import { LIMITS } from '../validation/limits.js';
import { isObject, normaliseLine, normaliseLines, own } from '../validation/text.js';
import type { Draft, FollowUpPlan, PlanStep, StepKind } from './types.js';

export const INTERVIEW_OUTCOMES = [
  'pending',
  'offer',
  'rejected',
  'withdrawn',
  'no-reply',
] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

/** What a user can set on a step; `cancelled` only follows from a reply or an outcome. */
const SETTABLE_STEP_STATUSES = ['pending', 'done', 'skipped'] as const;
export type SettableStepStatus = (typeof SETTABLE_STEP_STATUSES)[number];
type StepStatus = SettableStepStatus | 'cancelled';

const PROGRESS_LIMITS = Object.freeze({
  draftBodyLength: LIMITS.draft.bodyLength,
  draftSubjectLength: LIMITS.draft.subjectLength,
  replyFromLength: 200,
  agencyLength: 100,
});

/** A step's saved state; steps without one are pending with the planner's draft. */
export interface StepState {
  stepId: string;
  status: SettableStepStatus;
  doneAt: string | null;
  /** The user's own version of the draft, replacing the planner's. */
  draft: Draft | null;
}

export interface InterviewReply {
  id: string;
  /** When the employer replied (UTC instant). */
  at: string;
  from: string | null;
}

export interface InterviewProgress {
  outcome: InterviewOutcome;
  /** When the outcome was last set to something other than pending. */
  outcomeAt: string | null;
  replies: readonly InterviewReply[];
  states: readonly StepState[];
}

/** A planner step with what the user did about it. */
export interface TrackedStep extends PlanStep {
  status: StepStatus;
  doneAt: string | null;
  /** The user's edited draft, when there is one (the planner's stays in `draft`). */
  editedDraft?: Draft;
}

export interface TrackedPlan extends Omit<FollowUpPlan, 'steps'> {
  steps: TrackedStep[];
}

/** Steps that chase the employer: pointless once they have replied. */
const CHASING_KINDS: ReadonlySet<StepKind> = new Set(['check-in', 'second-check-in', 'close']);
/** Steps about the decision: pointless once there is an outcome. */
const DECISION_KINDS: ReadonlySet<StepKind> = new Set([
  'ask-timeline',
  'check-in',
  'thank-you-check-in',
  'second-check-in',
]);

/**
 * Merges the plan with the progress. A step keeps the state the user gave it unless that is
 * pending; a pending step is cancelled when a reply was recorded (check-ins and the close) or an
 * outcome set (ask-timeline and check-ins; the close is done at the outcome for `no-reply`,
 * cancelled for any other).
 */
export function trackPlan(plan: FollowUpPlan, progress: InterviewProgress): TrackedPlan {
  const states = new Map(progress.states.map((state) => [state.stepId, state]));
  const replied = progress.replies.length > 0;
  const decided = progress.outcome !== 'pending';
  return {
    ...plan,
    steps: plan.steps.map((step): TrackedStep => {
      const state = states.get(step.id);
      const edited = state?.draft ? { editedDraft: state.draft } : {};
      if (state && state.status !== 'pending') {
        return { ...step, status: state.status, doneAt: state.doneAt, ...edited };
      }
      if (decided && step.kind === 'close') {
        return progress.outcome === 'no-reply'
          ? { ...step, status: 'done', doneAt: progress.outcomeAt, ...edited }
          : { ...step, status: 'cancelled', doneAt: null, ...edited };
      }
      if ((decided && DECISION_KINDS.has(step.kind)) || (replied && CHASING_KINDS.has(step.kind))) {
        return { ...step, status: 'cancelled', doneAt: null, ...edited };
      }
      return { ...step, status: 'pending', doneAt: null, ...edited };
    }),
  };
}

/** The draft a step goes out with: the user's edit, else the planner's. */
export function findEffectiveDraft(step: TrackedStep): Draft | undefined {
  return step.editedDraft ?? step.draft;
}

/**
 * True when a draft as typed says the same as `current` once tidied the way saving tidies it
 * (line endings, spaces at line ends, blank lines, a blank subject): typing nothing new is no edit.
 */
export function isSameDraft(current: Draft | undefined, typed: Draft): boolean {
  if (!current) return false;
  return (
    normaliseLines(current.body) === normaliseLines(typed.body) &&
    normaliseLine(current.subject ?? '') === normaliseLine(typed.subject ?? '')
  );
}

export type AgendaBucket = 'overdue' | 'today' | 'upcoming';

/**
 * Where a pending step stands at `now` for someone in `timeZone`: overdue once its due time has
 * passed, today when its send time falls today (or earlier, while not yet overdue), else upcoming.
 */
export function classifyAgendaStep(
  step: Pick<PlanStep, 'due' | 'sendAt'>,
  now: Temporal.Instant,
  timeZone: string,
): AgendaBucket {
  if (Temporal.Instant.compare(Temporal.Instant.from(step.due), now) < 0) return 'overdue';
  const today = now.toZonedDateTimeISO(timeZone).toPlainDate();
  const sendOn = Temporal.Instant.from(step.sendAt).toZonedDateTimeISO(timeZone).toPlainDate();
  return Temporal.PlainDate.compare(sendOn, today) <= 0 ? 'today' : 'upcoming';
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:\d{2})$/;

/** Reads an instant with its offset (`2026-10-20T09:30:00+01:00`, `...Z`) as UTC seconds. */
function readInstant(
  problems: ProblemList,
  raw: unknown,
  field: string,
  label: string,
): string | undefined {
  if (typeof raw !== 'string' || !INSTANT.test(raw.trim())) {
    problems.add(
      field,
      'invalid',
      `${label} must be a date and time with its offset, such as 2026-10-20T09:30:00+01:00.`,
    );
    return undefined;
  }
  try {
    return Temporal.Instant.from(raw.trim()).toString({ smallestUnit: 'second' });
  } catch {
    problems.add(field, 'invalid', `${label} is not a real date and time.`);
    return undefined;
  }
}

export const PROGRESS_MESSAGES = Object.freeze({
  outcome: `The outcome must be one of ${INTERVIEW_OUTCOMES.join(', ')}.`,
  agencyText: 'The agency must be the listing’s slug from the directory, or null.',
  unknownAgency: (slug: string) => `There is no agency "${slug}" in the directory.`,
  status: `The status must be one of ${SETTABLE_STEP_STATUSES.join(', ')}.`,
  cancelledByHand:
    'Steps are cancelled by recording a reply or an outcome; mark the step skipped instead.',
  doneAtWithoutDone: 'doneAt can only be given for a step that is done.',
  emptyChange: 'Send at least one of status, doneAt or draft.',
  draftObject: 'The draft must be an object {subject?, body}, or null to use the suggested draft.',
  draftBody: 'Write the draft’s text, or send null to go back to the suggested draft.',
  draftBodyLong: `The draft has more than ${PROGRESS_LIMITS.draftBodyLength} characters; shorten it.`,
  draftSubjectText: 'The subject must be text.',
  draftSubjectLong: `The subject has more than ${PROGRESS_LIMITS.draftSubjectLength} characters; shorten it.`,
  replyAtRequired: 'Say when the employer replied (at).',
  replyInFuture: 'The reply cannot be in the future.',
  replyFromText: `Who replied must be text of at most ${PROGRESS_LIMITS.replyFromLength} characters.`,
  bodyObject: 'The request body must be a JSON object.',
});

/** Reads `outcome` (default pending). Records a problem for anything else. */
export function readOutcome(
  problems: ProblemList,
  raw: unknown,
  fallback: InterviewOutcome = 'pending',
): InterviewOutcome {
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const found = INTERVIEW_OUTCOMES.find((outcome) => outcome === value);
  if (!found) {
    problems.add(
      'outcome',
      'not-in-list',
      PROGRESS_MESSAGES.outcome,
      INTERVIEW_OUTCOMES.map((outcome) => ({ label: outcome, value: outcome })),
    );
    return fallback;
  }
  return found;
}

/** Reads `agency`: a listing slug the directory knows, or null. */
export function readAgency(
  problems: ProblemList,
  raw: unknown,
  isKnownListing: (slug: string) => boolean,
): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > PROGRESS_LIMITS.agencyLength) {
    problems.add('agency', 'invalid', PROGRESS_MESSAGES.agencyText);
    return null;
  }
  const slug = raw.trim().toLowerCase();
  if (!isKnownListing(slug)) {
    problems.add('agency', 'unknown-agency', PROGRESS_MESSAGES.unknownAgency(normaliseLine(slug)));
    return null;
  }
  return slug;
}

/** A change to one step, as sent: each field undefined when not sent. */
export interface StepChange {
  status?: SettableStepStatus;
  doneAt?: string;
  /** null: drop the user's edit and go back to the planner's draft. */
  draft?: Draft | null;
}

function readDraft(problems: ProblemList, raw: unknown): Draft | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw)) {
    problems.add('draft', 'invalid', PROGRESS_MESSAGES.draftObject);
    return undefined;
  }
  const rawBody = own(raw, 'body');
  const body = typeof rawBody === 'string' ? normaliseLines(rawBody) : '';
  let ok = true;
  if (body === '') {
    problems.add('draft.body', 'required', PROGRESS_MESSAGES.draftBody);
    ok = false;
  } else if ([...body].length > PROGRESS_LIMITS.draftBodyLength) {
    problems.add('draft.body', 'too-long', PROGRESS_MESSAGES.draftBodyLong);
    ok = false;
  }
  const rawSubject = own(raw, 'subject');
  let subject: string | undefined;
  if (rawSubject !== undefined && rawSubject !== null) {
    if (typeof rawSubject !== 'string') {
      problems.add('draft.subject', 'invalid', PROGRESS_MESSAGES.draftSubjectText);
      ok = false;
    } else {
      subject = normaliseLine(rawSubject);
      if ([...subject].length > PROGRESS_LIMITS.draftSubjectLength) {
        problems.add('draft.subject', 'too-long', PROGRESS_MESSAGES.draftSubjectLong);
        ok = false;
      }
    }
  }
  if (!ok) return undefined;
  return subject ? { subject, body } : { body };
}

/** Validates the body of a step change; throws one DomainError listing every problem. */
export function parseStepChange(raw: unknown): StepChange {
  if (!isObject(raw)) throw DomainError.single('invalid', PROGRESS_MESSAGES.bodyObject);
  const problems = new ProblemList();
  const change: StepChange = {};
  const rawStatus = own(raw, 'status');
  if (rawStatus !== undefined && rawStatus !== null) {
    const value = typeof rawStatus === 'string' ? rawStatus.trim().toLowerCase() : '';
    const found = SETTABLE_STEP_STATUSES.find((status) => status === value);
    if (found) change.status = found;
    else if (value === 'cancelled')
      problems.add('status', 'not-in-list', PROGRESS_MESSAGES.cancelledByHand);
    else problems.add('status', 'not-in-list', PROGRESS_MESSAGES.status);
  }
  const rawDoneAt = own(raw, 'doneAt');
  if (rawDoneAt !== undefined && rawDoneAt !== null) {
    const doneAt = readInstant(problems, rawDoneAt, 'doneAt', 'doneAt');
    if (doneAt !== undefined) change.doneAt = doneAt;
  }
  if (own(raw, 'draft') !== undefined) {
    const draft = readDraft(problems, own(raw, 'draft'));
    if (draft !== undefined) change.draft = draft;
  }
  if (
    problems.isEmpty &&
    change.status === undefined &&
    change.doneAt === undefined &&
    change.draft === undefined
  ) {
    problems.add(null, 'required', PROGRESS_MESSAGES.emptyChange);
  }
  problems.throwIfAny();
  return change;
}

/**
 * Applies a change to a step's current state at `now`: a step marked done gets `doneAt` (given,
 * else kept, else now); any other status clears it. Throws `invalid` for doneAt on a step that
 * is not done.
 */
export function applyStepChange(
  current: StepState,
  change: StepChange,
  now: Temporal.Instant,
): StepState {
  const status = change.status ?? current.status;
  if (status !== 'done' && change.doneAt !== undefined) {
    throw DomainError.single('invalid', PROGRESS_MESSAGES.doneAtWithoutDone, 'doneAt');
  }
  const doneAt =
    status === 'done'
      ? (change.doneAt ??
        (current.status === 'done' ? current.doneAt : null) ??
        now.toString({ smallestUnit: 'second' }))
      : null;
  const draft = change.draft === undefined ? current.draft : change.draft;
  return { stepId: current.stepId, status, doneAt, draft };
}

/** Validates a reply `{at, from?}` received at `now`; at most a few minutes ahead is accepted. */
export function parseReply(raw: unknown, now: Temporal.Instant): Omit<InterviewReply, 'id'> {
  if (!isObject(raw)) throw DomainError.single('invalid', PROGRESS_MESSAGES.bodyObject);
  const problems = new ProblemList();
  const rawAt = own(raw, 'at');
  let at: string | undefined;
  if (rawAt === undefined || rawAt === null || rawAt === '') {
    problems.add('at', 'required', PROGRESS_MESSAGES.replyAtRequired);
  } else {
    at = readInstant(problems, rawAt, 'at', 'at');
    // A few minutes of leeway for clocks that disagree.
    if (
      at !== undefined &&
      Temporal.Instant.compare(Temporal.Instant.from(at), now.add({ minutes: 5 })) > 0
    ) {
      problems.add('at', 'out-of-range', PROGRESS_MESSAGES.replyInFuture);
    }
  }
  const rawFrom = own(raw, 'from');
  let from: string | null = null;
  if (rawFrom !== undefined && rawFrom !== null && rawFrom !== '') {
    const text = typeof rawFrom === 'string' ? normaliseLine(rawFrom) : undefined;
    if (text === undefined || [...text].length > PROGRESS_LIMITS.replyFromLength) {
      problems.add('from', 'invalid', PROGRESS_MESSAGES.replyFromText);
    } else if (text !== '') {
      from = text;
    }
  }
  problems.throwIfAny();
  return { at: at ?? '', from };
}
