import { Type } from '@sinclair/typebox';

export const PasswordChangeBody = Type.Object({
  currentPassword: Type.Optional(Type.String()),
  newPassword: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String()),
});

export const ExportReply = Type.Unknown();

export const DeleteAccountBody = Type.Unknown({ description: '{password} (forms: and _csrf)' });
