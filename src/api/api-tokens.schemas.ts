import { Type } from '@sinclair/typebox';

const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ApiTokensReply = Type.Object({ tokens: Type.Array(ApiTokenSchema) });

export const ApiTokenBody = Type.Object({
  name: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String()),
});

export const ApiTokenCreated = Type.Intersect([
  ApiTokenSchema,
  Type.Object({ token: Type.String() }),
]);

export const ApiTokenParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
