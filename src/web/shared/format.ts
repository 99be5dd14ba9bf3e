/** Small text helpers for pages: dates, lists, plurals, taxonomy labels, textarea sizes. */
import {
  EMPLOYMENT_TYPES,
  PURPOSES,
  type EmploymentType,
} from '../../domain/directory/taxonomy.js';
import { MONTHS } from '../../domain/followup/time.js';

/** "March 2019" for a YYYY-MM-DD date (the text itself when it is not one). */
export function formatMonthYear(on: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(on);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : on;
}

/** "A", "A and B", "A, B and C" (or with "or"). */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 office", "3 offices". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "0.4 miles", "1 mile", "less than 0.1 miles". */
export function formatMiles(miles: number): string {
  if (miles < 0.1) return 'less than 0.1 miles';
  const rounded = Math.round(miles * 10) / 10;
  return `${rounded >= 10 ? Math.round(rounded) : rounded.toFixed(1)} ${rounded === 1 ? 'mile' : 'miles'}`;
}

/**
 * Whole miles, rounded once from the unrounded distance: "less than a mile", "1 mile", "12 miles".
 * The rounding of the search's own sentences ("Office 20 miles away in Croydon"), so a card that
 * shows both never gives one office two distances.
 */
export function formatWholeMiles(miles: number): string {
  const rounded = Math.round(miles);
  if (rounded === 0) return 'less than a mile';
  return rounded === 1 ? '1 mile' : `${rounded} miles`;
}

/** The labels of employment types, in the form's order. */
export function employmentTypeLabels(
  values: readonly EmploymentType[] | readonly string[],
): string[] {
  return EMPLOYMENT_TYPES.filter((t) => (values as readonly string[]).includes(t.value)).map(
    (t) => t.label,
  );
}

/** "find me a job" / "find me staff". */
export function purposeLabel(value: string): string {
  return PURPOSES.find((p) => p.value === value)?.label ?? value;
}

/** Who an agency works with, from its purposes: "Job seekers and employers". */
export function audienceText(purposes: readonly string[]): string {
  const job = purposes.includes('job');
  const staff = purposes.includes('staff');
  if (job && staff) return 'Job seekers and employers';
  if (job) return 'Job seekers';
  if (staff) return 'Employers';
  return 'Not stated';
}

/**
 * Rows enough to show a text box's text without scrolling (about 60 characters a line, one line
 * spare), from `min` to `max`.
 */
export function textareaRows(text: string, min: number, max = 24): number {
  const rows = text
    .split(/\r\n?|\n/)
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 60)), 1);
  return Math.min(Math.max(rows, min), max);
}
