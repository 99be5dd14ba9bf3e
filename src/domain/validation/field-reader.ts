/**
 * The one field reader: reads the fields of an object (JSON, a form, an import row), recording
 * every problem under its path (`interviewers[2].email`) in a ProblemList, so a caller reports
 * them all at once. Each input keeps its own wording through a TextStyle.
 */
import type { ProblemList } from '../errors.js';
import { describeType, isObject, lengthOf, normaliseLine, normaliseLines, own } from './text.js';
import type { JsonObject } from './text.js';

/** How an input cleans, counts and words its text fields. */
export interface TextStyle {
  clean(raw: string, multiline: boolean): string;
  length(text: string): number;
  required(label: string): string;
  notText(label: string, value: unknown): string;
  tooLong(label: string, max: number, length: number): string;
  /** Refuses text far over the limit before cleaning it (no time spent on megabytes). */
  farTooLong?: (label: string, max: number) => string;
  /** Refuses control characters left after cleaning, with this message. */
  controlCharacters?: (label: string) => string;
  /** Non-text values read as empty (form fields), instead of being refused. */
  nonTextIsEmpty?: boolean;
}

/** The planner's and the accounts' wording: sentences, code points, cleaned text. */
const SENTENCE_STYLE: TextStyle = {
  clean: (raw, multiline) => (multiline ? normaliseLines(raw) : normaliseLine(raw)),
  length: lengthOf,
  required: (label) => `${label} is required.`,
  notText: (label, value) => `${label} must be text, not ${describeType(value)}.`,
  tooLong: (label, max, length) => `${label} has ${length} characters; keep it to ${max}.`,
  farTooLong: (label, max) => `${label} is far too long: keep it to ${max} characters.`,
};

interface TextRule {
  /** True, or the message for a missing value (else "`label` is required"). */
  required: boolean | string;
  max: number;
  label: string;
  multiline?: boolean;
}

export class FieldReader {
  constructor(
    readonly problems: ProblemList,
    readonly object: JsonObject,
    readonly path: string,
    readonly style: TextStyle = SENTENCE_STYLE,
    /** The object stands for a list: its keys are indexes (`questions[0]`). */
    readonly indexed = false,
  ) {}

  field(key: string): string {
    if (this.indexed) return `${this.path}[${key}]`;
    return this.path ? `${this.path}.${key}` : key;
  }

  value(key: string): unknown {
    return own(this.object, key);
  }

  /** True when the key holds something other than undefined or null. */
  has(key: string): boolean {
    const raw = this.value(key);
    return raw !== undefined && raw !== null;
  }

  private missing(key: string, rule: TextRule): undefined {
    if (rule.required === false) return undefined;
    const message = rule.required === true ? this.style.required(rule.label) : rule.required;
    this.problems.add(this.field(key), 'required', message);
    return undefined;
  }

  /** The cleaned text, or undefined (absent, or a problem recorded). */
  text(key: string, rule: TextRule): string | undefined {
    const { style } = this;
    const field = this.field(key);
    let raw = this.value(key);
    if (typeof raw !== 'string' && style.nonTextIsEmpty) raw = '';
    if (raw === undefined || raw === null) return this.missing(key, rule);
    if (typeof raw !== 'string') {
      this.problems.add(field, 'invalid', style.notText(rule.label, raw));
      return undefined;
    }
    if (style.farTooLong && raw.length > rule.max * 4 + 1000) {
      this.problems.add(field, 'too-long', style.farTooLong(rule.label, rule.max));
      return undefined;
    }
    const text = style.clean(raw, rule.multiline ?? false);
    if (text.length === 0) return this.missing(key, rule);
    const length = style.length(text);
    if (length > rule.max) {
      this.problems.add(field, 'too-long', style.tooLong(rule.label, rule.max, length));
      return undefined;
    }
    if (style.controlCharacters && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
      this.problems.add(field, 'invalid', style.controlCharacters(rule.label));
      return undefined;
    }
    return text;
  }

  /** One of `values`, compared without case or surrounding space. */
  choice<T extends string>(
    key: string,
    values: readonly T[],
    options: { required: boolean; label: string },
  ): T | undefined {
    const field = this.field(key);
    const raw = this.value(key);
    if (raw === undefined || raw === null) {
      if (options.required) {
        this.problems.add(field, 'required', `${options.label} is required: ${values.join(', ')}.`);
      }
      return undefined;
    }
    const value = typeof raw === 'string' ? normaliseLine(raw).toLowerCase() : undefined;
    const found = values.find((candidate) => candidate === value);
    if (!found) {
      this.problems.add(
        field,
        'not-in-list',
        `${options.label} must be one of ${values.join(', ')}.`,
        values.map((candidate) => ({ label: candidate, value: candidate })),
      );
    }
    return found;
  }

  flag(key: string, label: string): boolean | undefined {
    const raw = this.value(key);
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'boolean') {
      this.problems.add(this.field(key), 'invalid', `${label} must be true or false.`);
      return undefined;
    }
    return raw;
  }

  /** A reader for the object under `key`, or undefined (absent, or a problem recorded). */
  child(key: string, label: string, required: boolean): FieldReader | undefined {
    const raw = this.value(key);
    const field = this.field(key);
    if (raw === undefined || raw === null) {
      if (required) this.problems.add(field, 'required', `${label} is required.`);
      return undefined;
    }
    if (!isObject(raw)) {
      this.problems.add(field, 'invalid', `${label} must be an object, not ${describeType(raw)}.`);
      return undefined;
    }
    return new FieldReader(this.problems, raw, field, this.style);
  }

  /** A reader over a list's items (fields `path[0]`, `path[1]`...). */
  static overList(problems: ProblemList, items: readonly unknown[], path: string): FieldReader {
    return new FieldReader(problems, { ...items }, path, SENTENCE_STYLE, true);
  }
}
