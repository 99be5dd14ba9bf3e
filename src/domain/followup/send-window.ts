/**
 * The thank-you send window: not before the gap after the interview, due a fixed number of
 * elapsed hours after it ends, sent at the recipient's first working-hours moment inside it.
 */
import { Temporal } from 'temporal-polyfill';
import type { ClockTime, FollowUpSettings } from './settings.js';
import { atLocalTime, earlierOf, laterOf } from './time.js';
import type { Nation } from './types.js';
import { isWorkingDay } from './working-days.js';

export interface SendWindow {
  notBefore: Temporal.Instant;
  due: Temporal.Instant;
  sendAt: Temporal.Instant;
}

/**
 * The earliest moment in [from, to] that falls in working hours on a working day, local to
 * `timeZone`; null when there is none.
 */
export function findWorkingMoment(
  from: Temporal.Instant,
  to: Temporal.Instant,
  timeZone: string,
  nation: Nation | undefined,
  hours: { start: ClockTime; end: ClockTime },
): Temporal.Instant | null {
  if (Temporal.Instant.compare(from, to) > 0) return null;
  const lastDay = to.toZonedDateTimeISO(timeZone).toPlainDate();
  for (
    let day = from.toZonedDateTimeISO(timeZone).toPlainDate();
    Temporal.PlainDate.compare(day, lastDay) <= 0;
    day = day.add({ days: 1 })
  ) {
    if (!isWorkingDay(day, nation)) continue;
    const opens = atLocalTime(day, hours.start, timeZone).toInstant();
    const closes = atLocalTime(day, hours.end, timeZone).toInstant();
    const candidate = laterOf(from, opens);
    if (Temporal.Instant.compare(candidate, earlierOf(to, closes)) <= 0) return candidate;
  }
  return null;
}

/** The thank-you window after an interview that ended at `end`, timed for the recipient. */
export function findThankYouWindow(
  end: Temporal.Instant,
  timeZone: string,
  nation: Nation | undefined,
  minGapHours: number,
  settings: FollowUpSettings,
): SendWindow {
  const notBefore = end.add({ milliseconds: Math.round(minGapHours * 3_600_000) });
  const due = end.add({ milliseconds: Math.round(settings.thankYouDueHours * 3_600_000) });
  const sendAt =
    findWorkingMoment(notBefore, due, timeZone, nation, settings.workingHours) ?? notBefore;
  return { notBefore, due, sendAt };
}
