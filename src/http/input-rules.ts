/**
 * Rules every request's input obeys, whatever the route: one hook at the app's root, so no route
 * needs its own. A NUL character (U+0000) in a JSON, form or query-string field, or in a route
 * parameter, is a 400 on both databases (PostgreSQL cannot store it in text). The file parts of
 * multipart uploads never reach `request.body`, so a PDF's NUL bytes pass.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Problem } from '../domain/errors.js';

// Deep enough for any input we accept; deeper nesting is checked no further.
const MAX_DEPTH = 32;

const NUL_MESSAGE = 'contains a NUL character (U+0000), which is never accepted';

function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Collects the path of every string (value or key) holding a NUL, at most one per field. */
function findNul(value: unknown, path: string, depth: number, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
    return;
  }
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => findNul(item, pathOf(path, index), depth + 1, found));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) {
      found.push(path === '' ? '(a field name)' : `${path} (a field name)`);
      continue;
    }
    findNul(item, pathOf(path, key), depth + 1, found);
  }
}

/** Every NUL in the request's parameters, query string and parsed body, as problems. */
function findNulProblems(request: FastifyRequest): Problem[] {
  const found: string[] = [];
  findNul(request.params, '', 0, found);
  findNul(request.query, '', 0, found);
  findNul(request.body, '', 0, found);
  return [...new Set(found)].map((field) => ({
    field,
    code: 'invalid-character',
    message: `${field} ${NUL_MESSAGE}`,
  }));
}

/**
 * Installs the rule at the app's root, before any route: a preHandler, so multipart text fields
 * (parsed in their scope's preValidation) are checked too, before CSRF and every handler.
 */
export function installInputRules(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const problems = findNulProblems(request);
    if (problems.length > 0) throw new DomainError(problems);
  });
}
