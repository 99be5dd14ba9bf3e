/**
 * createApp(deps): the whole HTTP application, never listening (tests use inject): the plugins of
 * src/http (errors, input rules, cookies and CSRF), then the JSON API (src/api) and the website
 * (src/web). The only module that registers all three; composeApp (compose.ts) builds its deps.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerApi } from './api/index.js';
import { installCookies } from './http/auth.js';
import { buildAppContext, type AppDeps } from './http/context.js';
import { installErrorHandlers, isApiPath, knownFailure, sendProblems } from './http/errors.js';
import { installInputRules } from './http/input-rules.js';
import { SECURITY_HEADERS } from './http/security-headers.js';
import { sendErrorPage } from './web/shared/error-page.js';
import { registerWebsite } from './web/index.js';

/** Used only when no COOKIE_SECRET is configured (development and tests). */
export const DEV_COOKIE_SECRET = 'shortlist-dev-cookie-secret-change-me-in-production';

declare module 'fastify' {
  interface FastifyInstance {
    /** Waits for the email attempts requests started in the background (tests; stopping). */
    mailSettled(): Promise<void>;
  }
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logger === undefined || deps.logger === false
        ? false
        : {
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
            // Logs carry method and path only: query strings and bodies can hold what people
            // typed (notes, tokens, feed URLs), which never reach the logs.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                path: req.url.split('?')[0],
              }),
            },
          },
    bodyLimit: 12 * 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    // Failures of the router itself (a parameter over 100 characters: 414; a broken %-escape:
    // 400), before any route or scope: the API's JSON shape, or an HTML page with the same status.
    frameworkErrors: (error, request, reply): void => {
      const known = knownFailure(error) ?? {
        status: 400,
        problem: { field: null, code: 'invalid', message: 'The request is not valid' },
      };
      if (isApiPath(request.url)) {
        void sendProblems(reply, known.status, [known.problem]);
        return;
      }
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
      void sendErrorPage(reply, { snapshot: deps.snapshot }, known.status, known.problem.message);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandlers(app);
  installInputRules(app);
  await app.register(formbody);
  // One cookie secret and one CSRF secret for the API and every page.
  await installCookies(app, deps.cookieSecret ?? DEV_COOKIE_SECRET);
  const context = buildAppContext(deps);
  app.decorate('mailSettled', async () => {
    await context.accounts?.backgroundMail.settled();
  });
  await registerApi(app, context);
  // Every HTML page, in one scope: its headers, compression and HTML error pages.
  await registerWebsite(app, context);
  return app;
}
