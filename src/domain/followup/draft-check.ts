/**
 * The draft checker: finds what a follow-up draft lacks or overdoes (no thanks, no name,
 * nothing from the interview, too long, a near-copy of another interviewer's note, pushy).
 */
import { DomainError } from '../errors.js';
import { findDraftProblems, type OtherDraft } from './draft-findings.js';
import {
  HIRING_TEAM_NAME,
  collectInterviewerNameWords,
  describeDraftSubject,
  isComparedKind,
  type DraftRecipient,
} from './drafts.js';
import { findPlanStep, planFollowUp } from './plan.js';
import { isRecruiterStepId } from './recruiter.js';
import type { SpellChecker } from './prose-checks.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import type {
  Draft,
  DraftFinding,
  FollowUpInput,
  FollowUpPlan,
  Interviewer,
  PlanStep,
} from './types.js';

export { CHECKS_BY_KIND } from './draft-findings.js';

export interface CheckDraftContext {
  input: FollowUpInput;
  stepId: string;
  /** The plan of `input`, when the caller has it already (else it is planned again). */
  plan?: FollowUpPlan;
  settings?: FollowUpSettings;
  /** A British English dictionary; without one, `spelling` is not checked. */
  spelling?: SpellChecker;
}

/**
 * Checks a draft for the step `stepId` of the input's plan and returns every finding (empty
 * when the draft is fine). Throws a DomainError `not-found` (field `stepId`) for an unknown step.
 */
export function checkDraft(draft: Draft | string, context: CheckDraftContext): DraftFinding[] {
  const settings = context.settings ?? DEFAULT_SETTINGS;
  const input = context.input;
  const plan = context.plan ?? planFollowUp(input, settings);
  const step = findPlanStep(plan, context.stepId);
  if (!step) {
    throw DomainError.single(
      'not-found',
      `There is no step "${context.stepId}" in this plan.`,
      'stepId',
      plan.steps.map((s) => ({ label: s.id })),
    );
  }
  const interviewer = input.interviewers.find((i) => i.id === step.interviewerId);
  // Steps to the agency's consultant are checked as written to them; asking them for a call
  // is expected, so `asks-for-call` does not apply.
  const toRecruiter = input.recruiter !== undefined && step.to === input.recruiter.consultant;
  const recipient: DraftRecipient = interviewer
    ? { interviewer, name: interviewer.name, isHiringTeam: false }
    : toRecruiter && input.recruiter
      ? { name: input.recruiter.consultant, isHiringTeam: false }
      : { name: HIRING_TEAM_NAME, isHiringTeam: true };
  const described = describeDraftSubject(input, settings, {
    stepId: step.id,
    kind: step.kind,
    channel: step.channel,
    recipient,
  });
  // Those whose thanks this step carries (through the consultant or the panel's chair) are
  // named in it on purpose: not another recipient's name, and never a misspelling.
  const passedOn = listPassedOn(input, plan, step, interviewer);
  const subject = passedOn.length
    ? {
        ...described,
        otherInterviewers: (described.otherInterviewers ?? []).filter(
          (other) => !passedOn.some((member) => member.name === other.name),
        ),
        properNames: [
          ...(described.properNames ?? []),
          ...passedOn.flatMap((member) => [member.name, member.title ?? '']),
        ],
      }
    : described;
  const others: OtherDraft[] = isComparedKind(step.kind)
    ? plan.steps
        .filter(
          (other) =>
            other.id !== step.id &&
            isComparedKind(other.kind) &&
            other.channel === step.channel &&
            other.interviewerId !== step.interviewerId &&
            other.draft !== undefined,
        )
        .map((other) => ({
          recipientName: other.to ?? HIRING_TEAM_NAME,
          draft: other.draft as Draft,
        }))
    : [];
  const asDraft: Draft = typeof draft === 'string' ? { body: draft } : draft;
  const findings = findDraftProblems(
    asDraft,
    subject,
    others,
    collectInterviewerNameWords(input),
    settings,
    context.spelling,
  );
  return toRecruiter ? findings.filter((finding) => finding.code !== 'asks-for-call') : findings;
}

/**
 * The people whose thanks the step carries: for the thank-you through the consultant, or the
 * panel chair's thank-you email, every interviewer left without a thank-you of their own.
 */
function listPassedOn(
  input: FollowUpInput,
  plan: FollowUpPlan,
  step: PlanStep,
  interviewer: Interviewer | undefined,
): Interviewer[] {
  if (step.kind !== 'thank-you' || step.channel !== 'email') return [];
  const carries = isRecruiterStepId(step.id) || interviewer?.chair === true;
  if (!carries) return [];
  return input.interviewers.filter(
    (member) =>
      member !== interviewer &&
      !plan.steps.some((s) => s.kind === 'thank-you' && s.interviewerId === member.id),
  );
}
