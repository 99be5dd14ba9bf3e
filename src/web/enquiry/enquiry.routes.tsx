/**
 * Email Agency in the browser: GET /agencies/{slug}/email (step 1, then the form),
 * POST /agencies/{slug}/email (multipart, CSRF-checked, rate limited) and the confirmation
 * GET /agencies/{slug}/email/sent/{id}. Registered inside the website's scope (its headers,
 * compression, cookies and CSRF), in a child scope that adds multipart forms, error pages that
 * give the form back, and form-action 'self'.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import {
  isAudience,
  listEmailableBranches,
  branchEmail,
  type Audience,
} from '../../domain/enquiry/enquiry.js';
import { isDomainError, type Problem } from '../../domain/errors.js';
import {
  getEnquiryStatus,
  getListingToContact,
  submitEnquiry,
  type DeliveryDeps,
} from '../../services/enquiry.service.js';
import type { SearchDeps } from '../../services/search.service.js';
import { createCsrfToken } from '../../http/auth.js';
import { knownFailure, statusForCode } from '../../http/errors.js';
import { acceptMultipartEnquiries } from '../../http/multipart.js';
import type { RequestLimiter } from '../../http/rate-limits.js';
import { sendErrorPage } from '../error-page.js';
import { pageChrome, type PageDeps } from '../page-context.js';
import { FORMS_TO_SELF_CSP } from '../../http/security-headers.js';
import {
  EMPTY_VALUES,
  audienceOfPurpose,
  emailPath,
  listContactableBranches,
  renderChooseStep,
  renderEnquiryForm,
  renderNoEmail,
  renderSentPage,
  type EnquiryFormValues,
  type FieldMessages,
  type Purpose,
} from './enquiry-pages.js';

/** What the pages need beyond any page's deps (built by registerEnquiryRoutes). */
export interface EnquiryPagesDeps {
  delivery: DeliveryDeps & SearchDeps;
  /** The enquiry API's limiter: the API and the pages share one count per IP address. */
  limiter: RequestLimiter;
  attachmentRetentionDays: number;
}

export type EnquiryPageDeps = PageDeps & EnquiryPagesDeps;

function single(raw: unknown): string {
  const v = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return typeof v === 'string' ? v : '';
}

function readPurpose(raw: unknown): Purpose | null {
  const v = single(raw);
  return v === 'job' || v === 'staff' ? v : null;
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

function readValues(body: unknown): EnquiryFormValues {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => single(b[key]);
  return {
    audience: text('audience'),
    branchId: text('branchId'),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    company: text('company'),
    jobTitle: text('jobTitle'),
    employmentType: text('employmentType'),
    message: text('message'),
    consent: ['yes', 'on', 'true', '1'].includes(text('consent')),
  };
}

function messagesOf(problems: readonly Problem[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const p of problems) {
    const field = p.field ?? 'message';
    messages[field] ??= p.message;
  }
  return messages;
}

/** The form again with what was typed, its problems, and a fresh CSRF token. */
function sendFormAgain(
  deps: EnquiryPageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  listing: Listing,
  status: number,
  problems: readonly Problem[],
  formProblem: string | null,
) {
  const values = readValues(request.body);
  const audience: Audience = isAudience(values.audience) ? values.audience : 'candidate';
  const errors = messagesOf(problems);
  const fieldless = problems.find((p) => p.field === null);
  if (fieldless) delete errors.message;
  const chosen = listing.branches.find((b) => b.id === values.branchId);
  const branchOk =
    chosen !== undefined && branchEmail(chosen, audience) !== null && !errors.branchId;
  const choices = listEmailableBranches(listing, audience);
  // The only office for this audience needs no choice, even when the one sent was wrong.
  const branch: Branch | null = branchOk
    ? chosen
    : choices.length === 1
      ? (choices[0] ?? null)
      : null;
  if (branch && errors.branchId && choices.length === 1) delete errors.branchId;
  return html(
    reply,
    status,
    renderEnquiryForm({
      ...pageChrome(deps, reply),
      listing,
      audience,
      branch,
      branchChoices: branch ? [] : choices,
      values,
      errors,
      csrfToken: createCsrfToken(request, reply),
      previousFileName: request.uploadedFile?.fileName ?? null,
      retentionDays: deps.attachmentRetentionDays,
      formProblem: formProblem ?? fieldless?.message ?? null,
    }),
  );
}

function isFormPost(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url === '/agencies/:slug/email';
}

function installErrorPages(scope: FastifyInstance, deps: EnquiryPageDeps): void {
  scope.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const slug = (request.params as { slug?: string } | undefined)?.slug ?? '';
    const listing = slug ? deps.snapshot.get().derived.listings.get(slug)?.listing : undefined;
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      if (listing && isFormPost(request)) {
        return sendFormAgain(
          deps,
          request,
          reply,
          listing,
          403,
          [],
          'This form had expired, so nothing was sent. Check your details and send it again.',
        );
      }
      return sendErrorPage(
        reply,
        deps,
        403,
        'This form had expired. Go back, reload the page and try again.',
      );
    }
    if (isDomainError(error)) {
      const status = statusForCode(error.code);
      return sendErrorPage(reply, deps, status, status === 404 ? undefined : error.message);
    }
    const known = knownFailure(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.problem.code);
      return sendErrorPage(reply, deps, known.status, known.problem.message);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return sendErrorPage(
        reply,
        deps,
        413,
        'Send one file of at most 5 MB with your message. Go back and choose a smaller file.',
      );
    }
    if (status === 429)
      return sendErrorPage(reply, deps, 429, 'Please wait a few minutes and try again.');
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    return sendErrorPage(reply, deps, status >= 400 && status < 600 ? status : 500);
  });
}

