/**
 * What every stage of the planner reads: the interview's instants and dates, who was met and who
 * the main contact is, and the values the rules' `{placeholders}` are filled with.
 */
import { Temporal } from 'temporal-polyfill';
import { HIRING_TEAM_NAME, type DraftRecipient } from './drafts.js';
import type { FollowUpRule, SectorStyle } from './rule-types.js';
import { classifySector, findSectorIndustry } from './sector.js';
import { isOutsideUk } from './send-window.js';
import type { FollowUpSettings } from './settings.js';
import { describeDate, describeMoment, formatInstant } from './time.js';
import type { Timing } from './timing.js';
import type { FollowUpInput, Nation } from './types.js';

/** The id used in step ids for the hiring team when no interviewer is named. */
export const HIRING_TEAM_ID = 'hiring-team';

export interface PlanRecipient extends DraftRecipient {
  id: string;
}

export interface PlanContext {
  input: FollowUpInput;
  settings: FollowUpSettings;
  rules: readonly FollowUpRule[];
  /** The interview's zone, which is the employer's. */
  zone: string;
  candidateZone: string;
  nation: Nation | undefined;
  start: Temporal.Instant;
  end: Temporal.Instant;
  now: Temporal.Instant;
  interviewDate: Temporal.PlainDate;
  decisionDate: Temporal.PlainDate | null;
  /** The candidate is outside the UK: sends must suit both their hours and the employer's. */
  abroad: boolean;
  sectorStyle: SectorStyle;
  account: 'free' | 'premium';
  /** Everyone met, or the hiring team when nobody was named. */
  recipients: readonly PlanRecipient[];
  /** Who the check-ins go to: the interviewer marked as contact, else the first recipient. */
  contact: PlanRecipient;
  /** An instant as the plan writes it: in the candidate's zone. */
  show: (instant: Temporal.Instant) => string;
  /** An instant in words, in the candidate's zone. */
  tell: (instant: Temporal.Instant) => string;
}

export function readInterview(
  input: FollowUpInput,
  settings: FollowUpSettings,
  rules: readonly FollowUpRule[],
): PlanContext {
  const zone = input.interview.timeZone;
  const candidateZone = input.candidate.timeZone;
  const start = Temporal.Instant.from(input.interview.startsAt);
  const recipients: PlanRecipient[] =
    input.interviewers.length > 0
      ? input.interviewers.map((interviewer) => ({
          interviewer,
          name: interviewer.name,
          isHiringTeam: false,
          id: interviewer.id,
        }))
      : [{ name: HIRING_TEAM_NAME, isHiringTeam: true, id: HIRING_TEAM_ID }];
  return {
    input,
    settings,
    rules,
    zone,
    candidateZone,
    nation: input.interview.nation,
    start,
    end: Temporal.Instant.from(input.interview.endsAt),
    now: Temporal.Instant.from(input.now),
    interviewDate: start.toZonedDateTimeISO(zone).toPlainDate(),
    decisionDate: input.decisionExpectedOn
      ? Temporal.PlainDate.from(input.decisionExpectedOn)
      : null,
    abroad: isOutsideUk(candidateZone),
    sectorStyle: classifySector(input.employer.sector, settings),
    account: input.candidate.linkedin === 'premium' ? 'premium' : 'free',
    recipients,
    contact: recipients.find((r) => r.interviewer?.contact) ?? (recipients[0] as PlanRecipient),
    show: (instant) => formatInstant(instant, candidateZone),
    tell: (instant) => describeMoment(instant, candidateZone),
  };
}

/** The values of the rules' `{placeholders}` shared by every step. */
export function describeValues(ctx: PlanContext, timing: Timing): Record<string, string> {
  const { input, settings, decisionDate, tell } = ctx;
  const sector = input.employer.sector;
  return {
    employer: input.employer.name,
    sector: sector ? (findSectorIndustry(sector)?.name ?? sector) : '',
    decisionDate: decisionDate ? describeDate(decisionDate) : '',
    quickDays: String(settings.quickDecisionWorkingDays),
    checkInDays: String(
      decisionDate
        ? settings.checkInWorkingDaysAfterDecision
        : settings.checkInWorkingDaysWithoutDecision,
    ),
    secondDays: String(settings.secondCheckInWorkingDays),
    closeDays: String(settings.closeWorkingDaysAfterLastCheckIn),
    // Through an agency, the consultant is who the check-ins go to.
    contact: input.recruiter?.consultant ?? ctx.contact.name,
    notBefore: tell(timing.thankYou.notBefore),
    due: tell(timing.thankYou.due),
    postBy: timing.collection ? tell(timing.collection.toInstant()) : 'not known',
    arrivesBy: timing.arrives ? describeDate(timing.arrives) : 'not known',
    limit: String(settings.linkedInNoteLimits[ctx.account]),
    account: ctx.account,
  };
}
