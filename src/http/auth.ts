/**
 * Who a request acts for, and the checks routes put in front of changes: a personal API token
 * (`Authorization: Bearer sl_...`) or the session cookie (HttpOnly, SameSite=Lax, Secure over
 * HTTPS); CSRF tokens (double-submit: a signed secret cookie, the token in the `x-csrf-token`
 * header or the `_csrf` form field) for every change made with the cookie. Bearer requests need
 * no CSRF token: a browser never adds that header to a cross-site request.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { DomainError } from '../domain/errors.js';
import { authenticateApiToken } from '../services/accounts/api-tokens.service.js';
import { RateLimitedError } from '../services/accounts/common.js';
import {
  authenticateSession,
  type Authenticated,
  type NewSession,
} from '../services/accounts/sessions.service.js';
import type { AccountContext } from './context.js';

/** The session cookie: a random token whose SHA-256 hash is the session's key. */
const SESSION_COOKIE = 'shortlist_session';
/** The CSRF secret (signed); forms and scripts send the token derived from it. */
const CSRF_COOKIE = 'shortlist_csrf';
export const AUTH_MESSAGES = Object.freeze({
  unauthenticated: 'Sign in first, or send a personal API token as Authorization: Bearer sl_...',
  badToken: 'The API token is not valid or has been revoked.',
  csrf: 'This form has expired or did not come from Shortlist: reload the page and try again.',
});

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account (session or API token), or null. */
    account: Authenticated | null;
    /** True when an Authorization header was sent and is not a valid token. */
    badCredentials: boolean;
  }
}

function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Sets the session cookie for a new or renewed session. */
function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  now: Date,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
    maxAge: Math.max(0, Math.floor((new Date(expiresAt).getTime() - now.getTime()) / 1000)),
  });
}

/** Starts a browser session: the cookie of the new session. */
export function sendSession(
  context: AccountContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): void {
  setSessionCookie(request, reply, session.token, session.expiresAt, context.accounts.clock.now());
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
  });
}

/** The session token the browser sent, if any. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value && value !== '' ? value : undefined;
}

const csrfTokens = new WeakMap<FastifyRequest, string>();

/**
 * A CSRF token for forms and scripts; creates the secret cookie on first use. One token per
 * request: every form of a page (the header's sign-out included) carries the same one, and a
 * request without the cookie gets one new secret, not one per form (the last would win).
 */
export function createCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let token = csrfTokens.get(request);
  if (token === undefined) {
    token = reply.generateCsrf({ secure: isSecure(request) });
    csrfTokens.set(request, token);
  }
  return token;
}

/**
 * Cookies and CSRF for the whole app, registered once at its root (createApp): @fastify/cookie
 * with the one cookie secret (signed cookies: favourites, the CSRF secret) and
 * @fastify/csrf-protection (its secret in the signed `shortlist_csrf` cookie), so the API, the
 * account routes and every page share one CSRF token.
 */
export async function installCookies(app: FastifyInstance, cookieSecret: string): Promise<void> {
  await app.register(cookie, { secret: cookieSecret });
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true },
  });
}

/**
 * Sets up a scope for routes that act for an account: `request.account` and a hook that finds it
 * from the bearer token or the session cookie, once per request. Without accounts (`context`
 * null) `request.account` is always null. `skip` names requests that never need it (assets).
 * Cookies and CSRF come from the app's root (installCookies).
 */
export async function installAccountAuth(
  scope: FastifyInstance,
  context: AccountContext | null,
  options: { skip?: (request: FastifyRequest) => boolean } = {},
): Promise<void> {
  scope.decorateRequest('account', null);
  scope.decorateRequest('badCredentials', false);
  if (!context) return;
  const skip = options.skip ?? (() => false);
  scope.addHook('onRequest', async (request, reply) => {
    if (skip(request)) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const account = match?.[1]
        ? await authenticateApiToken(context.accounts, match[1])
        : undefined;
      request.account = account ?? null;
      request.badCredentials = account === undefined;
      return;
    }
    const token = readSessionToken(request);
    if (!token) return;
    const account = await authenticateSession(context.accounts, token);
    if (!account) {
      clearSessionCookie(request, reply);
      return;
    }
    request.account = account;
    if (account.renewedUntil) {
      setSessionCookie(request, reply, token, account.renewedUntil, context.accounts.clock.now());
    }
  });
  // Tell clients when to try again after too many attempts.
  scope.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request body is JSON (which a cross-site form cannot send). */
function isJsonRequest(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** The signed-in account of a request that passed requireAccount. */
export function accountOf(request: FastifyRequest): Authenticated {
  if (!request.account) throw DomainError.single('unauthenticated', AUTH_MESSAGES.unauthenticated);
  return request.account;
}

/**
 * Route hooks for signed-in routes: before validation, 401 without an account (or with a bad
 * token), so an anonymous request learns nothing about the body it sent; before the handler,
 * for changes made with the session cookie, 403 `csrf` without a valid CSRF token (read from
 * the `x-csrf-token` header or the `_csrf` field of a form, hence after parsing).
 */
export function requireAccount(scope: FastifyInstance) {
  return {
    preValidation: (
      request: FastifyRequest,
      _reply: FastifyReply,
      done: HookHandlerDoneFunction,
    ): void => {
      if (request.account) {
        done();
        return;
      }
      done(
        DomainError.single(
          'unauthenticated',
          request.badCredentials ? AUTH_MESSAGES.badToken : AUTH_MESSAGES.unauthenticated,
        ),
      );
    },
    preHandler: (
      request: FastifyRequest,
      reply: FastifyReply,
      done: HookHandlerDoneFunction,
    ): void => {
      if (request.account?.via === 'session' && !SAFE_METHODS.has(request.method)) {
        scope.csrfProtection(request, reply, done);
        return;
      }
      done();
    },
  };
}

/**
 * preHandler for sign-up, sign-in and password reset, which work before any session exists:
 * a form post needs the CSRF token; a JSON body does not, because no page on another site can
 * send `content-type: application/json` here (that needs a CORS preflight, which this API never
 * grants).
 */
export function requireCsrfForForms(scope: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (isJsonRequest(request)) {
      done();
      return;
    }
    scope.csrfProtection(request, reply, done);
  };
}

/** preHandler for any change made with the session cookie (sign-out): the CSRF token. */
export function requireCsrfForSession(scope: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.account?.via === 'session') {
      scope.csrfProtection(request, reply, done);
      return;
    }
    done();
  };
}
