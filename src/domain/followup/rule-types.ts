/**
 * The shape of a follow-up rule. Each subject has its own facts, so a condition naming a fact the
 * subject does not have, or comparing it with a value it cannot take, fails to compile.
 */
import type {
  ContactChannel,
  EmployerStyle,
  LinkedInAccount,
  NeverChannel,
  StepKind,
} from './types.js';

/** The style a sector suggests (see `classifySector`). */
export type SectorStyle = 'traditional' | 'fast-moving' | 'other';

/** What chose a thank-you's channel: the interviewer's own request, or the employer's style. */
export type ChosenBy = 'request' | 'employer';

/** What a rule about one recipient of a thank-you can test. */
export interface RecipientFacts {
  /** The channel the interviewer asked for. */
  'requested.channel': ContactChannel | null;
  'employer.style': EmployerStyle;
  'employer.sectorStyle': SectorStyle;
  'candidate.linkedin': LinkedInAccount;
  'candidate.abroad': boolean;
  'recipient.onLinkedIn': boolean;
  'recipient.hasEmail': boolean;
  'recipient.hasPostalAddress': boolean;
  'recipient.isHiringTeam': boolean;
  'decision.given': boolean;
  /** The decision is expected within `quickDecisionWorkingDays` of the interview. */
  'decision.soon': boolean;
  /** A thank-you by this channel is planned so far (earlier rules of the run added it). */
  'thank-you.email': boolean;
  'thank-you.handwritten': boolean;
  'thank-you.linkedin': boolean;
  /** The `chosenBy` of the `thank-you-channel` rule that matched. */
  'thank-you.chosenBy': ChosenBy | null;
  /** A note posted by the first collection would probably arrive after the decision date. */
  'post.arrivesAfterDecision': boolean;
}

/** What a rule about the interview as a whole can test. */
interface InterviewFacts {
  'decision.given': boolean;
  /** The interview has not started yet. */
  'interview.ahead': boolean;
  'options.secondCheckIn': boolean;
  /** The main contact has an email address. */
  'contact.hasEmail': boolean;
}

export interface FactsBySubject {
  recipient: RecipientFacts;
  interview: InterviewFacts;
}

/** What the facts describe: one recipient of a thank-you, or the interview as a whole. */
export type RuleSubject = keyof FactsBySubject;

/** A fact's value as rules see it. */
export type FactValue = string | number | boolean | null;

type ConditionOn<F> = F extends unknown
  ? {
      [K in keyof F]:
        | { fact: K; op: 'is' | 'is-not'; value: F[K] }
        | { fact: K; op: 'one-of'; value: readonly F[K][] };
    }[keyof F]
  : never;

export type RuleCondition<S extends RuleSubject = RuleSubject> = ConditionOn<FactsBySubject[S]>;

export type RuleAction =
  | { op: 'add-step'; kind: StepKind; channel: ContactChannel | null }
  | { op: 'replace-step'; kind: StepKind; from: ContactChannel; to: ContactChannel }
  | {
      op: 'warn';
      code: string;
      message: string;
      step?: { kind: StepKind; channel: ContactChannel | null };
    };

/**
 * Stages run in this order. In `thank-you-channel` the first matching rule wins; in the others
 * every matching rule applies, in order, and later rules see the steps earlier ones added.
 * `timing` rules take no action: the planner adds their `why` to the steps they describe.
 */
export type RuleStage =
  'thank-you-channel' | 'thank-you-checks' | 'network' | 'decision' | 'timing';

/** What a rule tells the user. */
export interface RuleText {
  /** A sentence for the user, with `{placeholders}` filled in by the planner. */
  why: string;
  /** Why the rule exists, in general terms. */
  reason: string;
  /** Where the rule comes from. */
  source: string;
}

interface RuleOn<S extends RuleSubject, Stage extends RuleStage> extends RuleText {
  id: string;
  stage: Stage;
  subject: S;
  conditions: readonly RuleCondition<S>[];
  actions: readonly RuleAction[];
}

/** A rule choosing a thank-you's channel; `chosenBy` becomes the `thank-you.chosenBy` fact. */
export interface ChannelRule extends RuleOn<'recipient', 'thank-you-channel'> {
  chosenBy: ChosenBy;
}

type OtherRule = {
  [S in RuleSubject]: RuleOn<S, Exclude<RuleStage, 'thank-you-channel'>>;
}[RuleSubject];

export type FollowUpRule = ChannelRule | OtherRule;

/** The rules about one subject. */
export type RuleAbout<S extends RuleSubject> = Extract<FollowUpRule, { subject: S }>;

/** The stages in evaluation order, and whether only the first matching rule applies. */
export const RULE_STAGES: readonly { stage: RuleStage; firstMatchOnly: boolean }[] = [
  { stage: 'thank-you-channel', firstMatchOnly: true },
  { stage: 'thank-you-checks', firstMatchOnly: false },
  { stage: 'network', firstMatchOnly: false },
  { stage: 'decision', firstMatchOnly: false },
];

/** A channel never used for follow-up, with the reason shown to the user. */
export interface NeverRule {
  channel: NeverChannel;
  why: string;
  source: string;
}
