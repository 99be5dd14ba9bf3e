/** Password reset: ask for an emailed link, then set a new password with it (which signs in). */
import type { FastifyInstance } from 'fastify';
import { requireCsrfForForms, sendSession } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import { moveCookieFavourites } from '../http/favourites.js';
import {
  requestPasswordReset,
  resetPassword,
} from '../services/accounts/password-reset.service.js';
import { errors, UserReply } from './accounts.schemas.js';
import { ResetBody, ResetRequestBody, ResetRequestReply } from './password-reset.schemas.js';

export function registerPasswordResetRoutes(scope: FastifyInstance, context: AccountContext): void {
  scope.post(
    '/api/auth/reset-request',
    {
      preHandler: requireCsrfForForms(scope),
      schema: {
        summary: 'Email a link to reset the password (valid one hour, once)',
        description: 'The answer is the same whether or not the address has an account.',
        tags: ['accounts'],
        body: ResetRequestBody,
        response: { 202: ResetRequestReply, ...errors(400, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await requestPasswordReset(context.accounts, request.body, { ip: request.ip });
      return reply.status(202).send(result);
    },
  );

  scope.post(
    '/api/auth/reset',
    {
      preHandler: requireCsrfForForms(scope),
      schema: {
        summary: 'Set a new password with the token from the emailed link; signs in',
        description: 'Every session of the account ends; this browser gets a new one.',
        tags: ['accounts'],
        body: ResetBody,
        response: { 200: UserReply, ...errors(400, 403) },
      },
    },
    async (request, reply) => {
      const { user, session } = await resetPassword(context.accounts, request.body);
      sendSession(context, request, reply, session);
      await moveCookieFavourites(context.accounts, request, reply, user.id);
      return { user };
    },
  );
}
