/**
 * Contacting agencies over HTTP: POST /api/agencies/{slug}/enquiries (Email Agency, JSON or
 * multipart with a file) and POST /api/agencies/{slug}/reveals (Phone Number, Visit Website).
 * Enquiries are rate limited per IP address, one count shared with the Email Agency pages (which
 * are registered in the website's scope with what this returns).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getListingToContact,
  revealContact,
  submitEnquiry,
  type DeliveryDeps,
} from '../services/enquiry.service.js';
import { DomainError } from '../domain/errors.js';
import type { Clock, RateLimitStore } from '../services/ports.js';
import { countRequest, type RequestLimit } from '../services/rate-limit.service.js';
import type { RawEnquiry, RevealKind } from '../domain/enquiry/enquiry.js';
import type { EnquiryPagesDeps } from '../web/enquiry/enquiry.routes.js';
import type { AppDeps } from './app.js';
import { acceptMultipartEnquiries } from './enquiry-input.js';
import { ErrorsSchema } from './schemas.js';

/**
 * Counts one more enquiry from this request's IP address; throws a DomainError `rate-limited`
 * (429) when there have been too many, after setting Retry-After on the reply.
 */
export type EnquiryLimiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The documented default: 5 enquiries per 10 minutes per IP address (ENQUIRY_RATE_LIMIT). */
export const DEFAULT_ENQUIRY_LIMIT: RequestLimit = { max: 5, windowMs: 10 * 60_000 };
// Reveals cost nothing to send but are worth scraping: a looser limit of their own.
const REVEAL_LIMIT: RequestLimit = { max: 60, windowMs: 10 * 60_000 };
const SYSTEM_CLOCK = { now: () => new Date() };

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A limiter per IP address, counted in the database so every worker and instance shares it. */
function createLimiter(
  deps: { rateLimitStore: RateLimitStore; clock: Clock },
  action: string,
  limit: RequestLimit,
  what: string,
): EnquiryLimiter {
  return async (request, reply) => {
    const verdict = await countRequest(deps, `${action}:ip:${request.ip}`, limit);
    if (verdict.allowed) return;
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw DomainError.single(
      'rate-limited',
      `You have sent ${limit.max} ${what} in ${minutesText(limit.windowMs)}, the most we accept from one connection: please wait ${minutesText(verdict.retryAfterSeconds * 1000)} and try again`,
    );
  };
}

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

