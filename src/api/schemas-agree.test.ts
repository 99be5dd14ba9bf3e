/**
 * The API's schemas and the domain's toolkit agree: for every required field, choice, length,
 * count and range a schema documents, the validator behind the route enforces that same value.
 */
import { SAM_HIRES } from '../../test/enquiry-bodies.js';
import { Type, type TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { buildBranch, buildListing } from '../../test/factories.js';
import { parseSearchQuery } from '../domain/directory/search-query.js';
import { validateEnquiry } from '../domain/enquiry/enquiry.js';
import { isDomainError, ProblemList, type Problem } from '../domain/errors.js';
import { parseFollowUpInput } from '../domain/followup/input.js';
import { makeRawInput } from '../domain/followup/test-support.js';
import { readDraft } from '../services/followup.service.js';
import { resolvePlace, suggestPlaceNames } from '../services/places.service.js';
import { EnquiryBody } from './enquiry.schemas.js';
import { CheckDraftBody, FollowUpInputSchema } from './followup.schemas.js';
import { PlacesQuery, ResolveQuery } from './places.schemas.js';
import { SearchQuerySchema } from './search.schemas.js';

type Path = (string | number)[];
type Check =
  | { kind: 'required'; path: Path }
  | { kind: 'enum'; path: Path; values: string[] }
  | { kind: 'maxLength' | 'maxItems' | 'minimum' | 'maximum'; path: Path; limit: number };

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: string;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

/** Every constraint the schema documents, with where it applies. */
function listChecks(schema: JsonSchema, path: Path = []): Check[] {
  const checks: Check[] = [];
  if (schema.anyOf) {
    if (schema.anyOf.every((member) => member.const !== undefined)) {
      checks.push({ kind: 'enum', path, values: schema.anyOf.map((m) => String(m.const)) });
    } else {
      for (const member of schema.anyOf) checks.push(...listChecks(member, path));
    }
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (schema.required?.includes(key)) checks.push({ kind: 'required', path: [...path, key] });
    checks.push(...listChecks(property, [...path, key]));
  }
  if (schema.items) checks.push(...listChecks(schema.items, [...path, 0]));
  for (const kind of ['maxLength', 'maxItems', 'minimum', 'maximum'] as const) {
    const limit = schema[kind];
    if (limit !== undefined) checks.push({ kind, path, limit });
  }
  return checks;
}

function fieldOf(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part))
    .join('');
}

/** A copy of `base` with the value at `path` replaced (undefined: removed). */
function withValue(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((part, i) => {
    if (node[part] === undefined || typeof node[part] !== 'object') {
      node[part] = typeof path[i + 1] === 'number' ? [] : {};
    }
    node = node[part] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The value at `path` in `base`, or the list there (for maxItems: copies of its first item). */
function valueAt(base: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], base);
}

/** A length problem: the code says so, or (the gazetteer's `invalid`) the message does. */
const TOO_LONG = (p: Problem) => p.code === 'too-long' || /too long/.test(p.message);

/** Whether a problem names `field`, the list it is an item of, or a field inside it. */
function names(
  problems: Problem[],
  field: string,
  code?: string | ((p: Problem) => boolean),
): boolean {
  return problems.some(
    (p) =>
      p.field !== null &&
      (p.field === field || field.startsWith(`${p.field}[`) || p.field.startsWith(`${field}.`)) &&
      (code === undefined || (typeof code === 'string' ? p.code === code : code(p))),
  );
}

function agree(
  schema: TSchema,
  base: unknown,
  problemsOf: (raw: unknown) => Problem[],
  asText = false,
): Check[] {
  const checks = listChecks(schema as JsonSchema);
  const number = (n: number) => (asText ? String(n) : n);
  for (const check of checks) {
    const field = fieldOf(check.path);
    const at = (value: unknown) => problemsOf(withValue(base, check.path, value));
    const label = `${check.kind} ${field}`;
    switch (check.kind) {
      case 'required':
        expect(names(at(undefined), field, 'required'), label).toBe(true);
        break;
      case 'enum':
        for (const value of check.values)
          expect(names(at(value), field), `${label}=${value}`).toBe(false);
        expect(names(at('not-one-of-them'), field), label).toBe(true);
        break;
      case 'maxLength':
        expect(names(at('a'.repeat(check.limit)), field, TOO_LONG), label).toBe(false);
        expect(names(at('a'.repeat(check.limit + 1)), field, TOO_LONG), label).toBe(true);
        break;
      case 'maxItems': {
        const item = valueAt(base, [...check.path, 0]) ?? 'a';
        const list = (n: number) => Array.from({ length: n }, () => structuredClone(item));
        expect(names(at(list(check.limit)), field), label).toBe(false);
        expect(names(at(list(check.limit + 1)), field), label).toBe(true);
        break;
      }
      case 'minimum':
        expect(names(at(number(check.limit)), field), label).toBe(false);
        expect(names(at(number(check.limit - 1)), field), label).toBe(true);
        break;
      case 'maximum':
        expect(names(at(number(check.limit)), field), label).toBe(false);
        expect(names(at(number(check.limit + 1)), field), label).toBe(true);
        break;
    }
  }
  return checks;
}

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
    return [];
  } catch (error) {
    if (isDomainError(error)) return error.problems;
    throw error;
  }
}

const kinds = (checks: Check[]) => new Set(checks.map((check) => check.kind));

describe('the schemas document what the toolkit checks', () => {
  it('the follow-up input', () => {
    const checks = agree(FollowUpInputSchema, makeRawInput(), (raw) =>
      problemsOf(() => parseFollowUpInput(raw, '2026-10-15T11:00:00Z')),
    );
    expect(kinds(checks)).toEqual(
      new Set(['required', 'enum', 'maxLength', 'maxItems', 'minimum', 'maximum']),
    );
  });

  it('a draft to check', () => {
    const { draft } = CheckDraftBody.properties;
    const base = { draft: { subject: 'Thank you', body: 'Dear Anna, thank you.' } };
    const checks = agree(Type.Object({ draft }), base, (raw) => {
      const problems = new ProblemList();
      readDraft((raw as typeof base).draft, 'draft', problems);
      return problems.items;
    });
    expect(checks.filter((check) => check.kind === 'maxLength')).toHaveLength(3);
  });

  it('the search query', () => {
    const base = { industry: 'driving', purpose: 'job', location: 'Leeds' };
    const checks = agree(
      SearchQuerySchema,
      base,
      (raw) => problemsOf(() => parseSearchQuery(raw as Record<string, unknown>)),
      true,
    );
    expect(kinds(checks)).toEqual(new Set(['required', 'enum', 'maxLength', 'minimum', 'maximum']));
  });

  it('an enquiry', () => {
    const listing = buildListing({
      branches: [buildBranch({ id: 'york', employerEmail: 'clients@agency.example' })],
    });
    const base = { ...SAM_HIRES };
    const checks = agree(EnquiryBody, base, (raw) =>
      problemsOf(() => validateEnquiry(listing, raw as Record<string, unknown>, null)),
    );
    expect(kinds(checks)).toEqual(new Set(['required', 'enum', 'maxLength']));
  });

  it('the places queries', () => {
    agree(PlacesQuery, { q: 'Lee' }, (raw) =>
      problemsOf(() => suggestPlaceNames((raw as { q?: unknown }).q)),
    );
    agree(ResolveQuery, { q: 'Leeds' }, (raw) =>
      problemsOf(() => resolvePlace((raw as { q?: unknown }).q)),
    );
  });
});
