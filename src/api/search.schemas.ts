/**
 * The agency search API's schemas. The query's schema states what parseSearchQuery checks: the
 * required fields, the values each choice takes (compared without case) and the limits, from the
 * same tables.
 */
import { Type } from '@sinclair/typebox';
import {
  EMPLOYMENT_TYPES,
  listIndustries,
  ORDERS,
  PURPOSES,
} from '../domain/directory/taxonomy.js';
import { LIMITS } from '../domain/validation/limits.js';

const LIMIT = LIMITS.search;
const choice = (values: readonly string[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );
const EMPLOYMENT_TYPE = choice(
  EMPLOYMENT_TYPES.map((type) => type.value),
  'An employment type',
);

export const SearchQuerySchema = Type.Object(
  {
    industry: choice(
      listIndustries().map((industry) => industry.slug),
      'Industry slug from /api/taxonomy',
    ),
    subsector: Type.Optional(
      Type.String({
        description:
          'Sub-sector slug within the industry, or industry/subsector; empty = whole industry',
      }),
    ),
    purpose: choice(
      PURPOSES.map((purpose) => purpose.value),
      'job (find me a job) or staff (find me staff)',
    ),
    location: Type.String({
      maxLength: LIMIT.locationLength,
      description: 'Town, county, region, nation or UK postcode',
    }),
    employmentType: Type.Optional(
      Type.Union([EMPLOYMENT_TYPE, Type.Array(EMPLOYMENT_TYPE)], {
        description: 'Repeatable, or comma-separated',
      }),
    ),
    order: Type.Optional(
      choice(
        ORDERS.map((order) => order.value),
        'covers (default), specialists or nearest; nearest is the default for local sub-sectors',
      ),
    ),
    radiusMiles: Type.Optional(
      Type.Number({
        minimum: LIMIT.radiusMiles.min,
        maximum: LIMIT.radiusMiles.max,
        description:
          'Used as given; without it nearest searches 40 miles, widening to 80, 160 and the whole UK while fewer than 5 match',
      }),
    ),
    verified: Type.Optional(
      Type.Union(
        [
          Type.Literal('true'),
          Type.Literal('false'),
          Type.Literal('on'),
          Type.Literal('1'),
          Type.Literal('0'),
        ],
        {
          description: 'true: verified agencies only (false or empty: all)',
        },
      ),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: LIMIT.qLength,
        description: `Words in the name or description (at most ${LIMIT.qWords}); all must match, the last as a prefix`,
      }),
    ),
    page: Type.Optional(Type.Integer({ minimum: LIMIT.page.min, maximum: LIMIT.page.max })),
    pageSize: Type.Optional(
      Type.Integer({
        minimum: LIMIT.pageSize.min,
        maximum: LIMIT.pageSize.max,
        default: LIMIT.pageSize.default,
      }),
    ),
  },
  { additionalProperties: true },
);

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

export const AgencyParams = Type.Object({ slug: Type.String() });

export const AgencyResponse = Type.Object({
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
