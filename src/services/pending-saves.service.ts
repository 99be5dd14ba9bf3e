/**
 * "Save this interview to your account" for a visitor who is not signed in: the /follow-up form's
 * fields wait on the server for 30 minutes under a random key while they sign in or sign up. Only
 * the visitor's cookie holds the key; the database keeps its SHA-256, so a copy of the database
 * cannot be used to claim someone's interview. The form is handed over once, then deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock, InterviewStore } from './ports.js';

export const PENDING_SAVE_MINUTES = 30;
/** Far above any form the planner accepts; a bound on what one anonymous post may store. */
export const MAX_PENDING_SAVE_CHARS = 200_000;

export interface PendingSaveDeps {
  interviewStore: InterviewStore;
  clock: Clock;
}

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Keeps the fields; answers the key for the visitor's cookie, or null when they are too large. */
export async function keepInterviewForSignIn(
  deps: PendingSaveDeps,
  fields: Record<string, string>,
): Promise<string | null> {
  const text = JSON.stringify(fields);
  if (text.length > MAX_PENDING_SAVE_CHARS) return null;
  const key = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + PENDING_SAVE_MINUTES * 60_000);
  await deps.interviewStore.keepPendingSave(
    hashKey(key),
    text,
    expiresAt.toISOString(),
    now.toISOString(),
  );
  return key;
}

/** The fields kept under the key, once; null when unknown, used or expired. */
export async function takeInterviewKeptForSignIn(
  deps: PendingSaveDeps,
  key: string,
): Promise<Record<string, string> | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(key)) return null;
  const text = await deps.interviewStore.takePendingSave(
    hashKey(key),
    deps.clock.now().toISOString(),
  );
  if (text === undefined) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const fields: Record<string, string> = {};
    for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
      if (typeof field === 'string') fields[name] = field;
    }
    return fields;
  } catch {
    return null;
  }
}
