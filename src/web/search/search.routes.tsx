/** The home page (the Agency Search form) and the results page, GET / and GET /search. */
import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import { loadFavourites } from '../../http/favourites.js';
import type { AgencySearchOutcome } from '../../services/search-location.js';
import { countListings, findListing, searchAgencies } from '../../services/search.service.js';
import { pageChrome, sendHtml, type PageDeps } from '../shared/page-context.js';
import type { ResultEntry } from './result-list.js';
import { renderResults } from './results.page.js';
import { offeredOrders, readSearchForm } from './search-form-values.js';
import { renderHome, renderPastLastPage, renderSearchErrors } from './search-pages.js';

const FORM_FIELDS = [
  'industry',
  'subsector',
  'purpose',
  'location',
  'employmentType',
  'order',
  'radiusMiles',
  'q',
  'verified',
] as const;

export function registerSearchPages(app: FastifyInstance, deps: PageDeps): void {
  app.get('/', { schema: { hide: true } }, (_request, reply) => {
    const count = countListings(deps);
    return sendHtml(reply, 200, renderHome(pageChrome(deps, reply), count));
  });

  app.get('/search', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    if (!FORM_FIELDS.some((f) => raw[f] !== undefined)) return reply.redirect('/#search', 303);
    const values = readSearchForm(raw);
    // Only the two orders offered for this query are honoured; another falls back to the default.
    const offered = offeredOrders(values);
    const order = (offered as string[]).includes(values.order) ? values.order : '';
    const effective = { ...values, order };
    let outcome: AgencySearchOutcome;
    try {
      outcome = searchAgencies(
        deps,
        { ...raw, subsector: effective.subsector, order, q: effective.q },
        { offeredOrdersOnly: true },
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendHtml(
        reply,
        400,
        renderSearchErrors(pageChrome(deps, reply), countListings(deps), effective, error.problems),
      );
    }
    const lastPage = Math.max(1, Math.ceil(outcome.total / outcome.pageSize));
    if (outcome.page > lastPage)
      return sendHtml(
        reply,
        404,
        renderPastLastPage(pageChrome(deps, reply), effective, outcome.page, lastPage),
      );
    const favourites = new Set(await loadFavourites(request, deps.accountDeps));
    const entries = outcome.results.flatMap((result): ResultEntry[] => {
      const entry = findListing(deps, result.slug);
      return entry ? [{ result, ...entry }] : [];
    });
    return sendHtml(
      reply,
      200,
      renderResults(pageChrome(deps, reply), {
        count: countListings(deps),
        entries,
        favourites,
        values: effective,
        outcome,
      }),
    );
  });
}
