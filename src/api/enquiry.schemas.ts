/**
 * The contact API's schemas. The enquiry's schema states what validateEnquiry checks (required
 * fields, choices, limits, from the same tables); the reveal's is checked by Fastify itself, except
 * the company name, which the domain cleans before counting.
 */
import { Type } from '@sinclair/typebox';
import { EMPLOYMENT_TYPES } from '../domain/directory/taxonomy.js';
import { AUDIENCES, REVEAL_KINDS } from '../domain/enquiry/enquiry.js';
import { LIMITS } from '../domain/validation/limits.js';

const LIMIT = LIMITS.enquiry;
const choice = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: LIMIT.slugLength }) });

export const EnquiryBody = Type.Object(
  {
    audience: choice(
      AUDIENCES.map((audience) => audience.value),
      'candidate (looking for a job) or employer (hiring staff)',
    ),
    branchId: Type.Optional(
      Type.String({ description: 'The office; may be left out when only one takes emails' }),
    ),
    name: Type.String({
      maxLength: LIMIT.nameLength,
      description: 'Sender name (employers: contact name)',
    }),
    email: Type.String({ maxLength: LIMITS.email, description: 'Sender email: the Reply-To' }),
    phone: Type.Optional(
      Type.String({ maxLength: LIMIT.phoneLength, description: 'Required for employers' }),
    ),
    company: Type.Optional(
      Type.String({
        maxLength: LIMIT.companyLength,
        description: 'Employers (required): company name',
      }),
    ),
    jobTitle: Type.Optional(
      Type.String({
        maxLength: LIMIT.jobTitleLength,
        description: 'Employers (required): job title',
      }),
    ),
    employmentType: Type.Optional(
      choice(
        EMPLOYMENT_TYPES.map((type) => type.value),
        'Employers (required): the employment type',
      ),
    ),
    message: Type.String({ maxLength: LIMIT.messageLength }),
    consent: Type.Optional(
      Type.Union([Type.String(), Type.Boolean()], {
        description:
          'Candidates sending a CV: true (or "on") to agree to share it with this agency only',
      }),
    ),
    file: Type.Optional(
      Type.String({
        format: 'binary',
        description:
          'multipart/form-data only: a CV or job specification, PDF, DOC, DOCX or ODT, up to 5 MB (checked by content)',
      }),
    ),
  },
  { additionalProperties: true },
);

const revealProperties = {
  kind: choice(REVEAL_KINDS, 'phone or website'),
  branchId: Type.Optional(Type.String({ maxLength: LIMIT.branchIdLength })),
};

/** What Fastify checks of a reveal. */
export const RevealBody = Type.Object({
  ...revealProperties,
  companyName: Type.Optional(Type.String()),
});

export const RevealBodyDocumented = Type.Object({
  ...revealProperties,
  companyName: Type.Optional(
    Type.String({ maxLength: LIMIT.companyLength, description: 'Optional. Never who you are.' }),
  ),
});

export const RevealResponse = Type.Union([
  Type.Object({
    branchId: Type.String(),
    phone: Type.Object({
      candidate: Type.Union([Type.String(), Type.Null()]),
      employer: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
  Type.Object({ website: Type.String() }),
]);

export const EnquiryCreated = Type.Object({
  id: Type.String(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('sent'),
    Type.Literal('retrying'),
    Type.Literal('failed'),
  ]),
});
