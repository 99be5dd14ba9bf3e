/**
 * The follow-up planner's use-cases, shared by the API, the website and the CLI: validate a raw
 * input (the current time comes from the clock unless the input gives `now`), plan it, find a
 * step, check a draft, and build the files (calendar, .eml drafts, printable notes).
 */
import { Temporal } from 'temporal-polyfill';
import { DomainError, ProblemList, type Problem } from '../domain/errors.js';
import {
  CHECKS_BY_KIND,
  checkDraft,
  parseFollowUpInput,
  planFollowUp,
  type ContactChannel,
  type Draft,
  type DraftFinding,
  type FollowUpInput,
  type FollowUpPlan,
  type NeverChannel,
  type PlanStep,
} from '../domain/followup/index.js';
import { describeDate, describeMoment } from '../domain/followup/time.js';
import { LIMITS } from '../domain/validation/limits.js';
import { isObject, lengthOf } from '../domain/validation/text.js';
import {
  buildDraftEml,
  cleanHeaderValue,
  getBritishSpellChecker,
  listPrintableNotes,
  renderPlanIcs,
  summariseStep,
  type PrintableNote,
} from './followup/index.js';
import type { Clock } from './ports.js';

export interface FollowUpDeps {
  clock: Clock;
}

/** A validated input and its plan. */
export interface PlannedFollowUp {
  input: FollowUpInput;
  plan: FollowUpPlan;
}

