/**
 * The one error table of the HTTP edge: DomainError codes -> statuses, and every error, expected
 * or not, as `{errors:[{field, code, message, suggestions?}]}`. Unknown errors are logged with
 * their stack and answered with a generic 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type Problem } from '../domain/errors.js';

const STATUS_BY_CODE: Record<string, number> = {
  'not-found': 404,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  csrf: 403,
  'email-taken': 409,
  'rate-limited': 429,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'unknown-migrations': 503,
  'too-many-files': 413,
  'too-many-fields': 413,
  'uri-too-long': 414,
  'database-unavailable': 503,
};

export const EDGE_MESSAGES = Object.freeze({
  tooManyFiles: 'Send at most one file with a message.',
  tooManyFields: 'The form has too many fields: at most 30 are accepted.',
  uriTooLong: 'The web address is too long: each part of it is at most 100 characters.',
  badUrl: 'The web address is not valid: a %-escape in it is broken.',
  databaseUnavailable:
    'Shortlist cannot reach its database just now. Nothing was saved: please try again in a moment.',
});

// Connection failures, by the shape the drivers give them: node errors (refused, reset, timed
// out), PostgreSQL's connection-exception class 08, shutdown and too-many-connections codes, the
// pool's own timeout, and SQLite's cannot-open, I/O and moved-file errors.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_IOERR',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/** True when an error means the database cannot be reached (answered 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR')) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
    return true;
  }
  // A refused connection to a host with several addresses arrives as an AggregateError.
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner));
}

/**
 * The problem a known failure from outside our code stands for (multipart limits, over-long or
 * broken URLs, an unreachable database), with its status; undefined for anything else. Shared by
 * the JSON error handler and the HTML error pages, so both answer the same status.
 */
export function knownFailure(error: unknown): { status: number; problem: Problem } | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const make = (problemCode: string, message: string) => ({
    status: statusForCode(problemCode),
    problem: { field: null, code: problemCode, message },
  });
  switch (code) {
    case 'FST_FILES_LIMIT':
      return make('too-many-files', EDGE_MESSAGES.tooManyFiles);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return make('too-many-fields', EDGE_MESSAGES.tooManyFields);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return make('uri-too-long', EDGE_MESSAGES.uriTooLong);
    case 'FST_ERR_BAD_URL':
      return make('invalid', EDGE_MESSAGES.badUrl);
    default:
      return isDatabaseUnavailable(error)
        ? make('database-unavailable', EDGE_MESSAGES.databaseUnavailable)
        : undefined;
  }
}

// Fastify's router refuses a parameter over 100 characters (maxParamLength) with a 414; a path
// that then falls to a wildcard route or to "not found" answers the same, whatever the method.
const MAX_SEGMENT_LENGTH = 100;

/** The 414 problem when a segment of the URL's path is over 100 characters; else undefined. */
export function overlongPathFailure(url: string): { status: number; problem: Problem } | undefined {
  const path = url.split('?')[0] ?? '/';
  if (!path.split('/').some((segment) => segment.length > MAX_SEGMENT_LENGTH)) return undefined;
  return knownFailure({ code: 'FST_ERR_MAX_PARAM_LENGTH' });
}

/** True for the JSON API's paths: /api and everything under it. */
export function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  return path === '/api' || path.startsWith('/api/');
}

/** HTTP status for a problem code: 400 unless the table says otherwise. */
export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}

export function sendProblems(reply: FastifyReply, status: number, problems: Problem[]) {
  return reply.status(status).type('application/json; charset=utf-8').send({ errors: problems });
}

function fromFastifyValidation(error: FastifyError): Problem[] {
  const items = error.validation ?? [];
  if (items.length === 0) return [{ field: null, code: 'invalid', message: error.message }];
  return items.map((item) => {
    const base = item.instancePath
      .replace(/^\//, '')
      .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
      .replace(/\//g, '.');
    const missing =
      item.keyword === 'required'
        ? String((item.params as { missingProperty?: string }).missingProperty ?? '')
        : '';
    const field = [base, missing].filter((p) => p !== '').join('.') || null;
    const code =
      item.keyword === 'required'
        ? 'required'
        : item.keyword === 'maxLength'
          ? 'too-long'
          : item.keyword === 'enum'
            ? 'not-in-list'
            : ['minimum', 'maximum'].includes(item.keyword)
              ? 'out-of-range'
              : 'invalid';
    const message =
      item.keyword === 'required'
        ? `${field ?? 'A field'} is required`
        : `${field ?? 'The request'} ${item.message ?? 'is not valid'}`;
    return { field, code, message };
  });
}

/** Installs the error and not-found handlers that give every failure the shared shape. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDomainError(error)) return sendProblems(reply, statusForCode(error.code), error.problems);
    if (error.validation) return sendProblems(reply, 400, fromFastifyValidation(error));
    const known = knownFailure(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.problem.code);
      return sendProblems(reply, known.status, [known.problem]);
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
      return sendProblems(reply, 403, [
        {
          field: null,
          code: 'csrf',
          message:
            'This form has expired or did not come from Shortlist: reload the page and try again.',
        },
      ]);
    }
    if (status === 429) {
      return sendProblems(reply, 429, [
        {
          field: null,
          code: 'rate-limited',
          message: 'Too many requests: please wait a moment and try again',
        },
      ]);
    }
    if (status === 413) {
      return sendProblems(reply, 413, [
        { field: null, code: 'payload-too-large', message: 'The request is too large' },
      ]);
    }
    if (status === 415) {
      return sendProblems(reply, 415, [
        {
          field: null,
          code: 'unsupported-media-type',
          message: 'This content type is not accepted here',
        },
      ]);
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON bodies and similar client faults from Fastify itself.
      return sendProblems(reply, status, [
        { field: null, code: 'invalid', message: error.message || 'The request is not valid' },
      ]);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblems(reply, 500, [
      {
        field: null,
        code: 'internal',
        message: 'Something went wrong on our side. Please try again.',
      },
    ]);
  });
  app.setNotFoundHandler((request, reply) => {
    const overlong = overlongPathFailure(request.url);
    if (overlong) return sendProblems(reply, overlong.status, [overlong.problem]);
    return sendProblems(reply, 404, [
      {
        field: null,
        code: 'not-found',
        message: `There is nothing at ${request.method} ${request.url.split('?')[0]}`,
      },
    ]);
  });
}
