/**
 * The timing stage: when each kind of step can go, computed once from the interview, the
 * candidate's and employer's hours, the post and the working-day calendar. Later stages read
 * these times; they never work out a time themselves.
 */
import { Temporal } from 'temporal-polyfill';
import type { PlanContext } from './plan-context.js';
import { findDeliveryDate, findNoteCollection } from './post.js';
import { findSharedMoment, findThankYouWindow } from './send-window.js';
import { atLocalTime, laterOf } from './time.js';
import { addWorkingDays, findWorkingDayAfterSpan } from './working-days.js';

export interface SendTime {
  notBefore: Temporal.Instant;
  due: Temporal.Instant;
  sendAt: Temporal.Instant;
  /**
   * The candidate is abroad and their waking hours never meet the employer's working hours: an
   * email goes by the mail app's scheduled send, at the employer's opening time.
   */
  scheduled: boolean;
}

/** A step of the decision (check-ins, the close), on a working day. */
interface DatedSendTime extends SendTime {
  date: Temporal.PlainDate;
  /** Set when the date fell in the Christmas shutdown and moved to this first working day after. */
  reopensOn: Temporal.PlainDate | null;
}

export interface Timing {
  thankYou: SendTime;
  /** The collection a hand-written note should catch; null when none falls within 30 days. */
  collection: Temporal.ZonedDateTime | null;
  /** When a note posted by `collection` should arrive. */
  arrives: Temporal.PlainDate | null;
  /** The decision is expected within `quickDecisionWorkingDays` of the interview. */
  decisionSoon: boolean;
  noteArrivesAfterDecision: boolean;
  linkedInInvite: { notBefore: Temporal.Instant; due: Temporal.Instant };
  /** Through an agency: the consultant hears the same day, by the end of the candidate's day. */
  debrief: { notBefore: Temporal.Instant; due: Temporal.Instant };
  /** Asked at the end of the interview. */
  askTimeline: SendTime;
  checkIn: DatedSendTime;
  /** Dated from the check-in, whether or not the rules plan a second one. */
  secondCheckIn: DatedSendTime;
  closeAfterCheckIn: DatedSendTime;
  closeAfterSecondCheckIn: DatedSendTime;
}

export function planTiming(ctx: PlanContext): Timing {
  const { input, settings, zone, candidateZone, nation, end, interviewDate, decisionDate } = ctx;
  // A candidate outside the UK sends only when they are awake and the employer is at work; where
  // the two never meet, at the employer's opening time by the mail app's scheduled send.
  const findSendMoment = (from: Temporal.Instant, to: Temporal.Instant) =>
    ctx.abroad
      ? findSharedMoment(
          from,
          to,
          { timeZone: zone, nation, hours: settings.workingHours },
          { timeZone: candidateZone, hours: settings.wakingHours },
        )
      : null;

  const window = findThankYouWindow(end, zone, nation, input.options.minGapHours, settings);
  const shared = findSendMoment(window.notBefore, window.due);
  const thankYou = { ...window, sendAt: shared ?? window.sendAt, scheduled: ctx.abroad && !shared };

  const collection = findNoteCollection(
    end.toZonedDateTimeISO(candidateZone).toPlainDate(),
    candidateZone,
    nation,
    settings,
  );
  const arrives = collection ? findDeliveryDate(collection, nation) : null;

  // The Christmas shutdown: a step inside it moves to the first working day after; later steps
  // are counted from it, so they keep their working-day gaps.
  const outsideShutdown = (date: Temporal.PlainDate) => {
    const after = settings.shutdown
      ? findWorkingDayAfterSpan(date, settings.shutdown, nation)
      : null;
    return { date: after ?? date, reopensOn: after };
  };
  const sendOn = (date: Temporal.PlainDate): DatedSendTime => {
    const dated = outsideShutdown(date);
    const day = dated.date;
    const opens = atLocalTime(day, settings.checkInTime, zone).toInstant();
    const closes = atLocalTime(day, settings.workingHours.end, zone).toInstant();
    if (!ctx.abroad)
      return { ...dated, notBefore: opens, due: closes, sendAt: opens, scheduled: false };
    const moment = findSendMoment(opens, closes);
    if (moment)
      return { ...dated, notBefore: opens, due: closes, sendAt: moment, scheduled: false };
    const start = atLocalTime(day, settings.workingHours.start, zone).toInstant();
    return { ...dated, notBefore: start, due: closes, sendAt: start, scheduled: true };
  };
  const closeOn = (date: Temporal.PlainDate): DatedSendTime => {
    const dated = outsideShutdown(date);
    const at = atLocalTime(dated.date, settings.checkInTime, candidateZone).toInstant();
    return { ...dated, notBefore: at, due: at, sendAt: at, scheduled: false };
  };
  const checkIn = sendOn(
    decisionDate
      ? addWorkingDays(decisionDate, settings.checkInWorkingDaysAfterDecision, nation)
      : addWorkingDays(interviewDate, settings.checkInWorkingDaysWithoutDecision, nation),
  );
  const secondCheckIn = sendOn(
    addWorkingDays(checkIn.date, settings.secondCheckInWorkingDays, nation),
  );
  const closeAfter = (last: DatedSendTime) =>
    closeOn(addWorkingDays(last.date, settings.closeWorkingDaysAfterLastCheckIn, nation));

  const evening = atLocalTime(
    end.toZonedDateTimeISO(candidateZone).toPlainDate(),
    settings.wakingHours.end,
    candidateZone,
  ).toInstant();
  return {
    thankYou,
    collection,
    arrives,
    decisionSoon:
      decisionDate !== null &&
      Temporal.PlainDate.compare(
        decisionDate,
        addWorkingDays(interviewDate, settings.quickDecisionWorkingDays, nation),
      ) <= 0,
    noteArrivesAfterDecision:
      decisionDate !== null &&
      arrives !== null &&
      Temporal.PlainDate.compare(arrives, decisionDate) > 0,
    linkedInInvite: {
      notBefore: thankYou.sendAt,
      due: thankYou.sendAt
        .toZonedDateTimeISO(zone)
        .add({ days: settings.linkedInInviteDueDays })
        .toInstant(),
    },
    debrief: { notBefore: end, due: laterOf(end, evening) },
    askTimeline: { notBefore: ctx.now, due: ctx.start, sendAt: ctx.start, scheduled: false },
    checkIn,
    secondCheckIn,
    closeAfterCheckIn: closeAfter(checkIn),
    closeAfterSecondCheckIn: closeAfter(secondCheckIn),
  };
}
