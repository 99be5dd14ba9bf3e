/** The places API's schemas; the query's limit is the one the gazetteer checks. */
import { Type } from '@sinclair/typebox';
import { LIMITS } from '../domain/validation/limits.js';

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const Option = Type.Object({
  label: Type.String(),
  id: Type.String(),
  kind: Type.String(),
  county: Nullable(Type.String()),
  nation: Type.String(),
});

export const PlacesQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: LIMITS.places.queryLength, description: 'The typed prefix' }),
    ),
  },
  { additionalProperties: true },
);

export const ResolveQuery = Type.Object(
  {
    q: Type.String({
      maxLength: LIMITS.places.queryLength,
      description: 'A town, county, region, nation or postcode',
    }),
  },
  { additionalProperties: true },
);

/** What both answers give of a place after its name and id, in this order (the JSON's order). */
const PLACE_DETAILS = {
  kind: Type.String(),
  county: Nullable(Type.String()),
  region: Nullable(Type.String()),
  nation: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
};

export const PlacesResponse = Type.Object({
  places: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      id: Type.String(),
      ...PLACE_DETAILS,
    }),
  ),
});

export const ResolveResponse = Type.Object({
  place: Type.Object({
    id: Type.String(),
    name: Type.String(),
    label: Type.String(),
    ...PLACE_DETAILS,
    precision: Type.Optional(Type.String()),
    ignored: Type.Optional(
      Type.String({
        description: 'What was typed but names no place ("Xyzzy" of "Xyzzy, London")',
      }),
    ),
  }),
  alternatives: Type.Array(Option),
});
