/** Agency Search over HTTP: GET /api/agencies/search and GET /api/agencies/{slug}. */
import type { FastifyInstance } from 'fastify';
import { getAgency, searchVersion } from '../services/search.service.js';
import { searchResponseJson } from './search-json.js';
import type { AppDeps } from '../http/context.js';
import { documented, ErrorsSchema, typesOnly } from './schemas.js';
import {
  AgencyParams,
  AgencyResponse,
  SearchQuerySchema,
  SearchResponse,
} from './search.schemas.js';

export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/agencies/search',
    documented(
      {
        summary: 'Search the agency directory',
        description:
          'Required: industry, purpose, location. Errors list every bad field at once, with the messages "You must select an industry from the list", "You must select a status from the list" and "You must enter a location"; an unknown, ambiguous or non-UK location is a problem on `location` with `suggestions`.',
        tags: ['agencies'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponse, 400: ErrorsSchema },
      },
      { querystring: typesOnly(SearchQuerySchema) },
    ),
    (request, reply) => {
      // Written by searchResponseJson (the same JSON as the schema's serializer, faster).
      const { outcome, version } = searchVersion(deps, request.query as Record<string, unknown>);
      return reply
        .type('application/json; charset=utf-8')
        .send(searchResponseJson(outcome, version));
    },
  );

  app.get(
    '/api/agencies/:slug',
    {
      schema: {
        summary:
          'One agency listing with its industries, sub-sectors, purposes, coverage and branches',
        tags: ['agencies'],
        params: AgencyParams,
        response: { 200: AgencyResponse, 404: ErrorsSchema },
      },
    },
    (request) => getAgency(deps, (request.params as { slug: string }).slug),
  );
}
