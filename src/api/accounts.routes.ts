/**
 * Accounts over HTTP: sign-up, sign-in, sign-out, CSRF tokens, password reset, the account itself
 * (password, email, export, deletion), personal API tokens and the private calendar feed. All
 * account routes live in one scope with the account hook (see auth.ts); every answer is
 * `cache-control: no-store`. The account pages are in the website's scope (web/index.ts).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.js';
import {
  changeEmail,
  changePassword,
  createApiToken,
  createCalendarFeed,
  deleteAccount,
  exportAccount,
  findCalendarFeedOwner,
  getAccount,
  getCalendarFeed,
  listApiTokens,
  requestPasswordReset,
  resetPassword,
  revokeApiToken,
  revokeCalendarFeed,
  signIn,
  signOut,
  signUp,
} from '../services/accounts.service.js';
import { renderCalendarFeed } from '../services/interviews/calendar-files.js';
import { moveCookieFavourites } from '../http/favourites.js';
import type { AccountContext } from '../http/context.js';
import {
  accountOf,
  clearSessionCookie,
  createCsrfToken,
  installAccountAuth,
  readSessionToken,
  requireAccount,
  requireCsrfForForms,
  requireCsrfForSession,
  sendSession,
} from '../http/auth.js';
import { registerInterviewRoutes } from './interviews.routes.js';
import { ErrorsSchema } from './schemas.js';

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  createdAt: Type.String(),
});
const UserReply = Type.Object({ user: UserSchema });

const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

const Credentials = Type.Object({
  email: Type.Optional(Type.String()),
  password: Type.Optional(Type.String()),
  _csrf: Type.Optional(Type.String({ description: 'Form posts only: the CSRF token' })),
});

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorsSchema]));

function registerAuthRoutes(scope: FastifyInstance, context: AccountContext): void {
  const signedIn = requireAccount(scope);

  scope.get(
    '/api/auth/csrf',
    {
      schema: {
        summary: 'A CSRF token for changes made with the session cookie',
        description: `Send it as the x-csrf-token header (forms: the _csrf field). Works before signing in: the secret is in a signed, HttpOnly cookie. Requests with a bearer token need none.`,
        tags: ['accounts'],
        response: { 200: Type.Object({ token: Type.String() }) },
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
        response: { 204: Type.Null(), ...errors(403) },
      },
    },
    async (request, reply) => {
      const token = readSessionToken(request);
      if (token) await signOut(context.accounts, token);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  scope.post(
    '/api/auth/reset-request',
    {
      preHandler: requireCsrfForForms(scope),
      schema: {
        summary: 'Email a link to reset the password (valid one hour, once)',
        description: 'The answer is the same whether or not the address has an account.',
        tags: ['accounts'],
        body: Type.Object({
          email: Type.Optional(Type.String()),
          _csrf: Type.Optional(Type.String()),
        }),
        response: { 202: Type.Object({ message: Type.String() }), ...errors(400, 403, 429) },
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
        body: Type.Object({
          token: Type.Optional(Type.String()),
          password: Type.Optional(Type.String()),
          _csrf: Type.Optional(Type.String()),
        }),
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
        body: Type.Object({
          currentPassword: Type.Optional(Type.String()),
          newPassword: Type.Optional(Type.String()),
          _csrf: Type.Optional(Type.String()),
        }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 429) },
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
        response: { 200: Type.Unknown(), ...errors(401) },
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
        body: Type.Unknown({ description: '{password} (forms: and _csrf)' }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await deleteAccount(context.accounts, accountOf(request).user.id, request.body);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  scope.get(
    '/api/tokens',
    {
      ...signedIn,
      schema: {
        summary: 'My personal API tokens (never the tokens themselves)',
        tags: ['accounts'],
        response: { 200: Type.Object({ tokens: Type.Array(ApiTokenSchema) }), ...errors(401) },
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
        body: Type.Object({
          name: Type.Optional(Type.String()),
          _csrf: Type.Optional(Type.String()),
        }),
        response: {
          201: Type.Intersect([ApiTokenSchema, Type.Object({ token: Type.String() })]),
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
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await revokeApiToken(context.accounts, accountOf(request).user.id, id);
      return reply.status(204).send();
    },
  );

  const FeedState = Type.Object({
    active: Type.Boolean(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
  });

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
          201: Type.Object({ url: Type.String(), createdAt: Type.String() }),
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
        response: { 204: Type.Null(), ...errors(401, 403) },
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
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: {
          200: Type.String({ description: 'text/calendar' }),
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

/** Registers the account and interview API in one scope of their own. */
export async function registerAccountRoutes(
  app: FastifyInstance,
  context: AccountContext,
): Promise<void> {
  await app.register(async (scope) => {
    await installAccountAuth(scope, context);
    // Personal data: never kept by browsers or proxies.
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store');
      return payload;
    });
    registerAuthRoutes(scope, context);
    registerInterviewRoutes(scope, context);
  });
}
