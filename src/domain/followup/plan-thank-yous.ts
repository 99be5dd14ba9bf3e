/**
 * The thank-you stage: for each person met, the recipient rules choose the thank-you's channel,
 * check it, and add a LinkedIn invitation; each planned step is timed from the timing stage.
 */
import { findTimingRule, runRules, type RuleOutcome } from './rule-engine.js';
import { fillTemplate } from '../validation/text.js';
import type { RecipientFacts } from './rule-types.js';
import type { PlanContext, PlanRecipient } from './plan-context.js';
import { citeRule, makeStepId, type PlanWork } from './plan-steps.js';
import type { Timing } from './timing.js';
import type { ContactChannel, PlanStep } from './types.js';

function readFacts(
  ctx: PlanContext,
  timing: Timing,
  recipient: PlanRecipient,
  sofar: RuleOutcome,
): RecipientFacts {
  const { input } = ctx;
  const has = (channel: ContactChannel) =>
    sofar.planned.some((p) => p.kind === 'thank-you' && p.channel === channel);
  return {
    'requested.channel': recipient.interviewer?.channel ?? null,
    'employer.style': input.employer.style,
    'employer.sectorStyle': ctx.sectorStyle,
    'candidate.linkedin': input.candidate.linkedin,
    'recipient.onLinkedIn': recipient.interviewer?.onLinkedIn ?? false,
    'recipient.hasEmail': Boolean(recipient.interviewer?.email),
    'recipient.hasPostalAddress': Boolean(recipient.interviewer?.postalAddress),
    'recipient.isHiringTeam': recipient.isHiringTeam,
    'decision.given': ctx.decisionDate !== null,
    'decision.soon': timing.decisionSoon,
    'thank-you.email': has('email'),
    'thank-you.handwritten': has('handwritten'),
    'thank-you.linkedin': has('linkedin'),
    'thank-you.chosenBy': sofar.chosenBy,
    'post.arrivesAfterDecision': timing.noteArrivesAfterDecision,
    'candidate.abroad': ctx.abroad,
  };
}

export function planThankYous(
  ctx: PlanContext,
  timing: Timing,
  baseValues: Readonly<Record<string, string>>,
  work: PlanWork,
): void {
  const { show } = ctx;
  const { thankYou, collection, arrives } = timing;
  const timingRule = findTimingRule(ctx.rules, 'thank-you-timing');
  const noteTimingRule = findTimingRule(ctx.rules, 'handwritten-timing');
  for (const recipient of ctx.recipients) {
    const outcome = runRules(ctx.rules, 'recipient', (sofar) =>
      readFacts(ctx, timing, recipient, sofar),
    );
    const values = { ...baseValues, recipient: recipient.name };
    for (const planned of outcome.planned) {
      const id = makeStepId(recipient.id, planned.kind, planned.channel);
      const why = fillTemplate(planned.rule.why, values);
      const head = { id, kind: planned.kind, channel: planned.channel };
      let step: PlanStep;
      if (planned.kind === 'linkedin-invite') {
        const { notBefore, due } = timing.linkedInInvite;
        step = {
          ...head,
          notBefore: show(notBefore),
          due: show(due),
          sendAt: show(notBefore),
          ...citeRule(planned.rule, why),
        };
      } else {
        const isNote = planned.channel === 'handwritten' && collection !== null;
        const stepTiming = isNote ? noteTimingRule : timingRule;
        step = {
          ...head,
          notBefore: show(thankYou.notBefore),
          // A note is written the same evening or the next day, and posted by the collection.
          due: show(isNote ? collection.toInstant() : thankYou.due),
          sendAt: show(isNote ? thankYou.notBefore : thankYou.sendAt),
          ...citeRule(
            planned.rule,
            stepTiming ? `${why} ${fillTemplate(stepTiming.why, values)}` : why,
          ),
        };
        if (planned.channel === 'handwritten') {
          if (collection) step.postBy = show(collection.toInstant());
          if (arrives) step.arrivesBy = arrives.toString();
        }
      }
      if (recipient.interviewer) step.interviewerId = recipient.interviewer.id;
      step.to = recipient.name;
      if (thankYou.scheduled && planned.channel === 'email') work.scheduled.add(id);
      work.steps.push(step);
      work.requests.push({ stepId: id, kind: planned.kind, channel: planned.channel, recipient });
    }
    for (const pending of outcome.warnings) {
      const stepId = pending.step
        ? makeStepId(recipient.id, pending.step.kind, pending.step.channel)
        : undefined;
      work.warnings.push({
        code: pending.code,
        message: fillTemplate(pending.message, values),
        ...(stepId && work.steps.some((s) => s.id === stepId) ? { stepId } : {}),
      });
    }
  }
}
