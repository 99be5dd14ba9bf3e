/**
 * UK first-class post for hand-written notes: collections (Monday to Friday and Saturday
 * mornings, none on Sundays or bank holidays) and next-day delivery (Monday to Saturday).
 */
import { Temporal } from 'temporal-polyfill';
import type { FollowUpSettings } from './settings.js';
import { atLocalTime } from './time.js';
import type { Nation } from './types.js';
import { listBankHolidays, listUkWideBankHolidays } from './working-days.js';

/**
 * Whether the post runs on a date: Monday to Saturday, not a bank holiday of the nation, or of
 * all four nations when the nation is unknown.
 */
export function isPostDay(date: Temporal.PlainDate, nation: Nation | undefined): boolean {
  if (date.dayOfWeek === 7) return false;
  const holidays = nation ? listBankHolidays(nation, date.year) : listUkWideBankHolidays(date.year);
  return !holidays.has(date.toString());
}

/** The last collection on a date, in the candidate's zone, or null when there is none. */
function findCollection(
  date: Temporal.PlainDate,
  timeZone: string,
  nation: Nation | undefined,
  settings: FollowUpSettings,
): Temporal.ZonedDateTime | null {
  if (!isPostDay(date, nation)) return null;
  const time = date.dayOfWeek === 6 ? settings.collections.saturday : settings.collections.weekday;
  return atLocalTime(date, time, timeZone);
}

/** The last collection inside [from, to], or null when no collection falls in it. */
export function findLastCollection(
  from: Temporal.Instant,
  to: Temporal.Instant,
  timeZone: string,
  nation: Nation | undefined,
  settings: FollowUpSettings,
): Temporal.ZonedDateTime | null {
  const firstDay = from.toZonedDateTimeISO(timeZone).toPlainDate();
  for (
    let day = to.toZonedDateTimeISO(timeZone).toPlainDate();
    Temporal.PlainDate.compare(day, firstDay) >= 0;
    day = day.subtract({ days: 1 })
  ) {
    const collection = findCollection(day, timeZone, nation, settings);
    if (!collection) continue;
    const instant = collection.toInstant();
    if (
      Temporal.Instant.compare(instant, from) >= 0 &&
      Temporal.Instant.compare(instant, to) <= 0
    ) {
      return collection;
    }
  }
  return null;
}

/** The likely delivery date of a first-class letter collected at `posted`: the next post day. */
export function findDeliveryDate(
  posted: Temporal.ZonedDateTime,
  nation: Nation | undefined,
): Temporal.PlainDate {
  let day = posted.toPlainDate().add({ days: 1 });
  while (!isPostDay(day, nation)) day = day.add({ days: 1 });
  return day;
}

/**
 * The collection a hand-written note should catch: the last one on the first collection day
 * after the interview day (Monday to Friday 17:00, Saturday 12:00; no Sundays or bank holidays),
 * so that the note can be written the same evening or the next day. Null only when no collection
 * falls within 30 days.
 */
export function findNoteCollection(
  interviewDay: Temporal.PlainDate,
  timeZone: string,
  nation: Nation | undefined,
  settings: FollowUpSettings,
): Temporal.ZonedDateTime | null {
  let day = interviewDay.add({ days: 1 });
  for (let i = 0; i < 30; i += 1, day = day.add({ days: 1 })) {
    const collection = findCollection(day, timeZone, nation, settings);
    if (collection) return collection;
  }
  return null;
}
