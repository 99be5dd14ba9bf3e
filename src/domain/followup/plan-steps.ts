/** What the planner's stages build together: the steps, their warnings and the drafts to write. */
import { Temporal } from 'temporal-polyfill';
import { HIRING_TEAM_NAME, type DraftRequest } from './drafts.js';
import type { FollowUpRule } from './rule-types.js';
import type { ContactChannel, PlanStep, PlanWarning, StepKind } from './types.js';

/** Each stage adds to (and may take back from) these. */
export interface PlanWork {
  steps: PlanStep[];
  warnings: PlanWarning[];
  requests: DraftRequest[];
  /** Ids of the steps that go by scheduled send (see `SendTime.scheduled`). */
  scheduled: Set<string>;
}

/** The id of a step about one recipient: `<interviewerId>:<kind>:<channel>`. */
export function makeStepId(
  recipientId: string,
  kind: StepKind,
  channel: ContactChannel | null,
): string {
  return `${recipientId}:${kind}:${channel ?? 'none'}`;
}

/** The id of a step about the interview as a whole: `interview:<kind>`. */
export function makeInterviewStepId(kind: StepKind): string {
  return `interview:${kind}`;
}

/** The fields of a step that come from the rule that produced it. */
export function citeRule(
  rule: FollowUpRule,
  why: string,
): Pick<PlanStep, 'rule' | 'why' | 'reason' | 'source'> {
  return { rule: rule.id, why, reason: rule.reason, source: rule.source };
}

/** Removes the steps with these ids, with their draft requests and warnings. */
export function dropSteps(work: PlanWork, ids: ReadonlySet<string>): void {
  const keep = <T>(list: T[], test: (item: T) => boolean) =>
    list.splice(0, list.length, ...list.filter(test));
  keep(work.steps, (s) => !ids.has(s.id));
  keep(work.requests, (r) => !ids.has(r.stepId));
  keep(work.warnings, (w) => w.stepId === undefined || !ids.has(w.stepId));
}

/** A step named for a warning: "The thank-you to Margaret Hale". */
export function nameStep(step: PlanStep): string {
  const to = step.to ?? HIRING_TEAM_NAME;
  switch (step.kind) {
    case 'thank-you':
      if (step.channel === 'handwritten') return `The hand-written thank-you to ${to}`;
      if (step.channel === 'linkedin') return `The LinkedIn thank-you to ${to}`;
      return `The thank-you to ${to}`;
    case 'linkedin-invite':
      return `The LinkedIn invitation to ${to}`;
    case 'check-in':
      return `The check-in with ${to}`;
    case 'second-check-in':
      return `The second check-in with ${to}`;
    case 'thank-you-check-in':
      return `The thank-you and check-in to ${to}`;
    case 'debrief':
      return `The debrief with ${to}`;
    case 'ask-timeline':
      return 'Asking when they will decide';
    case 'close':
      return 'Closing the application';
  }
}

/** Which of two steps sent at the same moment comes first. */
const KIND_ORDER: readonly StepKind[] = [
  'ask-timeline',
  'debrief',
  'thank-you',
  'thank-you-check-in',
  'linkedin-invite',
  'check-in',
  'second-check-in',
  'close',
];

/** The steps by send time, then kind, then the order they were planned in. */
export function orderSteps(steps: readonly PlanStep[]): PlanStep[] {
  const kindRank = (kind: StepKind) => KIND_ORDER.indexOf(kind);
  return steps
    .map((step, index) => ({ step, index, at: Temporal.Instant.from(step.sendAt) }))
    .sort(
      (a, b) =>
        Temporal.Instant.compare(a.at, b.at) ||
        kindRank(a.step.kind) - kindRank(b.step.kind) ||
        a.index - b.index,
    )
    .map(({ step }) => arrangeStep(step));
}

/** The same step with its fields in the documented order (for readable JSON). */
function arrangeStep(step: PlanStep): PlanStep {
  return {
    id: step.id,
    kind: step.kind,
    channel: step.channel,
    ...(step.interviewerId !== undefined ? { interviewerId: step.interviewerId } : {}),
    ...(step.to !== undefined ? { to: step.to } : {}),
    notBefore: step.notBefore,
    due: step.due,
    sendAt: step.sendAt,
    ...(step.employerSendAt !== undefined ? { employerSendAt: step.employerSendAt } : {}),
    ...(step.postBy !== undefined ? { postBy: step.postBy } : {}),
    ...(step.arrivesBy !== undefined ? { arrivesBy: step.arrivesBy } : {}),
    ...(step.draft !== undefined ? { draft: step.draft } : {}),
    rule: step.rule,
    why: step.why,
    reason: step.reason,
    source: step.source,
  };
}
