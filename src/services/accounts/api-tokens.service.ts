/** Personal API tokens: shown once when created, then known by name and prefix only. */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { normaliseLine } from '../../domain/validation/text.js';
import { createToken, hashToken, isTokenShaped } from './secrets.js';
import { bodyOf, presentUser, type AccountsDeps } from './common.js';
import type { ApiTokenRecord } from './ports.js';
import { TOUCH_EVERY_MS, type Authenticated } from './sessions.service.js';

const MAX_API_TOKENS = 20;
const API_TOKEN_NAME_LENGTH = 100;

const TOKEN_MESSAGES = Object.freeze({
  tokenNameRequired: 'Give the token a name, such as the program that will use it.',
  tokenNameLong: `The token name has more than ${API_TOKEN_NAME_LENGTH} characters; shorten it.`,
  tooManyTokens: `You have ${MAX_API_TOKENS} tokens already: revoke one you no longer use first.`,
  tokenNotFound: 'There is no such token: it may have been revoked already.',
});

export interface PresentedApiToken {
  id: string;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function presentApiToken(record: PresentedApiToken): PresentedApiToken {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
  };
}

/** The account of a personal API token, or undefined. */
export async function authenticateApiToken(
  deps: Pick<AccountsDeps, 'apiTokenStore' | 'userStore' | 'clock'>,
  token: string,
): Promise<Authenticated | undefined> {
  if (!isTokenShaped('api', token)) return undefined;
  const record = await deps.apiTokenStore.findApiToken(hashToken(token));
  if (!record) return undefined;
  const user = await deps.userStore.findUserById(record.userId);
  if (!user) return undefined;
  const now = deps.clock.now();
  if (
    record.lastUsedAt === null ||
    now.getTime() - new Date(record.lastUsedAt).getTime() >= TOUCH_EVERY_MS
  ) {
    await deps.apiTokenStore.touchApiToken(record.id, now.toISOString());
  }
  return { user: presentUser(user), via: 'token', sessionIdHash: null, renewedUntil: null };
}

/** Creates a personal API token; the token itself is returned this once and never again. */
export async function createApiToken(
  deps: Pick<AccountsDeps, 'apiTokenStore' | 'clock'>,
  userId: string,
  raw: unknown,
): Promise<PresentedApiToken & { token: string }> {
  const body = bodyOf(raw);
  const name = typeof body.name === 'string' ? normaliseLine(body.name) : '';
  if (name === '') throw DomainError.single('required', TOKEN_MESSAGES.tokenNameRequired, 'name');
  if ([...name].length > API_TOKEN_NAME_LENGTH) {
    throw DomainError.single('too-long', TOKEN_MESSAGES.tokenNameLong, 'name');
  }
  if ((await deps.apiTokenStore.listApiTokens(userId)).length >= MAX_API_TOKENS) {
    throw DomainError.single('too-many', TOKEN_MESSAGES.tooManyTokens);
  }
  const token = createToken('api');
  const record: ApiTokenRecord = {
    id: randomUUID(),
    userId,
    name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, 8),
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await deps.apiTokenStore.createApiToken(record);
  return { ...presentApiToken(record), token };
}

/** The user's API tokens (never the tokens themselves), oldest first. */
export async function listApiTokens(
  deps: Pick<AccountsDeps, 'apiTokenStore'>,
  userId: string,
): Promise<PresentedApiToken[]> {
  return (await deps.apiTokenStore.listApiTokens(userId)).map(presentApiToken);
}

/** Revokes one of the user's tokens; `not-found` for anyone else's or an unknown id. */
export async function revokeApiToken(
  deps: Pick<AccountsDeps, 'apiTokenStore'>,
  userId: string,
  id: string,
): Promise<void> {
  if (!(await deps.apiTokenStore.deleteApiToken(userId, id))) {
    throw DomainError.single('not-found', TOKEN_MESSAGES.tokenNotFound);
  }
}
