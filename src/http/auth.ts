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
import {
  authenticateApiToken,
  authenticateSession,
  RateLimitedError,
  type AccountsDeps,
  type Authenticated,
  type NewSession,
} from '../services/accounts.service.js';
import type { InterviewsDeps } from '../services/interviews.service.js';
import type {
  AccountStore,
  InterviewStore,
  MailAddress,
  Mailer,
  RateLimitStore,
} from '../services/ports.js';
import type { AppDeps } from './app.js';
import { DEV_COOKIE_SECRET } from './web.routes.js';

/** The session cookie: a random token whose SHA-256 hash is the session's key. */
export const SESSION_COOKIE = 'shortlist_session';
/** The CSRF secret (signed); forms and scripts send the token derived from it. */
export const CSRF_COOKIE = 'shortlist_csrf';
/** The header a script sends the CSRF token in (forms use the `_csrf` field). */
export const CSRF_HEADER = 'x-csrf-token';

export const AUTH_MESSAGES = Object.freeze({
  unauthenticated: 'Sign in first, or send a personal API token as Authorization: Bearer sl_...',
  badToken: 'The API token is not valid or has been revoked.',
  csrf: 'This form has expired or did not come from Shortlist: reload the page and try again.',
});

/** What the account routes need, wired in server.ts (config -> stores -> here). */
export interface AccountsAppDeps {
  accountStore: AccountStore;
  interviewStore: InterviewStore;
  rateLimitStore: RateLimitStore;
  mailer: Mailer;
  mailFrom: MailAddress;
  /** The site's own address (config PUBLIC_URL), for links in emails and the feed. */
  publicUrl: string;
  /** Days without use after which a session ends (config SESSION_IDLE_DAYS). */
  sessionIdleDays: number;
  /** Attempts per IP and per account in a window (config AUTH_RATE_LIMIT); 10 per 15 minutes. */
  rateLimit?: { attempts: number; windowMinutes: number };
}

/** The services' deps, built once from the app's. */
export interface AccountContext {
  accounts: AccountsDeps;
  interviews: InterviewsDeps;
  exports: AccountsDeps & { interviewStore: InterviewStore };
  cookieSecret: string;
}

export const DEFAULT_AUTH_RATE_LIMIT = { attempts: 10, windowMinutes: 15 };

export function buildAccountContext(deps: AppDeps, accounts: AccountsAppDeps): AccountContext {
  const clock = deps.clock ?? { now: () => new Date() };
  const accountsDeps: AccountsDeps = {
    accountStore: accounts.accountStore,
    rateLimitStore: accounts.rateLimitStore,
    clock,
    mailer: accounts.mailer,
    settings: {
      publicUrl: accounts.publicUrl.replace(/\/+$/, ''),
      mailFrom: accounts.mailFrom,
      sessionIdleDays: accounts.sessionIdleDays,
      rateLimit: accounts.rateLimit ?? DEFAULT_AUTH_RATE_LIMIT,
    },
  };
  return {
    accounts: accountsDeps,
    interviews: { interviewStore: accounts.interviewStore, clock, snapshot: deps.snapshot },
    exports: { ...accountsDeps, interviewStore: accounts.interviewStore },
    cookieSecret: deps.cookieSecret ?? DEV_COOKIE_SECRET,
  };
}

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
export function setSessionCookie(
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

/** A CSRF token for forms and scripts; creates the secret cookie on first use. */
export function createCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ secure: isSecure(request) });
}

/**
 * Sets up a scope for account routes: cookies (unless an outer scope has them), the CSRF secret
 * cookie, and a hook that finds the request's account from its bearer token or session cookie.
 */
export async function installAccountAuth(
  scope: FastifyInstance,
  context: AccountContext,
): Promise<void> {
  if (!scope.hasDecorator('parseCookie')) {
    await scope.register(cookie, { secret: context.cookieSecret });
  }
  if (!scope.hasDecorator('csrfProtection')) {
    await scope.register(csrf, {
      cookieKey: CSRF_COOKIE,
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true },
    });
  }
  scope.decorateRequest('account', null);
  scope.decorateRequest('badCredentials', false);
  scope.addHook('onRequest', async (request, reply) => {
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
export function isJsonRequest(request: FastifyRequest): boolean {
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
