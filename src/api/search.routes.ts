/** Agency Search over HTTP: GET /api/agencies/search and GET /api/agencies/{slug}. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { getAgency, searchVersion } from '../services/search.service.js';
import { searchResponseJson } from './search-json.js';
import type { AppDeps } from '../http/context.js';
import { ErrorsSchema } from './schemas.js';

const TypeCounts = Type.Record(Type.String(), Type.Integer());
const PlaceRef = Type.Object({ id: Type.String(), name: Type.String() });

const SearchResultSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  brand: Type.String(),
  description: Type.String(),
  verified: Type.Boolean(),
  employmentTypes: Type.Array(Type.String()),
  listedSince: Type.String({ description: 'YYYY-MM-DD' }),
  branchCount: Type.Integer(),
  nearestBranch: Type.Object({
    town: Type.String(),
    postcode: Type.String(),
    lat: Type.Number(),
    lon: Type.Number(),
    distanceMiles: Type.Number(),
  }),
  coverage: Type.Union([Type.Literal('national'), Type.Array(PlaceRef)]),
  match: Type.Union(
    [
      Type.Literal('place'),
      Type.Literal('region'),
      Type.Literal('national'),
      Type.Literal('nearby-office'),
      Type.Literal('none'),
    ],
    {
      description:
        'How the listing covers the place: its coverage names the place (or a town or county containing it; for an area, the area or a place inside it), the region or nation containing it, the whole UK, none of these but a branch within 25 miles (never across the Irish Sea), or none (only under specialists and nearest)',
    },
  ),
  why: Type.Array(Type.String(), { description: 'why[0] states the match in words' }),
});

export const SearchResponse = Type.Object({
  order: Type.Union([Type.Literal('covers'), Type.Literal('specialists'), Type.Literal('nearest')]),
  location: Type.Object(
    {
      id: Type.String({
        description: '`town:leeds`, `county:west-yorkshire`, `postcode:ls14ap`...',
      }),
      name: Type.String(),
      label: Type.String({ description: 'Text that resolves back to exactly this place' }),
      kind: Type.String({ description: 'town, county, region, nation or postcode' }),
      county: Type.Union([Type.String(), Type.Null()]),
      region: Type.Union([Type.String(), Type.Null()]),
      nation: Type.String(),
      lat: Type.Number(),
      lon: Type.Number(),
      alternatives: Type.Array(Type.Object({ id: Type.String(), label: Type.String() }), {
        description: 'Other places the text could mean (a label searches there)',
      }),
      ignored: Type.Optional(
        Type.String({
          description: 'What was typed but names no place ("Xyzzy" of "Xyzzy, London")',
        }),
      ),
    },
    { description: 'The place searched from' },
  ),
  radiusMiles: Type.Union([Type.Number(), Type.Null()], {
    description:
      'The radius searched: the one given, or for nearest without one 40, widened to 80 and 160 while fewer than 5 match; null for the whole UK',
  }),
  total: Type.Integer({ description: 'Matching listings (within radiusMiles when set)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  results: Type.Array(SearchResultSchema),
  facets: Type.Object(
    {
      employmentTypes: TypeCounts,
      subsectors: TypeCounts,
      verified: Type.Integer({ description: 'The total with verified=true' }),
    },
    {
      description:
        'Each count is the total of the same query with that facet set to exactly that value (with the default order and automatic radius that query gets)',
    },
  ),
});

const SearchQuerySchema = Type.Object(
  {
    industry: Type.Optional(
      Type.String({ description: 'Industry slug from /api/taxonomy (required)' }),
    ),
    subsector: Type.Optional(
      Type.String({
        description:
          'Sub-sector slug within the industry, or industry/subsector; empty = whole industry',
      }),
    ),
    purpose: Type.Optional(
      Type.String({ description: 'job (find me a job) or staff (find me staff) (required)' }),
    ),
    location: Type.Optional(
      Type.String({ description: 'Town, county, region, nation or UK postcode (required)' }),
    ),
    employmentType: Type.Optional(
      Type.Union([Type.String(), Type.Array(Type.String())], {
        description: 'permanent, temporary, contract, temp-to-perm; repeatable',
      }),
    ),
    order: Type.Optional(
      Type.String({
        description:
          'covers (default), specialists or nearest; nearest is the default for local sub-sectors',
      }),
    ),
    radiusMiles: Type.Optional(
      Type.String({
        description:
          '1-500, used as given; without it nearest searches 40 miles, widening to 80, 160 and the whole UK while fewer than 5 match',
      }),
    ),
    verified: Type.Optional(
      Type.String({ description: 'true: verified agencies only (false or empty: all)' }),
    ),
    q: Type.Optional(
      Type.String({
        description: 'Words in the name or description; all must match, the last as a prefix',
      }),
    ),
    page: Type.Optional(Type.String({ description: 'From 1' })),
    pageSize: Type.Optional(Type.String({ description: '1-100, default 20' })),
  },
  { additionalProperties: true },
);

const AgencyResponse = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  brand: Type.Object({ slug: Type.String(), name: Type.String() }),
  description: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
  listedSince: Type.String(),
  industries: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  subsectors: Type.Array(
    Type.Object({
      key: Type.String(),
      industry: Type.String(),
      slug: Type.String(),
      name: Type.String(),
    }),
  ),
  employmentTypes: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  coverage: Type.Union([
    Type.Literal('national'),
    Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
  ]),
  branches: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Type.String(),
      town: PlaceRef,
      postcode: Type.String(),
      lat: Type.Number(),
      lon: Type.Number(),
      candidate: Type.Object({
        phone: Type.Union([Type.String(), Type.Null()]),
        email: Type.Union([Type.String(), Type.Null()]),
      }),
      employer: Type.Object({
        phone: Type.Union([Type.String(), Type.Null()]),
        email: Type.Union([Type.String(), Type.Null()]),
      }),
    }),
  ),
});

export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/agencies/search',
    {
      schema: {
        summary: 'Search the agency directory',
        description:
          'Required: industry, purpose, location. Errors list every bad field at once, with the messages "You must select an industry from the list", "You must select a status from the list" and "You must enter a location"; an unknown, ambiguous or non-UK location is a problem on `location` with `suggestions`.',
        tags: ['agencies'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponse, 400: ErrorsSchema },
      },
    },
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
        params: Type.Object({ slug: Type.String() }),
        response: { 200: AgencyResponse, 404: ErrorsSchema },
      },
    },
    (request) => getAgency(deps, (request.params as { slug: string }).slug),
  );
}
