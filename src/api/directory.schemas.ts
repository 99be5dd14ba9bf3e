/** The directory API's schemas: health, the taxonomy and the statistics. */
import { Type } from '@sinclair/typebox';

const LabelledValue = Type.Object({ value: Type.String(), label: Type.String() });

export const HealthResponse = Type.Object({ status: Type.Literal('ok') });

export const TaxonomyResponse = Type.Object({
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
});

export const StatsResponse = Type.Object({
  listings: Type.Integer(),
  brands: Type.Integer(),
  branches: Type.Integer(),
});
