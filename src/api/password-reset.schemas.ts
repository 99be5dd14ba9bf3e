import { Type } from '@sinclair/typebox';

export const ResetRequestBody = Type.Object({
  email: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String()),
});

export const ResetRequestReply = Type.Object({ message: Type.String() });

export const ResetBody = Type.Object({
  token: Type.Optional(Type.String()),
  password: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String()),
});
