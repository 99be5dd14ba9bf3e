/**
 * The decision stage: the interview rules plan asking for the timeline, the check-ins and the
 * close; the timing stage dates them, moved out of the Christmas shutdown where needed.
 */
import { Temporal } from 'temporal-polyfill';
import type { PlanContext } from './plan-context.js';
import { citeRule, makeInterviewStepId, type PlanWork } from './plan-steps.js';
import { findTimingRule, runRules, type PlannedStep } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import { describeDate } from './time.js';
import type { SendTime, Timing } from './timing.js';
import type { PlanStep } from './types.js';

function timeStep(
  timing: Timing,
  planned: PlannedStep,
  hasSecond: boolean,
): SendTime & { reopensOn?: Temporal.PlainDate | null } {
  if (planned.kind === 'ask-timeline') return timing.askTimeline;
  if (planned.kind === 'close') {
    return hasSecond ? timing.closeAfterSecondCheckIn : timing.closeAfterCheckIn;
  }
  return planned.kind === 'second-check-in' ? timing.secondCheckIn : timing.checkIn;
}

/** Plans the interview's own steps; the values it fills them with are returned for later stages. */
export function planCheckIns(
  ctx: PlanContext,
  timing: Timing,
  baseValues: Readonly<Record<string, string>>,
  work: PlanWork,
): Record<string, string> {
  const { input, contact, show } = ctx;
  const outcome = runRules(ctx.rules, 'interview', () => ({
    'decision.given': ctx.decisionDate !== null,
    'interview.ahead': Temporal.Instant.compare(ctx.now, ctx.start) < 0,
    'options.secondCheckIn': input.options.secondCheckIn,
    'contact.hasEmail': Boolean(contact.interviewer?.email),
  }));
  const hasSecond = outcome.planned.some((p) => p.kind === 'second-check-in');
  const shutdownRule = findTimingRule(ctx.rules, 'christmas-shutdown');
  const values = { ...baseValues, recipient: contact.name };
  for (const planned of outcome.planned) {
    const id = makeInterviewStepId(planned.kind);
    const cited = citeRule(planned.rule, fillTemplate(planned.rule.why, values));
    const time = timeStep(timing, planned, hasSecond);
    if (time.reopensOn && shutdownRule) {
      const reopensOn = describeDate(time.reopensOn);
      cited.why = `${cited.why} ${fillTemplate(shutdownRule.why, { reopensOn })}`;
      cited.reason = `${cited.reason} ${shutdownRule.reason}`;
      cited.source = `${cited.source}; ${shutdownRule.source}`;
    }
    const step: PlanStep = {
      id,
      kind: planned.kind,
      channel: planned.channel,
      notBefore: show(time.notBefore),
      due: show(time.due),
      sendAt: show(time.sendAt),
      ...cited,
    };
    const { kind } = planned;
    if (kind !== 'ask-timeline' && kind !== 'close') {
      if (time.scheduled) work.scheduled.add(id);
      if (contact.interviewer) step.interviewerId = contact.interviewer.id;
      step.to = contact.name;
    }
    if (kind !== 'close') {
      const channel = kind === 'ask-timeline' ? null : planned.channel;
      work.requests.push({ stepId: id, kind, channel, recipient: contact });
    }
    work.steps.push(step);
  }
  for (const pending of outcome.warnings) {
    const stepId = pending.step ? makeInterviewStepId(pending.step.kind) : undefined;
    if (stepId && !work.steps.some((s) => s.id === stepId)) continue;
    work.warnings.push({
      code: pending.code,
      message: fillTemplate(pending.message, values),
      ...(stepId ? { stepId } : {}),
    });
  }
  return values;
}
