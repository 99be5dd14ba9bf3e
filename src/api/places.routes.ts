/** The gazetteer over HTTP: suggestions for a location box, and resolving what was typed. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { resolvePlace, suggestPlaceNames } from '../services/places.service.js';
import { ErrorsSchema } from './schemas.js';

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const Option = Type.Object({
  label: Type.String(),
  id: Type.String(),
  kind: Type.String(),
  county: Nullable(Type.String()),
  nation: Type.String(),
});

export function registerPlacesRoutes(app: FastifyInstance): void {
  app.get(
    '/api/places',
    {
      schema: {
        summary: 'Places starting with the typed prefix, most populous first (for a location box)',
        tags: ['places'],
        querystring: Type.Object(
          { q: Type.Optional(Type.String()) },
          { additionalProperties: true },
        ),
        response: {
          200: Type.Object({
            places: Type.Array(
              Type.Object({
                name: Type.String(),
                label: Type.String(),
                id: Type.String(),
                kind: Type.String(),
                county: Nullable(Type.String()),
                region: Nullable(Type.String()),
                nation: Type.String(),
                lat: Type.Number(),
                lon: Type.Number(),
              }),
            ),
          }),
          400: ErrorsSchema,
        },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return { places: suggestPlaceNames((request.query as { q?: unknown }).q) };
    },
  );

  app.get(
    '/api/places/resolve',
    {
      schema: {
        summary: 'Resolve a town, county, region, nation or postcode to one place',
        description:
          'Errors on field `q`: `required`, `too-long`, `ambiguous-location` (suggestions: the places it could mean), `unknown-location` (suggestions: close spellings), `outside-uk`. Each suggestion label resolves to exactly that place.',
        tags: ['places'],
        querystring: Type.Object(
          { q: Type.Optional(Type.String()) },
          { additionalProperties: true },
        ),
        response: {
          200: Type.Object({
            place: Type.Object({
              id: Type.String(),
              name: Type.String(),
              label: Type.String(),
              kind: Type.String(),
              county: Nullable(Type.String()),
              region: Nullable(Type.String()),
              nation: Type.String(),
              lat: Type.Number(),
              lon: Type.Number(),
              precision: Type.Optional(Type.String()),
              ignored: Type.Optional(
                Type.String({
                  description: 'What was typed but names no place ("Xyzzy" of "Xyzzy, London")',
                }),
              ),
            }),
            alternatives: Type.Array(Option),
          }),
          400: ErrorsSchema,
        },
      },
    },
    (request) => resolvePlace((request.query as { q?: unknown }).q),
  );
}
