/**
 * The numbers behind the follow-up rules. Every default can be overridden by passing a
 * different settings object to `planFollowUp` / `checkDraft`.
 */
import { deepFreeze } from './frozen.js';

/** A local wall-clock time, `HH:mm`. */
export type ClockTime = `${number}:${number}`;
/** A day of the year, `MM-DD`. */
type MonthDay = `${number}-${number}`;

export interface FollowUpSettings {
  /** Hours after the interview ends before a thank-you may go (input `options.minGapHours`). */
  minGapHours: number;
  /** Elapsed hours after the interview ends by which the thank-you is due. */
  thankYouDueHours: number;
  /** The recipient's working hours, on working days, in the interview's time zone. */
  workingHours: { start: ClockTime; end: ClockTime };
  /** A candidate outside the UK is sent reminders only inside these hours, in their own zone. */
  wakingHours: { start: ClockTime; end: ClockTime };
  /** When check-ins go (and close reminders show), local time. */
  checkInTime: ClockTime;
  /** Working days after the decision date before the check-in. */
  checkInWorkingDaysAfterDecision: number;
  /** Working days after the interview before the check-in when no decision date was given. */
  checkInWorkingDaysWithoutDecision: number;
  /** Working days after the first check-in before the optional second one. */
  secondCheckInWorkingDays: number;
  /** Working days after the last check-in before suggesting to close as "no reply". */
  closeWorkingDaysAfterLastCheckIn: number;
  /** A decision at most this many working days after the interview adds an email to a note. */
  quickDecisionWorkingDays: number;
  /** Calendar days a LinkedIn invitation may wait after the thank-you. */
  linkedInInviteDueDays: number;
  /** Last post collection times in the candidate's zone (none on Sundays and bank holidays). */
  collections: { weekday: ClockTime; saturday: ClockTime };
  /** Characters allowed in a LinkedIn invitation note, by account. */
  linkedInNoteLimits: { free: number; premium: number };
  /** Words allowed in a draft body, by channel. */
  wordLimits: { handwritten: number; email: number };
  /** Jaccard similarity of word 3-shingles at or above which two drafts are duplicates. */
  duplicateThreshold: number;
  /** Sector slugs (compared case-insensitively, ignoring spaces and punctuation) by style. */
  sectorStyles: { traditional: readonly string[]; fastMoving: readonly string[] };
  /**
   * The days (inclusive; `from` after `to` wraps over New Year) on which no check-in, second
   * check-in or close is planned: the first such step inside moves to the nation's first working
   * day after, and later steps keep their working-day gaps from it. Null: no shutdown.
   */
  shutdown: { from: MonthDay; to: MonthDay } | null;
}

/** The defaults, taken from the rules' sources (see FOLLOW_UP_RULES). Frozen: copy to change. */
export const DEFAULT_SETTINGS: Readonly<FollowUpSettings> = deepFreeze({
  minGapHours: 2,
  thankYouDueHours: 24,
  workingHours: { start: '09:00', end: '17:30' },
  wakingHours: { start: '08:00', end: '21:00' },
  checkInTime: '09:30',
  checkInWorkingDaysAfterDecision: 2,
  checkInWorkingDaysWithoutDecision: 5,
  secondCheckInWorkingDays: 7,
  closeWorkingDaysAfterLastCheckIn: 10,
  quickDecisionWorkingDays: 3,
  linkedInInviteDueDays: 7,
  collections: { weekday: '17:00', saturday: '12:00' },
  linkedInNoteLimits: { free: 200, premium: 300 },
  wordLimits: { handwritten: 150, email: 300 },
  duplicateThreshold: 0.8,
  sectorStyles: {
    traditional: [
      'legal',
      'accounting',
      'banking',
      'financialservices',
      'insurance',
      'government',
      'education',
    ],
    fastMoving: ['it', 'digital', 'creative', 'marketing', 'mediapr', 'telecoms'],
  },
  shutdown: { from: '12-24', to: '01-01' },
} satisfies FollowUpSettings);
