/**
 * Shared TypeBox schemas for the OpenAPI document, and the split between what a route documents
 * and what Fastify checks.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifySchema } from 'fastify';

const ProblemSchema = Type.Object({
  field: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
  suggestions: Type.Optional(
    Type.Array(Type.Object({ label: Type.String() }, { additionalProperties: true })),
  ),
  line: Type.Optional(Type.Integer()),
});

export const ErrorsSchema = Type.Object(
  { errors: Type.Array(ProblemSchema) },
  { description: 'Every problem at once' },
);

/** What the domain's toolkit checks (with its own messages, every problem at once) or applies. */
const TOOLKIT_KEYWORDS = new Set([
  'required',
  'enum',
  'const',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'minimum',
  'maximum',
  'pattern',
  'default',
]);

/**
 * The schema without what the toolkit checks: only the JSON types are left, and numbers become
 * text (a query string's values are text; the toolkit reads the number).
 */
export function typesOnly(schema: TSchema): TSchema {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (TOOLKIT_KEYWORDS.has(key) || (key === 'additionalProperties' && value === false)) {
        continue;
      }
      out[key] =
        key === 'type' && (value === 'integer' || value === 'number') ? 'string' : strip(value);
    }
    return out;
  };
  return strip(schema) as TSchema;
}

/**
 * Route options for an input the domain's toolkit validates: the OpenAPI document shows
 * `documented` (every required field, choice and limit the toolkit enforces) while Fastify
 * checks only `checked` (JSON types, or nothing), so the toolkit still reports every problem at
 * once, in its own words.
 */
export function documented<S extends FastifySchema>(documentedSchema: S, checked: FastifySchema) {
  return {
    schema: { ...documentedSchema, ...checked },
    config: {
      swaggerTransform: ({ url }: { url: string }) => ({ schema: documentedSchema, url }),
    },
  };
}
