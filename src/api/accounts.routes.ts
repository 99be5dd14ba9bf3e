/**
 * Accounts over HTTP: one scope with the account hook (see http/auth.ts) for sessions, password
 * reset, the account itself, API tokens, the calendar feed and saved interviews; every answer is
 * `cache-control: no-store`. The account pages are in the website's scope (web/index.ts).
 */
import type { FastifyInstance } from 'fastify';
import { installAccountAuth } from '../http/auth.js';
import type { AccountContext } from '../http/context.js';
import { registerAccountSettingsRoutes } from './account.routes.js';
import { registerApiTokenRoutes } from './api-tokens.routes.js';
import { registerCalendarFeedRoutes } from './calendar-feed.routes.js';
import { registerInterviewRoutes } from './interviews.routes.js';
import { registerPasswordResetRoutes } from './password-reset.routes.js';
import { registerSessionRoutes } from './sessions.routes.js';

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
    registerSessionRoutes(scope, context);
    registerPasswordResetRoutes(scope, context);
    registerAccountSettingsRoutes(scope, context);
    registerApiTokenRoutes(scope, context);
    registerCalendarFeedRoutes(scope, context);
    registerInterviewRoutes(scope, context);
  });
}
