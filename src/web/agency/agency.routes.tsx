/**
 * An agency's profile (GET /agencies/{slug}) and the two reveals: its telephone number
 * (/agencies/{slug}/phone?branch=ID) and its website (/agencies/{slug}/website). A reveal asks at
 * most for a company name, which can be skipped, never who the visitor is; each is recorded for
 * the agency's statistics before the number is shown or the browser is sent to the site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import { isDomainError } from '../../domain/errors.js';
import { loadFavourites } from '../../http/favourites.js';
import { recordReveal, type RevealInput } from '../../services/enquiry.service.js';
import type { Clock, EnquiryStore } from '../../services/ports.js';
import { findListing, getAgency } from '../../services/search.service.js';
import { sendErrorPage } from '../shared/error-page.js';
import { readPurpose, single, type Purpose } from '../shared/form-values.js';
import { pageChrome, sendHtml, type PageDeps } from '../shared/page-context.js';
import { renderProfile } from './profile.page.js';
import { renderPhoneNumber, renderRevealStep } from './reveal.pages.js';

export interface AgencyPageDeps extends PageDeps {
  /** Where reveals are recorded; without it (some tests) reveals are shown but not counted. */
  enquiryStore?: EnquiryStore;
  clock: Clock;
}

export function registerAgencyPages(app: FastifyInstance, deps: AgencyPageDeps): void {
  app.get('/agencies/:slug', { schema: { hide: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const q = request.query as Record<string, unknown>;
    const agency = getAgency(deps, slug);
    const favourites = await loadFavourites(request, deps.accountDeps);
    return sendHtml(
      reply,
      200,
      renderProfile(
        pageChrome(deps, reply),
        agency,
        readPurpose(q.purpose),
        favourites.includes(agency.slug),
      ),
    );
  });

  app.get('/agencies/:slug/phone', { schema: { hide: true } }, (request, reply) => {
    const found = phoneTarget(deps, request);
    if (!found) return sendErrorPage(reply, deps, 404);
    return sendRevealStep(reply, deps, 'phone', found);
  });

  app.post('/agencies/:slug/phone', { schema: { hide: true } }, async (request, reply) => {
    const found = phoneTarget(deps, request);
    if (!found) return sendErrorPage(reply, deps, 404);
    const companyName = postedCompanyName(request);
    const problem = await record(deps, {
      listingSlug: found.listing.slug,
      branchId: found.branch.id,
      kind: 'phone',
      companyName,
    });
    if (problem) return sendRevealStep(reply, deps, 'phone', found, companyName, problem);
    return sendHtml(
      reply,
      200,
      renderPhoneNumber(pageChrome(deps, reply), found.listing, found.branch, found.purpose),
    );
  });

  app.get('/agencies/:slug/website', { schema: { hide: true } }, (request, reply) => {
    const listing = findListing(deps, (request.params as { slug: string }).slug)?.listing;
    if (!listing?.website) return sendErrorPage(reply, deps, 404);
    return sendRevealStep(reply, deps, 'website', { listing, branch: null, purpose: null });
  });

  app.post('/agencies/:slug/website', { schema: { hide: true } }, async (request, reply) => {
    const listing = findListing(deps, (request.params as { slug: string }).slug)?.listing;
    if (!listing?.website || !isWebAddress(listing.website)) return sendErrorPage(reply, deps, 404);
    const companyName = postedCompanyName(request);
    const problem = await record(deps, {
      listingSlug: listing.slug,
      branchId: null,
      kind: 'website',
      companyName,
    });
    if (problem) {
      const target = { listing, branch: null, purpose: null };
      return sendRevealStep(reply, deps, 'website', target, companyName, problem);
    }
    return reply.redirect(listing.website, 302);
  });
}

/** Only http(s) addresses are followed: a listing can never send a visitor to javascript: or data:. */
function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A reveal's company-name step: first empty, then again with the problem of what was posted. */
function sendRevealStep(
  reply: FastifyReply,
  deps: PageDeps,
  kind: 'phone' | 'website',
  target: { listing: Listing; branch: Branch | null; purpose: Purpose | null },
  companyName = '',
  problem: string | null = null,
): FastifyReply {
  const { listing, branch, purpose } = target;
  return sendHtml(
    reply,
    problem ? 400 : 200,
    renderRevealStep(pageChrome(deps, reply), kind, listing, branch, purpose, companyName, problem),
  );
}

function phoneTarget(
  deps: PageDeps,
  request: FastifyRequest,
): { listing: Listing; branch: Branch; purpose: Purpose | null } | null {
  const listing = findListing(deps, (request.params as { slug: string }).slug)?.listing;
  if (!listing) return null;
  const q = request.query as Record<string, unknown>;
  const branchId = single(q.branch);
  const branch =
    branchId === ''
      ? listing.branches.find((b) => b.candidatePhone ?? b.employerPhone)
      : listing.branches.find((b) => b.id === branchId);
  if (!branch || !(branch.candidatePhone ?? branch.employerPhone)) return null;
  return { listing, branch, purpose: readPurpose(q.purpose) };
}

/** The company name posted with a reveal: empty when the visitor skipped the step. */
function postedCompanyName(request: FastifyRequest): string {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return single(body.skip) !== '' ? '' : single(body.companyName);
}

/** Records a reveal; a problem with the company name comes back as its message. */
async function record(
  deps: AgencyPageDeps,
  input: Omit<RevealInput, 'companyName'> & { companyName: string },
): Promise<string | null> {
  if (!deps.enquiryStore) return null;
  const companyName = input.companyName.trim() === '' ? null : input.companyName;
  try {
    await recordReveal(
      { enquiryStore: deps.enquiryStore, clock: deps.clock },
      { ...input, companyName },
    );
    return null;
  } catch (error) {
    if (isDomainError(error) && error.problems[0]?.field === 'companyName') return error.message;
    throw error;
  }
}
