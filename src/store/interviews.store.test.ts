import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { makeInput } from '../domain/followup/test-support.js';
import type { InterviewRecord } from '../services/ports.js';
import { SqlUserStore } from './accounts.store.js';
import { SqlInterviewStore } from './interviews.store.js';

const AT = '2026-10-15T11:00:00.000Z';

function buildInterview(overrides: Partial<InterviewRecord> = {}): InterviewRecord {
  return {
    id: 'interview-1',
    userId: 'user-1',
    input: makeInput(),
    agency: 'acme-driving',
    outcome: 'pending',
    outcomeAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

describe.each(TEST_DATABASES)('interview store on $name', (database) => {
  let store: SqlInterviewStore;
  const db = freshDatabaseEach(database, async (opened) => {
    store = new SqlInterviewStore(opened);
    const accounts = new SqlUserStore(opened);
    for (const id of ['user-1', 'user-2']) {
      await accounts.createUser({
        id,
        email: `${id}@example.com`,
        passwordHash: 'scrypt$x',
        createdAt: AT,
        passwordChangedAt: AT,
      });
    }
  });

  it('gives back exactly the interview it was given, to its owner only', async () => {
    await store.createInterview(buildInterview());
    expect(await store.findInterview('user-1', 'interview-1')).toEqual({
      interview: buildInterview(),
      states: [],
      replies: [],
    });
    expect(await store.findInterview('user-2', 'interview-1')).toBeUndefined();
    expect(await store.listInterviews('user-2')).toEqual([]);
  });

  it('lists a user’s interviews by start, soonest first, with states and replies', async () => {
    const later = makeInput({
      interview: { startsAt: '2026-10-20T09:00', endsAt: '2026-10-20T10:00' },
    });
    await store.createInterview(buildInterview({ id: 'b', input: later }));
    await store.createInterview(buildInterview({ id: 'a' }));
    await store.createInterview(buildInterview({ id: 'c', userId: 'user-2' }));
    await store.saveStepState(
      'user-1',
      'b',
      { stepId: 'interview:check-in', status: 'skipped', doneAt: null, draft: null },
      AT,
    );
    await store.addReply('user-1', 'a', {
      id: 'r2',
      at: '2026-10-19T09:00:00Z',
      from: null,
      recordedAt: AT,
    });
    await store.addReply('user-1', 'a', {
      id: 'r1',
      at: '2026-10-18T09:00:00Z',
      from: 'Anna Clarke',
      recordedAt: AT,
    });
    const listed = await store.listInterviews('user-1');
    expect(listed.map((entry) => entry.interview.id)).toEqual(['a', 'b']);
    expect(listed[0]?.replies).toEqual([
      { id: 'r1', at: '2026-10-18T09:00:00Z', from: 'Anna Clarke', recordedAt: AT },
      { id: 'r2', at: '2026-10-19T09:00:00Z', from: null, recordedAt: AT },
    ]);
    expect(listed[1]?.states).toEqual([
      { stepId: 'interview:check-in', status: 'skipped', doneAt: null, draft: null },
    ]);
  });

  it('upserts step states with drafts, for the owner only', async () => {
    await store.createInterview(buildInterview());
    const state = {
      stepId: 'anna-clarke:thank-you:email',
      status: 'done' as const,
      doneAt: '2026-10-15T18:00:00Z',
      draft: { subject: 'Thank you', body: 'Dear Anna,\n\nThank you.' },
    };
    expect(await store.saveStepState('user-2', 'interview-1', state, AT)).toBe(false);
    expect(await store.saveStepState('user-1', 'interview-1', state, AT)).toBe(true);
    const edited = { ...state, status: 'pending' as const, doneAt: null, draft: { body: 'Hi' } };
    expect(await store.saveStepState('user-1', 'interview-1', edited, AT)).toBe(true);
    expect((await store.findInterview('user-1', 'interview-1'))?.states).toEqual([edited]);
    expect(
      await store.addReply('user-2', 'interview-1', {
        id: 'r',
        at: AT,
        from: null,
        recordedAt: AT,
      }),
    ).toBe(false);
  });

  it('updates for the owner only, and forgets states of steps the new plan lacks', async () => {
    await store.createInterview(buildInterview());
    for (const stepId of ['interview:check-in', 'interview:close']) {
      await store.saveStepState(
        'user-1',
        'interview-1',
        { stepId, status: 'skipped', doneAt: null, draft: null },
        AT,
      );
    }
    const changed = buildInterview({
      outcome: 'offer',
      outcomeAt: '2026-10-25T09:00:00.000Z',
      agency: null,
      updatedAt: '2026-10-25T09:00:00.000Z',
    });
    expect(await store.updateInterview({ ...changed, userId: 'user-2' })).toBe(false);
    expect(await store.updateInterview(changed, ['interview:close'])).toBe(true);
    expect(await store.findInterview('user-1', 'interview-1')).toEqual({
      interview: changed,
      states: [{ stepId: 'interview:close', status: 'skipped', doneAt: null, draft: null }],
      replies: [],
    });
  });

  it('deletes for the owner only, with the steps and replies', async () => {
    await store.createInterview(buildInterview());
    await store.addReply('user-1', 'interview-1', { id: 'r', at: AT, from: null, recordedAt: AT });
    expect(await store.deleteInterview('user-2', 'interview-1')).toBe(false);
    expect(await store.deleteInterview('user-1', 'interview-1')).toBe(true);
    expect(await store.findInterview('user-1', 'interview-1')).toBeUndefined();
    const replies = await db().kysely.selectFrom('interview_replies').selectAll().execute();
    expect(replies).toEqual([]);
  });
  it('keeps a pending save once, and never after it expires', async () => {
    await store.keepPendingSave(
      'a'.repeat(64),
      '{"role":"Analyst"}',
      '2026-10-15T11:30:00.000Z',
      AT,
    );
    expect(await store.takePendingSave('a'.repeat(64), '2026-10-15T11:10:00.000Z')).toBe(
      '{"role":"Analyst"}',
    );
    expect(await store.takePendingSave('a'.repeat(64), '2026-10-15T11:10:00.000Z')).toBeUndefined();

    await store.keepPendingSave('b'.repeat(64), '{}', '2026-10-15T11:30:00.000Z', AT);
    expect(await store.takePendingSave('b'.repeat(64), '2026-10-15T11:30:00.000Z')).toBeUndefined();
    expect(await store.takePendingSave('c'.repeat(64), AT)).toBeUndefined();
  });

  it('drops expired pending saves when another is kept', async () => {
    await store.keepPendingSave('a'.repeat(64), '{}', '2026-10-15T11:30:00.000Z', AT);
    await store.keepPendingSave(
      'b'.repeat(64),
      '{}',
      '2026-10-15T12:30:00.000Z',
      '2026-10-15T12:00:00.000Z',
    );
    const { kysely } = db();
    const rows = await kysely.selectFrom('pending_interview_saves').select('key_hash').execute();
    expect(rows.map((row) => row.key_hash)).toEqual(['b'.repeat(64)]);
  });
});
