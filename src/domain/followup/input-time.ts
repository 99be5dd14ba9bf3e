/**
 * The planner input's times: IANA zones, local date-times in a zone (with the clocks' gaps and
 * repeats refused or disambiguated), the decision date, and `now`.
 */
import { Temporal } from 'temporal-polyfill';
import type { ProblemList, Suggestion } from '../errors.js';
import type { FieldReader } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import { describeDate } from './time.js';

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|z|[+-]\d{2}:?\d{2})?$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const { firstYear, lastYear, maxDecisionDays } = LIMITS.followUp;

/** Checks an IANA time zone name and returns its canonical spelling. */
export function readTimeZone(
  reader: FieldReader,
  key: string,
  label: string,
  required: boolean,
): string | undefined {
  const text = reader.text(key, { required, max: LIMITS.followUp.timeZoneLength, label });
  if (text === undefined) return undefined;
  const field = reader.field(key);
  if (!/^[A-Za-z]/.test(text)) {
    reader.problems.add(
      field,
      'invalid',
      `${label} must be a time zone name such as Europe/London, not an offset.`,
    );
    return undefined;
  }
  try {
    return Temporal.PlainDate.from('2026-01-01').toZonedDateTime(text).timeZoneId;
  } catch {
    reader.problems.add(
      field,
      'invalid',
      `"${text}" is not a known time zone; use a name such as Europe/London or America/New_York.`,
      [{ label: 'Europe/London', value: 'Europe/London' }],
    );
    return undefined;
  }
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  return sign * (hours * 60 + minutes) * 60_000_000_000;
}

function formatLocal(dateTime: Temporal.PlainDateTime): string {
  return dateTime.toString({ smallestUnit: 'minute' }).replace(':00.000', '');
}

/** The wall-clock time written, or undefined with a problem recorded. */
function readWallClock(
  reader: FieldReader,
  key: string,
  label: string,
): { local: Temporal.PlainDateTime; offset: string | undefined } | undefined {
  const text = reader.text(key, { required: true, max: LIMITS.followUp.dateTimeLength, label });
  if (text === undefined) return undefined;
  const field = reader.field(key);
  const match = LOCAL_TIME.exec(text);
  if (!match) {
    reader.problems.add(
      field,
      'invalid',
      `${label} must look like 2026-10-15T10:00 (local time), optionally with its offset.`,
    );
    return undefined;
  }
  const [, year, month, day, hour, minute, second, offset] = match;
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second ?? 0),
      },
      { overflow: 'reject' },
    );
  } catch {
    reader.problems.add(field, 'invalid', `${label} is not a real date and time.`);
    return undefined;
  }
  if (local.year < firstYear || local.year > lastYear) {
    reader.problems.add(
      field,
      'out-of-range',
      `${label} must fall between ${firstYear} and ${lastYear}.`,
    );
    return undefined;
  }
  return { local, offset };
}

/**
 * Reads a local date-time in a zone. The offset, when given, must agree with the zone; a time
 * the clocks skip (`nonexistent-time`) or repeat without an offset (`ambiguous-time`) is refused.
 */
export function readLocalDateTime(
  reader: FieldReader,
  key: string,
  label: string,
  timeZone: string | undefined,
): Temporal.ZonedDateTime | undefined {
  const wallClock = readWallClock(reader, key, label);
  if (!wallClock || !timeZone) return undefined;
  const { local, offset } = wallClock;
  const field = reader.field(key);
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  const at = `${formatLocal(local).slice(11)} on ${describeDate(local.toPlainDate())} ${local.year}`;
  if (!earlier.equals(later)) {
    if (!earlier.toPlainDateTime().equals(local)) {
      const after = formatLocal(later.toPlainDateTime());
      reader.problems.add(
        field,
        'nonexistent-time',
        `${at} does not exist in ${timeZone}: the clocks go forward then. Choose a time outside the jump.`,
        [{ label: after, value: after }],
      );
      return undefined;
    }
    if (offset === undefined) {
      const choices: Suggestion[] = [earlier, later].map((zoned) => {
        const value = zoned.toString({ timeZoneName: 'never', smallestUnit: 'minute' });
        return { label: value, value };
      });
      reader.problems.add(
        field,
        'ambiguous-time',
        `${at} happens twice in ${timeZone}, because the clocks go back then: add the offset, ${earlier.offset} for the first or ${later.offset} for the second.`,
        choices,
      );
      return undefined;
    }
  }
  if (offset === undefined) return earlier;
  const wanted = parseOffset(offset);
  const chosen = [earlier, later].find((zoned) => zoned.offsetNanoseconds === wanted);
  if (!chosen) {
    reader.problems.add(
      field,
      'offset-mismatch',
      `The offset ${offset} does not match ${timeZone} at that time (${earlier.offset}); leave it out or correct it.`,
      [{ label: formatLocal(local), value: formatLocal(local) }],
    );
    return undefined;
  }
  return chosen;
}

/** Reads `now`: an instant with its offset, or a local time in the candidate's zone. */
export function readNow(value: unknown, timeZone: string): Temporal.Instant | null {
  if (value instanceof Temporal.Instant) return value;
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim();
  const match = LOCAL_TIME.exec(text);
  if (!match) {
    try {
      return Temporal.Instant.from(text);
    } catch {
      return null;
    }
  }
  try {
    if (match[7] !== undefined)
      return Temporal.Instant.from(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Temporal.PlainDateTime.from(text, { overflow: 'reject' })
      .toZonedDateTime(timeZone)
      .toInstant();
  } catch {
    return null;
  }
}

/** Reads `decisionExpectedOn`: null, or a date from the interview's day to a year after it. */
export function readDecisionDate(
  problems: ProblemList,
  raw: unknown,
  startsAt: Temporal.ZonedDateTime | undefined,
): string | null {
  if (raw === undefined || raw === null) return null;
  const match = typeof raw === 'string' ? PLAIN_DATE.exec(raw.trim()) : null;
  let date: Temporal.PlainDate | undefined;
  if (match) {
    try {
      date = Temporal.PlainDate.from(raw as string, { overflow: 'reject' });
    } catch {
      date = undefined;
    }
  }
  const field = 'decisionExpectedOn';
  if (!date) {
    problems.add(field, 'invalid', 'The decision date must look like 2026-10-22, or be null.');
  } else if (startsAt && Temporal.PlainDate.compare(date, startsAt.toPlainDate()) < 0) {
    problems.add(
      field,
      'out-of-range',
      'The decision date is before the interview; check it, or leave it empty.',
    );
  } else if (
    startsAt &&
    Temporal.PlainDate.compare(date, startsAt.toPlainDate().add({ days: maxDecisionDays })) > 0
  ) {
    problems.add(
      field,
      'out-of-range',
      'The decision date is more than a year after the interview.',
    );
  } else {
    return date.toString();
  }
  return null;
}
