/**
 * Working days and UK bank holidays by nation. The holiday data comes from the offline tables
 * of `date-holidays` (GB states ENG, WLS, SCT, NIR), substitute days included.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import type { Nation } from './types.js';

const STATE_BY_NATION: Record<Nation, string> = {
  england: 'ENG',
  wales: 'WLS',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const NATIONS = Object.keys(STATE_BY_NATION) as Nation[];

const calendars = new Map<Nation, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<string>>();

function calendarFor(nation: Nation): Holidays {
  let calendar = calendars.get(nation);
  if (!calendar) {
    calendar = new Holidays('GB', STATE_BY_NATION[nation], { types: ['public', 'bank'] });
    calendars.set(nation, calendar);
  }
  return calendar;
}

/** The bank holidays (`YYYY-MM-DD`) of one UK nation in one year, substitute days included. */
export function listBankHolidays(nation: Nation, year: number): ReadonlySet<string> {
  const key = `${nation}:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    const found = calendarFor(nation)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
      .map((holiday) => holiday.date.slice(0, 10));
    days = new Set(found);
    holidaysByYear.set(key, days);
  }
  return days;
}

/** The bank holidays shared by all four UK nations in a year (when post stops everywhere). */
export function listUkWideBankHolidays(year: number): ReadonlySet<string> {
  const key = `uk:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    const [first, ...rest] = NATIONS.map((nation) => listBankHolidays(nation, year));
    days = new Set([...(first ?? [])].filter((day) => rest.every((other) => other.has(day))));
    holidaysByYear.set(key, days);
  }
  return days;
}

/**
 * Whether a date is a bank holiday in the nation; when the nation is not known, whether it is one
 * of the bank holidays all four UK nations share (Christmas Day, Boxing Day, Good Friday, ...).
 */
function isBankHoliday(date: Temporal.PlainDate, nation: Nation | undefined): boolean {
  const holidays = nation ? listBankHolidays(nation, date.year) : listUkWideBankHolidays(date.year);
  return holidays.has(date.toString());
}

/** Whether a date is a weekend day (Saturday or Sunday). */
function isWeekend(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek >= 6;
}

/** Whether a date is a working day: not a weekend and not a bank holiday of the nation. */
export function isWorkingDay(date: Temporal.PlainDate, nation: Nation | undefined): boolean {
  return !isWeekend(date) && !isBankHoliday(date, nation);
}

/** The date `count` working days after `date` (counting only days strictly after it). */
export function addWorkingDays(
  date: Temporal.PlainDate,
  count: number,
  nation: Nation | undefined,
): Temporal.PlainDate {
  let day = date;
  let left = Math.max(0, Math.floor(count));
  while (left > 0) {
    day = day.add({ days: 1 });
    if (isWorkingDay(day, nation)) left -= 1;
  }
  return day;
}

/** The first working day on or after `date`. */
function findWorkingDayFrom(
  date: Temporal.PlainDate,
  nation: Nation | undefined,
): Temporal.PlainDate {
  let day = date;
  while (!isWorkingDay(day, nation)) day = day.add({ days: 1 });
  return day;
}

/** A span of the year, `MM-DD` to `MM-DD` inclusive (wrapping over New Year when from > to). */
export interface YearSpan {
  from: string;
  to: string;
}

function monthDayOf(date: Temporal.PlainDate): string {
  return `${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Whether a date falls inside a span of the year such as 12-24 to 01-01. */
function isInYearSpan(date: Temporal.PlainDate, span: YearSpan): boolean {
  const day = monthDayOf(date);
  return span.from <= span.to
    ? day >= span.from && day <= span.to
    : day >= span.from || day <= span.to;
}

/**
 * When `date` falls inside `span`, the nation's first working day after the span ends; else
 * null.
 */
export function findWorkingDayAfterSpan(
  date: Temporal.PlainDate,
  span: YearSpan,
  nation: Nation | undefined,
): Temporal.PlainDate | null {
  if (!isInYearSpan(date, span)) return null;
  const [month, day] = span.to.split('-').map(Number) as [number, number];
  const wraps = span.from > span.to && monthDayOf(date) >= span.from;
  const last = Temporal.PlainDate.from({ year: date.year + (wraps ? 1 : 0), month, day });
  return findWorkingDayFrom(last.add({ days: 1 }), nation);
}
