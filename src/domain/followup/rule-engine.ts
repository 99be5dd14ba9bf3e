/**
 * Evaluating FOLLOW_UP_RULES: matching a rule's conditions against a subject's facts, applying
 * its actions to the subject's planned steps, and filling the `{placeholders}` of its text.
 */
import {
  RULE_STAGES,
  type ChosenBy,
  type FactsBySubject,
  type FactValue,
  type FollowUpRule,
  type RuleAbout,
  type RuleCondition,
  type RuleSubject,
} from './rule-types.js';
import type { ContactChannel, StepKind } from './types.js';

/** A step a rule put on a subject, before it is timed. */
export interface PlannedStep {
  kind: StepKind;
  channel: ContactChannel | null;
  rule: FollowUpRule;
}

/** A warning a rule raised, its `{placeholders}` not yet filled. */
interface PendingWarning {
  code: string;
  message: string;
  step?: { kind: StepKind; channel: ContactChannel | null };
}

/** What the rules planned for one subject. */
export interface RuleOutcome {
  planned: PlannedStep[];
  warnings: PendingWarning[];
  /** The `chosenBy` of the `thank-you-channel` rule that matched, if any. */
  chosenBy: ChosenBy | null;
}

function holds<S extends RuleSubject>(
  condition: RuleCondition<S>,
  facts: FactsBySubject[S],
): boolean {
  const actual = (facts[condition.fact as keyof FactsBySubject[S]] ?? null) as FactValue;
  if (condition.op === 'one-of') {
    return (condition.value as readonly FactValue[]).includes(actual);
  }
  const equal = actual === condition.value;
  return condition.op === 'is' ? equal : !equal;
}

/** Whether the facts satisfy every condition of a rule. */
function matchRule<S extends RuleSubject>(rule: RuleAbout<S>, facts: FactsBySubject[S]): boolean {
  return (rule.conditions as readonly RuleCondition<S>[]).every((c) => holds(c, facts));
}

function applyActions(rule: FollowUpRule, outcome: RuleOutcome): void {
  const find = (kind: StepKind, channel: ContactChannel | null) =>
    outcome.planned.findIndex((p) => p.kind === kind && p.channel === channel);
  for (const action of rule.actions) {
    if (action.op === 'add-step') {
      if (find(action.kind, action.channel) < 0) {
        outcome.planned.push({ kind: action.kind, channel: action.channel, rule });
      }
    } else if (action.op === 'replace-step') {
      const at = find(action.kind, action.from);
      if (at < 0) continue;
      if (find(action.kind, action.to) >= 0) outcome.planned.splice(at, 1);
      else outcome.planned[at] = { kind: action.kind, channel: action.to, rule };
    } else {
      outcome.warnings.push({
        code: action.code,
        message: action.message,
        ...(action.step ? { step: action.step } : {}),
      });
    }
  }
}

/**
 * Runs every stage of RULE_STAGES on one subject. `readFacts` is called again before each rule,
 * since a rule's facts include what earlier rules planned (see `RuleOutcome`).
 */
export function runRules<S extends RuleSubject>(
  rules: readonly FollowUpRule[],
  subject: S,
  readFacts: (sofar: RuleOutcome) => FactsBySubject[S],
): RuleOutcome {
  const outcome: RuleOutcome = { planned: [], warnings: [], chosenBy: null };
  const about = rules.filter((rule): rule is RuleAbout<S> => rule.subject === subject);
  for (const { stage, firstMatchOnly } of RULE_STAGES) {
    for (const rule of about) {
      if (rule.stage !== stage || !matchRule(rule, readFacts(outcome))) continue;
      applyActions(rule, outcome);
      if (rule.stage === 'thank-you-channel') outcome.chosenBy = rule.chosenBy;
      if (firstMatchOnly) break;
    }
  }
  return outcome;
}

/** The `timing` rule with this id, if the rule set has it. */
export function findTimingRule(
  rules: readonly FollowUpRule[],
  id: string,
): FollowUpRule | undefined {
  return rules.find((rule) => rule.stage === 'timing' && rule.id === id);
}
