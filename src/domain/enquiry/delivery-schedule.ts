/**
 * When a failed delivery is tried again: a growing wait after each failed attempt, then giving
 * up. The enquiry itself is never deleted; a failed one stays stored with its last error.
 */

/** Minutes to wait after the 1st, 2nd... failed attempt before the next one. */
export const RETRY_DELAYS_MINUTES: readonly number[] = Object.freeze([
  1, 5, 15, 60, 180, 360, 720, 1440,
]);

/** How many attempts are made in all: the first one and one after each delay. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/**
 * When the next attempt is due after `attempts` failed attempts (counting the one that just
 * failed) ending at `now`; null when there will be no more attempts.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  if (minutes === undefined) return null;
  return new Date(now.getTime() + minutes * 60_000);
}
