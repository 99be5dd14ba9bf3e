/**
 * How a directory import reads its fields: the toolkit's field reader with the import's wording,
 * and the checks of slugs (unique across the file), lists, emails, phones, coordinates, booleans
 * and dates. Checker collects every problem of one import.
 */
import { ProblemList } from '../errors.js';
import { isEmailAddress } from '../validation/email.js';
import { FieldReader, type TextStyle } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import type { JsonObject } from '../validation/text.js';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,22}[0-9]$/;

export const LIMIT = LIMITS.directory;

type Obj = JsonObject;

/** An import's wording: trimmed text, control characters refused, no full stops. */
const DIRECTORY_STYLE: TextStyle = {
  clean: (raw) => raw.trim(),
  length: (text) => text.length,
  required: (label) => `${label} is required`,
  notText: (label) => `${label} must be text`,
  tooLong: (label, max, length) => `${label} must be at most ${max} characters (it has ${length})`,
  controlCharacters: (label) => `${label} contains control characters`,
};

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export class Checker {
  readonly problems = new ProblemList();
  readonly listingSlugs = new Map<string, string>();
  readonly branchIds = new Map<string, string>();
  readonly brandSlugs = new Map<string, string>();

  text(
    obj: Obj,
    key: string,
    path: string,
    opts: { max: number; required: boolean; label: string },
  ): string | null {
    return new FieldReader(this.problems, obj, path, DIRECTORY_STYLE).text(key, opts) ?? null;
  }

  slug(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    seen: Map<string, string>,
  ): string | null {
    const value = this.matching(
      obj,
      key,
      path,
      { max: LIMIT.slug, required: true, label },
      SLUG_PATTERN,
      'must be lower-case letters, digits and single hyphens',
    );
    if (value === null) return null;
    const previous = seen.get(value);
    if (previous !== undefined) {
      this.problems.add(
        `${path}.${key}`,
        'duplicate',
        `${label} "${value}" is already used at ${previous}`,
      );
      return null;
    }
    seen.set(value, path);
    return value;
  }

  list<T>(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    each: (value: unknown, field: string) => T | null,
  ): T[] | null {
    const value = obj[key];
    const field = `${path}.${key}`;
    if (!Array.isArray(value) || value.length === 0) {
      this.problems.add(
        field,
        value === undefined || value === null || (Array.isArray(value) && value.length === 0)
          ? 'required'
          : 'invalid',
        `${label} must list at least one value`,
      );
      return null;
    }
    const out: T[] = [];
    let ok = true;
    const seen = new Set<unknown>();
    value.forEach((item, i) => {
      const parsed = each(item, `${field}[${i}]`);
      if (parsed === null) ok = false;
      else if (!seen.has(parsed)) {
        seen.add(parsed);
        out.push(parsed);
      }
    });
    return ok ? out : null;
  }

  /** Text that must also pass `check`; else `${label} "${value}" ${fault}` and null. */
  private matching(
    obj: Obj,
    key: string,
    path: string,
    opts: { max: number; required: boolean; label: string },
    check: { test(value: string): boolean },
    fault: string,
  ): string | null {
    const value = this.text(obj, key, path, opts);
    if (value === null) return null;
    if (!check.test(value)) {
      this.problems.add(`${path}.${key}`, 'invalid', `${opts.label} "${value}" ${fault}`);
      return null;
    }
    return value;
  }

  email(obj: Obj, key: string, path: string, label: string): string | null {
    const opts = { max: LIMITS.email, required: false, label };
    const check = { test: isEmailAddress };
    return this.matching(obj, key, path, opts, check, 'is not an email address');
  }

  phone(obj: Obj, key: string, path: string, label: string): string | null {
    const opts = { max: LIMIT.phone, required: false, label };
    return this.matching(obj, key, path, opts, PHONE_PATTERN, 'is not a telephone number');
  }

  coordinate(
    obj: Obj,
    key: string,
    path: string,
    label: string,
    min: number,
    max: number,
  ): number | null {
    const raw = obj[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (value === undefined || value === null || raw === '') {
      this.problems.add(`${path}.${key}`, 'required', `${label} is required`);
      return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problems.add(`${path}.${key}`, 'invalid', `${label} must be a number`);
      return null;
    }
    if (value < min || value > max) {
      this.problems.add(
        `${path}.${key}`,
        'out-of-range',
        `${label} must be between ${min} and ${max} to lie in the UK (it is ${value})`,
      );
      return null;
    }
    return value;
  }
}

export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', '1'].includes(v)) return true;
    if (['false', 'no', '0', ''].includes(v)) return false;
  }
  return null;
}
