/** The panel stage: members with no address are thanked through the chair or the hiring team. */
import { HIRING_TEAM_NAME } from './drafts.js';
import { findPanelThanks, listNames, listPassedOnSteps } from './panel.js';
import { HIRING_TEAM_ID, type PlanContext } from './plan-context.js';
import { citeRule, dropSteps, makeStepId, type PlanWork } from './plan-steps.js';
import { findTimingRule } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import type { Timing } from './timing.js';

/** The email that carries a panel's thanks, for the drafts stage to add the pass-on request. */
export interface PanelEmail {
  stepId: string;
  passOnTo: readonly string[];
  toChair: boolean;
}

export function planPanelThanks(
  ctx: PlanContext,
  timing: Timing,
  baseValues: Readonly<Record<string, string>>,
  work: PlanWork,
): PanelEmail | null {
  const panel = findPanelThanks(ctx.input, work.steps);
  const rule = findTimingRule(ctx.rules, 'thank-you-panel');
  if (!panel || !rule) return null;
  dropSteps(work, listPassedOnSteps(work.steps, panel.passOnTo));
  const passOnTo = panel.passOnTo.map((member) => member.name);
  const values = {
    ...baseValues,
    recipient: panel.chair?.name ?? HIRING_TEAM_NAME,
    names: listNames(passOnTo),
  };
  const why = fillTemplate(rule.why, values);
  if (panel.chair) {
    const stepId = makeStepId(panel.chair.id, 'thank-you', 'email');
    const chairStep = work.steps.find((s) => s.id === stepId);
    if (chairStep) chairStep.why = `${chairStep.why} ${why}`;
    return { stepId, passOnTo, toChair: true };
  }
  const stepId = makeStepId(HIRING_TEAM_ID, 'thank-you', 'email');
  const timingRule = findTimingRule(ctx.rules, 'thank-you-timing');
  const timingWhy = timingRule ? ` ${fillTemplate(timingRule.why, values)}` : '';
  const { show } = ctx;
  work.steps.push({
    id: stepId,
    kind: 'thank-you',
    channel: 'email',
    to: HIRING_TEAM_NAME,
    notBefore: show(timing.thankYou.notBefore),
    due: show(timing.thankYou.due),
    sendAt: show(timing.thankYou.sendAt),
    ...citeRule(rule, `${why}${timingWhy}`),
  });
  if (timing.thankYou.scheduled) work.scheduled.add(stepId);
  work.requests.push({
    stepId,
    kind: 'thank-you',
    channel: 'email',
    recipient: { name: HIRING_TEAM_NAME, isHiringTeam: true },
  });
  return { stepId, passOnTo, toChair: false };
}
