/** Health, taxonomy and directory statistics. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { presentTaxonomy } from '../domain/directory/taxonomy.js';
import { getDirectoryStats } from '../services/directory.service.js';
import type { AppDeps } from '../http/context.js';

const LabelledValue = Type.Object({ value: Type.String(), label: Type.String() });

export function registerDirectoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Health: 200 when the database answers, 503 database-unavailable when not',
        tags: ['service'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
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
          200: Type.Object({
            industries: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.String(),
                subsectors: Type.Array(
                  Type.Object({ slug: Type.String(), name: Type.String(), local: Type.Boolean() }),
                ),
              }),
            ),
            purposes: Type.Array(LabelledValue),
            employmentTypes: Type.Array(LabelledValue),
            orders: Type.Array(LabelledValue),
          }),
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
          200: Type.Object({
            listings: Type.Integer(),
            brands: Type.Integer(),
            branches: Type.Integer(),
          }),
        },
      },
    },
    () => getDirectoryStats(deps),
  );
}
