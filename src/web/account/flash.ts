/**
 * What /account shows once after a change that makes a secret (Post/Redirect/Get): the new API
 * token or calendar address travels from the POST to the page it redirects to in a short-lived
 * cookie (signed, HttpOnly, only sent to /account), for the account that made it only, and the
 * page that shows it clears it. Never in the URL, so never in logs, history or Referer; reloading
 * the page shows nothing new and creates nothing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const ACCOUNT_FLASH_COOKIE = 'shortlist_account_flash';
const FLASH_PATH = '/account';
/** Long enough for the redirect, short enough not to linger if it never happens. */
const ACCOUNT_FLASH_SECONDS = 120;

/** The secrets a change made, to show once. */
interface AccountFlash {
  newToken?: string;
  newFeedUrl?: string;
}

interface StoredFlash extends AccountFlash {
  /** The account that made them: no one else signed in on this browser sees them. */
  userId: string;
}

/** Keeps what to show on the next /account page of this account. */
export function writeAccountFlash(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  flash: AccountFlash,
): void {
  const stored: StoredFlash = { userId, ...flash };
  void reply.setCookie(ACCOUNT_FLASH_COOKIE, JSON.stringify(stored), {
    path: FLASH_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    maxAge: ACCOUNT_FLASH_SECONDS,
  });
}

/** What to show once to this account ({} when nothing), clearing it for the next request. */
export function takeAccountFlash(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): AccountFlash {
  const raw = request.cookies[ACCOUNT_FLASH_COOKIE];
  if (raw === undefined) return {};
  void reply.clearCookie(ACCOUNT_FLASH_COOKIE, { path: FLASH_PATH });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return {};
  const stored = parseFlash(unsigned.value);
  if (stored?.userId !== userId) return {};
  return {
    ...(stored.newToken ? { newToken: stored.newToken } : {}),
    ...(stored.newFeedUrl ? { newFeedUrl: stored.newFeedUrl } : {}),
  };
}

function parseFlash(text: string): StoredFlash | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { userId, newToken, newFeedUrl } = value as Record<string, unknown>;
    if (typeof userId !== 'string') return null;
    return {
      userId,
      ...(typeof newToken === 'string' ? { newToken } : {}),
      ...(typeof newFeedUrl === 'string' ? { newFeedUrl } : {}),
    };
  } catch {
    return null;
  }
}
