/**
 * The interview follow-up planner: validate the input, plan the steps from the rules, check
 * drafts. Pure: no I/O, no clock (the current time comes in as an argument).
 */
export { parseFollowUpInput } from './input.js';
export { INPUT_KEYS, suggestInputKeys } from './input-keys.js';
export { planFollowUp, findPlanStep } from './plan.js';
export { HIRING_TEAM_ID } from './plan-context.js';
export { classifySector } from './sector.js';
export { listNotePreviews, type NotePreview } from './draft-notes.js';
export { checkDraft, CHECKS_BY_KIND, type CheckDraftContext } from './draft-check.js';
export { measureDraftSimilarity } from './draft-text.js';
export type { SpellChecker } from './prose-checks.js';
export { isSameEmployer, mentionsEmployer, normaliseEmployerName } from './employer-name.js';
export { FOLLOW_UP_RULES, NEVER_CHANNELS, REFUSED_CHANNEL_NAMES } from './rules.js';
export {
  RULE_STAGES,
  type ChosenBy,
  type FollowUpRule,
  type InterviewFacts,
  type RecipientFacts,
  type RuleAction,
  type RuleCondition,
  type RuleStage,
} from './rule-types.js';
export { DEFAULT_SETTINGS, type FollowUpSettings } from './settings.js';
export { addWorkingDays, isWorkingDay, listBankHolidays } from './working-days.js';
export type {
  ContactChannel,
  Draft,
  DraftFinding,
  DraftFindingCode,
  EmployerStyle,
  FollowUpInput,
  FollowUpPlan,
  InterviewFormat,
  InterviewRound,
  Interviewer,
  LinkedInAccount,
  Nation,
  NeverChannel,
  NeverEntry,
  PlanStep,
  PlanWarning,
  Recruiter,
  StepKind,
} from './types.js';