/** Registers the Email Agency pages in a child scope of the website's scope. */
export async function registerEnquiryPages(
  web: FastifyInstance,
  deps: EnquiryPageDeps,
): Promise<void> {
  await web.register(async (scope) => {
    await acceptMultipartEnquiries(scope);
    installErrorPages(scope, deps);
    // After the website's own headers: these forms only ever post here.
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('content-security-policy', FORMS_TO_SELF_CSP);
      return payload;
    });

    scope.get('/agencies/:slug/email', { schema: { hide: true } }, (request, reply) => {
      const { slug } = request.params as { slug: string };
      const q = request.query as Record<string, unknown>;
      const listing = getListingToContact(deps, slug);
      const chrome = pageChrome(deps, reply);
      const contactable = listContactableBranches(listing);
      if (contactable.length === 0) return html(reply, 200, renderNoEmail({ ...chrome, listing }));
      const purpose = readPurpose(q.purpose);
      const audience = audienceOfPurpose(purpose);
      const branchId = single(q.branch);
      const submitted = single(q.step) === '1';
      const changing = single(q.change) === '1';
      const named = branchId === '' ? undefined : listing.branches.find((b) => b.id === branchId);
      const open = audience ? listEmailableBranches(listing, audience) : contactable;
      const branch = named ?? (open.length === 1 ? open[0] : undefined);
      const errors: FieldMessages = {};
      if (audience && branch && branchEmail(branch, audience) && !changing) {
        return html(
          reply,
          200,
          renderEnquiryForm({
            ...chrome,
            listing,
            audience,
            branch,
            branchChoices: [],
            values: { ...EMPTY_VALUES, audience, branchId: branch.id },
            errors,
            csrfToken: createCsrfToken(request, reply),
            previousFileName: null,
            retentionDays: deps.attachmentRetentionDays,
            formProblem: null,
          }),
        );
      }
      const who = audience === 'candidate' ? 'job seekers' : 'employers';
      if (named && audience && !branchEmail(named, audience)) {
        errors.branch = `${named.name} (${named.postcode}) does not take emails from ${who}: choose another office`;
      }
      if (submitted) {
        if (!purpose) {
          errors.purpose = 'Choose whether you are looking for a job or looking to hire staff';
        }
        if (audience && open.length === 0) {
          errors.purpose = `${listing.name} does not take emails from ${who}`;
        } else if (!branch && contactable.length > 1) {
          errors.branch = 'Choose the office you want to email';
        }
      }
      return html(
        reply,
        Object.keys(errors).length > 0 ? 400 : 200,
        renderChooseStep({
          ...chrome,
          listing,
          branches: contactable,
          purpose,
          branchId: named?.id ?? '',
          errors,
        }),
      );
    });

    scope.post(
      '/agencies/:slug/email',
      { schema: { hide: true }, preHandler: scope.csrfProtection.bind(scope) },
      async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const listing = getListingToContact(deps, slug);
        const values = readValues(request.body);
        try {
          const submitted = await submitEnquiry(
            { ...deps.delivery, logger: request.log },
            {
              listing,
              raw: { ...values, consent: values.consent },
              file: request.uploadedFile,
              admit: () => deps.limiter(request, reply),
            },
          );
          return reply.redirect(
            `${emailPath(listing.slug)}/sent/${encodeURIComponent(submitted.id)}`,
            303,
          );
        } catch (error) {
          if (!isDomainError(error) || error.code === 'not-found') throw error;
          if (error.code === 'rate-limited') {
            return sendFormAgain(
              deps,
              request,
              reply,
              listing,
              429,
              [],
              `${error.message}. Nothing was sent; what you typed is kept below.`,
            );
          }
          return sendFormAgain(deps, request, reply, listing, 400, error.problems, null);
        }
      },
    );

    scope.get(
      '/agencies/:slug/email/sent/:id',
      { schema: { hide: true } },
      async (request, reply) => {
        const { slug, id } = request.params as { slug: string; id: string };
        const view = await getEnquiryStatus(deps.delivery, id);
        if (view.listingSlug !== slug) return sendErrorPage(reply, deps, 404);
        const entry = deps.snapshot.get().derived.listings.get(slug);
        return html(
          reply,
          200,
          renderSentPage({
            ...pageChrome(deps, reply),
            listing: entry ? { slug, name: entry.listing.name } : null,
            agencyName: view.agencyName,
            status: view.status,
          }),
        );
      },
    );
  });
}
