/**
 * HTML error pages for browser routes (404, 400, 500) in the site's look. The JSON error handler
 * in src/http/errors.ts stays in charge of /api/*.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import { isDomainError } from '../../domain/errors.js';
import { AUTH_MESSAGES } from '../../http/auth.js';
import { knownFailure, statusForCode } from '../../http/errors.js';
import { Layout, toHtml, type LayoutUser } from './layout.js';
import { pageChrome, sendUncached, type PageDeps } from './page-context.js';

const TITLES: Record<number, string> = {
  400: 'There is a problem with this request',
  403: 'You cannot do that here',
  404: 'Page not found',
  413: 'That was too large',
  414: 'That web address is too long',
  429: 'Too many requests',
  500: 'Sorry, there is a problem with the service',
  503: 'Sorry, the service is unavailable',
};

/** A full HTML error page for a status, with an optional plain-text message (escaped). */
export function renderErrorPage(props: {
  status: number;
  demo: boolean;
  user?: LayoutUser | null;
  message?: string;
}) {
  const title = TITLES[props.status] ?? (props.status >= 500 ? TITLES[500]! : TITLES[400]!);
  const fallback =
    props.status === 404
      ? 'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.'
      : props.status >= 500
        ? 'Please try again in a moment. Nothing you typed has been lost on our side.'
        : 'Please go back and try again.';
  return toHtml(
    <Layout title={title} demo={props.demo} user={props.user} noindex>
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">{escapeHtml(props.message ?? fallback)}</p>
      <p>
        <a href="/">Go to Agency Search</a> or <a href="/about">read about Shortlist</a>.
      </p>
    </Layout>,
  );
}

/** Sends an HTML error page with its status. */
export function sendErrorPage(
  reply: FastifyReply,
  deps: PageDeps,
  status: number,
  message?: string,
): FastifyReply {
  return sendUncached(
    reply,
    status,
    renderErrorPage({
      status,
      ...pageChrome(deps, reply),
      ...(message !== undefined ? { message } : {}),
    }),
  );
}

/**
 * Makes errors inside this (encapsulated) scope answer with HTML pages: not-found -> 404, other
 * domain problems and validation -> 400 with the first message, anything else -> 500 (logged).
 */
export function installHtmlErrorHandler(scope: FastifyInstance, deps: PageDeps): void {
  scope.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDomainError(error)) {
      const status = statusForCode(error.code);
      return sendErrorPage(reply, deps, status, status === 404 ? undefined : error.message);
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendErrorPage(reply, deps, 403, AUTH_MESSAGES.csrf);
    }
    const known = knownFailure(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.problem.code);
      return sendErrorPage(reply, deps, known.status, known.problem.message);
    }
    const status = error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    return sendErrorPage(reply, deps, status >= 400 && status < 600 ? status : 500);
  });
}
