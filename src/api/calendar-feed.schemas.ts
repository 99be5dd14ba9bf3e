import { Type } from '@sinclair/typebox';

export const FeedState = Type.Object({
  active: Type.Boolean(),
  createdAt: Type.Union([Type.String(), Type.Null()]),
});

export const FeedCreated = Type.Object({ url: Type.String(), createdAt: Type.String() });

export const FeedQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) });

export const FeedIcs = Type.String({ description: 'text/calendar' });
