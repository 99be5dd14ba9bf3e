/**
 * For a candidate outside the UK: each send time is shown in both zones (`employerSendAt` and the
 * why), with a warning where it must go by scheduled send because the hours never meet.
 */
import { Temporal } from 'temporal-polyfill';
import type { PlanContext } from './plan-context.js';
import { nameStep, type PlanWork } from './plan-steps.js';
import { findTimingRule } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import { describeMoment, formatInstant } from './time.js';
import type { StepKind } from './types.js';

/** Kinds of step sent to the employer at a time the plan chooses. */
const SENT_KINDS: ReadonlySet<StepKind> = new Set([
  'thank-you',
  'linkedin-invite',
  'check-in',
  'second-check-in',
  'thank-you-check-in',
]);

export function explainSendTimes(ctx: PlanContext, work: PlanWork): void {
  const { settings, zone: employerZone, candidateZone } = ctx;
  const employer = ctx.input.employer.name;
  const sharedRule = findTimingRule(ctx.rules, 'abroad-send-time');
  const scheduledRule = findTimingRule(ctx.rules, 'abroad-scheduled-send');
  const clock = (instant: Temporal.Instant, zone: string) =>
    describeMoment(instant, zone).replace(', ', ' at ');
  const { wakingHours: waking, workingHours: working } = settings;
  for (const step of work.steps) {
    if (!SENT_KINDS.has(step.kind) || step.channel === 'handwritten') continue;
    const sendAt = Temporal.Instant.from(step.sendAt);
    step.employerSendAt = formatInstant(sendAt, employerZone);
    const values = {
      employer,
      employerZone,
      candidateZone,
      sendLocal: clock(sendAt, candidateZone),
      sendEmployer: clock(sendAt, employerZone),
      wakingStart: waking.start,
      wakingEnd: waking.end,
      workStart: working.start,
      workEnd: working.end,
    };
    const scheduled = work.scheduled.has(step.id);
    const rule = scheduled ? scheduledRule : sharedRule;
    if (!rule) continue;
    step.why = `${step.why} ${fillTemplate(rule.why, values)}`;
    if (scheduled) {
      work.warnings.push({
        code: 'scheduled-send',
        message: `${nameStep(step)}: your waking hours (${waking.start} to ${waking.end}, ${candidateZone}) and ${employer}'s working hours (${working.start} to ${working.end}, ${employerZone}) do not meet, so schedule it in your mail app for ${values.sendEmployer} their time (${values.sendLocal} yours).`,
        stepId: step.id,
      });
    }
  }
}
