/** TypeBox schemas shared by the account routes (and the interview routes in their scope). */
import { Type } from '@sinclair/typebox';
import { ErrorsSchema } from './schemas.js';

/** The error replies of these statuses, each {errors:[...]}. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorsSchema]));

export const NoContent = Type.Null();

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  createdAt: Type.String(),
});
export const UserReply = Type.Object({ user: UserSchema });

export const Credentials = Type.Object({
  email: Type.Optional(Type.String()),
  password: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String({ description: 'Form posts only: the CSRF token' })),
});
