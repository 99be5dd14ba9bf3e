import { Type } from '@sinclair/typebox';

export const CsrfReply = Type.Object({ token: Type.String() });
