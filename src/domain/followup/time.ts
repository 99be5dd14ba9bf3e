/**
 * Small helpers over Temporal: local wall-clock times, the plan's instant format and dates
 * written for people ("Fri 16 Oct, 09:00").
 */
import { Temporal } from 'temporal-polyfill';
import type { ClockTime } from './settings.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** English month names, January first (pages use them too). */
export const MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Turns `HH:mm` into a PlainTime. */
function toPlainTime(time: ClockTime): Temporal.PlainTime {
  return Temporal.PlainTime.from(time);
}

/** The instant at a local wall-clock time on a date in a zone (a skipped time moves forward). */
export function atLocalTime(
  date: Temporal.PlainDate,
  time: ClockTime,
  timeZone: string,
): Temporal.ZonedDateTime {
  return date.toZonedDateTime({ timeZone, plainTime: toPlainTime(time) });
}

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss±HH:MM` in a zone (the plan's output format). */
export function formatInstant(instant: Temporal.Instant, timeZone: string): string {
  return instant
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** Writes a moment for people, in a zone: "Fri 16 Oct, 09:00". */
export function describeMoment(instant: Temporal.Instant, timeZone: string): string {
  const local = instant.toZonedDateTimeISO(timeZone);
  const weekday = (WEEKDAYS[local.dayOfWeek - 1] ?? '').slice(0, 3);
  const month = (MONTHS[local.month - 1] ?? '').slice(0, 3);
  const hh = String(local.hour).padStart(2, '0');
  const mm = String(local.minute).padStart(2, '0');
  return `${weekday} ${local.day} ${month}, ${hh}:${mm}`;
}

/** Writes a date for people: "Friday 16 October". */
export function describeDate(date: Temporal.PlainDate): string {
  return `${WEEKDAYS[date.dayOfWeek - 1] ?? ''} ${date.day} ${MONTHS[date.month - 1] ?? ''}`;
}

/** The later of two instants. */
export function laterOf(a: Temporal.Instant, b: Temporal.Instant): Temporal.Instant {
  return Temporal.Instant.compare(a, b) >= 0 ? a : b;
}

/** The earlier of two instants. */
export function earlierOf(a: Temporal.Instant, b: Temporal.Instant): Temporal.Instant {
  return Temporal.Instant.compare(a, b) <= 0 ? a : b;
}
