/**
 * Per-IP request limits counted in the database (services/rate-limit.service.ts), so every
 * worker and instance shares one count. A limiter throws a DomainError `rate-limited` (429) after
 * setting Retry-After on the reply.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import type { Clock, RateLimitStore } from '../services/ports.js';
import { countRequest, type RequestLimit } from '../services/rate-limit.service.js';

export type RequestLimiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** `what` names the requests in the message: "You have sent 5 messages in 10 minutes...". */
export function createLimiter(
  deps: { rateLimitStore: RateLimitStore; clock: Clock },
  action: string,
  limit: RequestLimit,
  what: string,
): RequestLimiter {
  return async (request, reply) => {
    const verdict = await countRequest(deps, `${action}:ip:${request.ip}`, limit);
    if (verdict.allowed) return;
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw DomainError.single(
      'rate-limited',
      `You have sent ${limit.max} ${what} in ${minutesText(limit.windowMs)}, the most we accept from one connection: please wait ${minutesText(verdict.retryAfterSeconds * 1000)} and try again`,
    );
  };
}
