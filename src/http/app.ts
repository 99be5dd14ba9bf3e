/**
 * createApp(deps): the whole HTTP application, never listening (tests use inject). Routes are
 * thin: they validate at the edge, call a service and present the result.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { OperatorDetails } from '../domain/site/operator.js';
import type { DirectorySnapshot } from '../services/directory-snapshot.service.js';
import type { SearchIndexes } from '../services/search.service.js';
import type {
  AttachmentFiles,
  Clock,
  DirectoryStore,
  EnquiryStore,
  MailAddress,
  Mailer,
  MailQueueStore,
  RateLimitStore,
} from '../services/ports.js';
import { sendErrorPage } from '../web/error-page.js';
import { API_DOCS_HEADERS, SECURITY_HEADERS } from '../web/security-headers.js';
import { installErrorHandlers, isApiPath, knownFailure, sendProblems } from './errors.js';
import { installInputRules } from './input-rules.js';
import { registerAccountRoutes } from './auth.routes.js';
import { installCookies, type AccountsAppDeps } from './auth.js';
import { registerDirectoryRoutes } from './directory.routes.js';
import { registerEnquiryRoutes } from './enquiry.routes.js';
import { registerFollowUpRoutes } from './followup.routes.js';
import { registerPlacesRoutes } from './places.routes.js';
import { registerSearchRoutes } from './search.routes.js';
import { DEV_COOKIE_SECRET, registerWebRoutes } from './web.routes.js';

export interface AppDeps {
  directoryStore: DirectoryStore;
  snapshot: DirectorySnapshot<SearchIndexes>;
  logger?: boolean | { level: string };
  /** Signs the favourites and CSRF cookies (config COOKIE_SECRET); a dev default when unset. */
  cookieSecret?: string;
  /** Reveals and enquiries (Email Agency): registered when the store, mailer and files are set. */
  enquiryStore?: EnquiryStore;
  mailer?: Mailer;
  attachmentFiles?: AttachmentFiles;
  /** The From of enquiry emails (config MAIL_FROM). */
  mailFrom?: MailAddress;
  /** Days an attached file is kept (config ATTACHMENT_RETENTION_DAYS), told to the sender. */
  attachmentRetentionDays?: number;
  /** Enquiries accepted per IP address in a time window; default 5 per 10 minutes. */
  enquiryRateLimit?: { max: number; windowMs: number };
  /**
   * Where enquiry and reveal limits are counted (the database, shared by every worker and
   * instance); the accounts' store when unset. Needed when `enquiryStore` is set.
   */
  rateLimitStore?: RateLimitStore;
  /** The durable queue of every email; needed with `enquiryStore` (enquiries are queued). */
  mailQueue?: MailQueueStore;
  /** Tests only (config MAIL_RETRY_SECONDS): the waits between delivery attempts, in seconds. */
  mailRetrySeconds?: readonly number[] | null;
  /** The time; the system clock when unset. */
  clock?: Clock;
  /** Accounts, sessions, API tokens and saved interviews: registered when set. */
  accounts?: AccountsAppDeps;
  /** Trust X-Forwarded-* from a reverse proxy (config TRUST_PROXY): client IP and https. */
  trustProxy?: boolean | string;
  /** Days before an enquiry's sender is erased (config ENQUIRY_RETENTION_DAYS), for /privacy. */
  enquiryRetentionDays?: number;
  /** Who runs the site (config OPERATOR_*), for /contact, /privacy and /terms; the demo's when unset. */
  operator?: OperatorDetails;
  /** Health's database check: throws `database-unavailable` (503) when it cannot serve. */
  checkDatabase?: () => Promise<void>;
}

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
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shortlist API',
        version: '0.1.0',
        description:
          'Find UK recruitment agencies and plan interview follow-ups. Errors always have the shape {errors:[{field, code, message, suggestions?}]}.',
      },
    },
  });
  // The docs in a scope of their own: the site's security headers, with the CSP Swagger UI needs.
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(API_DOCS_HEADERS)) void reply.header(name, value);
      return payload;
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(async (scope) => {
    registerDirectoryRoutes(scope, deps);
    registerPlacesRoutes(scope);
    registerSearchRoutes(scope, deps);
    registerFollowUpRoutes(scope, { clock: deps.clock ?? { now: () => new Date() } });
  });
  const enquiryPages = await registerEnquiryRoutes(app, deps);
  const accounts = deps.accounts ? await registerAccountRoutes(app, deps, deps.accounts) : null;
  app.decorate('mailSettled', async () => {
    await accounts?.backgroundMail.settled();
  });
  // Every HTML page, in one scope: its headers, compression and HTML error pages.
  await registerWebRoutes(app, deps, { accounts, enquiryPages });
  return app;
}
