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
function findWorkingMoment(
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

/** Whether a candidate in this zone is outside the UK: its canonical zone is not Europe/London. */
export function isOutsideUk(timeZone: string): boolean {
  let canonical = timeZone;
  try {
    canonical = new Intl.DateTimeFormat('en-GB', { timeZone }).resolvedOptions().timeZone;
  } catch {
    canonical = timeZone;
  }
  return canonical !== 'Europe/London';
}

interface Span {
  from: Temporal.Instant;
  to: Temporal.Instant;
}

/** The daily spans of `hours` in a zone that touch [from, to], on working days only if asked. */
function listDailySpans(
  from: Temporal.Instant,
  to: Temporal.Instant,
  timeZone: string,
  hours: { start: ClockTime; end: ClockTime },
  workingDaysOf: { nation: Nation | undefined } | null,
): Span[] {
  const spans: Span[] = [];
  const lastDay = to.toZonedDateTimeISO(timeZone).toPlainDate();
  for (
    let day = from.toZonedDateTimeISO(timeZone).toPlainDate().subtract({ days: 1 });
    Temporal.PlainDate.compare(day, lastDay) <= 0;
    day = day.add({ days: 1 })
  ) {
    if (workingDaysOf && !isWorkingDay(day, workingDaysOf.nation)) continue;
    spans.push({
      from: atLocalTime(day, hours.start, timeZone).toInstant(),
      to: atLocalTime(day, hours.end, timeZone).toInstant(),
    });
  }
  return spans;
}

/**
 * The earliest moment in [from, to] inside both the employer's working hours (on its working
 * days, in `employerZone`) and the candidate's waking hours (in `candidateZone`); null when the
 * two never meet inside it.
 */
export function findSharedMoment(
  from: Temporal.Instant,
  to: Temporal.Instant,
  employer: {
    timeZone: string;
    nation: Nation | undefined;
    hours: { start: ClockTime; end: ClockTime };
  },
  candidate: { timeZone: string; hours: { start: ClockTime; end: ClockTime } },
): Temporal.Instant | null {
  if (Temporal.Instant.compare(from, to) > 0) return null;
  const working = listDailySpans(from, to, employer.timeZone, employer.hours, {
    nation: employer.nation,
  });
  const waking = listDailySpans(from, to, candidate.timeZone, candidate.hours, null);
  let best: Temporal.Instant | null = null;
  for (const a of working) {
    for (const b of waking) {
      const start = laterOf(laterOf(a.from, b.from), from);
      const end = earlierOf(earlierOf(a.to, b.to), to);
      if (Temporal.Instant.compare(start, end) >= 0) continue;
      if (!best || Temporal.Instant.compare(start, best) < 0) best = start;
    }
  }
  return best;
}
