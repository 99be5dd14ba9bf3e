/** The signed-in account: what it is, password and email changes, export and deletion. */
import type { FastifyInstance } from 'fastify';
import { accountOf, clearSessionCookie, requireAccount } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  exportAccount,
  getAccount,
} from '../services/accounts/account.service.js';
import { DeleteAccountBody, ExportReply, PasswordChangeBody } from './account.schemas.js';
import { Credentials, errors, NoContent, UserReply } from './accounts.schemas.js';

export function registerAccountSettingsRoutes(
  scope: FastifyInstance,
  context: AccountContext,
): void {
  const signedIn = requireAccount(scope);

  scope.get(
    '/api/me',
    {
      ...signedIn,
      schema: {
        summary: 'The signed-in account',
        tags: ['accounts'],
        response: { 200: UserReply, ...errors(401) },
      },
    },
    async (request) => ({ user: await getAccount(context.accounts, accountOf(request).user.id) }),
  );

  scope.post(
    '/api/me/password',
    {
      ...signedIn,
      schema: {
        summary: 'Change the password (needs the current one); ends every other session',
        tags: ['accounts'],
        body: PasswordChangeBody,
        response: { 204: NoContent, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await changePassword(context.accounts, accountOf(request), request.body);
      return reply.status(204).send();
    },
  );

  scope.post(
    '/api/me/email',
    {
      ...signedIn,
      schema: {
        summary: 'Change the email address (needs the password)',
        tags: ['accounts'],
        body: Credentials,
        response: { 200: UserReply, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request) => ({
      user: await changeEmail(context.accounts, accountOf(request), request.body),
    }),
  );

  scope.get(
    '/api/me/export',
    {
      ...signedIn,
      schema: {
        summary: 'Download my data: everything held about the account, as one JSON file',
        tags: ['accounts'],
        response: { 200: ExportReply, ...errors(401) },
      },
    },
    async (request, reply) => {
      const data = await exportAccount(context.exports, accountOf(request).user.id);
      const day = context.accounts.clock.now().toISOString().slice(0, 10);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="shortlist-my-data-${day}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );

  scope.delete(
    '/api/me',
    {
      ...signedIn,
      schema: {
        summary: 'Delete my account and everything in it (needs the password)',
        tags: ['accounts'],
        body: DeleteAccountBody,
        response: { 204: NoContent, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await deleteAccount(context.accounts, accountOf(request).user.id, request.body);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );
}
