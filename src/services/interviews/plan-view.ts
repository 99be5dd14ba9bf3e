/**
 * An interview's plan as the user sees it: the planner's steps merged with what the user did
 * (steps done, skipped, their own drafts; replies and outcomes cancelling check-ins), each draft
 * with the checker's findings.
 */
import {
  findEffectiveDraft,
  trackPlan,
  type InterviewOutcome,
  type TrackedPlan,
  type TrackedStep,
} from '../../domain/followup/interview-progress.js';
import {
  checkDraft,
  planFollowUp,
  type DraftFinding,
  type FollowUpPlan,
} from '../../domain/followup/index.js';
import { getBritishSpellChecker, summariseStep } from '../followup/index.js';
import type { InterviewWithProgress } from '../ports.js';

export type PlanStepView = TrackedStep & { title: string; findings: DraftFinding[] };

export interface InterviewPlanView extends Omit<TrackedPlan, 'steps'> {
  interviewId: string;
  /** The `now` the plan was made with: when the interview was saved. */
  plannedAt: string;
  outcome: InterviewOutcome;
  steps: PlanStepView[];
}

export function trackInterview(record: InterviewWithProgress): {
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
export function withEffectiveDrafts(tracked: TrackedPlan): FollowUpPlan {
  return {
    warnings: tracked.warnings,
    never: tracked.never,
    steps: tracked.steps.map(({ status: _s, doneAt: _d, editedDraft: _e, ...step }, index) => {
      const draft = findEffectiveDraft(tracked.steps[index]!);
      return draft ? { ...step, draft } : step;
    }),
  };
}

export function presentPlan(record: InterviewWithProgress): InterviewPlanView {
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
