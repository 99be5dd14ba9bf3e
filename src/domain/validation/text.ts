/**
 * Text helpers for everything people send: cleaning one line or several, counting characters,
 * reading loose values (JSON, query strings) and describing what was sent instead.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Half a surrogate pair is not text: it becomes U+FFFD so nothing downstream chokes on it. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** One-line text: every run of spaces, tabs, line breaks and control characters becomes a space. */
export function normaliseLine(text: string): string {
  return replaceLoneSurrogates(text)
    .replace(BIDI_CONTROLS, '')
    .replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/** Multi-line text: line breaks become `\n`, other control characters go, blank runs shrink. */
export function normaliseLines(text: string): string {
  return replaceLoneSurrogates(text)
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}]/gu, (char) => (char === '\n' ? '\n' : ''))
    .split('\n')
    .map((line) => line.replace(/\s+$/u, '').replace(/^\s+/u, (lead) => lead.replace(/\s/g, ' ')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A message as typed: line breaks kept as `\n` (tabs and blank lines too, unlike
 * normaliseLines), other control characters removed, trailing spaces dropped.
 */
export function normaliseMessage(text: string): string {
  return replaceLoneSurrogates(text)
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** Characters as people count them (code points, so an emoji is one), as JSON Schema counts. */
export function lengthOf(text: string): number {
  return [...text].length;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object's own value for the key: never one inherited (`__proto__`, `constructor`). */
export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** What a value is, for "must be text, not a number". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * A query-string or form value as one string: the first of a repeated parameter; numbers and
 * booleans (CLI options) as text; undefined when there is none.
 */
export function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstValue(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