/** A file for the user to download. */
export interface FollowUpFile {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

const DRAFT_LIMITS = LIMITS.draft;

/** The name of the calendar file of a plan. */
const PLAN_ICS_FILENAME = 'follow-up-plan.ics';

/** Puts every problem of a DomainError under `prefix` (`context.input` -> `context.input.role`). */
function prefixProblems(problems: readonly Problem[], prefix: string): Problem[] {
  if (!prefix) return [...problems];
  return problems.map((problem) => ({
    ...problem,
    field: problem.field === null ? prefix : `${prefix}.${problem.field}`,
  }));
}

/**
 * Validates a raw JSON input and plans it. `now` is the input's own, else the clock's. Throws one
 * DomainError with every problem, fields under `fieldPrefix` when one is given.
 */
export function planFollowUpFromJson(
  deps: FollowUpDeps,
  raw: unknown,
  fieldPrefix = '',
): PlannedFollowUp {
  let input: FollowUpInput;
  try {
    input = parseFollowUpInput(raw, Temporal.Instant.fromEpochMilliseconds(+deps.clock.now()));
  } catch (error) {
    if (error instanceof DomainError && fieldPrefix) {
      throw new DomainError(prefixProblems(error.problems, fieldPrefix));
    }
    throw error;
  }
  return { input, plan: planFollowUp(input) };
}

/** A step id as it may be shown back in a message: one line, at most 80 characters. */
function showStepId(stepId: string): string {
  const clean = cleanHeaderValue(stepId);
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

/**
 * The step of the plan with this id. Throws a DomainError on `field`: `required` when no id is
 * given, `not-in-plan` (a 400: the id is the caller's input) when the plan has no such step.
 */
export function getPlanStep(plan: FollowUpPlan, stepId: unknown, field: string): PlanStep {
  const suggestions = plan.steps.map((step) => ({ label: step.id }));
  if (typeof stepId !== 'string' || stepId.trim() === '') {
    throw DomainError.single(
      'required',
      `Say which step of the plan: ${plan.steps.map((step) => step.id).join(', ')}.`,
      field,
      suggestions,
    );
  }
  const step = plan.steps.find((candidate) => candidate.id === stepId.trim());
  if (!step) {
    throw DomainError.single(
      'not-in-plan',
      `There is no step "${showStepId(stepId)}" in this plan.`,
      field,
      suggestions,
    );
  }
  return step;
}

/** Whether the checker has anything to say about drafts of this step (thank-yous, check-ins). */
export function isCheckedStep(step: PlanStep): boolean {
  return step.draft !== undefined && CHECKS_BY_KIND[step.kind].length > 0;
}

/**
 * Reads a draft given as text or as `{subject?, body}`. Every problem is added to `problems`
 * under `field`; returns undefined when the draft cannot be used.
 */
export function readDraft(raw: unknown, field: string, problems: ProblemList): Draft | undefined {
  if (typeof raw === 'string') raw = { body: raw };
  if (raw === undefined || raw === null) {
    problems.add(field, 'required', 'The draft is required: its text, or {subject, body}.');
    return undefined;
  }
  if (!isObject(raw)) {
    problems.add(field, 'invalid', 'The draft must be text, or an object {subject, body}.');
    return undefined;
  }
  const { subject, body } = raw;
  let ok = true;
  if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
    problems.add(`${field}.body`, 'required', 'The draft’s text is required.');
    ok = false;
  } else if (typeof body !== 'string') {
    problems.add(`${field}.body`, 'invalid', 'The draft’s text must be text.');
    ok = false;
  } else if (lengthOf(body) > DRAFT_LIMITS.bodyLength) {
    problems.add(
      `${field}.body`,
      'too-long',
      `The draft has ${lengthOf(body)} characters; the checker reads at most ${DRAFT_LIMITS.bodyLength}.`,
    );
    ok = false;
  }
  if (subject !== undefined && subject !== null) {
    if (typeof subject !== 'string') {
      problems.add(`${field}.subject`, 'invalid', 'The subject must be text.');
      ok = false;
    } else if (lengthOf(subject) > DRAFT_LIMITS.subjectLength) {
      problems.add(
        `${field}.subject`,
        'too-long',
        `The subject has ${lengthOf(subject)} characters; keep it to ${DRAFT_LIMITS.subjectLength}.`,
      );
      ok = false;
    }
  }
  if (!ok || typeof body !== 'string') return undefined;
  return typeof subject === 'string' && subject.trim() !== '' ? { subject, body } : { body };
}

/**
 * Checks a draft against a step of a plan; the other drafts of `planned` are what it is compared
 * with for near-copies. Returns every finding, empty when the draft reads well.
 */
export function checkPlanDraft(
  planned: PlannedFollowUp,
  stepId: string,
  draft: Draft,
): DraftFinding[] {
  return checkDraft(draft, {
    input: planned.input,
    stepId,
    plan: planned.plan,
    spelling: getBritishSpellChecker(),
  });
}

/**
 * The API's check: `{draft, context: {input, stepId}}` -> the findings. Every problem of the
 * draft, the input (under `context.input.`) and the step id (`context.stepId`) is thrown at once.
 */
export function checkFollowUpDraft(deps: FollowUpDeps, body: unknown): DraftFinding[] {
  if (!isObject(body)) {
    throw DomainError.single(
      'invalid',
      'The request must be a JSON object {draft, context: {input, stepId}}.',
      null,
    );
  }
  const { draft: rawDraft, context } = body;
  const problems = new ProblemList();
  const draft = readDraft(rawDraft, 'draft', problems);
  if (!isObject(context)) {
    if (context === undefined || context === null) {
      problems.add(
        'context',
        'required',
        'The context is required: {input, stepId}, the interview and the step the draft is for.',
      );
    } else {
      problems.add('context', 'invalid', 'The context must be an object {input, stepId}.');
    }
    throw new DomainError(problems.items);
  }
  const { input: rawInput, stepId } = context;
  let planned: PlannedFollowUp | undefined;
  try {
    planned = planFollowUpFromJson(deps, rawInput, 'context.input');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const problem of error.problems) problems.items.push(problem);
  }
  if (typeof stepId !== 'string' || stepId.trim() === '') {
    problems.add('context.stepId', 'required', 'The id of the step the draft is for is required.');
  } else if (planned) {
    try {
      getPlanStep(planned.plan, stepId, 'context.stepId');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const problem of error.problems) problems.items.push(problem);
    }
  }
  problems.throwIfAny();
  if (!planned || !draft || typeof stepId !== 'string') {
    throw DomainError.single('invalid', 'The draft could not be checked.', null);
  }
  return checkPlanDraft(planned, stepId.trim(), draft);
}

/** The plan with some drafts replaced by the user's edits (by step id); other steps unchanged. */
export function applyDraftEdits(
  plan: FollowUpPlan,
  edits: ReadonlyMap<string, Draft>,
): FollowUpPlan {
  if (edits.size === 0) return plan;
  return {
    ...plan,
    steps: plan.steps.map((step) => {
      const edit = edits.get(step.id);
      return edit && step.draft ? { ...step, draft: edit } : step;
    }),
  };
}

/** The plan as an iCalendar file, `follow-up-plan.ics`. */
export function buildPlanCalendarFile(planned: PlannedFollowUp): FollowUpFile {
  return {
    filename: PLAN_ICS_FILENAME,
    contentType: 'text/calendar; charset=utf-8',
    content: renderPlanIcs(planned.plan, planned.input),
  };
}

/**
 * The .eml draft of an email step, named after the step. Throws a DomainError on `field`:
 * `required`, `not-in-plan`, or `not-an-email` for a step that is not sent by email.
 */
