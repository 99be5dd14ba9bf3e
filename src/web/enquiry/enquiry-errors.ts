/**
 * What the Email Agency pages answer when something goes wrong: the form again with what was
 * typed and its problems (a fresh CSRF token), or an error page in the site's look.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import {
  branchEmail,
  isAudience,
  listEmailableBranches,
  type Audience,
} from '../../domain/enquiry/enquiry.js';
import { isDomainError, type Problem } from '../../domain/errors.js';
import { createCsrfToken } from '../../http/auth.js';
import { knownFailure, statusForCode } from '../../http/errors.js';
import { findListing } from '../../services/search.service.js';
import { sendErrorPage } from '../shared/error-page.js';
import { pageChrome, sendUncached } from '../shared/page-context.js';
import { messagesOf, readValues } from './enquiry-form-values.js';
import { renderEnquiryForm } from './enquiry-form.page.js';
import type { EnquiryPageDeps } from './enquiry.routes.js';

/** The form again with what was typed, its problems, and a fresh CSRF token. */
export function sendFormAgain(
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
  return sendUncached(
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

export function installErrorPages(scope: FastifyInstance, deps: EnquiryPageDeps): void {
  scope.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const slug = (request.params as { slug?: string } | undefined)?.slug ?? '';
    const listing = slug ? findListing(deps, slug)?.listing : undefined;
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
