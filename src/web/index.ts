/**
 * The website: server-rendered pages, the stylesheet and the small client script. Every HTML page
 * is registered in one encapsulated scope, so compression, the security headers, the signed-in
 * user (request.account, resolved once per request) and the HTML error pages apply to all of
 * them; /api/* keeps its JSON errors. Cookies and CSRF are the app's (installCookies in auth.ts).
 */
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerAccountPages } from './account/account.routes.js';
import { ASSET_PREFIX, PUBLIC_DIR } from './shared/assets.js';
import { registerEnquiryPages } from './enquiry/enquiry.routes.js';
import { installHtmlErrorHandler, sendErrorPage } from './shared/error-page.js';
import { registerAgencyPages } from './agency/agency.routes.js';
import { registerFavouritePages } from './favourites/favourites.routes.js';
import { registerFollowUpSave } from './interviews/followup-save.routes.js';
import { registerFollowUpPages } from './followup/followup.routes.js';
import { registerInfoPages } from './info.routes.js';
import { registerTrustPages } from './trust.routes.js';
import { DEFAULT_RETENTION, DEMO_OPERATOR } from '../domain/site/operator.js';
import { registerInterviewPages } from './interviews/interviews.routes.js';
import type { PageDeps } from './shared/page-context.js';
import { registerSearchPages } from './search/search.routes.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { installAccountAuth } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { isApiPath, overlongPathFailure, sendProblems } from '../http/errors.js';

/** Assets never need the session: no database lookup for them. */
function isAsset(request: FastifyRequest): boolean {
  return request.url.startsWith(ASSET_PREFIX);
}

/** Registers the website's pages and assets on the app. */
export async function registerWebsite(app: FastifyInstance, context: AppContext): Promise<void> {
  const { deps, accounts, contact } = context;
  const pageDeps: PageDeps = {
    snapshot: deps.snapshot,
    accountDeps: accounts?.accounts ?? null,
    site: {
      operator: deps.operator ?? DEMO_OPERATOR,
      retention: {
        attachmentDays: deps.attachmentRetentionDays ?? DEFAULT_RETENTION.attachmentDays,
        enquiryDays: deps.enquiryRetentionDays ?? DEFAULT_RETENTION.enquiryDays,
        sessionIdleDays:
          accounts?.accounts.settings.sessionIdleDays ?? DEFAULT_RETENTION.sessionIdleDays,
      },
    },
  };
  await app.register(async (scope) => {
    // Before @fastify/static, so the stylesheet and script are compressed too.
    await scope.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
    await scope.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: ASSET_PREFIX,
      // Asset URLs carry a content hash (assetUrl), so a year is safe.
      maxAge: '365d',
      immutable: true,
      index: false,
    });
    await installAccountAuth(scope, accounts, { skip: isAsset });
    installHtmlErrorHandler(scope, pageDeps);
    scope.addHook('onSend', async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
      return payload;
    });

    registerSearchPages(scope, pageDeps);
    registerAgencyPages(scope, {
      ...pageDeps,
      ...(deps.enquiryStore ? { enquiryStore: deps.enquiryStore } : {}),
      clock: context.clock,
    });
    registerFavouritePages(scope, { ...pageDeps, publicUrl: deps.publicUrl });
    registerInfoPages(scope, pageDeps);
    registerTrustPages(scope, pageDeps);
    registerFollowUpPages(scope, { ...pageDeps, clock: context.clock });
    if (contact?.enquiries) {
      await registerEnquiryPages(scope, { ...pageDeps, ...contact.enquiries });
    }
    if (accounts) {
      await scope.register(async (personal) => {
        // An account's own pages: never kept by browsers or proxies.
        personal.addHook('onSend', async (_request, reply, payload) => {
          void reply.header('cache-control', 'no-store');
          return payload;
        });
        registerAccountPages(personal, pageDeps, accounts);
        registerInterviewPages(personal, pageDeps, accounts);
        registerFollowUpSave(personal, pageDeps, accounts);
      });
    }

    // Any other GET: an HTML "page not found" for browsers; /api/* keeps the JSON shape.
    scope.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const overlong = overlongPathFailure(path);
      if (overlong && isApiPath(path)) {
        return sendProblems(reply, overlong.status, [overlong.problem]);
      }
      if (overlong)
        return sendErrorPage(reply, pageDeps, overlong.status, overlong.problem.message);
      if (isApiPath(path)) {
        return sendProblems(reply, 404, [
          { field: null, code: 'not-found', message: `There is nothing at GET ${path}` },
        ]);
      }
      return sendErrorPage(reply, pageDeps, 404);
    });
  });
}
