/**
 * The planner: runs its stages in order over one interview. Who was met and the interview's
 * instants (plan-context), when each kind of step can go (timing), the thank-yous (the recipient
 * rules), the agency's and the panel's steps, the check-ins (the interview rules), the drafts,
 * then late planning and, for a candidate abroad, both zones' times. Pure and deterministic: `now`
 * comes from the input.
 */
import { explainSendTimes } from './plan-abroad.js';
import { planAgencySteps, sendCheckInsToConsultant } from './plan-agency.js';
import { planCheckIns } from './plan-check-ins.js';
import { describeValues, readInterview } from './plan-context.js';
import { attachDrafts } from './plan-drafts.js';
import { handleLateSteps } from './plan-late.js';
import { planPanelThanks } from './plan-panel.js';
import { orderSteps, type PlanWork } from './plan-steps.js';
import { planThankYous } from './plan-thank-yous.js';
import type { FollowUpRule } from './rule-types.js';
import { FOLLOW_UP_RULES, NEVER_CHANNELS } from './rules.js';
import { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
import { planTiming } from './timing.js';
import type { FollowUpInput, FollowUpPlan, PlanStep } from './types.js';

/**
 * Plans the follow-up of one interview: the steps (each with the rule that produced it and
 * why), the warnings, and the channels never to use.
 */
export function planFollowUp(
  input: FollowUpInput,
  settings: FollowUpSettings = DEFAULT_SETTINGS,
  rules: readonly FollowUpRule[] = FOLLOW_UP_RULES,
): FollowUpPlan {
  const ctx = readInterview(input, settings, rules);
  const timing = planTiming(ctx);
  const values = describeValues(ctx, timing);
  const work: PlanWork = { steps: [], warnings: [], requests: [], scheduled: new Set() };

  planThankYous(ctx, timing, values, work);
  if (input.recruiter) planAgencySteps(ctx, input.recruiter, timing, values, work);
  const panel = planPanelThanks(ctx, timing, values, work);
  const interviewValues = planCheckIns(ctx, timing, values, work);
  if (input.recruiter) sendCheckInsToConsultant(ctx, input.recruiter, values, work);
  attachDrafts(ctx, work, panel);
  handleLateSteps(ctx, interviewValues, work);
  if (ctx.abroad) explainSendTimes(ctx, work);

  return {
    steps: orderSteps(work.steps),
    warnings: work.warnings,
    never: NEVER_CHANNELS.map(({ channel, why }) => ({ channel, why })),
  };
}

export function findPlanStep(plan: FollowUpPlan, stepId: string): PlanStep | undefined {
  return plan.steps.find((step) => step.id === stepId);
}
