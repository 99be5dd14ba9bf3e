/** Personal API tokens: list, create (the token shown once), revoke. */
import type { FastifyInstance } from 'fastify';
import { accountOf, requireAccount } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../services/accounts/api-tokens.service.js';
import { errors, NoContent } from './accounts.schemas.js';
import {
  ApiTokenBody,
  ApiTokenCreated,
  ApiTokenParams,
  ApiTokensReply,
} from './api-tokens.schemas.js';

export function registerApiTokenRoutes(scope: FastifyInstance, context: AccountContext): void {
  const signedIn = requireAccount(scope);

  scope.get(
    '/api/tokens',
    {
      ...signedIn,
      schema: {
        summary: 'My personal API tokens (never the tokens themselves)',
        tags: ['accounts'],
        response: { 200: ApiTokensReply, ...errors(401) },
      },
    },
    async (request) => ({
      tokens: await listApiTokens(context.accounts, accountOf(request).user.id),
    }),
  );

  scope.post(
    '/api/tokens',
    {
      ...signedIn,
      schema: {
        summary: 'Create a personal API token; the token is shown this once',
        description: 'Use it as Authorization: Bearer sl_...; bearer requests need no CSRF token.',
        tags: ['accounts'],
        body: ApiTokenBody,
        response: {
          201: ApiTokenCreated,
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(
        context.accounts,
        accountOf(request).user.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  scope.delete(
    '/api/tokens/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Revoke one of my API tokens',
        tags: ['accounts'],
        params: ApiTokenParams,
        response: { 204: NoContent, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await revokeApiToken(context.accounts, accountOf(request).user.id, id);
      return reply.status(204).send();
    },
  );
}
