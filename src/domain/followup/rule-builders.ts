/** The shapes the rule table is written in: one channel choice, one timing rule, one check. */
import type {
  ChannelRule,
  ChosenBy,
  FollowUpRule,
  RuleAction,
  RuleCondition,
  RuleStage,
  RuleSubject,
  RuleText,
} from './rule-types.js';
import type { ContactChannel } from './types.js';

export const SEED =
  'Seed article "Best Ways to Follow Up After an Interview" (shared/seed/000_7a7be8ac5746e214)';

export const thankYouBy = (channel: ContactChannel): RuleAction => ({
  op: 'add-step',
  kind: 'thank-you',
  channel,
});

export const noteToEmail: RuleAction = {
  op: 'replace-step',
  kind: 'thank-you',
  from: 'handwritten',
  to: 'email',
};

export function chooseChannel(
  id: string,
  chosenBy: ChosenBy,
  conditions: readonly RuleCondition<'recipient'>[],
  actions: readonly RuleAction[],
  text: RuleText,
): ChannelRule {
  return {
    id,
    stage: 'thank-you-channel',
    subject: 'recipient',
    chosenBy,
    conditions,
    actions,
    ...text,
  };
}

/** The interviewer asked for this channel, and the candidate can use it. */
export function asRequested(id: string, channel: ContactChannel, why: string): ChannelRule {
  return chooseChannel(
    id,
    'request',
    [{ fact: 'requested.channel', op: 'is', value: channel }],
    [thankYouBy(channel)],
    {
      why,
      reason: 'What an interviewer says they prefer outweighs any general advice about channels.',
      source: `${SEED}: suit the follow-up to the company and to the people you met`,
    },
  );
}

/** The employer's style is unknown, so its sector's style decides. */
export function bySector(
  id: string,
  style: 'traditional' | 'fast-moving',
  channel: ContactChannel,
  why: string,
  reason: string,
): ChannelRule {
  return chooseChannel(
    id,
    'employer',
    [
      { fact: 'employer.style', op: 'is', value: 'unknown' },
      { fact: 'employer.sectorStyle', op: 'is', value: style },
    ],
    [thankYouBy(channel)],
    { why, reason, source: `${SEED}: choosing between email and a hand-written note` },
  );
}

export function check<S extends RuleSubject>(
  id: string,
  stage: Exclude<RuleStage, 'thank-you-channel' | 'timing'>,
  subject: S,
  conditions: readonly RuleCondition<S>[],
  actions: readonly RuleAction[],
  text: RuleText,
): FollowUpRule {
  return { id, stage, subject, conditions, actions, ...text } as FollowUpRule;
}

/** A `timing` rule: no conditions or actions; the planner adds its `why` where it applies. */
export function timing(id: string, subject: RuleSubject, text: RuleText): FollowUpRule {
  return { id, stage: 'timing', subject, conditions: [], actions: [], ...text };
}

/**
 * In evaluation order within each stage. A rule tests the facts of its subject: RecipientFacts or
 * InterviewFacts.
 */
