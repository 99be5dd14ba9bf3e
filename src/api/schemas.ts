/** Shared TypeBox schemas for the OpenAPI document. */
import { Type } from '@sinclair/typebox';

export const ProblemSchema = Type.Object({
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
