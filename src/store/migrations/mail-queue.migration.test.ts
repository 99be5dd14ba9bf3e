import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../../test/databases.js';
import { buildEnquiryRecord } from '../../../test/enquiries.js';
import type { Db } from '../db.js';
import { SqlEnquiryStore } from '../enquiries.store.js';
import { SqlMailQueueStore } from '../mail-queue.store.js';
import { migrateToLatest } from '../migrate.js';
import { down } from './2026-12-07T0900-mail-queue.js';

describe.each(TEST_DATABASES)('the mail-queue migration on $name', (database) => {
  let db: Db;
  beforeEach(async () => {
    db = await database.open();
  });
  afterEach(() => db.close());

  it('goes down and up again, moving enquiries still to be delivered into the queue', async () => {
    const pending = buildEnquiryRecord();
    const retrying = buildEnquiryRecord({
      status: 'retrying',
      attempts: 2,
      nextAttemptAt: '2026-11-26T09:06:00.000Z',
      lastError: 'ECONNREFUSED: connect ECONNREFUSED',
    });
    const sent = buildEnquiryRecord({ status: 'sent', attempts: 1, nextAttemptAt: null });
    const store = new SqlEnquiryStore(db);
    for (const e of [pending, retrying, sent]) await store.createEnquiry(e, null);

    // As a database was before this migration: enquiries and no queue.
    await down(db.kysely as never);
    await sql`delete from kysely_migration where name = '2026-12-07T0900-mail-queue'`.execute(
      db.kysely,
    );
    expect(await migrateToLatest(db)).toEqual(['2026-12-07T0900-mail-queue']);

    const queue = new SqlMailQueueStore(db);
    expect(await queue.findMail(pending.id)).toMatchObject({
      kind: 'enquiry',
      subjectId: pending.id,
      status: 'pending',
      attempts: 0,
    });
    expect(await queue.findMail(retrying.id)).toMatchObject({
      status: 'retrying',
      attempts: 2,
      nextAttemptAt: '2026-11-26T09:06:00.000Z',
      lastError: 'ECONNREFUSED: connect ECONNREFUSED',
    });
    expect(await queue.findMail(sent.id)).toBeUndefined();
  });
});
