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
  'database-unavailable': 503,
};

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
  app.setNotFoundHandler((request, reply) =>
    sendProblems(reply, 404, [
      {
        field: null,
        code: 'not-found',
        message: `There is nothing at ${request.method} ${request.url.split('?')[0]}`,
      },
    ]),
  );
}