export async function buildDraftEmailFile(
  planned: PlannedFollowUp,
  stepId: unknown,
  field: string,
): Promise<FollowUpFile> {
  const step = getPlanStep(planned.plan, stepId, field);
  if (step.channel !== 'email' || !step.draft) {
    throw DomainError.single(
      'not-an-email',
      `Step "${showStepId(step.id)}" is not an email, so it has no .eml draft.`,
      field,
      planned.plan.steps
        .filter((candidate) => candidate.channel === 'email' && candidate.draft)
        .map((candidate) => ({ label: candidate.id })),
    );
  }
  const slug = step.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    filename: `follow-up-${slug.slice(0, 80)}.eml`,
    contentType: 'message/rfc822',
    content: await buildDraftEml(planned.plan, planned.input, step.id),
  };
}

/** A plan step written for people: what to do, when, how, to whom, and why. */
export interface StepSummary {
  id: string;
  kind: PlanStep['kind'];
  /** "Email a thank-you to Anna Clarke". */
  title: string;
  /** The suggested moment: "Fri 16 Oct, 09:00". */
  when: string;
  /** "Thu 15 Oct, 18:00 to Fri 16 Oct, 16:00" (one moment when the window is an instant). */
  window: string;
  channel: string;
  to?: string;
  /** A candidate outside the UK: the send time for the employer, "Fri 16 Oct, 13:00 (Europe/London)". */
  employerWhen?: string;
  postBy?: string;
  arrivesBy?: string;
  why: string;
  /** Why the rule behind the step exists, and where it comes from (never the rule's id). */
  reason: string;
  source: string;
}

/** The channels never used, as people call them. */
export const NEVER_CHANNEL_LABELS: Readonly<Record<NeverChannel, string>> = {
  phone: 'Phoning',
  visit: 'Turning up in person',
  facebook: 'Facebook',
  twitter: 'X (Twitter)',
  text: 'Text messages',
};

const CHANNEL_LABELS: Record<ContactChannel, string> = {
  email: 'Email',
  handwritten: 'Hand-written note, sent first class',
  linkedin: 'LinkedIn',
};

function describeChannel(step: PlanStep): string {
  if (step.channel) return CHANNEL_LABELS[step.channel];
  return step.kind === 'ask-timeline' ? 'In person, at the interview' : 'Nothing to send';
}

/** Every step of a plan written for people, times in the candidate's time zone. */
export function describePlanSteps(planned: PlannedFollowUp): StepSummary[] {
  const zone = planned.input.candidate.timeZone;
  const moment = (value: string) => describeMoment(Temporal.Instant.from(value), zone);
  return planned.plan.steps.map((step) => ({
    id: step.id,
    kind: step.kind,
    title: summariseStep(step, planned.input),
    when: moment(step.sendAt),
    window:
      step.notBefore === step.due
        ? moment(step.due)
        : `${moment(step.notBefore)} to ${moment(step.due)}`,
    channel: describeChannel(step),
    ...(step.to !== undefined ? { to: step.to } : {}),
    ...(step.employerSendAt !== undefined
      ? {
          employerWhen: `${describeMoment(
            Temporal.Instant.from(step.employerSendAt),
            planned.input.interview.timeZone,
          )} (${planned.input.interview.timeZone})`,
        }
      : {}),
    ...(step.postBy !== undefined ? { postBy: moment(step.postBy) } : {}),
    ...(step.arrivesBy !== undefined
      ? { arrivesBy: describeDate(Temporal.PlainDate.from(step.arrivesBy)) }
      : {}),
    why: step.why,
    reason: step.reason,
    source: step.source,
  }));
}

/** The interview written for people, in its own zone: "Thu 15 Oct, 15:00 to 16:00". */
export function describeInterviewTime(input: FollowUpInput): string {
  const zone = input.interview.timeZone;
  const start = Temporal.Instant.from(input.interview.startsAt).toZonedDateTimeISO(zone);
  const end = Temporal.Instant.from(input.interview.endsAt).toZonedDateTimeISO(zone);
  const endText = describeMoment(end.toInstant(), zone);
  return `${describeMoment(start.toInstant(), zone)} to ${
    start.toPlainDate().equals(end.toPlainDate())
      ? endText.slice(endText.indexOf(', ') + 2)
      : endText
  }`;
}

/** A hand-written note of the plan with its times written for people. */
export interface NoteToWrite extends Omit<PrintableNote, 'postBy' | 'arrivesBy'> {
  postBy?: string;
  arrivesBy?: string;
}

/** The plan's hand-written notes, ready to print, with times in the candidate's zone. */
export function listNotesToWrite(planned: PlannedFollowUp): NoteToWrite[] {
  const zone = planned.input.candidate.timeZone;
  return listPrintableNotes(planned.plan, planned.input).map(({ postBy, arrivesBy, ...note }) => ({
    ...note,
    ...(postBy ? { postBy: describeMoment(Temporal.Instant.from(postBy), zone) } : {}),
    ...(arrivesBy ? { arrivesBy: describeDate(Temporal.PlainDate.from(arrivesBy)) } : {}),
  }));
}
