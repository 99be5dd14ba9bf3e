/** The gazetteer over HTTP: suggestions for a location box, and resolving what was typed. */
import type { FastifyInstance } from 'fastify';
import { resolvePlace, suggestPlaceNames } from '../services/places.service.js';
import { PlacesQuery, PlacesResponse, ResolveQuery, ResolveResponse } from './places.schemas.js';
import { documented, ErrorsSchema, typesOnly } from './schemas.js';

export function registerPlacesRoutes(app: FastifyInstance): void {
  app.get(
    '/api/places',
    documented(
      {
        summary: 'Places starting with the typed prefix, most populous first (for a location box)',
        tags: ['places'],
        querystring: PlacesQuery,
        response: { 200: PlacesResponse, 400: ErrorsSchema },
      },
      { querystring: typesOnly(PlacesQuery) },
    ),
    (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return { places: suggestPlaceNames((request.query as { q?: unknown }).q) };
    },
  );

  app.get(
    '/api/places/resolve',
    documented(
      {
        summary: 'Resolve a town, county, region, nation or postcode to one place',
        description:
          'Errors on field `q`: `required`, `invalid` (e.g. over 100 characters), `ambiguous-location` (suggestions: the places it could mean), `unknown-location` (suggestions: close spellings), `outside-uk`. Each suggestion label resolves to exactly that place.',
        tags: ['places'],
        querystring: ResolveQuery,
        response: { 200: ResolveResponse, 400: ErrorsSchema },
      },
      { querystring: typesOnly(ResolveQuery) },
    ),
    (request) => resolvePlace((request.query as { q?: unknown }).q),
  );
}
