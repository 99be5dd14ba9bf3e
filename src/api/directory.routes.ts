/** Health, taxonomy and directory statistics. */
import type { FastifyInstance } from 'fastify';
import { presentTaxonomy } from '../domain/directory/taxonomy.js';
import { getDirectoryStats } from '../services/directory.service.js';
import type { AppDeps } from '../http/context.js';
import { HealthResponse, StatsResponse, TaxonomyResponse } from './directory.schemas.js';

export function registerDirectoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Health: 200 when the database answers, 503 database-unavailable when not',
        tags: ['service'],
        response: { 200: HealthResponse },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      await deps.checkDatabase?.();
      return { status: 'ok' as const };
    },
  );

  const taxonomy = presentTaxonomy();
  app.get(
    '/api/taxonomy',
    {
      schema: {
        summary: 'Industries with their sub-sectors, purposes, employment types and result orders',
        tags: ['directory'],
        response: {
          200: TaxonomyResponse,
        },
      },
    },
    (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=300');
      return taxonomy;
    },
  );

  app.get(
    '/api/stats',
    {
      schema: {
        summary: 'How many listings, brands and branches the directory holds',
        tags: ['directory'],
        response: {
          200: StatsResponse,
        },
      },
    },
    () => getDirectoryStats(deps),
  );
}
