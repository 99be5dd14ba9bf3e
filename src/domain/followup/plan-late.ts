/**
 * Planning late: a late thank-you and a check-in due the same day become one message, and every
 * step whose time has passed says so rather than being silently planned in the past.
 */
import { Temporal } from 'temporal-polyfill';
import { HIRING_TEAM_NAME } from './drafts.js';
import { writeLateThankYouCheckIn } from './late-wording.js';
import type { PlanContext } from './plan-context.js';
import {
  citeRule,
  makeInterviewStepId,
  makeStepId,
  nameStep,
  type PlanWork,
} from './plan-steps.js';
import { findTimingRule } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import type { FollowUpRule } from './rule-types.js';
import { describeMoment, laterOf } from './time.js';
import type { PlanStep } from './types.js';

/**
 * When the main contact's thank-you email is late and the check-in falls on or before today,
 * replaces both with one `thank-you-check-in` email (id `<contactId>:thank-you-check-in:email`),
 * moving their warnings to it. Returns the new step's id and the thank-you's old due time, or
 * null when nothing was combined.
 */
function combineLateThankYou(
  ctx: PlanContext,
  rule: FollowUpRule,
  values: Readonly<Record<string, string>>,
  work: PlanWork,
): { id: string; thankYouDue: Temporal.Instant } | null {
  const { steps, warnings } = work;
  const { now, candidateZone: zone } = ctx;
  const thanksId = makeStepId(ctx.contact.id, 'thank-you', 'email');
  const checkInId = makeInterviewStepId('check-in');
  const thanks = steps.find((s) => s.id === thanksId);
  const checkIn = steps.find((s) => s.id === checkInId);
  if (!thanks || !checkIn) return null;
  const thankYouDue = Temporal.Instant.from(thanks.due);
  if (Temporal.Instant.compare(now, thankYouDue) <= 0) return null;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const checkInDay = Temporal.Instant.from(checkIn.notBefore)
    .toZonedDateTimeISO(zone)
    .toPlainDate();
  if (Temporal.PlainDate.compare(checkInDay, today) > 0) return null;

  const id = makeStepId(ctx.contact.id, 'thank-you-check-in', 'email');
  const sendAt = laterOf(now, Temporal.Instant.from(checkIn.sendAt));
  const due = laterOf(sendAt, Temporal.Instant.from(checkIn.due));
  const why = fillTemplate(rule.why, {
    ...values,
    recipient: thanks.to ?? HIRING_TEAM_NAME,
    due: describeMoment(thankYouDue, zone).replace(', ', ' at '),
  });
  const step: PlanStep = {
    id,
    kind: 'thank-you-check-in',
    channel: 'email',
    ...(thanks.interviewerId !== undefined ? { interviewerId: thanks.interviewerId } : {}),
    ...(thanks.to !== undefined ? { to: thanks.to } : {}),
    notBefore: checkIn.notBefore,
    due: ctx.show(due),
    sendAt: ctx.show(sendAt),
    draft: writeLateThankYouCheckIn({
      input: ctx.input,
      interviewDate: ctx.interviewDate,
      decisionDate: ctx.decisionDate,
      checkIn: checkIn.draft,
    }),
    ...citeRule(rule, why),
  };
  steps.splice(steps.indexOf(thanks), 1, step);
  steps.splice(steps.indexOf(checkIn), 1);
  const seen = new Set<string>();
  const kept = warnings
    .map((w) => (w.stepId === thanksId || w.stepId === checkInId ? { ...w, stepId: id } : w))
    .filter((w) => {
      const key = `${w.code}|${w.stepId ?? ''}`;
      if (w.stepId === id && seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  warnings.splice(0, warnings.length, ...kept);
  return { id, thankYouDue };
}

/**
 * Combines a late thank-you with a check-in due (not through an agency, where the two go to
 * different people), then warns about every step whose due or send time has passed.
 */
export function handleLateSteps(
  ctx: PlanContext,
  values: Readonly<Record<string, string>>,
  work: PlanWork,
): void {
  const { now, tell } = ctx;
  const lateRule = findTimingRule(ctx.rules, 'late-thank-you-check-in');
  const combined =
    lateRule && !ctx.input.recruiter ? combineLateThankYou(ctx, lateRule, values, work) : null;
  const by = (instant: Temporal.Instant) => tell(instant).replace(', ', ', by ');
  for (const step of work.steps) {
    if (step.kind === 'ask-timeline' || step.kind === 'close') continue;
    const due = Temporal.Instant.from(step.due);
    const sendAt = Temporal.Instant.from(step.sendAt);
    const name = nameStep(step);
    const stepId = step.id;
    if (stepId === combined?.id) {
      const message = `${name.replace(' and check-in', '')} was due on ${by(combined.thankYouDue)}. It goes now with the check-in, as one email.`;
      work.warnings.push({ code: 'window-passed', message, stepId });
    } else if (Temporal.Instant.compare(now, due) > 0) {
      const message =
        step.kind === 'thank-you'
          ? `${name} was due on ${by(due)}. A late thank-you is still better than none: send it as soon as you can.`
          : `${name} was due on ${by(due)}; send it as soon as you can.`;
      work.warnings.push({ code: 'window-passed', message, stepId });
    } else if (Temporal.Instant.compare(now, sendAt) > 0) {
      const message = `The suggested time for ${name.charAt(0).toLowerCase()}${name.slice(1)} (${tell(sendAt)}) has passed: send it now, before ${tell(due)}.`;
      work.warnings.push({ code: 'send-time-passed', message, stepId });
    }
  }
}
