/**
 * Through a recruitment agency: the consultant hears first (a debrief the same day), carries the
 * thanks of anyone without an address, and receives the check-ins instead of the employer.
 */
import { listNames } from './panel.js';
import type { PlanContext } from './plan-context.js';
import { citeRule, dropSteps, makeStepId, type PlanWork } from './plan-steps.js';
import {
  RECRUITER_ID,
  writeDebrief,
  writeRecruiterCheckIn,
  writeThanksThroughRecruiter,
} from './recruiter.js';
import { findTimingRule } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import type { Timing } from './timing.js';
import type { Recruiter } from './types.js';
import { fillNotePlaceholders } from './upcoming.js';

export function planAgencySteps(
  ctx: PlanContext,
  recruiter: Recruiter,
  timing: Timing,
  baseValues: Readonly<Record<string, string>>,
  work: PlanWork,
): void {
  const { input, show } = ctx;
  const debriefRule = findTimingRule(ctx.rules, 'recruiter-debrief');
  const throughRule = findTimingRule(ctx.rules, 'thank-you-through-recruiter');
  const values = { ...baseValues, consultant: recruiter.consultant };
  if (debriefRule) {
    work.steps.push({
      id: makeStepId(RECRUITER_ID, 'debrief', 'email'),
      kind: 'debrief',
      channel: 'email',
      to: recruiter.consultant,
      notBefore: show(timing.debrief.notBefore),
      due: show(timing.debrief.due),
      sendAt: show(timing.debrief.notBefore),
      draft: writeDebrief(input, recruiter),
      ...citeRule(debriefRule, fillTemplate(debriefRule.why, values)),
    });
  }
  const ownThanks = (id: string) =>
    work.steps.filter((s) => s.kind === 'thank-you' && s.id.startsWith(`${id}:`));
  const unaddressed = ctx.recipients.filter((r) => {
    const own = ownThanks(r.id);
    return (
      !r.interviewer?.email &&
      !r.interviewer?.postalAddress &&
      own.length > 0 &&
      own.every((s) => s.channel === 'email')
    );
  });
  if (!throughRule || unaddressed.length === 0) return;
  dropSteps(work, new Set(unaddressed.flatMap((r) => ownThanks(r.id).map((s) => s.id))));
  const names = listNames(unaddressed.map((r) => (r.isHiringTeam ? 'everyone I met' : r.name)));
  work.steps.push({
    id: makeStepId(RECRUITER_ID, 'thank-you', 'email'),
    kind: 'thank-you',
    channel: 'email',
    to: recruiter.consultant,
    notBefore: show(timing.thankYou.notBefore),
    due: show(timing.thankYou.due),
    sendAt: show(timing.thankYou.sendAt),
    draft: writeThanksThroughRecruiter(fillNotePlaceholders(input), recruiter, names),
    ...citeRule(throughRule, fillTemplate(throughRule.why, { ...values, names })),
  });
}

/** Check-ins go to the consultant, not the employer: their draft and address warnings change. */
export function sendCheckInsToConsultant(
  ctx: PlanContext,
  recruiter: Recruiter,
  baseValues: Readonly<Record<string, string>>,
  work: PlanWork,
): void {
  const rule = findTimingRule(ctx.rules, 'check-in-through-recruiter');
  if (!rule) return;
  const why = fillTemplate(rule.why, { ...baseValues, consultant: recruiter.consultant });
  for (const step of work.steps) {
    if (step.kind !== 'check-in' && step.kind !== 'second-check-in') continue;
    delete step.interviewerId;
    step.to = recruiter.consultant;
    step.why = `${step.why} ${why}`;
    step.draft = writeRecruiterCheckIn(
      ctx.input,
      recruiter,
      ctx.interviewDate,
      ctx.decisionDate,
      step.kind === 'second-check-in',
    );
    const kept = work.warnings.filter(
      (w) => !(w.stepId === step.id && w.code === 'no-email-address'),
    );
    work.warnings.splice(0, work.warnings.length, ...kept);
  }
}
