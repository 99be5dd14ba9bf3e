import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/databases.js';
import { freshDatabaseEach } from '../../test/store-steps.js';
import { buildEnquiryRecord } from '../../test/enquiries.js';
import { SqlEnquiryStore } from './enquiries.store.js';
import { SqlMailQueueStore } from './mail-queue.store.js';

const T0 = '2026-12-07T09:00:00.000Z';
const LEASE = '2026-12-07T09:05:00.000Z';

describe.each(TEST_DATABASES)('mail queue store on $name', (database) => {
  let queue: SqlMailQueueStore;
  const db = freshDatabaseEach(database, (opened) => {
    queue = new SqlMailQueueStore(opened);
  });

  it('queues an email as pending and due at once', async () => {
    await queue.enqueueMail({
      id: 'm1',
      kind: 'password-reset',
      subjectId: 'user-1',
      createdAt: T0,
    });
    expect(await queue.findMail('m1')).toEqual({
      id: 'm1',
      kind: 'password-reset',
      subjectId: 'user-1',
      status: 'pending',
      attempts: 0,
      createdAt: T0,
      nextAttemptAt: T0,
      lastAttemptAt: null,
      sentAt: null,
      givenUpAt: null,
      lastError: null,
      messageId: null,
    });
    expect(await queue.listDueMailIds(T0, 10, ['password-reset'])).toEqual(['m1']);
    expect(await queue.listDueMailIds(T0, 10, ['enquiry'])).toEqual([]);
  });

  it('gives a due email to exactly one of several claims, and not again during the lease', async () => {
    await queue.enqueueMail({ id: 'm1', kind: 'enquiry', subjectId: 'e1', createdAt: T0 });
    const claims = await Promise.all([1, 2, 3].map(() => queue.claimMail('m1', T0, LEASE)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await queue.listDueMailIds(T0, 10, ['enquiry'])).toEqual([]);
    expect(await queue.claimMail('m1', '2026-12-07T09:04:59.000Z', LEASE)).toBe(false);
    // A lease that ran out (the process died mid-attempt) lets another process try.
    expect(await queue.claimMail('m1', LEASE, '2026-12-07T09:10:00.000Z')).toBe(true);
  });

  it('never claims a sent email again', async () => {
    await queue.enqueueMail({ id: 'm1', kind: 'enquiry', subjectId: 'e1', createdAt: T0 });
    expect(await queue.claimMail('m1', T0, LEASE)).toBe(true);
    await queue.recordMailSent('m1', T0, '<enquiry-m1@shortlist.example>');
    expect(await queue.findMail('m1')).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: T0,
      nextAttemptAt: null,
      messageId: '<enquiry-m1@shortlist.example>',
    });
    expect(
      await queue.claimMail('m1', '2030-01-01T00:00:00.000Z', '2030-01-01T00:05:00.000Z'),
    ).toBe(false);
  });

  it('records failures: retrying until given up as failed or expired', async () => {
    await queue.enqueueMail({ id: 'm1', kind: 'password-reset', subjectId: 'u1', createdAt: T0 });
    await queue.recordMailFailure('m1', {
      at: T0,
      error: 'ECONNREFUSED: connect ECONNREFUSED',
      nextAttemptAt: '2026-12-07T09:01:00.000Z',
      giveUpStatus: 'expired',
    });
    expect(await queue.findMail('m1')).toMatchObject({
      status: 'retrying',
      attempts: 1,
      nextAttemptAt: '2026-12-07T09:01:00.000Z',
      lastError: 'ECONNREFUSED: connect ECONNREFUSED',
    });
    await queue.recordMailFailure('m1', {
      at: LEASE,
      error: 'x'.repeat(600),
      nextAttemptAt: null,
      giveUpStatus: 'expired',
    });
    const given = await queue.findMail('m1');
    expect(given).toMatchObject({
      status: 'expired',
      attempts: 2,
      givenUpAt: LEASE,
      nextAttemptAt: null,
    });
    expect(given?.lastError).toHaveLength(500);
    await queue.enqueueMail({ id: 'm2', kind: 'password-reset', subjectId: 'gone', createdAt: T0 });
    await queue.expireMail('m2', T0, 'Nothing to send');
    expect(await queue.findMail('m2')).toMatchObject({ status: 'expired', attempts: 0 });
  });

  it('an enquiry joins the queue in the same transaction as it is stored', async () => {
    const enquiry = buildEnquiryRecord({ createdAt: T0, nextAttemptAt: T0 });
    await new SqlEnquiryStore(db()).createEnquiry(enquiry, null);
    expect(await queue.findMail(enquiry.id)).toMatchObject({
      kind: 'enquiry',
      subjectId: enquiry.id,
      status: 'pending',
      nextAttemptAt: T0,
    });
  });
});