const EnquiryBody = Type.Object(
  {
    audience: Type.Optional(
      Type.String({ description: 'candidate (looking for a job) or employer (hiring staff)' }),
    ),
    branchId: Type.Optional(
      Type.String({ description: 'The office; may be left out when only one takes emails' }),
    ),
    name: Type.Optional(Type.String({ description: 'Sender name (employers: contact name)' })),
    email: Type.Optional(Type.String({ description: 'Sender email: the Reply-To' })),
    phone: Type.Optional(Type.String({ description: 'Required for employers' })),
    company: Type.Optional(Type.String({ description: 'Employers: company name' })),
    jobTitle: Type.Optional(Type.String({ description: 'Employers: job title' })),
    employmentType: Type.Optional(
      Type.String({ description: 'Employers: permanent, temporary, contract or temp-to-perm' }),
    ),
    message: Type.Optional(Type.String({ description: 'Up to 5,000 characters' })),
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

const RevealBody = Type.Object({
  kind: Type.Union([Type.Literal('phone'), Type.Literal('website')]),
  branchId: Type.Optional(Type.String({ maxLength: 100 })),
  companyName: Type.Optional(
    Type.String({ description: 'Optional; at most 200 characters. Never who you are.' }),
  ),
});

const RevealResponse = Type.Union([
  Type.Object({
    branchId: Type.String(),
    phone: Type.Object({
      candidate: Type.Union([Type.String(), Type.Null()]),
      employer: Type.Union([Type.String(), Type.Null()]),
    }),
  }),
  Type.Object({ website: Type.String() }),
]);

/** The enquiry fields of a JSON or multipart body, as sent. */
export function rawEnquiry(body: unknown): RawEnquiry {
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

/** The dependencies of enquiry delivery, when the app has them all. */
function deliveryDepsOf(deps: AppDeps): (DeliveryDeps & { snapshot: AppDeps['snapshot'] }) | null {
  if (!deps.enquiryStore || !deps.mailer || !deps.attachmentFiles) return null;
  const mailQueue = deps.mailQueue ?? deps.accounts?.mailQueue;
  if (!mailQueue) throw new Error('Enquiries need the mail queue');
  return {
    snapshot: deps.snapshot,
    enquiryStore: deps.enquiryStore,
    mailQueue,
    ...(deps.mailRetrySeconds ? { retrySeconds: deps.mailRetrySeconds } : {}),
    mailer: deps.mailer,
    attachmentFiles: deps.attachmentFiles,
    clock: deps.clock ?? SYSTEM_CLOCK,
    mailFrom: deps.mailFrom ?? { name: 'Shortlist', address: 'enquiries@localhost' },
  };
}

/**
 * Registers the enquiry API when the app has an enquiry store; returns what the Email Agency
 * pages need (delivery and the shared limiter), or null when enquiries cannot be delivered.
 */
export async function registerEnquiryRoutes(
  app: FastifyInstance,
  deps: AppDeps,
): Promise<EnquiryPagesDeps | null> {
  const enquiryStore = deps.enquiryStore;
  if (!enquiryStore) return null;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const rateLimitStore = deps.rateLimitStore ?? deps.accounts?.rateLimitStore;
  if (!rateLimitStore) throw new Error('Reveals and enquiries need a rate-limit store');
  const limits = { rateLimitStore, clock };
  const revealLimiter = createLimiter(limits, 'reveal', REVEAL_LIMIT, 'requests');
  const delivery = deliveryDepsOf(deps);
  const enquiryLimit = deps.enquiryRateLimit ?? DEFAULT_ENQUIRY_LIMIT;
  const enquiryLimiter = delivery
    ? createLimiter(limits, 'enquiry', enquiryLimit, 'messages')
    : null;

  await app.register(async (scope) => {
    await acceptMultipartEnquiries(scope);

    scope.post<{ Params: Static<typeof SlugParams>; Body: Static<typeof RevealBody> }>(
      '/api/agencies/:slug/reveals',
      {
        schema: {
          summary: "Reveal an agency's telephone numbers or website (Phone Number, Visit Website)",
          description:
            "Records the reveal for the agency's statistics, with the optional company name; never asks who you are. Phone: the numbers of the office named, or of the first office with one.",
          tags: ['contact'],
          params: SlugParams,
          body: RevealBody,
          response: {
            200: RevealResponse,
            400: ErrorsSchema,
            404: ErrorsSchema,
            429: ErrorsSchema,
          },
        },
      },
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

    if (!delivery || !enquiryLimiter) return;
    scope.post<{ Params: Static<typeof SlugParams> }>(
      '/api/agencies/:slug/enquiries',
      {
        schema: {
          summary:
            'Email an agency (Email Agency): a message with an optional CV, or a job specification',
          description:
            'JSON, or multipart/form-data with an optional `file`. The enquiry is stored first, then sent to the office for job seekers (candidate) or for employers (employer), with Reply-To the sender; status is `sent`, or `retrying` when delivery will be tried again. At most 5 enquiries per 10 minutes from one IP address.',
          tags: ['contact'],
          consumes: ['application/json', 'multipart/form-data'],
          params: SlugParams,
          body: EnquiryBody,
          response: {
            201: Type.Object({
              id: Type.String(),
              status: Type.Union([
                Type.Literal('pending'),
                Type.Literal('sent'),
                Type.Literal('retrying'),
                Type.Literal('failed'),
              ]),
            }),
            400: ErrorsSchema,
            404: ErrorsSchema,
            413: ErrorsSchema,
            429: ErrorsSchema,
          },
        },
      },
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

  if (!delivery || !enquiryLimiter) return null;
  return {
    delivery,
    limiter: enquiryLimiter,
    attachmentRetentionDays: deps.attachmentRetentionDays ?? 90,
  };
}
