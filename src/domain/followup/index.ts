/**
 * The interview follow-up planner: validate the input, plan the steps from the rules, check
 * drafts. Pure: no I/O, no clock (the current time comes in as an argument).
 */
export { parseFollowUpInput } from './input.js';
export { planFollowUp } from './plan.js';
export { listNotePreviews } from './draft-notes.js';
export { checkDraft, CHECKS_BY_KIND } from './draft-check.js';
export type { SpellChecker } from './prose-checks.js';
export { NEVER_CHANNELS } from './rules.js';
export type {
  ContactChannel,
  Draft,
  DraftFinding,
  FollowUpInput,
  FollowUpPlan,
  NeverChannel,
  PlanStep,
} from './types.js';
