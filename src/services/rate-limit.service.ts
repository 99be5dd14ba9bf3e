/**
 * Request limits counted in the database (RateLimitStore), so every worker and every instance
 * shares one count: enquiries and reveals per IP address. Sign-in and its kin count through
 * limitAttempts (accounts/common.ts), over the same store.
 */
import type { Clock, RateLimitStore } from './ports.js';

export interface RequestLimit {
  max: number;
  windowMs: number;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request under `key` in a fixed window of `limit.windowMs`; allowed while the count
 * is at most `limit.max`, otherwise says how many whole seconds until the window ends (at least 1).
 */
export async function countRequest(
  deps: { rateLimitStore: RateLimitStore; clock: Clock },
  key: string,
  limit: RequestLimit,
): Promise<LimitVerdict> {
  const now = deps.clock.now();
  const { count, resetAt } = await deps.rateLimitStore.hit(
    key,
    now.toISOString(),
    new Date(now.getTime() + limit.windowMs).toISOString(),
  );
  // A new window: forget the windows that ended (at most once per key and window).
  if (count === 1) await deps.rateLimitStore.deleteExpired(now.toISOString());
  if (count <= limit.max) return { allowed: true };
  const waitMs = new Date(resetAt).getTime() - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
