/**
 * The ports of accounts (issue 7), one store per concern: users, sessions, API tokens, password
 * resets, calendar feeds, favourites. Every token is stored as its SHA-256 hash only.
 */

export interface UserRecord {
  id: string;
  /** Normalised: trimmed, NFC, lower case; unique. */
  email: string;
  /** `scrypt$N$r$p$salt$hash`. */
  passwordHash: string;
  createdAt: string;
  passwordChangedAt: string;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  /** Slides forward with use: lastSeenAt + the idle limit. */
  expiresAt: string;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, to tell tokens apart on the account page. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface PasswordResetRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface CalendarFeedRecord {
  userId: string;
  tokenHash: string;
  createdAt: string;
}

export interface FavouriteRecord {
  listingSlug: string;
  createdAt: string;
}

/** The accounts themselves; changes of password and deletion reach into every other concern. */
export interface UserStore {
  /** `email-taken` when the address already has an account (also under a race). */
  createUser(user: UserRecord): Promise<'created' | 'email-taken'>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  updatePasswordHash(userId: string, passwordHash: string): Promise<void>;
  /**
   * Sets a new password and, in the same transaction, revokes every session except
   * `keepSessionIdHash` (null: all) and every pending reset link; with `revokeCredentials`, also
   * every API token and the calendar feed.
   */
  replacePassword(
    userId: string,
    passwordHash: string,
    changedAt: string,
    keepSessionIdHash: string | null,
    options?: { revokeCredentials?: boolean },
  ): Promise<void>;
  updateEmail(userId: string, email: string): Promise<'updated' | 'email-taken'>;
  /** Deletes the user and everything they own, in one transaction. */
  deleteUser(userId: string): Promise<void>;
}

export interface SessionStore {
  createSession(session: SessionRecord): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  listSessions(userId: string): Promise<SessionRecord[]>;
  deleteExpiredSessions(now: string): Promise<number>;
}

export interface ApiTokenStore {
  createApiToken(token: ApiTokenRecord): Promise<void>;
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  touchApiToken(id: string, at: string): Promise<void>;
  /** False when the user has no such token. */
  deleteApiToken(userId: string, id: string): Promise<boolean>;
}

export interface PasswordResetStore {
  createPasswordReset(reset: PasswordResetRecord): Promise<void>;
  findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | undefined>;
  /**
   * Uses a reset link once: when it exists and has not expired at `now`, deletes it (and every
   * other link of the user) and returns its user id; undefined otherwise.
   */
  takePasswordReset(tokenHash: string, now: string): Promise<string | undefined>;
}

export interface CalendarFeedStore {
  /** Sets the user's one calendar feed, replacing (revoking) any earlier one. */
  replaceCalendarFeed(feed: CalendarFeedRecord): Promise<void>;
  findCalendarFeed(userId: string): Promise<CalendarFeedRecord | undefined>;
  findCalendarFeedByHash(tokenHash: string): Promise<CalendarFeedRecord | undefined>;
  deleteCalendarFeed(userId: string): Promise<boolean>;
}

export interface FavouriteStore {
  /** Adds the slugs the user does not have yet; returns how many were added. */
  addFavourites(userId: string, slugs: readonly string[], at: string): Promise<number>;
  listFavourites(userId: string): Promise<FavouriteRecord[]>;
  removeFavourite(userId: string, slug: string): Promise<boolean>;
}

/** One store per concern of accounts, as the composition root builds them together. */
export interface AccountStores {
  userStore: UserStore;
  sessionStore: SessionStore;
  apiTokenStore: ApiTokenStore;
  passwordResetStore: PasswordResetStore;
  calendarFeedStore: CalendarFeedStore;
  favouriteStore: FavouriteStore;
}
