/**
 * The website: server-rendered pages, the stylesheet and the small client script. Everything is
 * registered in one encapsulated scope, so compression, cookies, the security headers and the
 * HTML error pages apply to the browser routes only; /api/* keeps its JSON errors.
 */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PUBLIC_DIR } from '../web/assets.js';
import { installHtmlErrorHandler, sendErrorPage } from '../web/error-page.js';
import { registerAgencyPages } from '../web/agency.routes.js';
import { registerFavouritePages } from '../web/favourites.routes.js';
import { registerFollowUpPages } from '../web/followup/followup.routes.js';
import { registerInfoPages } from '../web/info.routes.js';
import { registerSearchPages } from '../web/search.routes.js';
import type { AppDeps } from './app.js';
import { sendProblems } from './errors.js';

/** Used only when no COOKIE_SECRET is configured (development and tests). */
export const DEV_COOKIE_SECRET = 'shortlist-dev-cookie-secret-change-me-in-production';

// No third parties: every script, style, image and connection is this site. No form-action:
// Visit Website is a form whose answer redirects to the agency's own site, which form-action
// would block.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Registers the website's pages and assets on the app. */
export async function registerWebRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    // Before @fastify/static, so the stylesheet and script are compressed too.
    await scope.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
    await scope.register(cookie, { secret: deps.cookieSecret ?? DEV_COOKIE_SECRET });
    await scope.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: '/assets/',
      // Asset URLs carry a content hash (assetUrl), so a year is safe.
      maxAge: '365d',
      immutable: true,
      index: false,
    });
    installHtmlErrorHandler(scope, deps);
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'same-origin');
      void reply.header('x-frame-options', 'DENY');
      return payload;
    });

    registerSearchPages(scope, deps);
    registerAgencyPages(scope, deps);
    registerFavouritePages(scope, deps);
    registerInfoPages(scope, deps);
    registerFollowUpPages(scope, { ...deps, clock: deps.clock ?? { now: () => new Date() } });

    // Any other GET: an HTML "page not found" for browsers; /api/* keeps the JSON shape.
    scope.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) {
        return sendProblems(reply, 404, [
          { field: null, code: 'not-found', message: `There is nothing at GET ${path}` },
        ]);
      }
      return sendErrorPage(reply, deps, 404);
    });
  });
}
