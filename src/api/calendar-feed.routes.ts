/** The private calendar feed: its state, creation and revocation, and the feed itself. */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { accountOf, requireAccount } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import {
  createCalendarFeed,
  findCalendarFeedOwner,
  getCalendarFeed,
  revokeCalendarFeed,
} from '../services/accounts/calendar-feed.service.js';
import { renderCalendarFeed } from '../services/interviews/calendar-files.js';
import { errors, NoContent } from './accounts.schemas.js';
import { FeedCreated, FeedIcs, FeedQuery, FeedState } from './calendar-feed.schemas.js';

export function registerCalendarFeedRoutes(scope: FastifyInstance, context: AccountContext): void {
  const signedIn = requireAccount(scope);

  scope.get(
    '/api/me/feed',
    {
      ...signedIn,
      schema: {
        summary: 'Whether I have a calendar feed (its address is shown only when created)',
        tags: ['accounts'],
        response: { 200: FeedState, ...errors(401) },
      },
    },
    async (request) => getCalendarFeed(context.accounts, accountOf(request).user.id),
  );

  scope.post(
    '/api/me/feed',
    {
      ...signedIn,
      schema: {
        summary: 'Create my private calendar feed (replaces, and so revokes, any earlier one)',
        description:
          'The answer holds the feed address, with its secret token in the query string; calendar apps subscribe to it. It is shown this once.',
        tags: ['accounts'],
        response: {
          201: FeedCreated,
          ...errors(401, 403),
        },
      },
    },
    async (request, reply) => {
      const feed = await createCalendarFeed(context.accounts, accountOf(request).user.id);
      return reply.status(201).send(feed);
    },
  );

  scope.delete(
    '/api/me/feed',
    {
      ...signedIn,
      schema: {
        summary: 'Revoke my calendar feed: its address stops working at once',
        tags: ['accounts'],
        response: { 204: NoContent, ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(context.accounts, accountOf(request).user.id);
      return reply.status(204).send();
    },
  );

  scope.get(
    '/api/feed.ics',
    {
      schema: {
        summary: 'The private calendar feed: every pending follow-up step of all my interviews',
        description:
          'The token is in the query string, which is never logged. A revoked or unknown token gets 404.',
        tags: ['accounts'],
        querystring: FeedQuery,
        response: {
          200: FeedIcs,
          ...errors(404),
        },
      },
    },
    async (request, reply) => {
      const { token } = request.query as { token?: string };
      const userId = token ? await findCalendarFeedOwner(context.accounts, token) : undefined;
      if (!userId)
        throw DomainError.single('not-found', 'There is no calendar feed at this address.');
      const ics = await renderCalendarFeed(context.interviews, userId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="shortlist-follow-ups.ics"')
        .send(ics);
    },
  );
}
