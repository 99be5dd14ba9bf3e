import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import type { Db } from '../store/db.js';
import { SqlInterviewStore } from '../store/interviews.store.js';
import {
  MAX_PENDING_SAVE_CHARS,
  keepInterviewForSignIn,
  takeInterviewKeptForSignIn,
  type PendingSaveDeps,
} from './pending-saves.service.js';

describe('an interview kept while its visitor signs in', () => {
  let db: Db;
  let now = new Date('2026-12-07T10:00:00.000Z');
  let deps: PendingSaveDeps;

  beforeEach(async () => {
    db = await TEST_DATABASES[0]!.open();
    now = new Date('2026-12-07T10:00:00.000Z');
    deps = { interviewStore: new SqlInterviewStore(db), clock: { now: () => now } };
  });
  afterEach(() => db.close());

  it('is handed over once, under a key the database never holds', async () => {
    const key = await keepInterviewForSignIn(deps, { 'employer.name': 'Hargreaves & Pollard LLP' });
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.kysely.selectFrom('pending_interview_saves').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).not.toBe(key);
    expect(rows[0]!.expires_at).toBe('2026-12-07T10:30:00.000Z');
    expect(await takeInterviewKeptForSignIn(deps, key!)).toEqual({
      'employer.name': 'Hargreaves & Pollard LLP',
    });
    expect(await takeInterviewKeptForSignIn(deps, key!)).toBeNull();
  });

  it('is gone after 30 minutes', async () => {
    const key = await keepInterviewForSignIn(deps, { role: 'Analyst' });
    now = new Date('2026-12-07T10:30:00.000Z');
    expect(await takeInterviewKeptForSignIn(deps, key!)).toBeNull();
  });

  it('refuses what is too large to keep, and keys that were never made', async () => {
    expect(await keepInterviewForSignIn(deps, { note: 'x'.repeat(MAX_PENDING_SAVE_CHARS) })).toBe(
      null,
    );
    expect(await takeInterviewKeptForSignIn(deps, 'not-a-key')).toBeNull();
    expect(await takeInterviewKeptForSignIn(deps, 'A'.repeat(43))).toBeNull();
  });
});
