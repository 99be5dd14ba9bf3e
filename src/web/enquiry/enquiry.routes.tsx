/**
 * Email Agency in the browser: GET /agencies/{slug}/email (step 1, then the form),
 * POST /agencies/{slug}/email (multipart, CSRF-checked, rate limited) and the confirmation
 * GET /agencies/{slug}/email/sent/{id}. Registered inside the website's scope (its headers,
 * compression, cookies and CSRF), in a child scope that adds multipart forms, error pages that
 * give the form back, and form-action 'self'.
 */
import type { FastifyInstance } from 'fastify';
import { listEmailableBranches, branchEmail } from '../../domain/enquiry/enquiry.js';
import { isDomainError } from '../../domain/errors.js';
import { createCsrfToken } from '../../http/auth.js';
import { acceptMultipartEnquiries } from '../../http/multipart.js';
import type { RequestLimiter } from '../../http/rate-limits.js';
import { FORMS_TO_SELF_CSP } from '../../http/security-headers.js';
import {
  getEnquiryStatus,
  getListingToContact,
  submitEnquiry,
  type DeliveryDeps,
} from '../../services/enquiry.service.js';
import { findListing, type SearchDeps } from '../../services/search.service.js';
import { sendErrorPage } from '../shared/error-page.js';
import { readPurpose, single } from '../shared/form-values.js';
import { pageChrome, sendUncached, type PageDeps } from '../shared/page-context.js';
import { installErrorPages, sendFormAgain } from './enquiry-errors.js';
import { EMPTY_VALUES, readValues, type FieldMessages } from './enquiry-form-values.js';
import { renderEnquiryForm } from './enquiry-form.page.js';
import { audienceOfPurpose, emailPath, listContactableBranches } from './enquiry-kit.js';
import { renderChooseStep, renderNoEmail, renderSentPage } from './enquiry-steps.page.js';

/** What the pages need beyond any page's deps (built by registerEnquiryRoutes). */
interface EnquiryPagesDeps {
  delivery: DeliveryDeps & SearchDeps;
  /** The enquiry API's limiter: the API and the pages share one count per IP address. */
  limiter: RequestLimiter;
  attachmentRetentionDays: number;
}

export type EnquiryPageDeps = PageDeps & EnquiryPagesDeps;

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
      if (contactable.length === 0)
        return sendUncached(reply, 200, renderNoEmail({ ...chrome, listing }));
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
        return sendUncached(
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
      return sendUncached(
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
        const entry = findListing(deps, slug);
        return sendUncached(
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
