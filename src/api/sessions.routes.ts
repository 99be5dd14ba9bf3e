/** Sign-up, sign-in, sign-out and the CSRF token of forms and scripts using the session. */
import type { FastifyInstance } from 'fastify';
import {
  clearSessionCookie,
  createCsrfToken,
  readSessionToken,
  requireCsrfForForms,
  requireCsrfForSession,
  sendSession,
} from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import { moveCookieFavourites } from '../http/favourites.js';
import { signIn, signOut, signUp } from '../services/accounts/sessions.service.js';
import { Credentials, errors, NoContent, UserReply } from './accounts.schemas.js';
import { CsrfReply } from './sessions.schemas.js';

export function registerSessionRoutes(scope: FastifyInstance, context: AccountContext): void {
  scope.get(
    '/api/auth/csrf',
    {
      schema: {
        summary: 'A CSRF token for changes made with the session cookie',
        description: `Send it as the x-csrf-token header (forms: the _csrf field). Works before signing in: the secret is in a signed, HttpOnly cookie. Requests with a bearer token need none.`,
        tags: ['accounts'],
        response: { 200: CsrfReply },
      },
    },
    (request, reply) => ({ token: createCsrfToken(request, reply) }),
  );

  scope.post(
    '/api/auth/signup',
    {
      preHandler: requireCsrfForForms(scope),
      schema: {
        summary: 'Create an account and sign in (sets the session cookie)',
        description:
          'The password needs at least 12 characters and must not be a common one. JSON bodies need no CSRF token; form posts do.',
        tags: ['accounts'],
        body: Credentials,
        response: { 201: UserReply, ...errors(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = await signUp(context.accounts, request.body, { ip: request.ip });
      sendSession(context, request, reply, session);
      await moveCookieFavourites(context.accounts, request, reply, user.id);
      return reply.status(201).send({ user });
    },
  );

  scope.post(
    '/api/auth/signin',
    {
      preHandler: requireCsrfForForms(scope),
      schema: {
        summary: 'Sign in (sets a new session cookie)',
        description:
          'A wrong password and an unknown address get the same answer. 10 attempts per 15 minutes per IP and per address.',
        tags: ['accounts'],
        body: Credentials,
        response: { 200: UserReply, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = await signIn(context.accounts, request.body, {
        ip: request.ip,
        previousSessionToken: readSessionToken(request),
      });
      sendSession(context, request, reply, session);
      await moveCookieFavourites(context.accounts, request, reply, user.id);
      return { user };
    },
  );

  scope.post(
    '/api/auth/signout',
    {
      preHandler: requireCsrfForSession(scope),
      schema: {
        summary: 'Sign out: ends this session',
        tags: ['accounts'],
        response: { 204: NoContent, ...errors(403) },
      },
    },
    async (request, reply) => {
      const token = readSessionToken(request);
      if (token) await signOut(context.accounts, token);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );
}
