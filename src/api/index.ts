/**
 * The JSON API under /api: its OpenAPI document and Swagger UI, then one module per resource
 * (each with its TypeBox schemas beside it). Errors keep the shape {errors:[...]} (http/errors.ts).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.js';
import { API_DOCS_HEADERS } from '../http/security-headers.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerDirectoryRoutes } from './directory.routes.js';
import { registerEnquiryRoutes } from './enquiry.routes.js';
import { registerFollowUpRoutes } from './followup.routes.js';
import { registerPlacesRoutes } from './places.routes.js';
import { registerSearchRoutes } from './search.routes.js';

export async function registerApi(app: FastifyInstance, context: AppContext): Promise<void> {
  const { deps } = context;
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
    registerFollowUpRoutes(scope, { clock: context.clock });
  });
  await registerEnquiryRoutes(app, deps, context.contact);
  if (context.accounts) await registerAccountRoutes(app, context.accounts);
}
