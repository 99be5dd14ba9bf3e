/**
 * Contacting agencies over HTTP: POST /api/agencies/{slug}/enquiries (Email Agency, JSON or
 * multipart with a file) and POST /api/agencies/{slug}/reveals (Phone Number, Visit Website).
 * Enquiries are rate limited per IP address, one count shared with the Email Agency pages
 * (http/context.ts builds it once for both).
 */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { getListingToContact, revealContact, submitEnquiry } from '../services/enquiry.service.js';
import type { RawEnquiry, RevealKind } from '../domain/enquiry/enquiry.js';
import type { AppDeps, ContactContext } from '../http/context.js';
import { acceptMultipartEnquiries } from '../http/multipart.js';
import {
  EnquiryBody,
  EnquiryCreated,
  RevealBody,
  RevealBodyDocumented,
  RevealResponse,
  SlugParams,
} from './enquiry.schemas.js';
import { documented, ErrorsSchema, typesOnly } from './schemas.js';

/** The enquiry fields of a JSON or multipart body, as sent. */
function rawEnquiry(body: unknown): RawEnquiry {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    audience: b.audience,
    branchId: b.branchId,
    name: b.name,
    email: b.email,
    phone: b.phone,
    company: b.company,
    jobTitle: b.jobTitle,
    employmentType: b.employmentType,
    message: b.message,
    consent: b.consent,
  };
}

/** Registers the reveal API, and the enquiry API when enquiries can be delivered. */
export async function registerEnquiryRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  contact: ContactContext | null,
): Promise<void> {
  if (!contact) return;
  const { enquiryStore, clock, revealLimiter, enquiries } = contact;
  await app.register(async (scope) => {
    await acceptMultipartEnquiries(scope);

    scope.post<{ Params: Static<typeof SlugParams>; Body: Static<typeof RevealBody> }>(
      '/api/agencies/:slug/reveals',
      documented(
        {
          summary: "Reveal an agency's telephone numbers or website (Phone Number, Visit Website)",
          description:
            "Records the reveal for the agency's statistics, with the optional company name; never asks who you are. Phone: the numbers of the office named, or of the first office with one.",
          tags: ['contact'],
          params: SlugParams,
          body: RevealBodyDocumented,
          response: {
            200: RevealResponse,
            400: ErrorsSchema,
            404: ErrorsSchema,
            429: ErrorsSchema,
          },
        },
        { body: RevealBody },
      ),
      async (request, reply) => {
        await revealLimiter(request, reply);
        const body = request.body;
        const revealed = await revealContact(
          { snapshot: deps.snapshot, enquiryStore, clock },
          {
            listingSlug: request.params.slug,
            kind: body.kind satisfies RevealKind,
            branchId: body.branchId ?? null,
            companyName: body.companyName ?? null,
          },
        );
        void reply.header('cache-control', 'no-store');
        return revealed.kind === 'phone'
          ? { branchId: revealed.branchId, phone: revealed.phone }
          : { website: revealed.website };
      },
    );

    if (!enquiries) return;
    const { delivery, limiter: enquiryLimiter } = enquiries;
    scope.post<{ Params: Static<typeof SlugParams> }>(
      '/api/agencies/:slug/enquiries',
      documented(
        {
          summary:
            'Email an agency (Email Agency): a message with an optional CV, or a job specification',
          description:
            'JSON, or multipart/form-data with an optional `file`. The enquiry is stored first, then sent to the office for job seekers (candidate) or for employers (employer), with Reply-To the sender; status is `sent`, or `retrying` when delivery will be tried again. At most 5 enquiries per 10 minutes from one IP address.',
          tags: ['contact'],
          consumes: ['application/json', 'multipart/form-data'],
          params: SlugParams,
          body: EnquiryBody,
          response: {
            201: EnquiryCreated,
            400: ErrorsSchema,
            404: ErrorsSchema,
            413: ErrorsSchema,
            429: ErrorsSchema,
          },
        },
        { body: typesOnly(EnquiryBody) },
      ),
      async (request, reply) => {
        const submitted = await submitEnquiry(
          { ...delivery, logger: request.log },
          {
            listing: getListingToContact(deps, request.params.slug),
            raw: rawEnquiry(request.body),
            file: request.uploadedFile,
            admit: () => enquiryLimiter(request, reply),
          },
        );
        return reply.status(201).send({ id: submitted.id, status: submitted.status });
      },
    );
  });
}
