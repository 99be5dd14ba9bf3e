/** The private calendar feed: one per user, its address carrying a token shown once. */
import { createToken, hashToken, isTokenShaped } from './secrets.js';
import type { AccountSettings, AccountsDeps } from './common.js';

function calendarFeedUrl(settings: Pick<AccountSettings, 'publicUrl'>, token: string): string {
  return `${settings.publicUrl}/api/feed.ics?token=${token}`;
}

/**
 * Creates the user's private calendar feed, replacing (and so revoking) any earlier one. The
 * address carries the token and is shown this once.
 */
export async function createCalendarFeed(
  deps: Pick<AccountsDeps, 'calendarFeedStore' | 'clock' | 'settings'>,
  userId: string,
): Promise<{ url: string; createdAt: string }> {
  const token = createToken('feed');
  const createdAt = deps.clock.now().toISOString();
  await deps.calendarFeedStore.replaceCalendarFeed({
    userId,
    tokenHash: hashToken(token),
    createdAt,
  });
  return { url: calendarFeedUrl(deps.settings, token), createdAt };
}

/** Whether the user has a calendar feed, and since when. */
export async function getCalendarFeed(
  deps: Pick<AccountsDeps, 'calendarFeedStore'>,
  userId: string,
): Promise<{ active: boolean; createdAt: string | null }> {
  const feed = await deps.calendarFeedStore.findCalendarFeed(userId);
  return { active: feed !== undefined, createdAt: feed?.createdAt ?? null };
}

/** Revokes the calendar feed: its address stops working at once. */
export async function revokeCalendarFeed(
  deps: Pick<AccountsDeps, 'calendarFeedStore'>,
  userId: string,
): Promise<void> {
  await deps.calendarFeedStore.deleteCalendarFeed(userId);
}

/** The owner of a calendar feed token, or undefined (unknown or revoked). */
export async function findCalendarFeedOwner(
  deps: Pick<AccountsDeps, 'calendarFeedStore'>,
  token: string,
): Promise<string | undefined> {
  if (!isTokenShaped('feed', token)) return undefined;
  return (await deps.calendarFeedStore.findCalendarFeedByHash(hashToken(token)))?.userId;
}
